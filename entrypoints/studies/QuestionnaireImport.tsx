import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/core/i18n';
import type { Instrument } from '@/utils/core/surveys/instrument';
import { instrumentLanguages } from '@/utils/core/surveys/instrument';
import type { VsmImport } from '@/utils/core/surveys/vsm2013';
import { LANGUAGES, languageName } from '@/utils/core/translate/languages';

export interface QuestionnaireImportProps {
  questionnaire: Instrument | null;
  onImport: (text: string, language: string, addLanguage: boolean) => Promise<VsmImport>;
  onClear: () => Promise<void>;
}

/**
 * The VSM 2013 questionnaire, imported by the user (paste or a text file, any language) and checked against the
 * structure: the errors name missing, extra or repeated items. Parallax never ships the questionnaire text.
 */
export function QuestionnaireImport({ questionnaire, onImport, onClear }: QuestionnaireImportProps) {
  const have = questionnaire ? instrumentLanguages(questionnaire) : [];
  const [adding, setAdding] = useState(false);
  const [language, setLanguage] = useState('en');
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ errors: string[]; warnings: string[] }>({ errors: [], warnings: [] });
  const fileInput = useRef<HTMLInputElement>(null);
  const showForm = !questionnaire || adding;

  const submit = async () => {
    const outcome = await onImport(text, language, Boolean(questionnaire) && adding);
    if (outcome.ok) {
      setResult({ errors: [], warnings: outcome.warnings });
      setText('');
      setAdding(false);
    } else setResult({ errors: outcome.errors, warnings: [] });
  };

  return (
    <section class="card" aria-labelledby="questionnaire-title">
      <h2 id="questionnaire-title">{t('studiesQuestionnaireTitle')}</h2>
      <p class="muted">{t('studiesQuestionnaireIntro')}</p>
      {questionnaire && (
        <p role="status" data-testid="questionnaire-status">
          {t('studiesImportedIn', have.map((l) => `${languageName(l)} (${l})`).join(', '))}{' '}
          {!adding && (
            <>
              <button class="link" onClick={() => setAdding(true)}>
                {t('studiesAddLanguage')}
              </button>
              <button class="link" onClick={() => confirm(t('studiesConfirmRemoveQuestionnaire')) && void onClear()}>
                {t('remove')}
              </button>
            </>
          )}
        </p>
      )}
      {result.warnings.length > 0 && (
        <ul class="muted" data-testid="questionnaire-warnings">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {showForm && (
        <form class="import-form" aria-label={t('studiesImportQuestionnaire')} onSubmit={(e) => (e.preventDefault(), void submit())}>
          <label class="field">
            {t('studiesTextLanguage')}
            <select value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name} ({l.code})
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            {t('studiesQuestionnaireText')}
            <textarea
              rows={10}
              dir="auto"
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
              aria-invalid={result.errors.length > 0}
              placeholder={'1. …\n2. …\n…\n24. …'}
            />
          </label>
          <div class="toolbar">
            <button class="button" type="submit" disabled={!text.trim()}>
              {t('studiesImportQuestionnaire')}
            </button>
            <button class="button secondary" type="button" onClick={() => fileInput.current?.click()}>
              {t('studiesLoadTextFile')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".txt,.md,text/plain"
              hidden
              aria-label={t('studiesQuestionnaireFile')}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void file.text().then(setText);
                e.currentTarget.value = '';
              }}
            />
            {adding && (
              <button class="button secondary" type="button" onClick={() => setAdding(false)}>
                {t('cancel')}
              </button>
            )}
          </div>
          {result.errors.length > 0 && (
            <ul class="form-error" role="alert" data-testid="questionnaire-errors">
              {result.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </form>
      )}
    </section>
  );
}
