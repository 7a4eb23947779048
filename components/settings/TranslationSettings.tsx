import { useEffect, useState } from 'preact/hooks';
import type { LanguageDetectorApi, TranslatorApi } from '@/utils/engines/chrome-translator';
import { translatorApi } from '@/utils/engines/chrome-translator';
import type { ProviderConfig } from '@/utils/providers/types';
import { translationOf, updateSettings, type Settings } from '@/utils/settings';
import { LANGUAGES, languageName } from '@/utils/translate/languages';
import { ON_DEVICE_KINDS, checkEngine, readingLanguageOf, withSavedSet, type TranslationSettings as Translation } from '@/utils/translate/settings';
import type { TranslationMode } from '@/utils/translate/translator';
import { LanguagePicker, NativeName } from '../LanguagePicker';
import { uiLanguage } from '../use-translation-settings';
import { ChromeTranslatorPairs } from './ChromeTranslatorPairs';

export interface TranslationSettingsProps {
  settings: Settings;
  /** Chrome's globals; tests pass doubles. */
  api?: TranslatorApi;
  detector?: LanguageDetectorApi;
  /** Translations in the cache and a way to clear them; absent = not shown. */
  cache?: { count(): Promise<number>; clear(): Promise<void> };
}

const save = (change: (t: Translation, s: Settings) => Partial<Settings>) => updateSettings((s) => ({ ...s, ...change(translationOf(s), s) }));
const setEngine = (engine: TranslationMode) => save((t) => ({ translation: { ...t, engine } }));

