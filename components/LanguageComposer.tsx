import { useEffect } from 'preact/hooks';
import { LANGUAGES, languageName } from '@/utils/translate/languages';
import { LanguagePicker, NativeName } from './LanguagePicker';
import { TranslationReview } from './TranslationReview';
import type { LanguageChoice } from './use-language-choice';

/**
 * The prompt box's languages: which languages to ask in (presets, saved sets, search), what language the prompt
 * is written in, who translates, and the optional review of every translation before Compare.
 */
export function LanguageComposer({ choice, text }: { choice: LanguageChoice; text: string }) {
  const { languages, settings } = choice;
  const source = choice.sourceOf(text);
  const targets = choice.targetsFor(text);
  useEffect(() => choice.noteText(text), [text]);
  const engine = settings.engine;

  return (
    <div class="composer" data-testid="language-composer">
      <details class="axes">
        <summary>
          <strong>Languages</strong>{' '}
          {languages.length === 0 ? (
            <span class="muted">as written</span>
          ) : (
            <span data-testid="chosen-languages">
              {languages.map((code, i) => (
                <span key={code}>
                  {i > 0 && ', '}
                  <NativeName code={code} />
                </span>
              ))}
            </span>
          )}
        </summary>
        <LanguagePicker selected={languages} onChange={choice.setLanguages} savedSets={settings.translation.savedSets} onSaveSet={(label, codes) => void settings.saveSet(label, codes)} />
        <div class="composer-row">
          <label class="toggle">
            Prompt written in
            <select aria-label="Language the prompt is written in" value={choice.sourceOverride ?? ''} onChange={(e) => choice.setSourceOverride(e.currentTarget.value || null)}>
              <option value="">{text.trim() ? `Detected: ${languageName(source)}` : `Detect (else ${languageName(source)})`}</option>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>{l.name} · {l.nativeName}</option>
              ))}
            </select>
          </label>
        </div>
        {languages.length > 0 && (
          <p class="muted" data-testid="translation-engine">
            {engine.kind === 'none' ? 'No translation engine: review and type each translation, or the prompt is sent as written.' : `Translated by ${engine.label}.`}{' '}
            <a href="/options.html#translation" target="_blank" rel="noopener">Change</a>
          </p>
        )}
        {engine.problem && languages.length > 0 && <p class="run-error" role="alert">{engine.problem}</p>}
      </details>
      {targets.length > 0 && text.trim() && !choice.review && (
        <div class="composer-row">
          <button type="button" class="button secondary small" onClick={() => choice.startReview(text)}>
            Review translations
          </button>
          <span class="muted">Optional: see and edit each prompt before it is sent.</span>
        </div>
      )}
      <TranslationReview choice={choice} text={text} />
    </div>
  );
}
