import { describe, expect, test } from 'vitest';
import { createWebLlmHost, type EngineEvent } from '@/utils/core/on-device/webllm-engine';
import { memoryPins } from '@/utils/core/on-device/library-pins';
import { sha256Integrity } from '@/utils/core/on-device/model-source';
import type { ModelRecordLike } from '@/utils/core/on-device/webllm-catalogue';
import { ProviderError } from '@/utils/core/providers/errors';
import { FakeCacheStorage, fakeWebLlm, serveModel, type FakeWebLlmOptions, type Served } from './fake-webllm';

const EMBED = 'snowflake-arctic-embed-s-q0f32-MLC-b4';
const EMBED_URL = 'https://huggingface.co/mlc-ai/snowflake-arctic-embed-s-q0f32-MLC';
const EMBED_LIB =
  'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/snowflake-arctic-embed-s-q0f32-ctx512_cs512_batch4-webgpu.wasm';
const CHAT = 'SmolLM2-360M-Instruct-q4f32_1-MLC';
const CHAT_URL = 'https://huggingface.co/mlc-ai/SmolLM2-360M-Instruct-q4f32_1-MLC';
const CHAT_LIB = 'https://libs.example/SmolLM2-360M-Instruct-q4f32_1-webgpu.wasm';
const LIST: ModelRecordLike[] = [
  { model: CHAT_URL, model_id: CHAT, model_lib: CHAT_LIB, vram_required_MB: 580, low_resource_required: true },
  {
    model: 'https://huggingface.co/mlc-ai/SmolLM2-360M-Instruct-q4f16_1-MLC',
    model_id: 'SmolLM2-360M-Instruct-q4f16_1-MLC',
    model_lib: 'https://libs.example/f16.wasm',
    vram_required_MB: 376,
    required_features: ['shader-f16'],
  },
  { model: EMBED_URL, model_id: EMBED, model_lib: EMBED_LIB, vram_required_MB: 238.71, model_type: 1 },
];
const LIBRARY = new TextEncoder().encode('\0asm library v1');

function setup(options: FakeWebLlmOptions = {}) {
  const storage = new FakeCacheStorage();
  const served: Served = new Map();
  serveModel(served, EMBED_URL, EMBED_LIB, LIBRARY);
  serveModel(served, CHAT_URL, CHAT_LIB, new TextEncoder().encode('\0asm chat'));
  const { lib, fetched } = fakeWebLlm(storage, served, LIST, options);
  const pins = memoryPins();
  const host = createWebLlmHost({ load: async () => lib as never, pins, cacheStorage: storage as unknown as CacheStorage });
  const events: EngineEvent[] = [];
  host.subscribe((e) => events.push(e));
  return { storage, served, fetched, pins, host, events };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (err: unknown) => err as ProviderError,
  );

