import { computed, signal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { DEFAULT_SETTINGS, apiKeysItem, settingsItem, type Settings } from '@/utils/platform/storage/settings';
import type { SiteId } from '@/utils/core/sites/types';
import { endpointProblem } from '@/utils/platform/endpoint-access';

/** The settings page's state and actions. Keys are written, never read back into the page. */
export interface SettingsState {
  settings: Signal<Settings>;
  loaded: Signal<boolean>;
  hasKey: Signal<Set<string>>;
  ready: Signal<boolean>;
  addProvider(config: ProviderConfig, apiKey: string): Promise<void>;
  removeProvider(id: string): Promise<void>;
  setSite(id: SiteId, enabled: boolean): Promise<void>;
  addCustomSite(pattern: string): Promise<void>;
  removeCustomSite(pattern: string): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  finishOnboarding(): Promise<void>;
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
      const { [id]: _removed, ...keys } = await apiKeysItem.getValue();
      await apiKeysItem.setValue(keys);
      await update((s) => ({ ...s, providers: s.providers.filter((p) => p.id !== id) }));
      await refreshKeys();
    },
    setSite: (id, enabled) =>
      update((s) => ({ ...s, sites: enabled ? [...new Set([...s.sites, id])] : s.sites.filter((x) => x !== id) })),
    addCustomSite: (pattern) => update((s) => ({ ...s, customSitePatterns: [...new Set([...s.customSitePatterns, pattern])] })),
    removeCustomSite: (pattern) => update((s) => ({ ...s, customSitePatterns: s.customSitePatterns.filter((p) => p !== pattern) })),
    setPaused: (paused) => update((s) => ({ ...s, paused })),
    finishOnboarding: () => update((s) => ({ ...s, onboarded: true })),
  };
}
