/** Cache Storage buckets WebLLM writes model weights, configs and libraries to. */
export const WEBLLM_CACHES = ['webllm/model', 'webllm/config', 'webllm/wasm'];

/**
 * Bytes each downloaded model takes in Cache Storage, from the cached responses' Content-Length (no body is
 * read: weights are gigabytes). `prefixes` maps a model id to the URL its files start with.
 */
export async function diskUseByModel(cacheStorage: CacheStorage, prefixes: Map<string, string>, cacheNames = WEBLLM_CACHES): Promise<Map<string, number>> {
  const use = new Map<string, number>();
  const entries = [...prefixes].filter(([, prefix]) => prefix);
  for (const name of cacheNames) {
    if (!(await cacheStorage.has(name))) continue;
    const cache = await cacheStorage.open(name);
    for (const request of await cache.keys()) {
      const owner = entries.find(([, prefix]) => request.url.startsWith(prefix));
      if (!owner) continue;
      const response = await cache.match(request);
      const bytes = Number(response?.headers.get('content-length') ?? 0);
      use.set(owner[0], (use.get(owner[0]) ?? 0) + (Number.isFinite(bytes) ? bytes : 0));
    }
  }
  return use;
}

/** "1.2 GB", "350 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
}
