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
}

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
}

/** What the device offers, from WebGPU detection. */
export interface DeviceCaps {
  shaderF16: boolean;
}

/** Preferred small defaults, best first: small, multilingual enough to compare, quick to download. */
const DEFAULT_PREFERENCE = ['Qwen2.5-0.5B-Instruct', 'SmolLM2-360M-Instruct', 'Llama-3.2-1B-Instruct', 'Qwen3-0.6B'];

function describe(record: ModelRecordLike): OnDeviceModel {
  const match = /^(.*?)-(q\d+f\d+(?:_\d+)?)-MLC(?:-\w+)?$/.exec(record.model_id);
  return {
    id: record.model_id,
    name: (match?.[1] ?? record.model_id).replace(/-/g, ' '),
    quantization: match?.[2] ?? '',
    vramMB: record.vram_required_MB ?? null,
    lowResource: record.low_resource_required ?? false,
    needsShaderF16: record.required_features?.includes('shader-f16') ?? /f16/.test(match?.[2] ?? ''),
  };
}

/**
 * Chat models this device can run, smallest first: text models only, and no f16 model on a GPU without
 * `shader-f16`. Pure: the caller passes WebLLM's prebuilt list (and any custom records).
 */
export function onDeviceCatalogue(records: readonly ModelRecordLike[], caps: DeviceCaps): OnDeviceModel[] {
  return records
    .filter((r) => (r.model_type ?? 0) === 0)
    .map(describe)
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
