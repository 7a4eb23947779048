import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { uiLanguage } from '@/utils/core/i18n';
import { DEFAULT_SETTINGS, migrateSettingsV2, settingsItem, translationOf, updateSettings, type Settings } from '@/utils/platform/storage/settings';
import { checkEngine, readingLanguageOf, withSavedSet, type TranslationSettings } from '@/utils/core/translate/settings';

/** The translation settings as the composer and the reading view need them. */
export interface TranslationSettingsView {
  loaded: boolean;
  settings: Settings;
  translation: TranslationSettings;
  /** The user's reading language (catalogue code). */
  reading: string;
  /** Who translates, in a phrase for the user, and whether it can. */
  engine: { kind: 'chrome' | 'model' | 'none'; label: string; problem?: string };
  saveSet: (label: string, codes: string[]) => Promise<void>;
}

/**
 * The browser's language (the default reading language): the one the UI's messages are shown in when Parallax
 * speaks it, else what the browser reports (a French browser reads answers back in French, its UI in English).
 */
export function browserLanguage(): string | undefined {
  const shown = uiLanguage();
  if (shown !== 'en') return shown;
  try {
    return browser.i18n?.getUILanguage?.() || globalThis.navigator?.language;
  } catch {
    return globalThis.navigator?.language;
  }
}

/** Describes the engine the settings choose, with the reason it cannot translate when it cannot. */
function engineSummary(settings: Settings): TranslationSettingsView['engine'] {
  const { engine } = translationOf(settings);
  const check = checkEngine(engine, settings.providers, settings.onDeviceOnly);
  const problem = check.ok ? undefined : check.reason;
  if (engine.kind === 'none') return { kind: 'none', label: 'you (no translation engine is set up)' };
  if (engine.kind === 'chrome') return { kind: 'chrome', label: "Chrome's on-device translator" };
  const endpoint = settings.providers.find((p) => p.id === engine.providerId);
  return { kind: 'model', label: endpoint ? `${engine.model ?? endpoint.model} on ${endpoint.label}` : 'a removed endpoint', ...(problem ? { problem } : {}) };
}

/** Settings read from storage and kept current, with the translation parts worked out. */
export function useTranslationSettings(): TranslationSettingsView {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void settingsItem.getValue().then((value) => live && setSettings(migrateSettingsV2(value)));
    const unwatch = settingsItem.watch((value) => setSettings(migrateSettingsV2(value)));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const current = settings ?? DEFAULT_SETTINGS;
  const translation = translationOf(current);
  return {
    loaded: settings !== null,
    settings: current,
    translation,
    reading: readingLanguageOf(translation, browserLanguage()),
    engine: engineSummary(current),
    saveSet: async (label, codes) => {
      await updateSettings((s) => ({
        ...s,
        translation: { ...translationOf(s), savedSets: withSavedSet(translationOf(s).savedSets, label, codes, () => crypto.randomUUID()) },
      }));
    },
  };
}
