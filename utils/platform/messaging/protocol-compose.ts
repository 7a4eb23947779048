import { MAX_PROMPT_CHARS } from './limits';
import { arrayOf, firstError, id, isObject, optional, str, type Validator } from './validate';

import type { PersonaSpec } from '../../core/runner/personas';
import type { TranslationReadiness } from '../../core/translate/readiness';

export type { PersonaSpec };

/** How a comparison is composed; every field but `text` is optional (defaults: every endpoint, as written, once). */
export interface ComposeSpec {
  text: string;
  /** Target language codes; absent = the prompt as written. */
  languages?: string[];
  /** The prompt's own language (also the reader's); detected when absent. */
  sourceLanguage?: string;
  /** Translations the user reviewed or edited, by language code. */
  translations?: Record<string, string>;
  /** A subset of the configured endpoints, by id; absent = all. */
  providerIds?: string[];
  personas?: PersonaSpec[];
  /** Each target asked this many times (1–20) to see how stable its answer is. */
  repetitions?: number;
  /** Sampling temperature (0–2) for every target, overriding the endpoints' own. */
  temperature?: number;
  /** Previous turns of the conversation, sent before the prompt. */
  context?: { role: 'user' | 'assistant'; content: string }[];
  /** The page the prompt was selected on (context menu). */
  page?: { url: string; title?: string };
  /** The comparison this one re-runs (history). */
  rerunOf?: string;
}

/** Asks for one translation of a prompt before it is sent (review step), or checks a given one by a round trip. */
export interface TranslationPreviewRequest {
  text: string;
  /** The prompt's language. */
  source: string;
  /** The language to translate into. */
  target: string;
  /** A translation already made or typed: not translated again, only round-tripped when asked. */
  translation?: string;
  /** Also translate the translation back into `source` and say whether the meaning drifted. */
  roundTrip?: boolean;
}

/** A previewed translation, with the engine that made it (null: the user's own) and the round trip when asked. */
export interface TranslationPreview {
  translation: string;
  engine: { id: string; label: string; onDevice: boolean; model?: string } | null;
  roundTrip?: string;
  /** Whether the round trip lost the meaning, with the reason for the user. */
  drift?: { drifted: boolean; score: number; reason?: string };
  /** Why the round trip could not be made (the translation itself is fine). */
  roundTripError?: string;
}

/** Messages that compose a comparison from extension pages: languages, translations, axes. Part of the one ProtocolMap. */
export interface ComposeMessages {
  /** The user asked for a comparison from an extension page (panel prompt box, context menu, re-run, tests). */
  'comparison.start': { from: 'ui'; payload: ComposeSpec; reply: { comparisonId: string } };
  /** Translate a prompt for review before comparing; answered by the runner host (it has the keys and the cache). */
  'translation.preview': { from: 'ui'; payload: TranslationPreviewRequest; reply: TranslationPreview };
  /** Can the translator reach these languages now? The background asks the runner host before starting a picked-up prompt. */
  'translation.check': { from: 'background'; payload: { source?: string; targets: string[] }; reply: TranslationReadiness };
  /** Ask the runs a comparison held (too many to start unasked, or languages the translator could not reach), or drop them. */
  'comparison.extend': { from: 'ui'; payload: { comparisonId: string; dismiss?: boolean }; reply: { started: number } };
}

/** Which role may send each of these messages. */
export const COMPOSE_ROLES: { [K in keyof ComposeMessages]: ComposeMessages[K]['from'] } = {
  'comparison.start': 'ui',
  'translation.preview': 'ui',
  'translation.check': 'background',
  'comparison.extend': 'ui',
};

const lang = (v: unknown, name: string) => str(v, name, 16) ?? (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v as string) ? null : `${name} is not a language code`);

/** Validates a {@link ComposeSpec}. */
export const composeSpec: Validator = (p) => {
  if (!isObject(p)) return 'payload must be an object';
  const translations = p.translations;
  return firstError(
    str(p.text, 'text', MAX_PROMPT_CHARS),
    optional(p.languages, (v) => arrayOf(v, 'languages', 60, lang)),
    optional(p.sourceLanguage, (v) => lang(v, 'sourceLanguage')),
    optional(translations, (v) =>
      !isObject(v)
        ? 'translations must be an object'
        : firstError(...Object.entries(v).flatMap(([k, t]) => [lang(k, 'translation language'), str(t, `translations.${k}`, MAX_PROMPT_CHARS)])),
    ),
    optional(p.providerIds, (v) => arrayOf(v, 'providerIds', 100, id)),
    optional(p.personas, (v) =>
      arrayOf(v, 'personas', 20, (item, name) =>
        !isObject(item)
          ? `${name} must be an object`
          : firstError(id(item.id, `${name}.id`), str(item.label, `${name}.label`, 200), str(item.systemPrompt, `${name}.systemPrompt`, 20_000)),
      ),
    ),
    optional(p.repetitions, (v) =>
      Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 20 ? null : 'repetitions must be a whole number from 1 to 20',
    ),
    optional(p.temperature, (v) => (typeof v === 'number' && v >= 0 && v <= 2 ? null : 'temperature must be a number from 0 to 2')),
    optional(p.context, (v) =>
      arrayOf(v, 'context', 50, (item, name) =>
        !isObject(item)
          ? `${name} must be an object`
          : firstError(
              ['user', 'assistant'].includes(item.role as string) ? null : `${name}.role must be user or assistant`,
              str(item.content, `${name}.content`, MAX_PROMPT_CHARS),
            ),
      ),
    ),
    optional(p.rerunOf, (v) => id(v, 'rerunOf')),
    optional(p.page, (v) =>
      !isObject(v)
        ? 'page must be an object'
        : firstError(
            str(v.url, 'page.url', 8192) ?? (/^https?:\/\//.test(v.url as string) ? null : 'page.url must be an http(s) URL'),
            optional(v.title, (title) => str(title, 'page.title', 500)),
          ),
    ),
  );
};

/** Payload validators of these messages. */
export const COMPOSE_VALIDATORS: { [K in keyof ComposeMessages]: Validator } = {
  'comparison.start': composeSpec,
  'translation.preview': (p) =>
    !isObject(p)
      ? 'payload must be an object'
      : firstError(
          str(p.text, 'text', MAX_PROMPT_CHARS),
          lang(p.source, 'source'),
          lang(p.target, 'target'),
          optional(p.translation, (v) => str(v, 'translation', MAX_PROMPT_CHARS)),
          optional(p.roundTrip, (v) => (typeof v === 'boolean' ? null : 'roundTrip must be true or false')),
        ),
  'translation.check': (p) =>
    !isObject(p)
      ? 'payload must be an object'
      : firstError(
          optional(p.source, (v) => lang(v, 'source')),
          arrayOf(p.targets, 'targets', 60, lang),
        ),
  'comparison.extend': (p) =>
    !isObject(p)
      ? 'payload must be an object'
      : firstError(
          id(p.comparisonId, 'comparisonId'),
          optional(p.dismiss, (v) => (typeof v === 'boolean' ? null : 'dismiss must be true or false')),
        ),
};
