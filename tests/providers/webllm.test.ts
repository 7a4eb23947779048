import { describe, expect, test, vi } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import {
  defaultOnDeviceModel,
  EMBEDDING_MODELS,
  f32Alternative,
  onDeviceCatalogue,
  onDeviceEmbeddingCatalogue,
  type ModelRecordLike,
} from '@/utils/core/on-device/webllm-catalogue';
import { parseProgress } from '@/utils/core/on-device/webllm-progress';
import { createWebLlmHost } from '@/utils/core/on-device/webllm-engine';
import { classifyWebLlmError } from '@/utils/core/providers/webllm-errors';
import { ProviderError } from '@/utils/core/providers/errors';

const record = (id: string, vram: number, extra: Partial<ModelRecordLike> = {}): ModelRecordLike => ({
  model: `https://models.example/${id}`,
  model_id: id,
  model_lib: `https://libs.example/${id}.wasm`,
  vram_required_MB: vram,
  ...extra,
});
const LIST = [
  record('Llama-3.2-1B-Instruct-q4f16_1-MLC', 879, { required_features: ['shader-f16'], low_resource_required: true }),
  record('Llama-3.2-1B-Instruct-q4f32_1-MLC', 1128, { low_resource_required: true }),
  record('SmolLM2-360M-Instruct-q4f16_1-MLC', 376, { required_features: ['shader-f16'], low_resource_required: true }),
  record('SmolLM2-360M-Instruct-q4f32_1-MLC', 580, { low_resource_required: true }),
  record('snowflake-arctic-embed-m-q0f32-MLC-b4', 218, { model_type: 1 }),
  record('Phi-3.5-vision-instruct-q4f16_1-MLC', 3952, { model_type: 2, required_features: ['shader-f16'] }),
  record('Llama-3.1-8B-Instruct-q4f32_1-MLC', 6101),
];

describe('on-device catalogue (webllm)', () => {
  test('offers only chat models this GPU can run, smallest first', () => {
    const noF16 = onDeviceCatalogue(LIST, { shaderF16: false }).map((m) => m.id);
    expect(noF16).toEqual(['SmolLM2-360M-Instruct-q4f32_1-MLC', 'Llama-3.2-1B-Instruct-q4f32_1-MLC', 'Llama-3.1-8B-Instruct-q4f32_1-MLC']);
    const f16 = onDeviceCatalogue(LIST, { shaderF16: true }).map((m) => m.id);
    expect(f16[0]).toBe('SmolLM2-360M-Instruct-q4f16_1-MLC');
    expect(f16).not.toContain('snowflake-arctic-embed-m-q0f32-MLC-b4');
    expect(f16).not.toContain('Phi-3.5-vision-instruct-q4f16_1-MLC');
  });

  test('describes each model for the picker', () => {
    const [smol] = onDeviceCatalogue(LIST, { shaderF16: true });
    expect(smol).toEqual({
      id: 'SmolLM2-360M-Instruct-q4f16_1-MLC',
      name: 'SmolLM2 360M Instruct',
      quantization: 'q4f16_1',
      vramMB: 376,
      lowResource: true,
      needsShaderF16: true,
      kind: 'chat',
      downloadBytes: null,
    });
  });

  test("embedding models are WebLLM 0.2.86's own snowflake-arctic-embed records (ids, weights, libraries, GPU memory)", () => {
    const records = prebuiltAppConfig.model_list as ModelRecordLike[];
    const offered = onDeviceEmbeddingCatalogue(records, { shaderF16: false });
    expect(offered.map((m) => [m.id, m.name, m.quantization, m.kind, m.vramMB])).toEqual([
      ['snowflake-arctic-embed-s-q0f32-MLC-b4', 'snowflake arctic embed s', 'q0f32', 'embedding', 238.71],
      ['snowflake-arctic-embed-m-q0f32-MLC-b4', 'snowflake arctic embed m', 'q0f32', 'embedding', 539.4],
    ]);
    const small = records.find((r) => r.model_id === 'snowflake-arctic-embed-s-q0f32-MLC-b4')!;
    expect(small.model).toBe('https://huggingface.co/mlc-ai/snowflake-arctic-embed-s-q0f32-MLC');
    expect(small.model_lib).toBe(
      'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/snowflake-arctic-embed-s-q0f32-ctx512_cs512_batch4-webgpu.wasm',
    );
    // Sizes shown before downloading: -s is ~137 MB, -m ~440 MB (f32 weights plus library and tokenizer).
    expect(offered.map((m) => Math.round(m.downloadBytes! / 1e6))).toEqual([137, 440]);
    expect(Object.keys(EMBEDDING_MODELS).every((id) => records.some((r) => r.model_id === id && r.model_type === 1))).toBe(true);
    // Embedding models never show up as models that answer.
    expect(onDeviceCatalogue(records, { shaderF16: true }).some((m) => m.id.includes('embed'))).toBe(false);
  });

  test('an f16 model has its f32 build offered instead, when the catalogue has one', () => {
    const records = prebuiltAppConfig.model_list as ModelRecordLike[];
    expect(f32Alternative('Llama-3.2-1B-Instruct-q4f16_1-MLC', records)).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(f32Alternative('Qwen3-0.6B-q0f16-MLC', records)).toBe('Qwen3-0.6B-q0f32-MLC');
    expect(f32Alternative('Llama-3.2-1B-Instruct-q4f32_1-MLC', records)).toBeNull();
    expect(f32Alternative('Made-Up-q4f16_1-MLC', records)).toBeNull();
  });

  test('the default is a small model the device can run (f32 on a GPU without shader-f16)', () => {
    expect(defaultOnDeviceModel(onDeviceCatalogue(LIST, { shaderF16: true }))?.id).toBe('SmolLM2-360M-Instruct-q4f16_1-MLC');
    expect(defaultOnDeviceModel(onDeviceCatalogue(LIST, { shaderF16: false }))?.id).toBe('SmolLM2-360M-Instruct-q4f32_1-MLC');
    expect(defaultOnDeviceModel([])).toBeUndefined();
  });
});

