import { ProviderError } from './errors';

/** Raw messages WebLLM and the browser throw, mapped to what a user can do about them. */
const RULES: { test: RegExp; make: (raw: string) => ProviderError }[] = [
  {
    test: /webgpu.*(not (supported|available|found))|navigator\.gpu|no (webgpu|adapter)|requestAdapter/i,
    make: () => new ProviderError('no_webgpu', 'This browser has no usable WebGPU, so on-device models cannot run. Use Chrome or Edge 113+ with hardware acceleration on; on Linux enable chrome://flags/#enable-unsafe-webgpu.'),
  },
  {
    test: /shader-f16|f16 (is )?not supported/i,
    make: () => new ProviderError('no_webgpu', 'This GPU cannot run f16 models. Pick a model ending in q4f32 instead.'),
  },
  {
    // Cache.add also fails with "Request failed" when a file is missing: only a quota message means storage.
    test: /quota|QuotaExceeded|storage.*full/i,
    make: () => new ProviderError('quota', 'Not enough storage to keep the model. Free disk space or delete other downloaded models, and do not use an incognito window.'),
  },
  {
    test: /out of memory|OOM|allocat(e|ion).*(fail|buffer)|exceeds.*(limit|max)|maxBufferSize|maxStorageBufferBindingSize/i,
    make: () => new ProviderError('out_of_memory', 'The GPU does not have enough memory for this model. Pick a smaller model, or close other tabs using the GPU.'),
  },
  {
    test: /device (was )?lost|DeviceLost|GPUDevice.*destroyed/i,
    make: () => new ProviderError('device_lost', 'The GPU stopped responding (device lost). Reload the model; if it keeps happening, pick a smaller one.'),
  },
  {
    test: /CompileError|WebAssembly|wasm/i,
    make: (raw) => new ProviderError('download_failed', `The model's program could not be loaded (${raw.slice(0, 120)}). Delete the model and download it again.`),
  },
  {
    test: /fetch|network|404|403|NetworkError|ERR_|Cannot find|download|Request failed|on 'Cache'/i,
    make: (raw) => new ProviderError('download_failed', `The model could not be downloaded (${raw.slice(0, 160)}). Check the connection and the model's address, then try again.`),
  },
];

/** Classifies anything WebLLM threw into a {@link ProviderError} with a message a user can act on. */
export function classifyWebLlmError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  const raw = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (err instanceof Error && err.name === 'AbortError') return new ProviderError('aborted', 'Cancelled.');
  const rule = RULES.find((r) => r.test.test(raw));
  return rule ? rule.make(raw) : new ProviderError('bad_response', `The on-device model failed: ${raw.slice(0, 200)}`);
}
