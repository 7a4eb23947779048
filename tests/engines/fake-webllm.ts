import { sha256Integrity } from '@/utils/core/on-device/model-source';
import { weightsBase } from '@/utils/core/on-device/webllm-disk';
import type { ModelRecordLike } from '@/utils/core/on-device/webllm-catalogue';

/** Cache Storage as the browser exposes it, in memory: named caches of URL → response. */
export class FakeCacheStorage {
  readonly caches = new Map<string, Map<string, Response>>();
  put(name: string, url: string, body: BodyInit | null, headers: Record<string, string> = {}) {
    const cache = this.caches.get(name) ?? new Map<string, Response>();
    cache.set(url, new Response(body, { headers }));
    this.caches.set(name, cache);
  }
  urls(): string[] {
    return [...this.caches.values()].flatMap((c) => [...c.keys()]);
  }
  async has(name: string) {
    return this.caches.has(name);
  }
  async open(name: string) {
    if (!this.caches.has(name)) this.caches.set(name, new Map());
    const cache = this.caches.get(name)!;
    const key = (req: Request | string) => (typeof req === 'string' ? req : req.url);
    return {
      keys: async () => [...cache.keys()].map((url) => new Request(url)),
      match: async (req: Request | string) => cache.get(key(req))?.clone(),
      put: async (req: Request | string, res: Response) => void cache.set(key(req), res),
      delete: async (req: Request | string) => cache.delete(key(req)),
    };
  }
}

/** What a model host serves: URL → bytes. */
export type Served = Map<string, Uint8Array>;

/** Files of a model: a config, a tokenizer, a cache index and `shards` weight shards of `shardBytes` each. */
export function serveModel(served: Served, modelUrl: string, libUrl: string, library: Uint8Array, shards = 4, shardBytes = 1000) {
  const base = weightsBase(modelUrl);
  served.set(`${base}mlc-chat-config.json`, new TextEncoder().encode('{}'));
  served.set(`${base}tokenizer.json`, new TextEncoder().encode('{}'));
  served.set(
    `${base}tensor-cache.json`,
    new TextEncoder().encode(
      JSON.stringify({ records: Array.from({ length: shards }, (_, i) => ({ dataPath: `params_shard_${i}.bin`, nbytes: shardBytes })) }),
    ),
  );
  for (let i = 0; i < shards; i++) served.set(`${base}params_shard_${i}.bin`, new Uint8Array(shardBytes));
  served.set(libUrl, library);
}

export interface FakeWebLlmOptions {
  /** Called before each shard is fetched (await to hold a download mid-way). */
  beforeShard?: (index: number) => Promise<void>;
  /** Thrown by "instantiating" the library (e.g. a LinkError). */
  instantiate?: (library: Uint8Array) => void;
  /** Vectors the embedding model returns for a batch. */
  embed?: (input: string[]) => number[][];
}

/**
 * WebLLM 0.2.86 as the engine host sees it, over a fake Cache Storage and a fake server: it caches what it
 * fetches, checks `integrity.model_lib` before "instantiating" a library, reports progress, and — like the real
 * one — returns quietly from `reload` when `unload` aborts it.
 */
