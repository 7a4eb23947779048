import type { AppConfig, MLCEngine } from '@mlc-ai/web-llm';
import { diskUseByModel } from './webllm-disk';
import { ProviderError } from '../providers/errors';
import { classifyWebLlmError } from '../providers/webllm-errors';
import { onDeviceCatalogue, type DeviceCaps, type ModelRecordLike, type OnDeviceModel } from './webllm-catalogue';
import { parseProgress, type LoadProgress } from './webllm-progress';

type WebLlm = typeof import('@mlc-ai/web-llm');

/** Which model to load: a prebuilt id, or a custom one with its weights and library URLs. */
export interface ModelRef {
  modelId: string;
  modelUrl?: string;
  modelLib?: string;
}

/** What the engine is doing, pushed to open pages. */
export type EngineEvent =
  | { phase: 'progress'; modelId: string; progress: LoadProgress }
  | { phase: 'ready'; modelId: string }
  | { phase: 'failed'; modelId: string; error: string; code: string }
  | { phase: 'cancelled'; modelId: string };

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
    : Promise.reject(new ProviderError('no_webgpu', 'On-device models need Chrome or Edge: this browser has no WebGPU for extensions and limits extension files to 5 MB.'));
}

/**
 * Hosts one WebLLM engine in a long-lived extension page (Chrome's offscreen document), so a model stays loaded
 * across panel openings. Downloads happen only through {@link load}, which the user starts with a click; a run
 * never downloads.
 */
export function createWebLlmHost(load: () => Promise<WebLlm> = loadWebLlm) {
  let engine: MLCEngine | undefined;
  let loadedModel: string | null = null;
  let loading: { modelId: string; done: Promise<void> } | null = null;
  const listeners = new Set<(event: EngineEvent) => void>();
  const emit = (event: EngineEvent) => listeners.forEach((l) => l(event));

  const appConfigFor = (lib: WebLlm, ref?: ModelRef): AppConfig => {
    const list = [...lib.prebuiltAppConfig.model_list];
    if (ref?.modelUrl && ref.modelLib && !list.some((m) => m.model_id === ref.modelId)) {
      list.push({ model: ref.modelUrl, model_id: ref.modelId, model_lib: ref.modelLib });
    }
    return { ...lib.prebuiltAppConfig, model_list: list };
  };

  async function getEngine(lib: WebLlm, ref: ModelRef): Promise<MLCEngine> {
    engine ??= new lib.MLCEngine({ appConfig: appConfigFor(lib, ref) });
    engine.setAppConfig(appConfigFor(lib, ref));
    engine.setInitProgressCallback((report) => emit({ phase: 'progress', modelId: ref.modelId, progress: parseProgress(report) }));
    return engine;
  }

  const host = {
    subscribe(listener: (event: EngineEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Models this device can run, with which are downloaded. */
    async catalogue(caps: DeviceCaps): Promise<(OnDeviceModel & { cached: boolean; diskBytes?: number })[]> {
      const lib = await load();
      const models = onDeviceCatalogue(lib.prebuiltAppConfig.model_list as ModelRecordLike[], caps);
      const cached = await Promise.all(models.map((m) => lib.hasModelInCache(m.id, appConfigFor(lib)).catch(() => false)));
      // Disk use of what is downloaded, for the cache manager (best effort: Cache Storage may be unavailable).
      const records = lib.prebuiltAppConfig.model_list as ModelRecordLike[];
      const prefixes = new Map(models.filter((_, i) => cached[i]).map((m) => [m.id, records.find((r) => r.model_id === m.id)?.model ?? ''] as const));
      const disk = typeof caches === 'undefined' || !prefixes.size ? new Map<string, number>() : await diskUseByModel(caches, prefixes).catch(() => new Map<string, number>());
      return models.map((m, i) => ({ ...m, cached: cached[i]!, ...(disk.get(m.id) ? { diskBytes: disk.get(m.id) } : {}) }));
    },
    status: () => ({ loadedModel, loadingModel: loading?.modelId ?? null }),
    /** Downloads (if needed) and loads a model; progress is pushed to subscribers. */
    load(ref: ModelRef): Promise<void> {
      if (loading?.modelId === ref.modelId) return loading.done;
      const done = (async () => {
        try {
          const lib = await load();
          const e = await getEngine(lib, ref);
          await e.reload(ref.modelId);
          loadedModel = ref.modelId;
          emit({ phase: 'ready', modelId: ref.modelId });
        } catch (err) {
          loadedModel = null;
          const error = classifyWebLlmError(err);
          if (error.code === 'aborted') emit({ phase: 'cancelled', modelId: ref.modelId });
          else emit({ phase: 'failed', modelId: ref.modelId, error: error.message, code: error.code });
          throw error;
        } finally {
          loading = null;
        }
      })();
      loading = { modelId: ref.modelId, done };
      return done;
    },
    /** Stops a download or load in progress and frees the GPU. */
    async cancel(): Promise<void> {
      const modelId = loading?.modelId;
      await engine?.unload();
      loadedModel = null;
      if (modelId) emit({ phase: 'cancelled', modelId });
    },
    async remove(ref: ModelRef): Promise<void> {
      const lib = await load();
      if (loadedModel === ref.modelId) await host.cancel();
      await lib.deleteModelAllInfoInCache(ref.modelId, appConfigFor(lib, ref));
    },
    /** The engine with this model loaded, for a run. Never downloads: a model not yet downloaded is an error. */
    async ready(ref: ModelRef): Promise<MLCEngine> {
      const lib = await load();
      if (loadedModel === ref.modelId && engine) return engine;
      if (loading?.modelId === ref.modelId) {
        await loading.done;
        return engine!;
      }
      if (!(await lib.hasModelInCache(ref.modelId, appConfigFor(lib, ref)).catch(() => false))) {
        throw new ProviderError('not_downloaded', `${ref.modelId} is not downloaded yet. Download it in Settings → On-device models, then retry.`);
      }
      await host.load(ref);
      return engine!;
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
