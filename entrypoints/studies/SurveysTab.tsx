import { useEffect, useState } from 'preact/hooks';
import type { BatchData } from '@/utils/core/batches/types';
import { t } from '@/utils/core/i18n';
import type { SurveyChoices } from '@/utils/platform/storage/probe-store';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { instrumentLanguages, type Instrument } from '@/utils/core/surveys/instrument';
import { vsm2013, type VsmImport } from '@/utils/core/surveys/vsm2013';
import { languageName } from '@/utils/core/translate/languages';
import { QuestionnaireImport } from './QuestionnaireImport';
import { RunSetup } from './RunSetup';
import type { RunChoice } from './state';

export interface SurveysTabProps {
  questionnaire: Instrument | null;
  choices: SurveyChoices;
  providers: ProviderConfig[];
  planSurvey: (choice: RunChoice, choices: SurveyChoices) => BatchData;
  onRun: (choice: RunChoice, choices: SurveyChoices) => Promise<unknown>;
  onImport: (text: string, language: string, addLanguage: boolean) => Promise<VsmImport>;
  onClear: () => Promise<void>;
  onOpenSettings: () => void;
}

const number = (value: string, fallback: number) => (value.trim() === '' || !Number.isFinite(Number(value)) ? fallback : Number(value));

/** VSM 2013: import the questionnaire, set constants and sampling, run targets × languages × repetitions. */
export function SurveysTab(props: SurveysTabProps) {
  const [choices, setChoices] = useState<SurveyChoices>(props.choices);
  useEffect(() => setChoices(props.choices), [props.choices]);
  const indices = (props.questionnaire ?? vsm2013()).indices;
  const languages = props.questionnaire ? instrumentLanguages(props.questionnaire) : [];
  const set = (patch: Partial<SurveyChoices>) => setChoices({ ...choices, ...patch });

  return (
    <div class="tab-body">
      <QuestionnaireImport questionnaire={props.questionnaire} onImport={props.onImport} onClear={props.onClear} />
      <section class="card" aria-labelledby="survey-run-title">
        <h2 id="survey-run-title">{t('studiesRunSurveyTitle')}</h2>
        {!props.questionnaire ? (
          <p class="muted" role="status">
            {t('studiesImportFirst')}
          </p>
        ) : (
          <>
            <p class="muted">{t('studiesSurveyIntro', languageName(languages.includes('en') ? 'en' : (languages[0] ?? 'en')), choices.repetitions)}</p>
            <RunSetup
              providers={props.providers}
              languages={languages}
              initialLanguages={languages.includes('en') ? ['en'] : languages.slice(0, 1)}
              plan={(choice) => props.planSurvey(choice, choices)}
              onStart={(choice) => props.onRun(choice, choices)}
              startLabel={t('studiesRunSurvey')}
              onOpenSettings={props.onOpenSettings}
            >
              <fieldset>
                <legend>{t('studiesSampling')}</legend>
                <div class="field-row">
                  <label class="field">
                    {t('studiesRepetitions')}
                    <input
                      type="number"
                      min="1"
                      max="100"
                      step="1"
                      value={choices.repetitions}
                      onInput={(e) => set({ repetitions: Math.round(number(e.currentTarget.value, choices.repetitions)) })}
                    />
                  </label>
                  <label class="field">
                    {t('temperature')}
                    <input
                      type="number"
                      min="0"
                      max="2"
                      step="any"
                      value={choices.temperature}
                      onInput={(e) => set({ temperature: number(e.currentTarget.value, choices.temperature) })}
                    />
                  </label>
                  <label class="field">
                    {t('studiesFirstSeed')}
                    <input
                      type="number"
                      step="1"
                      value={choices.seedBase}
                      onInput={(e) => set({ seedBase: Math.round(number(e.currentTarget.value, choices.seedBase)) })}
                    />
                  </label>
                </div>
              </fieldset>
              <fieldset>
                <legend>{t('studiesConstants')}</legend>
                <div class="field-row constants">
                  {indices.map((x) => (
                    <label key={x.id} class="field">
                      {x.id} — {x.name} (C {x.constant.name})
                      <input
                        type="number"
                        step="any"
                        value={choices.constants[x.id] ?? x.constant.default}
                        onInput={(e) => set({ constants: { ...choices.constants, [x.id]: number(e.currentTarget.value, x.constant.default) } })}
                      />
                    </label>
                  ))}
                </div>
              </fieldset>
            </RunSetup>
          </>
        )}
      </section>
    </div>
  );
}
