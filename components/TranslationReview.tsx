import { languageByCode, languageName } from '@/utils/translate/languages';
import { NativeName } from './LanguagePicker';
import type { LanguageChoice, ReviewItem } from './use-language-choice';

function status(item: ReviewItem): string {
  if (item.status === 'loading') return 'Translating…';
  if (item.edited) return 'Your version: sent as you wrote it';
  if (item.status === 'manual') return 'Type it yourself';
  if (item.status === 'error') return 'Not translated';
  return item.engine ? `By ${item.engine}` : 'Translated';
}

/** The round-trip check of one translation: drifted, fine, or not possible. */
function RoundTrip({ item, source }: { item: ReviewItem; source: string }) {
  if (item.checking) return <p class="muted" role="status">Checking by translating it back…</p>;
  if (item.roundTripError) return <p class="muted">{item.roundTripError}</p>;
  if (!item.drift || item.roundTrip === undefined) return null;
  const back = (
    <details>
      <summary>Translated back into {languageName(source)}</summary>
      <p class="prompt-sent-text" dir="auto" lang={source}>{item.roundTrip}</p>
    </details>
  );
  return item.drift.drifted ? (
    <div class="drift" role="status" data-testid="review-drift">
      <strong>The meaning may have drifted.</strong> {item.drift.reason} Check the translation or edit it before comparing.
      {back}
    </div>
  ) : (
    <div class="muted" data-testid="review-round-trip">
      Round trip kept the meaning ({Math.round(item.drift.score * 100)} % of the words came back).
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
    <section class="review" aria-label="Review translations" data-testid="translation-review">
      <div class="review-head">
        <strong>Translations of your prompt</strong>
        <button type="button" class="link small" onClick={choice.closeReview}>Close review</button>
      </div>
      {pending > 0 && (
        <p class="muted" role="status" aria-live="polite">Translating {pending} of {codes.length}…</p>
      )}
      {stale && (
        <p class="drift" role="status">
          The prompt changed since these were made, so they will not be sent.{' '}
          <button type="button" class="link small" onClick={() => choice.startReview(text)}>Translate again</button>
        </p>
      )}
      {codes.length === 0 && <p class="muted">Every chosen language is the prompt's own: nothing to translate.</p>}
      {codes.map((code) => {
        const item = review.items[code]!;
        const language = languageByCode(code);
        const id = `review-${code}`;
        return (
          <div key={code} class="review-item" data-testid="review-item" data-code={code} data-status={item.status}>
            <div class="review-head">
              <label for={id}>
                <NativeName code={code} /> <span class="muted">{language?.name ?? code} · {code}</span>
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
              placeholder={item.status === 'loading' ? 'Translating…' : `The prompt in ${language?.name ?? code}`}
              value={item.value}
              onInput={(e) => choice.edit(code, e.currentTarget.value)}
            />
            {item.status === 'error' && (
              <p class="run-error" role="alert">
                {item.error} You can type the {language?.name ?? code} prompt yourself above.
              </p>
            )}
            {item.status === 'manual' && !item.value.trim() && (
              <p class="muted">No translation engine is set up: type the prompt in {language?.name ?? code}, or it is sent as written.</p>
            )}
            <RoundTrip item={item} source={review.source} />
            {item.edited && (
              <div>
                <button type="button" class="link small" disabled={!item.value.trim() || item.checking} onClick={() => choice.recheck(code)}>Check my version</button>
                {item.machine !== undefined && (
                  <button type="button" class="link small" onClick={() => choice.revert(code)}>Use the machine translation again</button>
                )}
              </div>
            )}
          </div>
        );
      })}
    </section>
  );
}
