import { getDb } from '../db/schema';
import { dexieTranslationStore } from '../db/translation-cache';
import { chromeTranslator, translatorApi, type TranslatorApi } from '../../core/on-device/chrome-translator';
import { ProviderError } from '../../core/providers/errors';
import { providerFor as registryProviderFor } from '../../core/providers/registry';
import type { ChatProvider, ProviderConfig, ProviderKind } from '../../core/providers/types';
import { migrateSettingsV2, settingsItem, translationOf, type Settings } from '../storage/settings';
import { cachedTranslator, translationCache, type TranslationCache } from '../../core/translate/cache';
import { checkEngine, translatorSettingsOf, type TranslatorSettings } from '../../core/translate/settings';
import { modelTranslator, type Translator } from '../../core/translate/translator';

/** What building a translator from settings needs. */
export interface TranslatorDeps {
  /** The key of an endpoint, asked for at translation time (never kept). */
  apiKeyFor: (providerId: string) => Promise<string | undefined>;
  providerFor?(kind: ProviderKind): ChatProvider | undefined;
  /** Chrome's Translator global; absent = this context's. */
  chromeApi?: TranslatorApi;
  /** Translations reused by text + languages + engine. */
  cache?: TranslationCache;
}

/** A translator that cannot translate and says why (engine not allowed, endpoint removed). */
function refusingTranslator(label: string, reason: string): Translator {
  return {
    id: 'unavailable',
    label,
    onDevice: true,
    translate() {
      return Promise.reject(new ProviderError('unsupported', reason));
    },
  };
}

/** A model translator that asks for the endpoint's key on every translation, so keys are never held. */
function keyedModelTranslator(provider: ChatProvider, config: ProviderConfig, model: string, apiKeyFor: TranslatorDeps['apiKeyFor']): Translator {
  const conn = { baseUrl: config.baseUrl, ...(config.modelLib ? { modelLib: config.modelLib } : {}) };
  const base = modelTranslator(provider, conn, model);
  return {
    ...base,
    async translate(text, source, target, signal) {
      const apiKey = await apiKeyFor(config.id);
      return modelTranslator(provider, { ...conn, ...(apiKey ? { apiKey } : {}) }, model).translate(text, source, target, signal);
    },
  };
}

/**
 * The translator the settings ask for: none (undefined: the user types translations), Chrome's on-device one,
 * or a configured endpoint's model; cached when a cache is given. In on-device mode a remote endpoint is
 * refused with the reason, never used.
 */
export function translatorFor(settings: Settings, deps: TranslatorDeps): Translator | undefined {
  const { engine } = translationOf(settings);
  if (engine.kind === 'none') return undefined;
  const check = checkEngine(engine, settings.providers, settings.onDeviceOnly);
  if (!check.ok) return refusingTranslator('No translator', check.reason);
  let translator: Translator;
  if (engine.kind === 'chrome') {
    translator = chromeTranslator(deps.chromeApi ?? translatorApi());
  } else {
    const config = settings.providers.find((p) => p.id === engine.providerId)!;
    const provider = (deps.providerFor ?? registryProviderFor)(config.kind);
    if (!provider)
      return refusingTranslator(config.label, `This version of Parallax cannot talk to ${config.kind} engines, so ${config.label} cannot translate.`);
    translator = keyedModelTranslator(provider, config, engine.model ?? config.model, deps.apiKeyFor);
  }
  return deps.cache ? cachedTranslator(translator, deps.cache) : translator;
}

/** The translator of a runner host, kept in step with the settings. */
export interface HostTranslator {
  /** The translator now (undefined: engine "none"). Read at each run's start. */
  current(): Translator | undefined;
  /** Resolves once settings were read. */
  ready: Promise<void>;
  /** Reads the settings again (where they cannot be watched: Chrome's offscreen document). */
  refresh(): Promise<void>;
  /** The translator's part of the settings it was last built from. */
  settings(): TranslatorSettings;
}

/** Where the host reads settings: storage (default), or the background where there is no storage API. */
export interface SettingsSource {
  read(): Promise<Settings | null>;
  /** Calls back on every change, when the context can watch storage. */
  watch?(apply: (settings: Settings | null) => void): void;
}

const storageSource: SettingsSource = { read: () => settingsItem.getValue(), watch: (apply) => void settingsItem.watch(apply) };

let shared: HostTranslator | undefined;

/**
 * The runner host's translator (one per extension context): built from settings, rebuilt when they change,
 * cached in IndexedDB so a preview's translation is reused by the runs and survives restarts.
 */
export function hostTranslator(apiKeyFor: TranslatorDeps['apiKeyFor'], source: SettingsSource = storageSource): HostTranslator {
  if (shared) return shared;
  const cache = translationCache(dexieTranslationStore(getDb()));
  let translator: Translator | undefined;
  let built: string | undefined;
  let current = translatorSettingsOf(migrateSettingsV2(null));
  const apply = (stored: Settings | null) => {
    const settings = migrateSettingsV2(stored);
    current = translatorSettingsOf(settings);
    const key = JSON.stringify(current);
    if (key === built) return; // unchanged (every wake re-reads them): keep Chrome's open translator sessions
    built = key;
    translator = translatorFor(settings, { apiKeyFor, cache });
  };
  const refresh = () => source.read().then(apply, (err: unknown) => console.error('[parallax] translation settings unreadable', err));
  const ready = refresh();
  source.watch?.(apply);
  shared = { current: () => translator, ready, refresh, settings: () => current };
  return shared;
}