describe('downloading an on-device model', () => {
  test('progress from 0 to 100 %, listed as downloaded with its disk use, its library hash recorded at first use', async () => {
    const { host, events, pins, served } = setup();
    await host.load({ modelId: EMBED });
    const fractions = events.flatMap((e) => (e.phase === 'progress' ? [e.progress.fraction] : []));
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ phase: 'ready', modelId: EMBED });
    const listed = (await host.catalogue({ shaderF16: false })).find((m) => m.id === EMBED)!;
    const servedBytes = [...served].filter(([url]) => url.startsWith(EMBED_URL) || url === EMBED_LIB).reduce((sum, [, b]) => sum + b.length, 0);
    expect(listed).toMatchObject({ kind: 'embedding', cached: true, diskBytes: servedBytes });
    expect(await pins.get(EMBED_LIB)).toMatchObject({ integrity: await sha256Integrity(LIBRARY), source: 'first-use' });
    expect(host.status().loadedModels).toEqual([EMBED]);
  });

  test('a later copy of the library that differs is refused before it runs; deleting the model trusts the next download', async () => {
    let ran = 0;
    const { host, served, storage, events } = setup({
      instantiate: () => {
        ran++;
      },
    });
    await host.load({ modelId: EMBED });
    expect(ran).toBe(1);
    await host.unload(EMBED);
    // The cached copy is evicted and the server now serves another library under the same address.
    await (await storage.open('webllm/wasm')).delete(EMBED_LIB);
    served.set(EMBED_LIB, new TextEncoder().encode('\0asm library v2 (changed)'));
    const err = await failure(host.load({ modelId: EMBED }));
    expect(err?.code).toBe('library_changed');
    expect(err?.message).toContain('not the copy Parallax first downloaded');
    expect(ran).toBe(1);
    expect(events.at(-1)).toMatchObject({ phase: 'failed', code: 'library_changed' });
    expect(host.status().loadedModels).toEqual([]);
    // The user trusts the new version: delete, download again.
    await host.remove({ modelId: EMBED });
    await host.load({ modelId: EMBED });
    expect(ran).toBe(2);
  });

  test('a cancelled download leaves no file of the model in any cache', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { host, storage, events } = setup({ beforeShard: (i) => (i === 2 ? held : Promise.resolve()) });
    const loading = failure(host.load({ modelId: EMBED }));
    await expect.poll(() => events.filter((e) => e.phase === 'progress').length).toBeGreaterThanOrEqual(3);
    expect(storage.urls().some((u) => u.startsWith(EMBED_URL))).toBe(true); // part of it was downloaded
    const cancelled = host.cancel();
    release();
    await cancelled;
    expect((await loading)?.code).toBe('aborted');
    expect(events.at(-1)).toEqual({ phase: 'cancelled', modelId: EMBED });
    expect(storage.urls().filter((u) => u.startsWith(EMBED_URL) || u === EMBED_LIB)).toEqual([]);
    expect((await host.catalogue({ shaderF16: false })).find((m) => m.id === EMBED)?.cached).toBe(false);
  });

  test('cancelling the load of a model downloaded before keeps its files', async () => {
    const { host, storage } = setup();
    await host.load({ modelId: EMBED });
    await host.unload(EMBED);
    const before = storage.urls().filter((u) => u.startsWith(EMBED_URL)).length;
    const loading = failure(host.load({ modelId: EMBED }));
    await host.cancel();
    await loading;
    expect(storage.urls().filter((u) => u.startsWith(EMBED_URL)).length).toBe(before);
  });

  test('a failed download leaves nothing behind', async () => {
    const { host, served, storage } = setup();
    served.delete(`${EMBED_URL}/resolve/main/params_shard_3.bin`);
    expect((await failure(host.load({ modelId: EMBED })))?.code).toBe('download_failed');
    expect(storage.urls().filter((u) => u.startsWith(EMBED_URL) || u === EMBED_LIB)).toEqual([]);
  });

  test('a library built for another runtime (LinkError) says the model is not compatible with this Parallax version', async () => {
    const { host, events } = setup({
      instantiate: () => {
        throw new WebAssembly.LinkError(
          'WebAssembly.instantiate(): Import #3 "env" "_ZN3tvm7runtime9threading10NumThreadsEv": function import requires a callable',
        );
      },
    });
    expect((await failure(host.load({ modelId: EMBED })))?.message).toContain('not compatible with this Parallax version');
    expect(events.at(-1)).toMatchObject({ phase: 'failed', code: 'incompatible' });
  });

  test('an f16 model on a GPU without shader-f16 offers its f32 build', async () => {
    const { host, events, served } = setup({
      instantiate: () => {
        throw new Error('This model requires WebGPU extension shader-f16, which is not enabled in this browser.');
      },
    });
    serveModel(served, LIST[1]!.model, LIST[1]!.model_lib, new TextEncoder().encode('\0asm f16'));
    await failure(host.load({ modelId: 'SmolLM2-360M-Instruct-q4f16_1-MLC' }));
    expect(events.at(-1)).toMatchObject({ phase: 'failed', code: 'no_shader_f16', suggestion: CHAT });
  });
});

