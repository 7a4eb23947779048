import { useEffect, useState } from 'preact/hooks';
import type { LanguageDetectorApi, TranslatorApi } from '@/utils/core/on-device/chrome-translator';
import { endpointModelName } from '@/utils/core/runner/names';
import { translatorApi } from '@/utils/core/on-device/chrome-translator';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { staysOnDevice } from '@/utils/core/providers/destination';
import { translationOf, updateSettings, type Settings } from '@/utils/platform/storage/settings';
import { LANGUAGES, languageName } from '@/utils/core/translate/languages';
import { checkEngine, readingLanguageOf, withSavedSet, type TranslationSettings as Translation } from '@/utils/core/translate/settings';
import type { TranslationMode } from '@/utils/core/translate/translator';
import { LanguagePicker, NativeName } from '../shared/LanguagePicker';
import { browserLanguage } from '../shared/use-translation-settings';
import { ChromeTranslatorPairs } from './ChromeTranslatorPairs';
import { t } from '@/utils/core/i18n';
import { onDeviceEnginesHere, perBrowser } from '@/utils/platform/browser-kind';

export interface TranslationSettingsProps {
  settings: Settings;
  /** Chrome's globals; tests pass doubles. */
  api?: TranslatorApi;
  detector?: LanguageDetectorApi;
  /** Translations in the cache and a way to clear them; absent = not shown. */
  cache?: { count(): Promise<number>; clear(): Promise<void> };
}

const save = (change: (t: Translation, s: Settings) => Partial<Settings>) => updateSettings((s) => ({ ...s, ...change(translationOf(s), s) }));
const setEngine = (engine: TranslationMode) => save((current) => ({ translation: { ...current, engine } }));

/** The translation cache: how many translations are kept, and clearing them. */
function CacheLine({ cache }: { cache: NonNullable<TranslationSettingsProps['cache']> }) {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => void cache.count().then(setCount, () => setCount(null)), []);
  if (count === null) return null;
  return (
    <p class="muted" data-testid="translation-cache">
      {t('translationsKept', count)}{' '}
      {count > 0 && (
        <button type="button" class="link small" onClick={() => void cache.clear().then(() => setCount(0))}>
          {t('clearThem')}
        </button>
      )}
    </p>
  );
}

/**
 * How Parallax translates: Chrome's on-device translator (language packs per pair, downloaded on click), one
 * of the configured models with a strict translation prompt, or none; on-device mode; the reading language;
 * the user's saved language sets.
 */