describe('download progress', () => {
  test.each([
    [
      { progress: 0.3, timeElapsed: 10, text: 'Fetching param cache[3/20]: 120MB fetched. 30% completed, 10 secs elapsed.' },
      { fraction: 0.3, fetchedMB: 120, etaSeconds: 23, phase: 'downloading' },
    ],
    [
      { progress: 0.5, timeElapsed: 4, text: 'Loading model from cache[10/20]: 300MB loaded. 50% completed, 4 secs elapsed.' },
      { fraction: 0.5, fetchedMB: null, etaSeconds: 4, phase: 'loading' },
    ],
    [
      { progress: 0, timeElapsed: 0, text: 'Start to fetch params' },
      { fraction: 0, fetchedMB: null, etaSeconds: null, phase: 'downloading' },
    ],
    [
      { progress: 1, timeElapsed: 30, text: 'Finish loading on WebGPU - swiftshader' },
      { fraction: 1, etaSeconds: null, phase: 'loading' },
    ],
    [{ progress: Number.NaN, timeElapsed: 1, text: '' }, { fraction: 0 }],
  ])('%j', (report, expected) => {
    expect(parseProgress(report)).toMatchObject(expected);
  });
});

describe('classifyWebLlmError', () => {
  test.each([
    [new TypeError("Failed to execute 'add' on 'Cache': Quota exceeded."), 'quota', 'Not enough storage'],
    [new TypeError("Failed to execute 'add' on 'Cache': Request failed"), 'download_failed', 'Request failed'],
    [new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'quota', 'delete other downloaded models'],
    [new Error('WebGPU is not supported in your current environment'), 'no_webgpu', 'chrome://flags'],
    [new Error('This model requires WebGPU extension shader-f16, which is not enabled in this browser.'), 'no_shader_f16', 'q4f32'],
    [new Error('Device was lost. This can happen due to insufficient memory'), 'device_lost', 'Reload the model'],
    [new Error('Out of memory: failed to allocate buffer'), 'out_of_memory', 'smaller model'],
    [new RangeError('WebAssembly.Memory(): could not allocate memory'), 'out_of_memory', 'Not enough memory'],
    [
      Object.assign(new Error('Buffer size (2147483648) exceeds the max buffer size limit (1073741824).'), { name: 'GPUValidationError' }),
      'out_of_memory',
      'smaller model',
    ],
    [new WebAssembly.CompileError('WebAssembly.instantiate(): expected magic word'), 'damaged', 'download it again'],
    [
      new WebAssembly.CompileError(
        'WebAssembly.instantiate(): section (code 10, "Code") extends past end of the module (length 3541222, remaining bytes 2000000) @+19250',
      ),
      'damaged',
      'damaged or incomplete',
    ],
    [
      new WebAssembly.LinkError(
        'WebAssembly.instantiate(): Import #12 "env" "_ZN3tvm7runtime9threading15ResetThreadPoolEv": function import requires a callable',
      ),
      'incompatible',
      'not compatible with this Parallax version',
    ],
    [new TypeError('Failed to fetch'), 'download_failed', 'Check the connection'],
    [new Error('Cannot fetch https://models.example/x/resolve/main/mlc-chat-config.json: 404'), 'download_failed', "model's address"],
    [new DOMException('The user aborted a request.', 'AbortError'), 'aborted', 'Cancelled'],
    ['something odd', 'bad_response', 'something odd'],
  ])('%s → %s', (raw, code, says) => {
    const err = classifyWebLlmError(raw);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.code).toBe(code);
    expect(err.message).toContain(says);
  });
});

