import { describe, expect, test } from 'vitest';
import { diskUseByModel, formatBytes } from '@/utils/core/on-device/webllm-disk';

/** Cache Storage as the browser exposes it, in memory: named caches of request → response. */
class FakeCacheStorage {
  private caches = new Map<string, Map<string, Response>>();
  put(name: string, url: string, bytes: number | null) {
    const cache = this.caches.get(name) ?? new Map<string, Response>();
    cache.set(url, new Response('', { headers: bytes === null ? {} : { 'content-length': String(bytes) } }));
    this.caches.set(name, cache);
  }
  async has(name: string) {
    return this.caches.has(name);
  }
  async open(name: string) {
    const cache = this.caches.get(name)!;
    return {
      keys: async () => [...cache.keys()].map((url) => new Request(url)),
      match: async (req: Request) => cache.get(req.url),
    };
  }
}

describe('disk use of downloaded on-device models', () => {
  test('sums each model’s cached files by URL, across WebLLM’s caches, without reading bodies', async () => {
    const storage = new FakeCacheStorage();
    const qwen = 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC/resolve/main/';
    const smol = 'https://huggingface.co/mlc-ai/SmolLM2-360M-Instruct-q4f16_1-MLC/resolve/main/';
    storage.put('webllm/model', `${qwen}params_shard_0.bin`, 300 * 1024 ** 2);
    storage.put('webllm/model', `${qwen}params_shard_1.bin`, 100 * 1024 ** 2);
    storage.put('webllm/config', `${qwen}mlc-chat-config.json`, 2048);
    storage.put('webllm/model', `${smol}params_shard_0.bin`, 1.5 * 1024 ** 3);
    storage.put('webllm/model', 'https://elsewhere.example/other.bin', 999);
    storage.put('webllm/model', `${smol}no-length.bin`, null);
    const use = await diskUseByModel(storage as unknown as CacheStorage, new Map([['qwen', qwen], ['smol', smol], ['none', '']]));
    expect(use.get('qwen')).toBe(400 * 1024 ** 2 + 2048);
    expect(formatBytes(use.get('qwen')!)).toBe('400 MB');
    expect(formatBytes(use.get('smol')!)).toBe('1.5 GB');
    expect(use.has('none')).toBe(false);
  });
});
