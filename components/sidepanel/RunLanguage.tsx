import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/platform/messaging/client';
import type { TranslationPreview, TranslationPreviewRequest } from '@/utils/platform/messaging/protocol-compose';
import { answeredInOtherLanguage } from '@/utils/core/translate/detect';
import { directionOf, languageByCode, languageName } from '@/utils/core/translate/languages';
import { USER_SUPPLIED } from '@/utils/core/translate/translator';
import type { Run } from '@/utils/core/runner/types';
import { NativeName } from '../shared/LanguagePicker';
import { Markdown } from '../shared/Markdown';
import { WordDiff } from './WordDiff';
import { hasBackTranslation } from '@/utils/core/text/diff-texts';
import '../languages.css';
import { t } from '@/utils/core/i18n';

/** The language a run asked in, in its own name with its code ("Kiswahili · sw"); nothing for "as written". */
export function RunLanguageTag({ run }: { run: Run }) {
  const code = run.target.language;
  if (!code) return null;
  return (
    <span class="lang-tag" data-testid="run-language" title={t('askedIn', languageName(code, t('pageLang')))}>
      <NativeName code={code} /> <span class="muted">· {languageByCode(code)?.code ?? code}</span>
    </span>
  );
}

/** "Answered in English (asked in Swahili)" when the answer came back in another language than asked. */
export function AnswerLanguageFlag({ run }: { run: Run }) {
  const asked = run.target.language ?? run.sourceLanguage;
  const answered = run.answerLanguage?.code;
  if (run.state !== 'done' || !asked || !answered || !answeredInOtherLanguage(asked, run.answerLanguage)) return null;
  return (
    <p class="lang-flag" role="note" data-testid="answer-language-flag">
      {t('answeredInAskedIn', languageName(answered, t('pageLang')), languageName(asked, t('pageLang')))}
    </p>
  );
}

type Check = { state: 'checking' } | { state: 'done'; preview: TranslationPreview } | { state: 'failed'; error: string };

/** Round trips already asked for in this page, so re-renders and re-opened comparisons do not ask again. */
const checks = new Map<string, Promise<TranslationPreview>>();

/** Forgets the round trips asked for (tests; a page never needs to). */
export function clearRoundTripChecks(): void {
  checks.clear();
}

/** Checks a run's translated prompt by translating it back (once per page; the host caches it too). */
export function roundTripOf(
  prompt: string,
  run: Run,
  preview = (r: TranslationPreviewRequest): Promise<TranslationPreview> => send('translation.preview', r),
): Promise<TranslationPreview> {
  const { source, target } = run.translation!;
  const key = [source, target, prompt, run.translatedPrompt].join('\u0000');
  let check = checks.get(key);
  if (!check) {
    check = preview({ text: prompt, source, target, translation: run.translatedPrompt!, roundTrip: true });
    checks.set(key, check);
    check.catch(() => checks.delete(key));
  }
  return check;
}

/**
 * The prompt as it was sent in the run's language (expandable), who translated it, and the round-trip check:
 * a warning shows when translating it back lost the meaning.
 */
