import type { MLCEngine } from '@mlc-ai/web-llm';
import { deleteModelFiles, diskUseByModel, weightsBase, type ModelFiles } from './webllm-disk';
import { ProviderError } from '../providers/errors';
import { classifyWebLlmError, type WebLlmErrorContext } from '../providers/webllm-errors';
import {
  describeModel,
  f32Alternative,
  onDeviceCatalogue,
  onDeviceEmbeddingCatalogue,
  type DeviceCaps,
  type ModelRecordLike,
  type OnDeviceKind,
  type OnDeviceModel,
} from './webllm-catalogue';
import { parseProgress, type LoadProgress } from './webllm-progress';
import { cacheStoragePins, memoryPins, type LibraryPins } from './library-pins';
import { sha256Integrity } from './model-source';
import { appConfigWith, describeCustom, recordOf, resolveModel, type ModelRef, type ResolvedModel } from './webllm-records';
import { embedFitting } from './webllm-embed';

export type { ModelRef } from './webllm-records';

type WebLlm = typeof import('@mlc-ai/web-llm');

/** What the engine is doing, pushed to open pages. */
export type EngineEvent =
  | { phase: 'progress'; modelId: string; progress: LoadProgress }
  | { phase: 'ready'; modelId: string }
  /** `suggestion`: a model to pick instead (the f32 build of an f16 model); `detail`: the browser's own error. */
  | { phase: 'failed'; modelId: string; error: string; code: string; suggestion?: string; detail?: string }
  | { phase: 'cancelled'; modelId: string }
  | { phase: 'unloaded'; modelId: string };

/** A model as the picker and the cache manager show it. */
export type ListedModel = OnDeviceModel & { cached: boolean; diskBytes?: number; custom?: boolean };

/**
 * WebLLM's bundle is ~6 MB. Only the page that hosts the runner on Chrome provides it (as a lazily loaded
 * chunk), so it never lands in the background script or the Firefox build (5 MB file limit).
 */
let provided: (() => Promise<WebLlm>) | undefined;

/** Called by the runner's host page: `provideWebLlm(() => import('@mlc-ai/web-llm'))`. */
export function provideWebLlm(load: () => Promise<WebLlm>): void {
  provided = load;
}

function loadWebLlm(): Promise<WebLlm> {
  return provided
    ? provided()
    : Promise.reject(
        new ProviderError('no_webgpu', 'On-device models need Chrome or Edge: this browser has no WebGPU for extensions and limits extension files to 5 MB.'),
      );
}

/** What the host works with; each defaults to this context's own (Cache Storage, fetch). */
export interface WebLlmHostDeps {
  load?: () => Promise<WebLlm>;
  /** Library hashes recorded at first use. */
  pins?: LibraryPins;
  /** Where WebLLM caches downloads (null: none, e.g. Node). */
  cacheStorage?: CacheStorage | null;
}

interface Loading {
  modelId: string;
  done: Promise<void>;
  cancelled: boolean;
}
/** One engine per kind, so an embedding model loads beside a chat model instead of replacing it. */
interface Slot {
  engine?: MLCEngine;
  loaded: string | null;
  loading: Loading | null;
}

/**
 * Hosts WebLLM engines in a long-lived extension page (Chrome's offscreen document), so models stay loaded across
 * panel openings. Downloads happen only through {@link load}, which the user starts with a click; a run or a
 * measure never downloads. Every library is checked before it runs: against the hash the user gave, or the one
 * recorded the first time it loaded.
 */
