import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { DEFAULT_SETTINGS, apiKeysItem, settingsItem, type Settings } from '@/utils/platform/storage/settings';
import type { SiteId } from '@/utils/core/sites/types';
import { endpointProblem } from '@/utils/platform/endpoint-access';
import type { RemovedEndpoint } from '@/components/settings/EndpointList';

/** The settings page's state and actions. Keys are written, never read back into the page. */
export interface SettingsState {
  settings: Signal<Settings>;
  loaded: Signal<boolean>;
  hasKey: Signal<Set<string>>;
  /** Derived from the settings (an endpoint and a site are set up): read only. */
  ready: ReadonlySignal<boolean>;
  addProvider: (config: ProviderConfig, apiKey: string) => Promise<void>;
  /** Takes an endpoint out of the settings; its key stays until {@link forgetKey} (Undo is offered meanwhile). */
  removeProvider: (id: string) => Promise<RemovedEndpoint | null>;
  /** Undo: the endpoint back where it was, with the same id, so its key and everything naming it still apply. */
  restoreProvider: (removed: RemovedEndpoint) => Promise<void>;
  /** The key of a removed endpoint goes for good (Undo no longer offered, or the page closed). */
  forgetKey: (id: string) => Promise<void>;
  setSite: (id: SiteId, enabled: boolean) => Promise<void>;
  addCustomSite: (pattern: string) => Promise<void>;
  removeCustomSite: (pattern: string) => Promise<void>;
  setPaused: (paused: boolean) => Promise<void>;
  finishOnboarding: () => Promise<void>;
}

export const SettingsStateContext = createContext<SettingsState | null>(null);

export function useSettingsState(): SettingsState {
  const state = useContext(SettingsStateContext);
  if (!state) throw new Error('SettingsStateContext is missing');
  return state;
}

export function createSettingsState(): SettingsState {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const loaded = signal(false);
  const hasKey = signal(new Set<string>());
  const refreshKeys = async () => (hasKey.value = new Set(Object.keys(await apiKeysItem.getValue())));

  void settingsItem.getValue().then((value) => {
    settings.value = value;
    loaded.value = true;
  });
  settingsItem.watch((value) => (settings.value = value ?? DEFAULT_SETTINGS));
  void refreshKeys();

  /** Removed endpoints whose key is kept while Undo is offered. */
  const pending = new Set<string>();
  const deleteKeys = async (ids: (id: string) => boolean) => {
    const keys = await apiKeysItem.getValue();
    const kept = Object.fromEntries(Object.entries(keys).filter(([id]) => !ids(id)));
    if (Object.keys(kept).length !== Object.keys(keys).length) await apiKeysItem.setValue(kept);
  };
  // A page closed while Undo was offered leaves no key behind: it goes now, or (if the page closed first)
  // when the settings page opens next, with every key whose endpoint is gone.
  addEventListener('pagehide', () => pending.size && void deleteKeys((id) => pending.has(id)));
  void settingsItem
    .getValue()
    .then((s) => deleteKeys((id) => !s.providers.some((p) => p.id === id)))
    .then(refreshKeys, () => undefined);

  const update = async (change: (s: Settings) => Settings) => {
    const next = change(await settingsItem.getValue());
    await settingsItem.setValue(next);
    settings.value = next;
  };

  return {
    settings,
    loaded,
    hasKey,
    ready: computed(() => settings.value.providers.length > 0 && (settings.value.sites.length > 0 || settings.value.customSitePatterns.length > 0)),
    async addProvider(config, apiKey) {
      // Only loopback and origins the user granted (the form asks for access first): never save another address.
      const problem = await endpointProblem(config.kind, config.baseUrl);
      if (problem) throw new Error(problem);
      if (apiKey) await apiKeysItem.setValue({ ...(await apiKeysItem.getValue()), [config.id]: apiKey });
      await update((s) => ({ ...s, providers: [...s.providers, config] }));
      await refreshKeys();
    },
    async removeProvider(id) {
      let removed: RemovedEndpoint | null = null;
      await update((s) => {
        const index = s.providers.findIndex((p) => p.id === id);
        if (index >= 0) removed = { config: s.providers[index]!, index };
        return { ...s, providers: s.providers.filter((p) => p.id !== id) };
      });
      if (removed) pending.add(id);
      return removed;
    },
    async restoreProvider({ config, index }) {
      pending.delete(config.id);
      await update((s) => {
        if (s.providers.some((p) => p.id === config.id)) return s;
        const providers = [...s.providers];
        providers.splice(Math.min(index, providers.length), 0, config);
        return { ...s, providers };
      });
      await refreshKeys();
    },
    async forgetKey(id) {
      pending.delete(id);
      await deleteKeys((k) => k === id);
      await refreshKeys();
    },
    setSite: (id, enabled) => update((s) => ({ ...s, sites: enabled ? [...new Set([...s.sites, id])] : s.sites.filter((x) => x !== id) })),
    addCustomSite: (pattern) => update((s) => ({ ...s, customSitePatterns: [...new Set([...s.customSitePatterns, pattern])] })),
    removeCustomSite: (pattern) => update((s) => ({ ...s, customSitePatterns: s.customSitePatterns.filter((p) => p !== pattern) })),
    setPaused: (paused) => update((s) => ({ ...s, paused })),
    finishOnboarding: () => update((s) => ({ ...s, onboarded: true })),
  };
}