describe('custom models: where their code may come from, and its hash', () => {
  const custom = (over: object = {}) => ({
    modelId: 'My-Embed-q0f32-MLC',
    modelUrl: 'http://127.0.0.1:8000/my-embed',
    modelLib: 'http://127.0.0.1:8000/my-embed.wasm',
    kind: 'embedding' as const,
    ...over,
  });

  test('plain http: to another machine is refused before anything is fetched; loopback http: is fine', async () => {
    const { host, fetched, served } = setup();
    for (const [field, value] of [
      ['modelUrl', 'http://models.example/my-embed'],
      ['modelLib', 'http://models.example/my-embed.wasm'],
      ['modelLib', 'ftp://models.example/x.wasm'],
    ]) {
      const err = await failure(host.load(custom({ [field!]: value })));
      expect(err?.code, value).toBe('insecure_url');
    }
    expect(fetched).toEqual([]);
    serveModel(served, 'http://127.0.0.1:8000/my-embed', 'http://127.0.0.1:8000/my-embed.wasm', LIBRARY);
    await host.load(custom());
    expect(host.status().loadedModels).toEqual(['My-Embed-q0f32-MLC']);
  });

  test('a given hash (hex or SRI) is checked by WebLLM before the library runs, and kept for later loads', async () => {
    let ran = 0;
    const { host, served, pins } = setup({
      instantiate: () => {
        ran++;
      },
    });
    serveModel(served, 'http://127.0.0.1:8000/my-embed', 'http://127.0.0.1:8000/my-embed.wasm', LIBRARY);
    const wrong = 'ab'.repeat(32);
    expect((await failure(host.load(custom({ integrity: wrong }))))?.code).toBe('integrity');
    expect(ran).toBe(0);
    expect((await failure(host.load(custom({ integrity: 'not a hash' }))))?.message).toContain('is not an integrity hash');
    const hex = Buffer.from(await crypto.subtle.digest('SHA-256', LIBRARY)).toString('hex');
    await host.load(custom({ integrity: hex }));
    expect(ran).toBe(1);
    expect(await pins.get('http://127.0.0.1:8000/my-embed.wasm')).toMatchObject({ integrity: await sha256Integrity(LIBRARY), source: 'given' });
  });

  test('the cache manager lists a downloaded custom model with its disk use', async () => {
    const { host, served } = setup();
    serveModel(served, 'http://127.0.0.1:8000/my-embed', 'http://127.0.0.1:8000/my-embed.wasm', LIBRARY);
    await host.load(custom());
    const listed = await host.catalogue({ shaderF16: false }, [custom()]);
    expect(listed.find((m) => m.id === 'My-Embed-q0f32-MLC')).toMatchObject({ custom: true, cached: true, kind: 'embedding', diskBytes: expect.any(Number) });
  });
});

describe('embedding on the device', () => {
  test('never downloads: a model not downloaded says where to download it', async () => {
    const { host, fetched } = setup();
    const err = await failure(host.embed({ modelId: EMBED }, ['a', 'b']));
    expect(err).toMatchObject({ code: 'not_downloaded', message: expect.stringContaining('Settings → On-device models') });
    expect(fetched).toEqual([]);
  });

  test('loads the downloaded model beside the chat model and returns one vector per text, in order', async () => {
    const { host } = setup();
    await host.load({ modelId: CHAT });
    await host.load({ modelId: EMBED });
    await host.unload(EMBED);
    const vectors = await host.embed(
      { modelId: EMBED },
      ['one', 'three', 'fifteen'].map((w) => w.repeat(2)),
    );
    expect(vectors.map((v) => v[0])).toEqual([6, 10, 14]);
    expect(host.status().loadedModels.sort()).toEqual([CHAT, EMBED].sort());
  });

  test('an answer too long for the context window is shortened to fit instead of failing the measure', async () => {
    const sizes: number[][] = [];
    const { host } = setup({
      embed: (input) => {
        sizes.push(input.map((t) => t.length));
        const over = input.find((t) => t.length > 512);
        if (over)
          throw Object.assign(
            new Error(`The embedding model you are using only supports up to 512 context size.However, an input in the batch has size ${over.length}.`),
            { name: 'EmbeddingExceedContextWindowSizeError' },
          );
        return input.map((t) => [t.length, 1]);
      },
    });
    await host.load({ modelId: EMBED });
    const vectors = await host.embed({ modelId: EMBED }, ['short', 'x'.repeat(3000)]);
    expect(vectors[0]![0]).toBe(5);
    expect(vectors[1]![0]).toBeLessThanOrEqual(512);
    expect(vectors[1]![0]).toBeGreaterThan(300);
    expect(sizes[0]).toEqual([5, 3000]);
  });

  test('vectors that are not finite are an error, not a heat map', async () => {
    const { host } = setup({ embed: (input) => input.map(() => [Number.NaN, 1]) });
    await host.load({ modelId: EMBED });
    expect((await failure(host.embed({ modelId: EMBED }, ['a'])))?.message).toContain('not finite');
  });
});

describe('models keep to their kind', () => {
  test('an embedding model cannot answer a run, and a chat model cannot measure', async () => {
    const { host } = setup();
    await host.load({ modelId: EMBED });
    await host.load({ modelId: CHAT });
    expect((await failure(host.ready({ modelId: EMBED })))?.message).toContain('is an embedding model');
    expect((await failure(host.embed({ modelId: CHAT }, ['a'])))?.message).toContain('not an embedding model');
  });
});