export function fakeWebLlm(storage: FakeCacheStorage, served: Served, list: ModelRecordLike[], options: FakeWebLlmOptions = {}) {
  const fetched: string[] = [];
  const find = (id: string, appConfig?: { model_list: ModelRecordLike[] }) => {
    const record = (appConfig?.model_list ?? list).find((r) => r.model_id === id);
    if (!record) throw new Error(`Cannot find model record in appConfig for ${id}`);
    return record;
  };
  const fetchInto = async (cacheName: string, url: string, signal?: AbortSignal) => {
    const cache = await storage.open(cacheName);
    if (await cache.match(url)) return;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    fetched.push(url);
    const body = served.get(url);
    if (!body) throw new TypeError("Failed to execute 'add' on 'Cache': Request failed");
    await cache.put(url, new Response(body.slice(), { headers: { 'content-length': String(body.length) } }));
  };
  const cachedIndex = async (base: string) => {
    const index = await (await storage.open('webllm/model')).match(`${base}tensor-cache.json`);
    return index ? ((await index.json()) as { records: { dataPath: string }[] }) : null;
  };
  const hasModelInCache = async (id: string, appConfig?: { model_list: ModelRecordLike[] }) => {
    const base = weightsBase(find(id, appConfig).model);
    const index = await cachedIndex(base);
    if (!index) return false;
    const cache = await storage.open('webllm/model');
    for (const r of index.records) if (!(await cache.match(`${base}${r.dataPath}`))) return false;
    return true;
  };
  class MLCEngine {
    appConfig: { model_list: ModelRecordLike[] };
    progress?: (report: { progress: number; timeElapsed: number; text: string }) => void;
    controller?: AbortController;
    loaded = new Set<string>();
    constructor({ appConfig }: { appConfig: { model_list: ModelRecordLike[] } }) {
      this.appConfig = appConfig;
    }
    setAppConfig(appConfig: { model_list: ModelRecordLike[] }) {
      this.appConfig = appConfig;
    }
    setInitProgressCallback(cb: MLCEngine['progress']) {
      this.progress = cb;
    }
    async reload(id: string) {
      this.loaded.clear();
      const controller = (this.controller = new AbortController());
      const record = find(id, this.appConfig);
      const base = weightsBase(record.model);
      try {
        await fetchInto('webllm/config', `${base}mlc-chat-config.json`, controller.signal);
        await fetchInto('webllm/wasm', record.model_lib, controller.signal);
        const library = new Uint8Array(await (await (await storage.open('webllm/wasm')).match(record.model_lib))!.arrayBuffer());
        const expected = record.integrity?.model_lib;
        if (expected && (await sha256Integrity(library)) !== expected) {
          throw Object.assign(new Error(`Integrity verification failed for ${record.model_lib}`), { name: 'IntegrityError' });
        }
        options.instantiate?.(library);
        await fetchInto('webllm/model', `${base}tokenizer.json`, controller.signal);
        await fetchInto('webllm/model', `${base}tensor-cache.json`, controller.signal);
        const { records } = (await cachedIndex(base))!;
        this.progress?.({ progress: 0, timeElapsed: 0, text: 'Start to fetch params' });
        for (const [i, r] of records.entries()) {
          await options.beforeShard?.(i);
          await fetchInto('webllm/model', `${base}${r.dataPath}`, controller.signal);
          this.progress?.({
            progress: (i + 1) / records.length,
            timeElapsed: 1,
            text: `Fetching param cache[${i + 1}/${records.length}]: ${i + 1}MB fetched. ${Math.floor(((i + 1) * 100) / records.length)}% completed, 1 secs elapsed.`,
          });
        }
      } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') return; // as WebLLM does
        throw err;
      }
      this.loaded.add(id);
      this.progress?.({ progress: 1, timeElapsed: 2, text: 'Finish loading on WebGPU - fake' });
    }
    async unload() {
      this.loaded.clear();
      this.controller?.abort();
    }
    embeddings = {
      create: async ({ input, model }: { input: string[]; model?: string }) => {
        if (model && !this.loaded.has(model)) throw new Error(`Model not loaded: ${model}`);
        const vectors = options.embed?.(input) ?? input.map((text) => [text.length, 1, 0]);
        return { data: vectors.map((embedding, index) => ({ embedding, index, object: 'embedding' })).reverse(), model };
      },
    };
    chat = { completions: { create: async () => [] } };
    async interruptGenerate() {}
  }
  const lib = {
    prebuiltAppConfig: { model_list: list },
    hasModelInCache,
    async deleteModelAllInfoInCache(id: string, appConfig?: { model_list: ModelRecordLike[] }) {
      const record = find(id, appConfig);
      const base = weightsBase(record.model);
      const index = await cachedIndex(base);
      if (!index) throw new Error(`Cannot fetch ${base}tensor-cache.json`);
      const model = await storage.open('webllm/model');
      for (const r of index.records) await model.delete(`${base}${r.dataPath}`);
      await (await storage.open('webllm/wasm')).delete(record.model_lib);
      await (await storage.open('webllm/config')).delete(`${base}mlc-chat-config.json`);
    },
    MLCEngine,
  };
  return { lib, fetched };
}
