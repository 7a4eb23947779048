import { useEffect, useRef } from 'preact/hooks';
import { LANGUAGES, languageName } from '@/utils/core/translate/languages';
import { LanguagePicker, NativeName } from '../shared/LanguagePicker';
import { TranslationReview } from './TranslationReview';
import type { LanguageChoice } from './use-language-choice';
import { t } from '@/utils/core/i18n';

/**
 * The prompt box's languages: which languages to ask in (presets, saved sets, search), what language the prompt
 * is written in, who translates, and the optional review of every translation before Compare. The picker folds
 * away whenever `closeWhen` changes (a comparison was started).
 */
export function LanguageComposer({ choice, text, closeWhen }: { choice: LanguageChoice; text: string; closeWhen?: number }) {
  const picker = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (closeWhen && picker.current) picker.current.open = false;
  }, [closeWhen]);
  const { languages, settings } = choice;
  const source = choice.sourceOf(text);
  const targets = choice.targetsFor(text);
  useEffect(() => choice.noteText(text), [text]);
  const engine = settings.engine;

  return (
    <div class="composer" data-testid="language-composer">
      <details class="axes" ref={picker} data-testid="language-details">
        <summary>
          <strong>{t('languages')}</strong>{' '}
          {languages.length === 0 ? (
            <span class="muted">{t('asWritten')}</span>
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
        <LanguagePicker
          selected={languages}
          onChange={choice.setLanguages}
          savedSets={settings.translation.savedSets}
          onSaveSet={(label, codes) => void settings.saveSet(label, codes)}
        />
        <div class="composer-row">
          <label class="toggle">
            {t('promptWrittenIn')}
            <select
              aria-label={t('promptWrittenInLabel')}
              value={choice.sourceOverride ?? ''}
              onChange={(e) => choice.setSourceOverride(e.currentTarget.value || null)}
            >
              <option value="">
                {text.trim() ? t('detectedLanguage', languageName(source, t('pageLang'))) : t('detectElse', languageName(source, t('pageLang')))}
              </option>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name} · {l.nativeName}
                </option>
              ))}
            </select>
          </label>
        </div>
        {languages.length > 0 && (
          <p class="muted" data-testid="translation-engine">
            {engine.kind === 'none' ? t('noTranslationEngine') : t('translatedByEngine', engine.label)}{' '}
            <a href="/options.html#translation" target="_blank" rel="noopener">
              {t('change')}
            </a>
          </p>
        )}
        {engine.problem && languages.length > 0 && (
          <p class="run-error" role="alert">
            {engine.problem}
          </p>
        )}
      </details>
      {targets.length > 0 && text.trim() && !choice.review && (
        <div class="composer-row">
          <button type="button" class="button secondary small" onClick={() => choice.startReview(text)}>
            {t('reviewTranslations')}
          </button>
          <span class="muted">{t('reviewOptional')}</span>
        </div>
      )}
      <TranslationReview choice={choice} text={text} />
    </div>
  );
}
