import { signal } from '@preact/signals';
import type { AxesModel } from '@/components/sidepanel/axes-model';
import type { ComposeSpec, PersonaSpec } from '@/utils/platform/messaging/protocol-compose';
import { customPersona } from '@/utils/core/runner/personas';
import { watchPanelRequests, type ComposeDraft } from '@/utils/platform/storage/panel-requests';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { estimatePlan } from '@/utils/core/runner/estimate';
import { settingsItem, type Settings } from '@/utils/platform/storage/settings';
import { siteById } from '@/utils/core/sites/registry';
import { detectLanguage } from '@/utils/core/translate/detect';
import { catalogueCode } from '@/utils/core/translate/languages';
import { translationReadiness } from '@/utils/core/translate/readiness';
import { translatorSettingsOf } from '@/utils/core/translate/settings';
import type { TranslationBlock } from '@/components/sidepanel/axes-model';
import {
  CONFIRM_ABOVE_RUNS,
  DEFAULT_AXES,
  axesOf,
  chosenProviders,
  cleanAxes,
  composerPrefsItem,
  startingAxes,
  withTemplate,
  withoutTemplate,
  type ComposeAxes,
  type ComposerPrefs,
} from '@/utils/platform/storage/templates';
import type { PanelState } from './state';
import { t } from '@/utils/core/i18n';

/** "chat.example.com" of a match pattern "https://chat.example.com/*". */
const hostOfPattern = (pattern: string) => pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');

/**
 * The prompt box's axes: endpoints, personas, repetitions and temperature, templates, the context of a captured
 * prompt and the confirmation of a large run. Remembers the last-used axes and templates in storage.local.
 */
