import { staysOnDevice } from '../providers/destination';
import { catalogueCode } from './languages';
import { validCodes } from './presets';
import type { TranslationMode } from './translator';

/** A set of target languages the user named and saved, offered beside the built-in presets. */
export interface SavedLanguageSet {
  id: string;
  label: string;
  /** Catalogue codes, in column order. */
  codes: string[];
}

/** How Parallax translates, part of the settings (utils/settings.ts). */
export interface TranslationSettings {
  /** Chrome's on-device Translator, a configured chat model, or none (the user types translations). */
  engine: TranslationMode;
  /** The language the user reads answers in (catalogue code); absent = the browser's UI language. */
  readingLanguage?: string;
  savedSets: SavedLanguageSet[];
}

export const DEFAULT_TRANSLATION: TranslationSettings = { engine: { kind: 'chrome' }, savedSets: [] };

/** What the browser offers to translate with; Firefox has no Chrome translator. */
export interface TranslationCapabilities {
  chromeTranslator: boolean;
}

/**
 * The engine a user starts with: Chrome's on-device translator where the browser has it, else none (the user
 * types translations, until they choose one of their models in Settings → Translation).
 */
function defaultTranslationEngine({ chromeTranslator }: TranslationCapabilities): TranslationMode {
  return chromeTranslator ? { kind: 'chrome' } : { kind: 'none' };
}

/** Endpoint kinds that run in the browser (where prompts to an endpoint go is decided in providers/destination.ts). */
/** At most this many saved sets are kept. */
const MAX_SAVED_SETS = 30;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function engineOf(raw: unknown, capabilities: TranslationCapabilities): TranslationMode {
  if (isRecord(raw) && raw.kind === 'none') return { kind: 'none' };
  if (isRecord(raw) && raw.kind === 'model' && typeof raw.providerId === 'string' && raw.providerId) {
    return { kind: 'model', providerId: raw.providerId, ...(typeof raw.model === 'string' && raw.model.trim() ? { model: raw.model.trim() } : {}) };
  }
  return defaultTranslationEngine(capabilities);
}

/**
 * Translation settings as stored, made valid: unknown engines, and Chrome's where the browser has no Chrome
 * translator, fall back to the browser's default engine; saved sets lose codes the catalogue no longer has (and
 * empty sets), a reading language outside the catalogue is dropped.
 */
export function translationSettingsOf(raw: unknown, capabilities: TranslationCapabilities = { chromeTranslator: true }): TranslationSettings {
  if (!isRecord(raw)) return { engine: defaultTranslationEngine(capabilities), savedSets: [] };
  const reading = typeof raw.readingLanguage === 'string' ? catalogueCode(raw.readingLanguage) : null;
  const sets = Array.isArray(raw.savedSets) ? raw.savedSets : [];
  const savedSets = sets
    .filter(isRecord)
    .map((s) => ({
      id: typeof s.id === 'string' ? s.id : '',
      label: typeof s.label === 'string' ? s.label.trim() : '',
      codes: validCodes(Array.isArray(s.codes) ? s.codes.map(String) : []),
    }))
    .filter((s) => s.id && s.label && s.codes.length)
    .slice(0, MAX_SAVED_SETS);
  return { engine: engineOf(raw.engine, capabilities), ...(reading ? { readingLanguage: reading } : {}), savedSets };
}

/** The language answers are read in: the user's choice, else the browser's UI language, else English. */
export function readingLanguageOf(settings: Pick<TranslationSettings, 'readingLanguage'>, uiLanguage?: string | null): string {
  return catalogueCode(settings.readingLanguage) ?? catalogueCode(uiLanguage) ?? 'en';
}

/**
 * Saves a set under a name: a set with the same name (any case) is replaced, keeping its place; codes outside
 * the catalogue are dropped. Returns the sets unchanged when the name or the codes are empty.
 */
export function withSavedSet(sets: readonly SavedLanguageSet[], label: string, codes: readonly string[], newId: () => string): SavedLanguageSet[] {
  const name = label.trim().slice(0, 60);
  const valid = validCodes(codes);
  if (!name || !valid.length) return [...sets];
  const at = sets.findIndex((s) => s.label.toLowerCase() === name.toLowerCase());
  if (at >= 0) return sets.map((s, i) => (i === at ? { ...s, label: name, codes: valid } : s));
  return [...sets, { id: newId(), label: name, codes: valid }].slice(-MAX_SAVED_SETS);
}

/** An endpoint as far as choosing a translator goes. */
export interface TranslatorCandidate {
  id: string;
  kind: string;
  label: string;
  model: string;
  /** Where its prompts go: a server on this computer's loopback address counts as on this device. */
  baseUrl?: string;
}

/** Whether an engine may translate under the on-device setting, and if not, what to tell the user. */
export type EngineCheck = { ok: true; onDevice: boolean } | { ok: false; reason: string };

/**
 * Checks the chosen engine against the endpoints there are and the on-device setting: in on-device mode only
 * Chrome's translator or an endpoint on this device (WebLLM, Chrome's built-in model, a server on this
 * computer's loopback address such as Ollama on localhost) may translate.
 */
export function checkEngine(engine: TranslationMode, endpoints: readonly TranslatorCandidate[], onDeviceOnly: boolean): EngineCheck {
  if (engine.kind === 'none') return { ok: true, onDevice: true };
  if (engine.kind === 'chrome') return { ok: true, onDevice: true };
  const endpoint = endpoints.find((e) => e.id === engine.providerId);
  if (!endpoint) return { ok: false, reason: 'The endpoint chosen to translate was removed. Choose another one in Settings → Translation.' };
  const onDevice = staysOnDevice(endpoint);
  if (onDeviceOnly && !onDevice) {
    return {
      ok: false,
      reason: `On-device mode is on, and ${endpoint.label} is not on this device: your prompt would leave this computer to be translated. Choose an on-device engine in Settings → Translation, or type the translations yourself.`,
    };
  }
  return { ok: true, onDevice };
}

/** What a runner host needs of the settings to build its translator (no keys: those are asked for per call). */
export interface TranslatorSettings {
  providers: TranslatorCandidate[];
  translation: TranslationSettings;
  onDeviceOnly: boolean;
}

/** The translator's part of the settings, made valid (see {@link translationSettingsOf}). */
export function translatorSettingsOf<P extends TranslatorCandidate>(
  settings: { providers?: P[]; translation?: unknown; onDeviceOnly?: unknown } | null | undefined,
): TranslatorSettings & { providers: P[] } {
  return { providers: settings?.providers ?? [], translation: translationSettingsOf(settings?.translation), onDeviceOnly: settings?.onDeviceOnly === true };
}