export function createWebLlmHost(depsOrLoad: WebLlmHostDeps | (() => Promise<WebLlm>) = {}) {
  const deps = typeof depsOrLoad === 'function' ? { load: depsOrLoad } : depsOrLoad;
  const load = deps.load ?? loadWebLlm;
  const cacheStorage = deps.cacheStorage !== undefined ? deps.cacheStorage : typeof caches === 'undefined' ? null : caches;
  const pins = deps.pins ?? (cacheStorage ? cacheStoragePins(cacheStorage) : memoryPins());
  const slots: Record<OnDeviceKind, Slot> = { chat: { loaded: null, loading: null }, embedding: { loaded: null, loading: null } };
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent) => {
    for (const listener of listeners) listener(event);
  };

  const cached = (lib: WebLlm, resolved: ResolvedModel) =>
    lib.hasModelInCache(resolved.record.model_id, appConfigWith(lib, [resolved.record])).catch(() => false);
  const removeFiles = (files: ModelFiles) => (cacheStorage ? deleteModelFiles(cacheStorage, files).catch(() => 0) : Promise.resolve(0));

  /** The library's bytes as WebLLM ran them: its cached copy (a loopback "localhost" one is not cached: fetched again). */
  async function libraryBytes(url: string): Promise<ArrayBuffer | null> {
    const hit = cacheStorage && (await (await cacheStorage.open('webllm/wasm')).match(url));
    if (hit) return hit.arrayBuffer();
    const res = await fetch(url).catch(() => null);
    return res?.ok ? res.arrayBuffer() : null;
  }

  /** After a successful load: a library run for the first time, or with a newly given hash, is pinned. */
  async function pinLibrary(resolved: ResolvedModel): Promise<void> {
    const url = resolved.record.model_lib;
    if (resolved.pin?.given) await pins.set(url, { integrity: resolved.pin.integrity, since: resolved.pin.since, source: 'given' });
    if (resolved.pin) return;
    const bytes = await libraryBytes(url);
    if (bytes) await pins.set(url, { integrity: await sha256Integrity(bytes), since: Date.now(), source: 'first-use' });
  }

  async function loadInto(lib: WebLlm, resolved: ResolvedModel, loading: Loading): Promise<void> {
    const { record } = resolved;
    const slot = slots[resolved.kind];
    const appConfig = appConfigWith(lib, [record]);
    const wasCached = await cached(lib, resolved);
    const engine = (slot.engine ??= new lib.MLCEngine({ appConfig }));
    engine.setAppConfig(appConfig);
    engine.setInitProgressCallback((report) => {
      emit({ phase: 'progress', modelId: record.model_id, progress: parseProgress(report) });
    });
    const context: WebLlmErrorContext = {
      f32Alternative: f32Alternative(record.model_id, lib.prebuiltAppConfig.model_list),
      integritySource: resolved.pin?.given ? 'given' : 'first-use',
      ...(resolved.pin ? { pinnedSince: resolved.pin.since } : {}),
    };
    try {
      await engine.reload(record.model_id); // WebLLM returns quietly when a cancel aborted it
      if (loading.cancelled) throw new ProviderError('aborted', 'Cancelled.');
      await pinLibrary(resolved);
      slot.loaded = record.model_id;
      emit({ phase: 'ready', modelId: record.model_id });
    } catch (err) {
      slot.loaded = null;
      const error = loading.cancelled ? new ProviderError('aborted', 'Cancelled.') : classifyWebLlmError(err, context);
      if (loading.cancelled) await engine.unload().catch(() => undefined);
      // A download that did not finish leaves nothing behind (files of a model downloaded before stay).
      if (!wasCached) await removeFiles(resolved.files);
      if (error.code === 'aborted') emit({ phase: 'cancelled', modelId: record.model_id });
      else {
        const detail =
          err instanceof ProviderError ? undefined : err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 200) : String(err).slice(0, 200);
        emit({
          phase: 'failed',
          modelId: record.model_id,
          error: error.message,
          code: error.code,
          ...(error.code === 'no_shader_f16' && context.f32Alternative ? { suggestion: context.f32Alternative } : {}),
          ...(detail ? { detail } : {}),
        });
      }
      throw error;
    }
  }

  /** Loads (downloading if needed) into the slot of the model's kind. */
  async function startLoad(ref: ModelRef): Promise<void> {
    const lib = await load();
    const resolved = await resolveModel(lib, ref, pins).catch((err: unknown) => {
      const error = classifyWebLlmError(err);
      emit({ phase: 'failed', modelId: ref.modelId, error: error.message, code: error.code });
      throw error;
    });
    const slot = slots[resolved.kind];
    if (slot.loading?.modelId === ref.modelId) return slot.loading.done;
    if (slot.loading) await cancelSlot(slot);
    const loading: Loading = { modelId: ref.modelId, cancelled: false, done: Promise.resolve() };
    loading.done = loadInto(lib, resolved, loading).finally(() => {
      if (slot.loading === loading) slot.loading = null;
    });
    slot.loading = loading;
    return loading.done;
  }

  async function cancelSlot(slot: Slot): Promise<void> {
    const loading = slot.loading;
    if (!loading) return;
    loading.cancelled = true;
    await slot.engine?.unload().catch(() => undefined); // aborts WebLLM's downloads
    await loading.done.catch(() => undefined);
  }

  /** The engine of a kind with this model loaded: loaded from the cache if needed, never downloaded. */
  async function readyIn(kind: OnDeviceKind, ref: ModelRef): Promise<MLCEngine> {
    const lib = await load();
    const slot = slots[kind];
    const loadedEngine = () => {
      if (!slot.engine) throw new ProviderError('bad_response', `${ref.modelId} did not load.`);
      return slot.engine;
    };
    if (slot.loaded === ref.modelId && slot.engine) return slot.engine;
    if (slot.loading?.modelId === ref.modelId) {
      await slot.loading.done;
      return loadedEngine();
    }
    const resolved = await resolveModel(lib, { ...ref, kind }, pins);
    if (resolved.kind !== kind) {
      throw new ProviderError(
        'unsupported',
        kind === 'chat'
          ? `${ref.modelId} is an embedding model: it measures divergence, it cannot answer prompts.`
          : `${ref.modelId} answers prompts: it is not an embedding model.`,
      );
    }
    if (!(await cached(lib, resolved))) {
      throw new ProviderError('not_downloaded', `${ref.modelId} is not downloaded yet. Download it in Settings → On-device models, then retry.`);
    }
    await startLoad({ ...ref, kind });
    return loadedEngine();
  }

  const host = {
    subscribe(listener: (event: EngineEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Chat and embedding models this device can run, and the custom models given, with which are downloaded. */
    async catalogue(caps: DeviceCaps, custom: readonly ModelRef[] = []): Promise<ListedModel[]> {
      const lib = await load();
      const records = lib.prebuiltAppConfig.model_list as ModelRecordLike[];
      const listed: { model: OnDeviceModel; ref: ModelRef; custom?: boolean }[] = [
        ...onDeviceCatalogue(records, caps).map((model) => ({ model, ref: { modelId: model.id } })),
        ...onDeviceEmbeddingCatalogue(records, caps).map((model) => ({ model, ref: { modelId: model.id } })),
      ];
      for (const ref of custom) {
        if (listed.some((l) => l.model.id === ref.modelId)) continue;
        try {
          const known = records.find((r) => r.model_id === ref.modelId);
          listed.push(known ? { model: describeModel(known), ref } : { model: describeCustom(ref), ref, custom: true });
        } catch {
          // A custom model with an address that is not allowed any more: not listed (loading it says why).
        }
      }
      const files = new Map<string, ModelFiles>();
      const isCached = await Promise.all(
        listed.map(async ({ model, ref }) => {
          const { record } = recordOf(lib, { ...ref, kind: model.kind });
          const here = await lib.hasModelInCache(model.id, appConfigWith(lib, [record])).catch(() => false);
          if (here) files.set(model.id, { weights: weightsBase(record.model), library: record.model_lib });
          return here;
        }),
      );
      const disk = cacheStorage && files.size ? await diskUseByModel(cacheStorage, files).catch(() => new Map<string, number>()) : new Map<string, number>();
      return listed.map(({ model, custom: isCustom }, i) => ({
        ...model,
        cached: isCached[i] === true,
        ...(disk.get(model.id) ? { diskBytes: disk.get(model.id) } : {}),
        ...(isCustom ? { custom: true } : {}),
      }));
    },
    status: () => ({
      loadedModel: slots.chat.loaded,
      loadedModels: [slots.chat.loaded, slots.embedding.loaded].filter((m): m is string => m !== null),
      loadingModel: slots.chat.loading?.modelId ?? slots.embedding.loading?.modelId ?? null,
    }),
    /** Downloads (if needed) and loads a model; progress is pushed to subscribers. */
    load: startLoad,
    /** Stops downloads and loads in progress; a download cut short leaves no files behind. */
    async cancel(): Promise<void> {
      await Promise.all([cancelSlot(slots.chat), cancelSlot(slots.embedding)]);
    },
    /** Frees the GPU memory of a loaded model (its download stays). */
    async unload(modelId: string): Promise<void> {
      for (const slot of Object.values(slots)) {
        if (slot.loaded !== modelId) continue;
        await slot.engine?.unload();
        slot.loaded = null;
        emit({ phase: 'unloaded', modelId });
      }
    },
    /** Deletes a model's files and forgets its library's hash (a new download is a first use again). */
    async remove(ref: ModelRef): Promise<void> {
      const lib = await load();
      for (const slot of Object.values(slots)) {
        if (slot.loading?.modelId === ref.modelId) await cancelSlot(slot);
        if (slot.loaded === ref.modelId) await host.unload(ref.modelId);
      }
      const resolved = await resolveModel(lib, ref, pins);
      await lib.deleteModelAllInfoInCache(ref.modelId, appConfigWith(lib, [resolved.record])).catch(() => undefined);
      await removeFiles(resolved.files);
      await pins.forget(resolved.record.model_lib);
    },
    /** The chat engine with this model loaded, for a run. Never downloads: a model not yet downloaded is an error. */
    ready: (ref: ModelRef) => readyIn('chat', ref),
    /** One vector per text, by an embedding model on this device (loaded from the cache if needed, never downloaded). */
    async embed(ref: ModelRef, texts: string[]): Promise<number[][]> {
      if (!texts.length) return [];
      try {
        const engine = await readyIn('embedding', ref);
        const vectors = await embedFitting(async (input) => {
          const reply = await engine.embeddings.create({ input, model: ref.modelId });
          return [...reply.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
        }, texts);
        if (vectors.length !== texts.length || !vectors.every((v) => v.length > 0 && v.every(Number.isFinite))) {
          throw new ProviderError(
            'bad_response',
            `${ref.modelId} returned ${String(vectors.length)} embeddings for ${String(texts.length)} answers, or numbers that are not finite.`,
          );
        }
        return vectors;
      } catch (err) {
        throw classifyWebLlmError(err);
      }
    },
  };
  return host;
}

/** The engine of this extension context. */
export type WebLlmHost = ReturnType<typeof createWebLlmHost>;

let shared: WebLlmHost | undefined;
/** The one WebLLM host of this context, created on first use. */
export function webLlmHost(): WebLlmHost {
  shared ??= createWebLlmHost();
  return shared;
}