export function createComposeState(): AxesModel {
  const providers = signal<ProviderConfig[]>([]);
  const captureSites = signal<string[]>([]);
  let settingsNow: Settings | null = null;
  const blocked = signal<TranslationBlock | null>(null);
  const prefs = signal<ComposerPrefs>({ last: null, templates: [], defaultTemplateId: null, customPersonas: [] });
  const axes = signal<ComposeAxes>(DEFAULT_AXES);
  const draft = signal<ComposeDraft | null>(null);
  const contextSent = signal(0);
  const confirming = signal<number | null>(null);
  const problem = signal<string | null>(null);
  let confirmedRuns = 0;
  let touched = false;

  const sitesOf = (settings: Settings | null) =>
    settings
      ? [
          ...new Set([
            ...settings.sites.map((id) => siteById(id)?.name ?? id).filter((n) => n !== 'generic'),
            ...settings.customSitePatterns.map(hostOfPattern),
          ]),
        ]
      : [];
  const loaded = Promise.all([settingsItem.getValue(), composerPrefsItem.getValue()]).then(([settings, stored]) => {
    providers.value = settings.providers;
    captureSites.value = sitesOf(settings);
    settingsNow = settings;
    prefs.value = stored;
    if (!touched) axes.value = startingAxes(stored, settings.providers);
  });
  settingsItem.watch((settings) => {
    providers.value = settings?.providers ?? [];
    captureSites.value = sitesOf(settings);
    settingsNow = settings;
    axes.value = cleanAxes(axes.value, providers.value);
  });
  const savePrefs = async (next: ComposerPrefs) => {
    prefs.value = next;
    await composerPrefsItem.setValue(next);
  };

  const setAxes = (patch: Partial<ComposeAxes>) => {
    touched = true;
    axes.value = cleanAxes({ ...axes.value, ...patch }, providers.value);
    confirming.value = null;
    problem.value = null;
    // The axes on screen are the ones prompts picked up on chat sites are asked with: keep them at once.
    void savePrefs({ ...prefs.value, last: axes.value }).catch((err: unknown) => console.error('[parallax] axes not saved', err));
  };

  const specFor = (text: string): Omit<ComposeSpec, 'text'> => {
    const a = axes.value;
    const d = draft.value;
    const turns = d?.context && contextSent.value > 0 ? d.context.slice(-contextSent.value) : [];
    return {
      ...(a.providerIds ? { providerIds: a.providerIds } : {}),
      ...(a.languages.length ? { languages: a.languages } : {}),
      ...(a.personas.length ? { personas: a.personas } : {}),
      ...(a.repetitions > 1 ? { repetitions: a.repetitions } : {}),
      ...(a.temperature !== undefined ? { temperature: a.temperature } : {}),
      ...(turns.length ? { context: turns } : {}),
      ...(d?.rerunOf && d.text.trim() === text.trim() ? { rerunOf: d.rerunOf } : {}),
      ...(d?.sourceLanguage ? { sourceLanguage: d.sourceLanguage } : {}),
      ...(d?.translations && d.text.trim() === text.trim() ? { translations: d.translations } : {}),
    };
  };

  return {
    providers,
    captureSites,
    blocked,
    async checkTranslation(text, spec) {
      if (!spec.languages?.length) return null;
      const source = spec.sourceLanguage ?? catalogueCode(detectLanguage(text).code);
      const readiness = await translationReadiness(translatorSettingsOf(settingsNow), source, spec.languages, { typed: Object.keys(spec.translations ?? {}) });
      return readiness.missing.length ? { readiness, source: source ?? 'en' } : null;
    },
    prefs,
    axes,
    draft,
    contextSent,
    confirming,
    problem,
    loaded,
    setAxes,
    specFor,
    estimate: (text) => estimatePlan({ text, ...specFor(text) }, providers.value),
    ready(text) {
      if (providers.value.length && !chosenProviders(axes.value, providers.value).length) {
        problem.value = t('chooseOneEndpoint');
        return false;
      }
      const { runs } = estimatePlan({ text, ...specFor(text) }, providers.value);
      if (runs > CONFIRM_ABOVE_RUNS && confirmedRuns !== runs) {
        confirming.value = runs;
        return false;
      }
      return true;
    },
    confirm() {
      confirmedRuns = confirming.value ?? 0;
    },
    cancelConfirm() {
      confirming.value = null;
      confirmedRuns = 0;
    },
    async started() {
      confirming.value = null;
      confirmedRuns = 0;
      draft.value = null;
      contextSent.value = 0;
      await savePrefs({ ...prefs.value, last: axes.value });
    },
    prefill(next) {
      draft.value = next;
      contextSent.value = next.context?.length ? Math.min(next.contextSent ?? 0, next.context.length) : 0;
      if (next.axes) setAxes(next.axes);
      confirming.value = null;
    },
    clearDraft() {
      draft.value = null;
      contextSent.value = 0;
    },
    async saveTemplate(name) {
      await savePrefs(withTemplate(prefs.value, name, axes.value).prefs);
    },
    applyTemplate(id) {
      const template = prefs.value.templates.find((t) => t.id === id);
      if (template) setAxes({ providerIds: undefined, temperature: undefined, ...axesOf(template) });
    },
    deleteTemplate: (id) => savePrefs(withoutTemplate(prefs.value, id)),
    setDefaultTemplate: (id) => savePrefs({ ...prefs.value, defaultTemplateId: id }),
    async addPersona(label, systemPrompt): Promise<PersonaSpec> {
      if (!systemPrompt.trim()) throw new Error(t('writeSystemPromptFirst'));
      const persona = customPersona(label, systemPrompt);
      await savePrefs({ ...prefs.value, customPersonas: [...prefs.value.customPersonas, persona] });
      return persona;
    },
    async removePersona(id) {
      await savePrefs({ ...prefs.value, customPersonas: prefs.value.customPersonas.filter((p) => p.id !== id) });
      setAxes({ personas: axes.value.personas.filter((p) => p.id !== id) });
    },
  };
}

/** Acts on what the background asks when it opens the panel: show a comparison, prefill the prompt box, or say why not. */
export function connectPanelRequests(state: PanelState, compose: AxesModel): () => void {
  return watchPanelRequests((request) => {
    if (request.kind === 'open') {
      state.open(request.comparisonId);
      return;
    }
    if (request.kind === 'notice') {
      state.view.value = 'live';
      state.notice.value = request.message;
      return;
    }
    state.view.value = 'live';
    compose.prefill(request.draft);
  });
}
