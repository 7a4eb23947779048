import { ProviderError } from './errors';

/** What the engine knows about the failed load, to make the message specific. */
export interface WebLlmErrorContext {
  /** The same model's build without shader-f16, to offer instead (see f32Alternative). */
  f32Alternative?: string | null;
  /** Where the library hash WebLLM checked came from: recorded at first use, or given by the user. */
  integritySource?: 'first-use' | 'given';
  /** When the first-use hash was recorded (ms). */
  pinnedSince?: number;
}

type Rule = { test: RegExp; make: (raw: string, context: WebLlmErrorContext) => ProviderError };

/** Raw messages WebLLM and the browser throw, mapped to what a user can do about them. Order matters. */
const RULES: Rule[] = [
  {
    // The library imports runtime functions this WebLLM no longer provides (or not yet): it was built for another version.
    test: /LinkError|Import #\d+ .*(function import requires a callable|imported function does not match)/i,
    make: () =>
      new ProviderError(
        'incompatible',
        'This model is not compatible with this Parallax version: its program (model library) was built for another version of WebLLM and asks for functions this one does not have. Pick another model, or a library built for WebLLM 0.2.86.',
      ),
  },
  {
    test: /IntegrityError|Integrity verification failed/i,
    make: (_raw, context) =>
      context.integritySource === 'given'
        ? new ProviderError(
            'integrity',
            "The model's program (library) does not match the integrity hash given for it, so Parallax did not run it. Check the hash, or the library address.",
          )
        : new ProviderError(
            'library_changed',
            `The model's program (library) is not the copy Parallax first downloaded${context.pinnedSince ? ` on ${new Date(context.pinnedSince).toISOString().slice(0, 10)}` : ''}: its SHA-256 changed, so Parallax did not run it. If you trust the new version, delete the model in Settings → On-device models and download it again.`,
          ),
  },
  {
    test: /shader-f16|f16 (is )?not supported/i,
    make: (_raw, context) =>
      new ProviderError(
        'no_shader_f16',
        `This GPU cannot run f16 models (no shader-f16). ${context.f32Alternative ? `Download ${context.f32Alternative} instead: the same model in f32.` : 'Pick a model built for f32 (q4f32 or q0f32) instead.'}`,
      ),
  },
  {
    test: /webgpu.*(not (supported|available|found))|navigator\.gpu|no (webgpu|adapter)|requestAdapter/i,
    make: () =>
      new ProviderError(
        'no_webgpu',
        'This browser has no usable WebGPU, so on-device models cannot run. Use Chrome or Edge 113+ with hardware acceleration on; on Linux enable chrome://flags/#enable-unsafe-webgpu.',
      ),
  },
  {
    // Cache.add also fails with "Request failed" when a file is missing: only a quota message means storage.
    test: /quota|QuotaExceeded|storage.*full/i,
    make: () =>
      new ProviderError(
        'quota',
        'Not enough storage to keep the model. Free disk space or delete other downloaded models, and do not use an incognito window.',
      ),
  },
  {
    test: /out of memory|OOM|GPUOutOfMemoryError|allocat(e|ion).*(fail|buffer)|could not allocate|Cannot allocate Wasm memory|exceeds.*(limit|max)|maxBufferSize|maxStorageBufferBindingSize/i,
    make: () =>
      new ProviderError(
        'out_of_memory',
        'Not enough memory for this model on this device. Pick a smaller model, or close other tabs and programs using the GPU, then try again.',
      ),
  },
  {
    test: /device (was )?lost|DeviceLost|GPUDevice.*destroyed/i,
    make: () => new ProviderError('device_lost', 'The GPU stopped responding (device lost). Reload the model; if it keeps happening, pick a smaller one.'),
  },
  {
    test: /CompileError|WebAssembly|wasm/i,
    make: (raw) =>
      new ProviderError(
        'damaged',
        `The model's program (library) is damaged or incomplete and could not be loaded (${raw.slice(0, 120)}). Delete the model and download it again; if that does not help, the server has a broken copy.`,
      ),
  },
  {
    test: /fetch|network|404|403|NetworkError|ERR_|Cannot find|download|Request failed|on 'Cache'/i,
    make: (raw) =>
      new ProviderError(
        'download_failed',
        `The model could not be downloaded (${raw.slice(0, 160)}). Check the connection and the model's address, then try again.`,
      ),
  },
];

/** Classifies anything WebLLM threw into a {@link ProviderError} with a message a user can act on. */
export function classifyWebLlmError(err: unknown, context: WebLlmErrorContext = {}): ProviderError {
  if (err instanceof ProviderError) return err;
  const raw = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (err instanceof Error && err.name === 'AbortError') return new ProviderError('aborted', 'Cancelled.');
  const rule = RULES.find((r) => r.test.test(raw));
  return rule ? rule.make(raw, context) : new ProviderError('bad_response', `The on-device model failed: ${raw.slice(0, 200)}`);
}