/** The translation cache: how many translations are kept, and clearing them. */
function CacheLine({ cache }: { cache: NonNullable<TranslationSettingsProps['cache']> }) {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => void cache.count().then(setCount, () => setCount(null)), []);
  if (count === null) return null;
  return (
    <p class="muted" data-testid="translation-cache">
      {count} translations are kept on this computer, so the same prompt is not translated twice.{' '}
      {count > 0 && <button type="button" class="link small" onClick={() => void cache.clear().then(() => setCount(0))}>Clear them</button>}
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
  const onDeviceOnly = settings.onDeviceOnly === true;
  const reading = readingLanguageOf(translation, uiLanguage());
  const check = checkEngine(engine, settings.providers, onDeviceOnly);
  const [newSet, setNewSet] = useState<string[]>([]);
  const allowed = (p: ProviderConfig) => !onDeviceOnly || ON_DEVICE_KINDS.includes(p.kind);
  const models = settings.providers.filter((p) => p.kind !== 'site');
  const chosen = engine.kind === 'model' ? settings.providers.find((p) => p.id === engine.providerId) : undefined;

  return (
    <section class="card" id="translation" aria-labelledby="translation-heading" data-testid="translation-settings">
      <h2 id="translation-heading">Translation</h2>
      <p class="muted">
        Parallax can ask the same question in other languages and translate every answer back into yours. Translations are shown before they are
        sent (Review translations in the panel) and kept on this computer.
      </p>
      <fieldset class="field">
        <legend>Who translates</legend>
        <label class="toggle">
          <input type="radio" name="translation-engine" checked={engine.kind === 'chrome'} onChange={() => void setEngine({ kind: 'chrome' })} />
          Chrome's on-device translator {api ? '' : '(not in this browser)'}
        </label>
        <label class="toggle">
          <input type="radio" name="translation-engine" checked={engine.kind === 'model'} disabled={!models.length} onChange={() => {
            const first = models.find(allowed);
            if (first) void setEngine({ kind: 'model', providerId: first.id });
          }} />
          A model you set up {models.length ? '' : '(add one above first)'}
        </label>
        <label class="toggle">
          <input type="radio" name="translation-engine" checked={engine.kind === 'none'} onChange={() => void setEngine({ kind: 'none' })} />
          None: I type or edit every translation myself
        </label>
      </fieldset>
      {engine.kind === 'model' && (
        <div class="field-row">
          <label class="field">
            Translating endpoint
            <select aria-label="Translating endpoint" value={engine.providerId} onChange={(e) => void setEngine({ kind: 'model', providerId: e.currentTarget.value })}>
              {!chosen && <option value={engine.providerId}>(removed)</option>}
              {models.map((p) => (
                <option key={p.id} value={p.id} disabled={!allowed(p)}>{p.label} · {p.model}{allowed(p) ? '' : ' (leaves this device)'}</option>
              ))}
            </select>
          </label>
          <label class="field">
            Model (optional)
            <input aria-label="Translating model" placeholder={chosen?.model ?? "the endpoint's default"} value={engine.model ?? ''} onChange={(e) => {
              const model = e.currentTarget.value.trim() || undefined;
              void save((t) => ({ translation: { ...t, engine: t.engine.kind === 'model' ? { kind: 'model', providerId: t.engine.providerId, ...(model ? { model } : {}) } : t.engine } }));
            }} />
          </label>
          <p class="muted">The model is told to reply with the translation only; quotes, preambles and notes are removed from its reply.</p>
        </div>
      )}
      {engine.kind === 'chrome' && <ChromeTranslatorPairs reading={reading} api={api} detector={detector} />}
      {engine.kind === 'none' && <p class="muted">Without an engine, type each translation under Review translations in the panel; answers are not translated back.</p>}
      <label class="toggle">
        <input type="checkbox" checked={onDeviceOnly} onChange={(e) => {
          const on = e.currentTarget.checked;
          void save(() => ({ onDeviceOnly: on }));
        }} />
        On-device mode: translate only on this computer
      </label>
      <p class="muted">
        {onDeviceOnly
          ? "Only Chrome's on-device translator or an on-device model (WebLLM, Chrome's built-in model) may translate; your prompts and answers are not sent anywhere to be translated."
          : 'Off: a remote endpoint chosen above receives your prompts and answers to translate them.'}
      </p>
      {!check.ok && <p class="form-error" role="alert" data-testid="translation-engine-problem">{check.reason}</p>}
      <label class="field">
        Reading language (answers are translated into it)
        <select aria-label="Reading language" value={translation.readingLanguage ?? ''} onChange={(e) => {
          const code = e.currentTarget.value || undefined;
          void save((t) => ({ translation: { ...t, readingLanguage: code } }));
        }}>
          <option value="">Browser language ({languageName(readingLanguageOf({}, uiLanguage()))})</option>
          {LANGUAGES.map((l) => <option key={l.code} value={l.code}>{l.name} · {l.nativeName}</option>)}
        </select>
      </label>
      <div class="field">
        <strong>Your language sets</strong>
        {translation.savedSets.length === 0 && <p class="muted">None yet. Choose languages below (or in the panel) and name the set to reuse it.</p>}
        <ul class="list" data-testid="saved-sets">
          {translation.savedSets.map((s) => (
            <li key={s.id}>
              <strong>{s.label}</strong>:{' '}
              {s.codes.map((c, i) => <span key={c}>{i > 0 && ', '}<NativeName code={c} /></span>)}{' '}
              <button type="button" class="link small" aria-label={`Delete the set ${s.label}`} onClick={() => void save((t) => ({ translation: { ...t, savedSets: t.savedSets.filter((x) => x.id !== s.id) } }))}>Delete</button>
            </li>
          ))}
        </ul>
        <details>
          <summary>New set</summary>
          <LanguagePicker label="Languages of the new set" selected={newSet} onChange={setNewSet} onSaveSet={(label, codes) => {
            void save((t) => ({ translation: { ...t, savedSets: withSavedSet(t.savedSets, label, codes, () => crypto.randomUUID()) } }));
            setNewSet([]);
          }} />
        </details>
      </div>
      {cache && <CacheLine cache={cache} />}
    </section>
  );
}
