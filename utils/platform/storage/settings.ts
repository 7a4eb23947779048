import { storage } from 'wxt/utils/storage';
import type { ProviderConfig } from '../../core/providers/types';
import type { EnabledSites } from '../../core/sites/registry';
import type { SiteId } from '../../core/sites/types';
import { DEFAULT_TRANSLATION, translationSettingsOf, type TranslationCapabilities, type TranslationSettings } from '../../core/translate/settings';
import { onDeviceEnginesHere } from '../browser-kind';

/** Everything the user sets, except API keys (see {@link apiKeysItem}). Versioned: add migrations, never edit v1. */
export interface Settings {
  /** Endpoints and engines every comparison is sent to. */
  providers: ProviderConfig[];
  /** Chat sites capture is enabled on. */
  sites: SiteId[];
  /** Match patterns the generic adapter runs on (user-added sites), e.g. "http://127.0.0.1/*". */
  customSitePatterns: string[];
  /** When true, prompts on enabled sites are not picked up. */
  paused: boolean;
  /** The first-run guide was completed or dismissed. */
  onboarded: boolean;
  /** Translation engine, reading language and saved language sets (v2). */
  translation: TranslationSettings;
  /** On-device mode: only engines on this device may translate (v2). */
  onDeviceOnly: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  providers: [],
  sites: [],
  customSitePatterns: [],
  paused: false,
  onboarded: false,
  translation: DEFAULT_TRANSLATION,
  onDeviceOnly: false,
};

/** What this browser can translate with: Chrome's translator everywhere but Firefox (Chromium browsers without it say so). */
const translationCapabilities = (): TranslationCapabilities => ({ chromeTranslator: onDeviceEnginesHere() });

/**
 * v1 → v2: translation settings and the on-device flag, with defaults; everything else kept as it was. Also
 * applied on every read, so translation falls back to what this browser can do (by hand in Firefox).
 */
export function migrateSettingsV2(old: Partial<Settings> | null | undefined): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...old,
    translation: translationSettingsOf(old?.translation, translationCapabilities()),
    onDeviceOnly: old?.onDeviceOnly === true,
  };
}

/** Settings, in storage.local (never synced). */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  version: 2,
  fallback: DEFAULT_SETTINGS,
  migrations: { 2: migrateSettingsV2 },
});

/** The translation part of settings, valid even if written by an older version or by hand. */
export function translationOf(settings: Partial<Settings>): TranslationSettings {
  return translationSettingsOf(settings.translation, translationCapabilities());
}

let updating: Promise<unknown> = Promise.resolve();

/**
 * Changes the settings from their current value (pages watching settingsItem see the change). Changes made in
 * quick succession on one page are applied one after the other, so none overwrites another.
 */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = updating.then(async () => {
    const value = change(migrateSettingsV2(await settingsItem.getValue()));
    await settingsItem.setValue(value);
    return value;
  });
  updating = next.catch(() => undefined);
  return next;
}

export { apiKeysItem } from './api-keys';

/** The sites part of the settings, as the sender checks and content-script registration need it. */
export function enabledSitesOf(settings: Settings): EnabledSites {
  return { sites: settings.sites, customSitePatterns: settings.customSitePatterns };
}

/** Turns what a user types ("127.0.0.1:8080", "https://chat.example.com/x") into a match pattern for its origin. */
export function sitePatternFromInput(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][\w+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${url.protocol}//${url.hostname}/*`;
}
