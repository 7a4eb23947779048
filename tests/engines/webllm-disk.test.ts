import { describe, expect, test } from 'vitest';
import { diskUseByModel, formatBytes } from '@/utils/core/on-device/webllm-disk';
import { FakeCacheStorage } from './fake-webllm';

/** A cached response that says its size without a body (weights are gigabytes). */
const put = (storage: FakeCacheStorage, name: string, url: string, bytes: number | null) =>
  storage.put(name, url, '', bytes === null ? {} : { 'content-length': String(bytes) });

describe('disk use of downloaded on-device models', () => {
  test('sums each model’s cached files by URL, across WebLLM’s caches, without reading bodies', async () => {
    const storage = new FakeCacheStorage();
    const qwen = 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC/resolve/main/';
    const smol = 'https://huggingface.co/mlc-ai/SmolLM2-360M-Instruct-q4f16_1-MLC/resolve/main/';
    put(storage, 'webllm/model', `${qwen}params_shard_0.bin`, 300 * 1024 ** 2);
    put(storage, 'webllm/model', `${qwen}params_shard_1.bin`, 100 * 1024 ** 2);
    put(storage, 'webllm/config', `${qwen}mlc-chat-config.json`, 2048);
    put(storage, 'webllm/model', `${smol}params_shard_0.bin`, 1.5 * 1024 ** 3);
    put(storage, 'webllm/model', 'https://elsewhere.example/other.bin', 999);
    put(storage, 'webllm/model', `${smol}no-length.bin`, null);
    const use = await diskUseByModel(
      storage as unknown as CacheStorage,
      new Map([
        ['qwen', qwen],
        ['smol', smol],
        ['none', ''],
      ]),
    );
    expect(use.get('qwen')).toBe(400 * 1024 ** 2 + 2048);
    expect(formatBytes(use.get('qwen')!)).toBe('400 MB');
    expect(formatBytes(use.get('smol')!)).toBe('1.5 GB');
    expect(use.has('none')).toBe(false);
  });
});