describe('classifyWebLlmError with what the engine knows', () => {
  const integrity = Object.assign(new Error('Integrity verification failed for https://libs.example/x.wasm'), { name: 'IntegrityError' });
  test('a library that differs from its first download is refused, saying when it was first seen and what to do', () => {
    const err = classifyWebLlmError(integrity, { integritySource: 'first-use', pinnedSince: Date.UTC(2026, 0, 30) });
    expect(err.code).toBe('library_changed');
    expect(err.message).toContain('not the copy Parallax first downloaded on 2026-01-30');
    expect(err.message).toContain('delete the model');
  });
  test('a library that does not match the hash the user gave', () => {
    expect(classifyWebLlmError(integrity, { integritySource: 'given' })).toMatchObject({
      code: 'integrity',
      message: expect.stringContaining('does not match the integrity hash given'),
    });
  });
  test('an f16 model on a GPU without shader-f16 names its f32 build', () => {
    const err = classifyWebLlmError(new Error('This model requires WebGPU extension shader-f16'), { f32Alternative: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' });
    expect(err.message).toContain('Download Llama-3.2-1B-Instruct-q4f32_1-MLC instead');
  });
});

describe('the on-device engine host', () => {
  test('a run never downloads: a model not in the cache fails with not_downloaded and nothing is fetched', async () => {
    const reload = vi.fn();
    const lib = {
      prebuiltAppConfig: { model_list: LIST },
      hasModelInCache: vi.fn(async () => false),
      MLCEngine: class {
        reload = reload;
        setAppConfig = vi.fn();
        setInitProgressCallback = vi.fn();
      },
    };
    const host = createWebLlmHost({ load: async () => lib as never, cacheStorage: null });
    const err = await host.ready({ modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe('not_downloaded');
    expect((err as ProviderError).message).toContain('Download it in Settings');
    expect(reload).not.toHaveBeenCalled();
  });

  test('a failed download is classified, reported to subscribers, and leaves nothing loaded', async () => {
    const lib = {
      prebuiltAppConfig: { model_list: LIST },
      hasModelInCache: vi.fn(async () => false),
      MLCEngine: class {
        reload = vi.fn(async () => {
          throw new TypeError('Failed to fetch');
        });
        setAppConfig = vi.fn();
        setInitProgressCallback = vi.fn();
      },
    };
    const host = createWebLlmHost({ load: async () => lib as never, cacheStorage: null });
    const events: unknown[] = [];
    host.subscribe((e) => events.push(e));
    await expect(host.load({ modelId: 'custom-1', modelUrl: 'http://127.0.0.1:1/m/', modelLib: 'http://127.0.0.1:1/m.wasm' })).rejects.toMatchObject({
      code: 'download_failed',
    });
    expect(events).toEqual([
      {
        phase: 'failed',
        modelId: 'custom-1',
        code: 'download_failed',
        error: expect.stringContaining('could not be downloaded'),
        detail: 'TypeError: Failed to fetch',
      },
    ]);
    expect(host.status()).toEqual({ loadedModel: null, loadedModels: [], loadingModel: null });
  });

  test('without the WebLLM bundle (Firefox, Node) the host says on-device models need Chrome', async () => {
    const host = createWebLlmHost(async () => {
      throw new ProviderError('no_webgpu', 'On-device models need Chrome or Edge');
    });
    await expect(host.ready({ modelId: 'x' })).rejects.toMatchObject({ code: 'no_webgpu' });
  });
});