export function TranslationSettings({ settings, api = translatorApi(), detector, cache }: TranslationSettingsProps) {
  const translation = translationOf(settings);
  const { engine } = translation;
  const onDeviceOnly = settings.onDeviceOnly;
  const reading = readingLanguageOf(translation, browserLanguage());
  const check = checkEngine(engine, settings.providers, onDeviceOnly);
  const [newSet, setNewSet] = useState<string[]>([]);
  const allowed = (p: ProviderConfig) => !onDeviceOnly || staysOnDevice(p);
  const models = settings.providers.filter((p) => p.kind !== 'site');
  const chosen = engine.kind === 'model' ? settings.providers.find((p) => p.id === engine.providerId) : undefined;
  // Chrome's translator is offered where the browser family has it (not in Firefox, where it is never the engine).
  const chromeTranslator = onDeviceEnginesHere();

  return (
    <section class="card" id="translation" aria-labelledby="translation-heading" data-testid="translation-settings">
      <h2 id="translation-heading">{t('translation')}</h2>
      <p class="muted">{t('translationIntro')}</p>
      <fieldset class="field">
        <legend>{t('whoTranslates')}</legend>
        {chromeTranslator && (
          <label class="toggle">
            <input type="radio" name="translation-engine" checked={engine.kind === 'chrome'} onChange={() => void setEngine({ kind: 'chrome' })} />
            {t('chromeTranslatorOption')} {api ? '' : t('notInThisBrowser')}
          </label>
        )}
        <label class="toggle">
          <input
            type="radio"
            name="translation-engine"
            checked={engine.kind === 'model'}
            disabled={!models.length}
            onChange={() => {
              const first = models.find(allowed);
              if (first) void setEngine({ kind: 'model', providerId: first.id });
            }}
          />
          {t('aModelYouSetUp')} {models.length ? '' : t('addOneAboveFirst')}
        </label>
        <label class="toggle">
          <input type="radio" name="translation-engine" checked={engine.kind === 'none'} onChange={() => void setEngine({ kind: 'none' })} />
          {t('noneITypeMyself')}
        </label>
      </fieldset>
      {engine.kind === 'model' && (
        <div class="field-row">
          <label class="field">
            {t('translatingEndpoint')}
            <select
              aria-label={t('translatingEndpoint')}
              value={engine.providerId}
              onChange={(e) => void setEngine({ kind: 'model', providerId: e.currentTarget.value })}
            >
              {!chosen && <option value={engine.providerId}>{t('removed')}</option>}
              {models.map((p) => (
                <option key={p.id} value={p.id} disabled={!allowed(p)}>
                  {endpointModelName(p.label, p.model)}
                  {allowed(p) ? '' : t('leavesThisDevice')}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            {t('modelOptional')}
            <input
              aria-label={t('translatingModel')}
              placeholder={chosen?.model ?? t('endpointsDefault')}
              value={engine.model ?? ''}
              onChange={(e) => {
                const model = e.currentTarget.value.trim() || undefined;
                void save((current) => ({
                  translation: {
                    ...current,
                    engine:
                      current.engine.kind === 'model' ? { kind: 'model', providerId: current.engine.providerId, ...(model ? { model } : {}) } : current.engine,
                  },
                }));
              }}
            />
          </label>
          <p class="muted">{t('modelToldTranslationOnly')}</p>
        </div>
      )}
      {engine.kind === 'chrome' && <ChromeTranslatorPairs reading={reading} api={api} detector={detector} />}
      {engine.kind === 'none' && <p class="muted">{t('withoutEngine')}</p>}
      <label class="toggle">
        <input
          type="checkbox"
          checked={onDeviceOnly}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void save(() => ({ onDeviceOnly: on }));
          }}
        />
        {t('onDeviceMode')}
      </label>
      <p class="muted">{onDeviceOnly ? t(perBrowser({ chromium: 'onDeviceModeOn', firefox: 'onDeviceModeOnFirefox' })) : t('onDeviceModeOff')}</p>
      {!check.ok && (
        <p class="form-error" role="alert" data-testid="translation-engine-problem">
          {check.reason}
        </p>
      )}
      <label class="field">
        {t('readingLanguageField')}
        <select
          aria-label={t('readingLanguage')}
          value={translation.readingLanguage ?? ''}
          onChange={(e) => {
            const code = e.currentTarget.value || undefined;
            void save((current) => ({ translation: { ...current, readingLanguage: code } }));
          }}
        >
          <option value="">{t('browserLanguage', languageName(readingLanguageOf({}, browserLanguage()), t('pageLang')))}</option>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name} · {l.nativeName}
            </option>
          ))}
        </select>
      </label>
      <div class="field">
        <strong>{t('yourLanguageSets')}</strong>
        {translation.savedSets.length === 0 && <p class="muted">{t('noSetsYet')}</p>}
        <ul class="list" data-testid="saved-sets">
          {translation.savedSets.map((s) => (
            <li key={s.id}>
              <strong>{s.label}</strong>:{' '}
              {s.codes.map((c, i) => (
                <span key={c}>
                  {i > 0 && ', '}
                  <NativeName code={c} />
                </span>
              ))}{' '}
              <button
                type="button"
                class="link small"
                aria-label={t('deleteTheSet', s.label)}
                onClick={() => void save((current) => ({ translation: { ...current, savedSets: current.savedSets.filter((x) => x.id !== s.id) } }))}
              >
                {t('delete')}
              </button>
            </li>
          ))}
        </ul>
        <details>
          <summary>{t('newSet')}</summary>
          <LanguagePicker
            label={t('languagesOfNewSet')}
            selected={newSet}
            onChange={setNewSet}
            onSaveSet={(label, codes) => {
              void save((current) => ({ translation: { ...current, savedSets: withSavedSet(current.savedSets, label, codes, () => crypto.randomUUID()) } }));
              setNewSet([]);
            }}
          />
        </details>
      </div>
      {cache && <CacheLine cache={cache} />}
    </section>
  );
}