export function PromptSent({ run, prompt, check = roundTripOf }: { run: Run; prompt?: string; check?: typeof roundTripOf }) {
  const [result, setResult] = useState<Check | null>(null);
  const translation = run.translation;
  const sent = run.translatedPrompt;
  useEffect(() => {
    if (!prompt || !translation || !sent || run.state !== 'done') return;
    let live = true;
    setResult({ state: 'checking' });
    check(prompt, run).then(
      (preview) => live && setResult({ state: 'done', preview }),
      (err: unknown) => live && setResult({ state: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
    return () => void (live = false);
  }, [prompt, sent, translation?.target, run.state]);
  if (!translation || !sent) return null;
  const by =
    translation.engine === USER_SUPPLIED ? t('byYou') : (translation.model ?? (translation.engine === 'chrome' ? t('chromeTranslator') : translation.engine));
  const drift = result?.state === 'done' ? result.preview.drift : undefined;
  return (
    <>
      {drift?.drifted && (
        <p class="drift" role="status" data-testid="run-drift">
          <strong>{t('translationMayHaveDrifted')}</strong> {drift.reason}
        </p>
      )}
      <details class="prompt-sent" data-testid="prompt-sent">
        <summary>{t('promptSentIn', languageName(translation.target, t('pageLang')))}</summary>
        <p class="prompt-sent-text" lang={translation.target} dir={directionOf(translation.target)} data-testid="prompt-sent-text">
          {sent}
        </p>
        <p class="muted">{t('translatedByEngine', by)}</p>
        {result?.state === 'checking' && (
          <p class="muted" role="status">
            {t('checkingTranslationBack')}
          </p>
        )}
        {result?.state === 'failed' && <p class="muted">{t('translationNotChecked', result.error)}</p>}
        {result?.state === 'done' && result.preview.roundTripError && <p class="muted">{result.preview.roundTripError}</p>}
        {result?.state === 'done' && result.preview.roundTrip !== undefined && (
          <p class="muted">
            {t('backIn', languageName(translation.source, t('pageLang')))}{' '}
            <span dir="auto" lang={translation.source}>
              {result.preview.roundTrip}
            </span>
          </p>
        )}
      </details>
    </>
  );
}

export { hasBackTranslation };

/**
 * The answer in the reader's language, saying from what and by whom, with the original one click away; with
 * `diff`, marked against the baseline's text in that language.
 */
export function BackTranslatedText({
  run,
  formatted,
  onShowOriginal,
  diff,
}: {
  run: Run;
  formatted: boolean;
  onShowOriginal: () => void;
  diff?: { base: string; name: string };
}) {
  const back = run.backTranslation!;
  const by = back.engine === 'chrome' ? t('chromeTranslator') : (back.model ?? back.engine);
  return (
    <div class="run-back" data-testid="run-back">
      <p class="back-note">
        <span>{t('translatedFromInto', languageName(back.from, t('pageLang')), languageName(back.language, t('pageLang')), by)}</span>
        <button type="button" class="link small" onClick={onShowOriginal}>
          {t('showOriginal')}
        </button>
      </p>
      <div class="run-text" dir="auto" lang={back.language} data-testid="run-back-text">
        {diff ? (
          <WordDiff base={diff.base} text={back.text} baselineName={diff.name} fallback={formatted ? <Markdown text={back.text} /> : back.text} />
        ) : formatted ? (
          <Markdown text={back.text} />
        ) : (
          back.text
        )}
      </div>
    </div>
  );
}

/** Under the original answer: the way back to the reader's language, or why there is none. */
export function OriginalNote({ run, translated, onShowTranslated }: { run: Run; translated: boolean; onShowTranslated: () => void }) {
  const back = run.backTranslation;
  if (!back || run.state !== 'done') return null;
  if (back.error)
    return (
      <p class="muted" data-testid="back-translation-error">
        {back.error}
      </p>
    );
  if (translated || !back.text) return null;
  return (
    <p class="back-note">
      <span>{t('originalIn', languageName(back.from, t('pageLang')))}</span>
      <button type="button" class="link small" onClick={onShowTranslated}>
        {t('showIn', languageName(back.language, t('pageLang')))}
      </button>
    </p>
  );
}

/** The toolbar switch for every column at once: answers in the reader's language, or as they came. */
export function ReadingToggle({ runs, translated, onChange }: { runs: Run[]; translated: boolean; onChange: (translated: boolean) => void }) {
  const language = runs.find(hasBackTranslation)?.backTranslation?.language;
  if (!language) return null;
  return (
    <label class="toggle">
      <input type="checkbox" checked={translated} onChange={(e) => onChange(e.currentTarget.checked)} data-testid="reading-toggle" />
      {t('showIn', languageName(language, t('pageLang')))}
    </label>
  );
}
