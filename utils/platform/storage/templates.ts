import { storage } from 'wxt/utils/storage';
import type { PersonaSpec } from '../messaging/protocol-compose';
import type { ProviderConfig } from '../../core/providers/types';

/** The axes of a composition the user picks in the prompt box; the prompt and its context come apart. */
export interface ComposeAxes {
  /** Endpoints asked, by id; absent = every configured endpoint. */
  providerIds?: string[];
  /** Languages asked in (empty = the prompt as written). */
  languages: string[];
  personas: PersonaSpec[];
  /** Each target asked this many times (1–10). */
  repetitions: number;
  /** Sampling temperature for every target; absent = each endpoint's own. */
  temperature?: number;
}

/** A saved composition: targets × languages × personas × repetitions, under a name. */
export interface ComposeTemplate extends ComposeAxes {
  id: string;
  name: string;
}

/** What the prompt box remembers between sessions, in storage.local. */
export interface ComposerPrefs {
  /** The axes of the last comparison started from the panel. */
  last: ComposeAxes | null;
  templates: ComposeTemplate[];
  /** The template a new composition starts from (null: the last-used axes). */
  defaultTemplateId: string | null;
  /** System prompts the user wrote, offered beside the built-in personas. */
  customPersonas: PersonaSpec[];
}

export const DEFAULT_AXES: ComposeAxes = { languages: [], personas: [], repetitions: 1 };
export const MAX_REPETITIONS = 10;
/** Runs above which the prompt box asks before starting. */
export const CONFIRM_ABOVE_RUNS = 20;

export const composerPrefsItem = storage.defineItem<ComposerPrefs>('local:composerPrefs', {
  version: 1,
  fallback: { last: null, templates: [], defaultTemplateId: null, customPersonas: [] },
});

/** Axes kept within limits and to endpoints that still exist (a template may name a deleted one). */
export function cleanAxes(axes: ComposeAxes, providers: readonly ProviderConfig[]): ComposeAxes {
  const known = axes.providerIds?.filter((id) => providers.some((p) => p.id === id));
  const temperature = axes.temperature;
  return {
    ...(known ? { providerIds: known } : {}),
    languages: [...new Set(axes.languages)],
    personas: axes.personas.filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i),
    repetitions: Math.min(MAX_REPETITIONS, Math.max(1, Math.floor(axes.repetitions || 1))),
    ...(temperature !== undefined && Number.isFinite(temperature) ? { temperature: Math.min(2, Math.max(0, temperature)) } : {}),
  };
}

/** Where a new composition starts: the default template, else the last-used axes, else every endpoint once. */
export function startingAxes(prefs: ComposerPrefs, providers: readonly ProviderConfig[]): ComposeAxes {
  const template = prefs.templates.find((t) => t.id === prefs.defaultTemplateId);
  const from = template ? axesOf(template) : (prefs.last ?? DEFAULT_AXES);
  return cleanAxes(from, providers);
}

/** The axes of a template, without its name. */
export function axesOf(template: ComposeTemplate): ComposeAxes {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- id and name are taken out only to leave them out of the axes
  const { id: _id, name: _name, ...axes } = template;
  return axes;
}

/** Saves the axes under a name; a template of the same name is replaced. */
export function withTemplate(
  prefs: ComposerPrefs,
  name: string,
  axes: ComposeAxes,
  newId: () => string = () => crypto.randomUUID(),
): { prefs: ComposerPrefs; template: ComposeTemplate } {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('Give the template a name.');
  const existing = prefs.templates.find((t) => t.name.toLowerCase() === trimmed.toLowerCase());
  const template: ComposeTemplate = { ...axes, id: existing?.id ?? newId(), name: trimmed };
  const templates = existing ? prefs.templates.map((t) => (t.id === existing.id ? template : t)) : [...prefs.templates, template];
  return { prefs: { ...prefs, templates }, template };
}

/** Removes a template (and its default mark). */
export function withoutTemplate(prefs: ComposerPrefs, id: string): ComposerPrefs {
  return {
    ...prefs,
    templates: prefs.templates.filter((t) => t.id !== id),
    defaultTemplateId: prefs.defaultTemplateId === id ? null : prefs.defaultTemplateId,
  };
}

/** How many endpoints the axes ask: the chosen ones that exist, or all. */
export function chosenProviders(axes: ComposeAxes, providers: readonly ProviderConfig[]): ProviderConfig[] {
  return axes.providerIds ? providers.filter((p) => axes.providerIds!.includes(p.id)) : [...providers];
}
