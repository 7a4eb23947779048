import { detectLanguage } from '../translate/detect';
import { catalogueCode, languageName, sameLanguage } from '../translate/languages';
import { USER_SUPPLIED, type Translator } from '../translate/translator';
import type { Comparison, Run, Target } from './types';

/** What a run's language asks of the runner. */
export interface LanguagePlan {
  /** The prompt's language, which is also the reader's. */
  source: string;
  /** The run's language, or null when the prompt goes as written. */
  target: string | null;
  /** The prompt must be put into `target` first (run state 'translating'). */
  translate: boolean;
  /** The user's own translation for `target`, sent instead of translating. */
  supplied?: string;
  /** Said on the run when it cannot be asked in its language (no translator, no translation given). */
  notice?: string;
}

/** A translation step that failed; the run fails with this message. */
export class TranslationFailed extends Error {
  readonly code = 'translation';
  constructor(message: string) {
    super(message);
    this.name = 'TranslationFailed';
  }
}

/** The comparison's language: as the user set it, else detected from the prompt, else English. */
function sourceLanguageOf(comparison: Comparison): string {
  return catalogueCode(comparison.language) ?? comparison.language ?? detectLanguage(comparison.prompt).code ?? 'en';
}

/** Decides whether and how a run's prompt is translated before it is sent. */
export function languagePlan(target: Target, comparison: Comparison, translator: Translator | undefined): LanguagePlan {
  const source = sourceLanguageOf(comparison);
  const wanted = target.language ? (catalogueCode(target.language) ?? target.language) : null;
  if (!wanted || sameLanguage(wanted, source)) return { source, target: wanted, translate: false };
  const supplied = Object.entries(comparison.translations ?? {}).find(([code, text]) => sameLanguage(code, wanted) && text.trim())?.[1];
  if (supplied || translator) return { source, target: wanted, translate: true, ...(supplied ? { supplied } : {}) };
  return {
    source,
    target: wanted,
    translate: false,
    notice: `No translator is set up, so the prompt was sent in ${languageName(source)} as written, not in ${languageName(wanted)}.`,
  };
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Puts the prompt into the run's language: the user's translation when given, else the translator's. */
export async function translatePrompt(
  prompt: string,
  plan: LanguagePlan,
  translator: Translator | undefined,
  signal: AbortSignal,
): Promise<Pick<Run, 'translation' | 'translatedPrompt'>> {
  const { source, target } = plan;
  if (!target) throw new TranslationFailed('This run has no language to translate into.');
  if (plan.supplied) return { translatedPrompt: plan.supplied.trim(), translation: { engine: USER_SUPPLIED, source, target } };
  if (!translator) throw new TranslationFailed(`No translator is set up to put the prompt into ${languageName(target)}.`);
  let translated: string;
  try {
    translated = (await translator.translate(prompt, source, target, signal)).trim();
  } catch (err) {
    if (signal.aborted) throw err;
    throw new TranslationFailed(`Could not translate the prompt into ${languageName(target)} with ${translator.label}: ${reasonOf(err)}`);
  }
  if (!translated) throw new TranslationFailed(`${translator.label} returned an empty translation into ${languageName(target)}.`);
  return {
    translatedPrompt: translated,
    translation: {
      engine: translator.id,
      ...(translator.model ? { model: translator.model } : {}),
      ...(translator.instructionFor ? { prompt: translator.instructionFor(source, target) } : {}),
      source,
      target,
    },
  };
}

/**
 * Reads a finished answer: detects its language and, when it is not the reader's and a translator is set up,
 * translates it back. A failed back-translation is recorded on it, never fails the run; cancelling does.
 */
export async function readAnswer(
  text: string,
  plan: LanguagePlan,
  translator: Translator | undefined,
  signal: AbortSignal,
  say: (notice: string | undefined) => Promise<void>,
): Promise<Pick<Run, 'answerLanguage' | 'backTranslation'>> {
  if (!text.trim()) return {};
  const answerLanguage = detectLanguage(text);
  const from = answerLanguage.code ?? plan.target;
  if (!translator || !from || sameLanguage(from, plan.source)) return { answerLanguage };
  const base = { language: plan.source, from, engine: translator.id, ...(translator.model ? { model: translator.model } : {}) };
  await say(`Translating the answer into ${languageName(plan.source)}…`);
  try {
    const back = (await translator.translate(text, from, plan.source, signal)).trim();
    return { answerLanguage, backTranslation: { ...base, text: back } };
  } catch (err) {
    if (signal.aborted) throw err;
    return {
      answerLanguage,
      backTranslation: { ...base, text: '', error: `Could not translate the answer into ${languageName(plan.source)}: ${reasonOf(err)}` },
    };
  } finally {
    await say(undefined);
  }
}
