import { languageByCode, languageName } from '@/utils/core/translate/languages';
import { NativeName } from '../shared/LanguagePicker';
import type { LanguageChoice, ReviewItem } from './use-language-choice';
import { t } from '@/utils/core/i18n';

function status(item: ReviewItem): string {
  if (item.status === 'loading') return t('translating');
  if (item.edited) return t('yourVersion');
  if (item.status === 'manual') return t('typeItYourself');
  if (item.status === 'error') return t('notTranslated');
  return item.engine ? t('byEngine', item.engine) : t('translated');
}

/** The round-trip check of one translation: drifted, fine, or not possible. */
function RoundTrip({ item, source }: { item: ReviewItem; source: string }) {
  if (item.checking)
    return (
      <p class="muted" role="status">
        {t('checkingBack')}
      </p>
    );
  if (item.roundTripError) return <p class="muted">{item.roundTripError}</p>;
  if (!item.drift || item.roundTrip === undefined) return null;
  const back = (
    <details>
      <summary>{t('translatedBackInto', languageName(source, t('pageLang')))}</summary>
      <p class="prompt-sent-text" dir="auto" lang={source}>
        {item.roundTrip}
      </p>
    </details>
  );
  return item.drift.drifted ? (
    <div class="drift" role="status" data-testid="review-drift">
      <strong>{t('meaningMayHaveDrifted')}</strong> {item.drift.reason} {t('checkTranslationOrEdit')}
      {back}
    </div>
  ) : (
    <div class="muted" data-testid="review-round-trip">
      {t('roundTripKept', Math.round(item.drift.score * 100))}
      {back}
    </div>
  );
}

/**
 * The review step: each translated prompt, editable, in its own script direction, with its round-trip check.
 * Edited translations are sent as written; untouched ones are made again from the cache when the runs start.
 */
export function TranslationReview({ choice, text }: { choice: LanguageChoice; text: string }) {
  const review = choice.review;
  if (!review) return null;
  const codes = choice.languages.filter((c) => review.items[c]);
  const stale = review.text !== text || review.source !== choice.sourceOf(text);
  const pending = codes.filter((c) => review.items[c]!.status === 'loading').length;
  return (
    <section class="review" aria-label={t('reviewTranslations')} data-testid="translation-review">
      <div class="review-head">
        <strong>{t('translationsOfPrompt')}</strong>
        <button type="button" class="link small" onClick={choice.closeReview}>
          {t('closeReview')}
        </button>
      </div>
      {pending > 0 && (
        <p class="muted" role="status" aria-live="polite">
          {t('translatingProgress', pending, codes.length)}
        </p>
      )}
      {stale && (
        <p class="drift" role="status">
          {t('promptChangedSince')}{' '}
          <button type="button" class="link small" onClick={() => choice.startReview(text)}>
            {t('translateAgain')}
          </button>
        </p>
      )}
      {codes.length === 0 && <p class="muted">{t('nothingToTranslate')}</p>}
      {codes.map((code) => {
        const item = review.items[code]!;
        const language = languageByCode(code);
        const id = `review-${code}`;
        return (
          <div key={code} class="review-item" data-testid="review-item" data-code={code} data-status={item.status}>
            <div class="review-head">
              <label for={id}>
                <NativeName code={code} />{' '}
                <span class="muted">
                  {languageName(code, t('pageLang'))} · {code}
                </span>
              </label>
              <span class="muted">{status(item)}</span>
            </div>
            <textarea
              id={id}
              class="review-text"
              lang={code}
              dir={language?.dir ?? 'auto'}
              rows={2}
              disabled={item.status === 'loading'}
              placeholder={item.status === 'loading' ? t('translating') : t('promptInLanguage', languageName(code, t('pageLang')))}
              value={item.value}
              onInput={(e) => choice.edit(code, e.currentTarget.value)}
            />
            {item.status === 'error' && (
              <p class="run-error" role="alert">
                {item.error} {t('typePromptYourself', languageName(code, t('pageLang')))}
              </p>
            )}
            {item.status === 'manual' && !item.value.trim() && <p class="muted">{t('noEngineTypePrompt', languageName(code, t('pageLang')))}</p>}
            <RoundTrip item={item} source={review.source} />
            {item.edited && (
              <div>
                <button type="button" class="link small" disabled={!item.value.trim() || item.checking} onClick={() => choice.recheck(code)}>
                  {t('checkMyVersion')}
                </button>
                {item.machine !== undefined && (
                  <button type="button" class="link small" onClick={() => choice.revert(code)}>
                    {t('useMachineAgain')}
                  </button>
                )}
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
