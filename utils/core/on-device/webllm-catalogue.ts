/** The fields of a WebLLM model record the picker reads (see @mlc-ai/web-llm's ModelRecord). */
export interface ModelRecordLike {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  required_features?: string[];
  /** 0 = LLM, 1 = embedding, 2 = vision-language. */
  model_type?: number;
  /** WebLLM checks downloaded files against these SRI hashes (see its ModelIntegrity). */
  integrity?: { model_lib?: string; config?: string; onFailure?: 'error' | 'warn' };
}

/** What a model is for: answering prompts, or embedding answers to measure divergence by meaning. */
export type OnDeviceKind = 'chat' | 'embedding';

/** One model the user can pick. */
export interface OnDeviceModel {
  id: string;
  /** "SmolLM2 360M Instruct" */
  name: string;
  /** "q4f16_1" */
  quantization: string;
  vramMB: number | null;
  lowResource: boolean;
  needsShaderF16: boolean;
  kind: OnDeviceKind;
  /** Bytes a download fetches (weights, config, tokenizer, library), when known before downloading. */
  downloadBytes: number | null;
}

/** What the device offers, from WebGPU detection. */
export interface DeviceCaps {
  shaderF16: boolean;
}

/** Preferred small defaults, best first: small, multilingual enough to compare, quick to download. */
const DEFAULT_PREFERENCE = ['Qwen2.5-0.5B-Instruct', 'SmolLM2-360M-Instruct', 'Llama-3.2-1B-Instruct', 'Qwen3-0.6B'];

/**
 * Embedding models offered for divergence by meaning: WebLLM's snowflake-arctic-embed builds that embed up to
 * four answers per pass (the -b32 builds share the same weights and only batch more per pass, for 2–4× the GPU
 * memory). Download size: the f32 weights (parameter counts × 4 bytes; -s: 33.2 M parameters, as its library
 * lists them; -m: 108.9 M, the BERT-base layout) plus about 4 MB of library, tokenizer and config.
 */
export const EMBEDDING_MODELS: Readonly<Record<string, number>> = {
  'snowflake-arctic-embed-s-q0f32-MLC-b4': 132_848_640 + 4_300_000,
  'snowflake-arctic-embed-m-q0f32-MLC-b4': 435_566_592 + 4_300_000,
};

const kindOf = (record: ModelRecordLike): OnDeviceKind | null => (record.model_type === 1 ? 'embedding' : (record.model_type ?? 0) === 0 ? 'chat' : null);

/** Describes a model record for the picker and the cache manager. */
export function describeModel(record: ModelRecordLike): OnDeviceModel {
  const match = /^(.*?)-(q\d+f\d+(?:_\d+)?)-MLC(?:-\w+)?$/.exec(record.model_id);
  return {
    id: record.model_id,
    name: (match?.[1] ?? record.model_id).replace(/-/g, ' '),
    quantization: match?.[2] ?? '',
    vramMB: record.vram_required_MB ?? null,
    lowResource: record.low_resource_required ?? false,
    needsShaderF16: record.required_features?.includes('shader-f16') ?? /f16/.test(match?.[2] ?? ''),
    kind: kindOf(record) ?? 'chat',
    downloadBytes: EMBEDDING_MODELS[record.model_id] ?? null,
  };
}

/**
 * Chat models this device can run, smallest first: text models only, and no f16 model on a GPU without
 * `shader-f16`. Pure: the caller passes WebLLM's prebuilt list (and any custom records).
 */
export function onDeviceCatalogue(records: readonly ModelRecordLike[], caps: DeviceCaps): OnDeviceModel[] {
  return records
    .filter((r) => kindOf(r) === 'chat')
    .map(describeModel)
    .filter((m) => caps.shaderF16 || !m.needsShaderF16)
    .sort((a, b) => (a.vramMB ?? Infinity) - (b.vramMB ?? Infinity) || a.id.localeCompare(b.id));
}

/** The model offered first: a small preferred one this device can run, else the smallest low-resource one. */
export function defaultOnDeviceModel(catalogue: readonly OnDeviceModel[]): OnDeviceModel | undefined {
  for (const prefix of DEFAULT_PREFERENCE) {
    const found = catalogue.filter((m) => m.id.startsWith(`${prefix}-q4`));
    if (found.length) return found.find((m) => m.needsShaderF16) ?? found[0];
  }
  return catalogue.find((m) => m.lowResource) ?? catalogue[0];
}

/** The embedding models offered (see {@link EMBEDDING_MODELS}), smallest first, with their catalogue records. */
export function onDeviceEmbeddingCatalogue(records: readonly ModelRecordLike[], caps: DeviceCaps): OnDeviceModel[] {
  return records
    .filter((r) => kindOf(r) === 'embedding' && r.model_id in EMBEDDING_MODELS)
    .map(describeModel)
    .filter((m) => caps.shaderF16 || !m.needsShaderF16)
    .sort((a, b) => (a.downloadBytes ?? Infinity) - (b.downloadBytes ?? Infinity));
}

/**
 * The build of the same model that needs no `shader-f16` (q4f16_1 → q4f32_1, q0f16 → q0f32), when the catalogue
 * has one: what to offer a GPU without f16 support.
 */
export function f32Alternative(modelId: string, records: readonly ModelRecordLike[]): string | null {
  const candidate = modelId.replace(/(q\d)f16(_\d)?/, '$1f32$2');
  if (candidate === modelId) return null;
  const found = records.find((r) => r.model_id === candidate);
  return found && !found.required_features?.includes('shader-f16') ? found.model_id : null;
}
