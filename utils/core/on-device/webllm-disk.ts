/** Cache Storage buckets WebLLM writes model weights, configs and libraries to. */
const WEBLLM_CACHES = ['webllm/model', 'webllm/config', 'webllm/wasm'];

/**
 * The folder WebLLM fetches a model's files from (as its `cleanModelUrl` does): a trailing slash, and
 * `resolve/main/` unless the address already names a revision.
 */
export function weightsBase(modelUrl: string): string {
  let url = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

/** The cached files of a model: everything under its weights folder, and its library. */
export interface ModelFiles {
  weights: string;
  library?: string;
}

const owns = (files: ModelFiles, url: string) => url.startsWith(files.weights) || (files.library !== undefined && url === files.library);

/**
 * Bytes each downloaded model takes in Cache Storage, from the cached responses' Content-Length (a body is
 * measured only when a server sent no length; weights are gigabytes). Weights shared by two models count once,
 * for the first.
 */
export async function diskUseByModel(
  cacheStorage: CacheStorage,
  files: Map<string, ModelFiles | string>,
  cacheNames = WEBLLM_CACHES,
): Promise<Map<string, number>> {
  const use = new Map<string, number>();
  const entries = [...files].filter(([, f]) => f).map(([id, f]) => [id, typeof f === 'string' ? { weights: f } : f] as const);
  for (const name of cacheNames) {
    if (!(await cacheStorage.has(name))) continue;
    const cache = await cacheStorage.open(name);
    for (const request of await cache.keys()) {
      const owner = entries.find(([, f]) => owns(f, request.url));
      if (!owner) continue;
      const response = await cache.match(request);
      const length = response?.headers.get('content-length');
      const bytes = length ? Number(length) : ((await response?.blob())?.size ?? 0);
      use.set(owner[0], (use.get(owner[0]) ?? 0) + (Number.isFinite(bytes) ? bytes : 0));
    }
  }
  return use;
}

/** Deletes every cached file of a model (a partial download included); returns how many were removed. */
export async function deleteModelFiles(cacheStorage: CacheStorage, files: ModelFiles, cacheNames = WEBLLM_CACHES): Promise<number> {
  let removed = 0;
  for (const name of cacheNames) {
    if (!(await cacheStorage.has(name))) continue;
    const cache = await cacheStorage.open(name);
    for (const request of await cache.keys()) {
      if (owns(files, request.url) && (await cache.delete(request))) removed++;
    }
  }
  return removed;
}

/** "1.2 GB", "350 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${String(Math.max(1, Math.round(bytes / 1024 ** 2)))} MB`;
}
