import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';
import { ProviderError } from '../providers/errors';
import { describeModel, type ModelRecordLike, type OnDeviceKind, type OnDeviceModel } from './webllm-catalogue';
import { modelUrlProblem, toIntegrity } from './model-source';
import type { LibraryPin, LibraryPins } from './library-pins';
import { weightsBase, type ModelFiles } from './webllm-disk';

/** Which model to load: a catalogue id, or a custom one with its weights and library addresses. */
export interface ModelRef {
  modelId: string;
  modelUrl?: string;
  modelLib?: string;
  /** Custom models: the library's expected hash (SRI "sha256-…" or hex SHA-256), checked before it runs. */
  integrity?: string;
  /** Custom models: what the model is for (default chat). Catalogue models say it themselves. */
  kind?: OnDeviceKind;
}

/** The part of WebLLM's module the records need. */
export interface WebLlmCatalogue {
  prebuiltAppConfig: AppConfig;
}

/** A model's record as WebLLM will load it, with what the engine needs to know about its library. */
export interface ResolvedModel {
  record: ModelRecord;
  kind: OnDeviceKind;
  files: ModelFiles;
  custom: boolean;
  /** The hash WebLLM checks the library against, and where it came from (none: first use). */
  pin: (LibraryPin & { given: boolean }) | null;
}

/** WebLLM's ModelType values (its enum is not imported: that would load WebLLM's 6 MB wherever records are read). */
const MODEL_TYPE = { chat: 0, embedding: 1 } as unknown as Record<OnDeviceKind, ModelRecord['model_type']>;

const catalogueRecord = (lib: WebLlmCatalogue, modelId: string) => lib.prebuiltAppConfig.model_list.find((m) => m.model_id === modelId);

/** The custom record of a ref, checked: both addresses given, each https: (or http: on this machine). */
function customRecord(ref: ModelRef): ModelRecord {
  if (!ref.modelUrl || !ref.modelLib) {
    throw new ProviderError('not_found', `${ref.modelId} is not in WebLLM's catalogue; a custom model needs its weights and library addresses.`);
  }
  for (const url of [ref.modelUrl, ref.modelLib]) {
    const problem = modelUrlProblem(url);
    if (problem) throw new ProviderError('insecure_url', `${ref.modelId} cannot be loaded: ${problem}`);
  }
  return { model: ref.modelUrl, model_id: ref.modelId, model_lib: ref.modelLib, model_type: MODEL_TYPE[ref.kind ?? 'chat'] };
}

/** The record a ref names: the catalogue's for a catalogue id (custom addresses are ignored then), else the custom one. */
export function recordOf(lib: WebLlmCatalogue, ref: ModelRef): { record: ModelRecord; custom: boolean } {
  const known = catalogueRecord(lib, ref.modelId);
  if (known) return { record: { ...known }, custom: false };
  return { record: customRecord(ref), custom: true };
}

/**
 * Resolves a ref for loading: its record, with the library hash WebLLM must check before running it — the one
 * the user gave for a custom model, else the one recorded when the library first loaded (none yet: first use).
 */
export async function resolveModel(lib: WebLlmCatalogue, ref: ModelRef, pins: LibraryPins): Promise<ResolvedModel> {
  const { record, custom } = recordOf(lib, ref);
  const problem = modelUrlProblem(record.model_lib) ?? modelUrlProblem(record.model);
  if (problem) throw new ProviderError('insecure_url', `${ref.modelId} cannot be loaded: ${problem}`);
  let given: string | null = null;
  if (ref.integrity?.trim()) {
    given = toIntegrity(ref.integrity);
    if (!given)
      throw new ProviderError(
        'integrity',
        `“${ref.integrity.slice(0, 100)}” is not an integrity hash: give "sha256-…" (base64) or the 64 hex digits of the library's SHA-256.`,
      );
  }
  const recorded = await pins.get(record.model_lib).catch(() => undefined);
  const pin = given ? { integrity: given, since: Date.now(), source: 'given' as const, given: true } : recorded ? { ...recorded, given: false } : null;
  if (pin) record.integrity = { ...record.integrity, model_lib: pin.integrity, onFailure: 'error' };
  const kind: OnDeviceKind = Number(record.model_type) === 1 ? 'embedding' : 'chat';
  return { record, kind, files: { weights: weightsBase(record.model), library: record.model_lib }, custom, pin };
}

/** WebLLM's app config: its catalogue with these records put in (replacing a catalogue record of the same id). */
export function appConfigWith(lib: WebLlmCatalogue, records: readonly ModelRecord[]): AppConfig {
  const ids = new Set(records.map((r) => r.model_id));
  return { ...lib.prebuiltAppConfig, model_list: [...lib.prebuiltAppConfig.model_list.filter((m) => !ids.has(m.model_id)), ...records] };
}

/** A custom model as the cache manager lists it (its id as the user typed it; nothing known of its size before download). */
export function describeCustom(ref: ModelRef): OnDeviceModel {
  return { ...describeModel({ ...(customRecord(ref) as ModelRecordLike) }), name: ref.modelId, kind: ref.kind ?? 'chat' };
}
