import { describe, expect, test } from 'vitest';
import { isLoopbackHost, modelUrlProblem, sha256Integrity, toIntegrity } from '@/utils/core/on-device/model-source';
import { cacheStoragePins } from '@/utils/core/on-device/library-pins';
import { deleteModelFiles, diskUseByModel, weightsBase } from '@/utils/core/on-device/webllm-disk';
import { parseMessage } from '@/utils/platform/messaging/protocol';
import { FakeCacheStorage } from './fake-webllm';

describe('where model code may come from', () => {
  test.each([
    ['https://huggingface.co/mlc-ai/x', null],
    ['http://127.0.0.1:8000/x.wasm', null],
    ['http://localhost:8000/x.wasm', null],
    ['http://[::1]:8000/x.wasm', null],
    ['http://models.example/x.wasm', 'plain http:'],
    ['http://192.168.1.4/x.wasm', 'plain http:'],
    ['ftp://models.example/x.wasm', 'Only https:'],
    ['file:///tmp/x.wasm', 'Only https:'],
    ['not a url', 'not a web address'],
  ])('%s', (url, problem) => {
    const found = modelUrlProblem(url);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  test('loopback is this machine only', () => {
    expect(['127.0.0.1', '127.8.9.10', 'localhost', 'a.localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['128.0.0.1', 'localhost.example', '0.0.0.0', '10.0.0.1'].some(isLoopbackHost)).toBe(false);
  });

  test('the router refuses a model address over plain http: to another machine', () => {
    expect(
      parseMessage({ type: 'engine.load', payload: { modelId: 'x', modelUrl: 'http://models.example/x', modelLib: 'https://models.example/x.wasm' } }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('https:') });
    expect(
      parseMessage({
        type: 'engine.load',
        payload: { modelId: 'x', modelUrl: 'http://127.0.0.1:9/x', modelLib: 'http://127.0.0.1:9/x.wasm', kind: 'embedding', integrity: 'sha256-abc' },
      }).ok,
    ).toBe(true);
    expect(parseMessage({ type: 'engine.load', payload: { modelId: 'x', kind: 'vision' } }).ok).toBe(false);
    expect(parseMessage({ type: 'engine.embed', payload: { modelId: 'x', texts: ['a', 'b'] } }).ok).toBe(true);
    expect(parseMessage({ type: 'engine.embed', payload: { modelId: 'x', texts: 'a' } }).ok).toBe(false);
    expect(parseMessage({ type: 'engine.embed', payload: { modelId: 'x', texts: Array(65).fill('a') } }).ok).toBe(false);
    expect(
      parseMessage({ type: 'engine.info', payload: { custom: [{ modelId: 'x', modelUrl: 'http://evil.example/x', modelLib: 'https://a.example/x.wasm' }] } })
        .ok,
    ).toBe(false);
  });
});

describe('integrity hashes', () => {
  test('SRI strings pass as given; hex SHA-256 (sha256sum) becomes SRI; anything else is refused', async () => {
    const bytes = new TextEncoder().encode('library');
    const sri = await sha256Integrity(bytes);
    const hex = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
    expect(sri).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(toIntegrity(hex)).toBe(sri);
    expect(toIntegrity(` ${sri} `)).toBe(sri);
    expect(toIntegrity('sha384-' + 'A'.repeat(64))).toBe('sha384-' + 'A'.repeat(64));
    for (const bad of ['', 'abc', 'md5-xyz', hex.slice(1), 'sha256-short']) expect(toIntegrity(bad), bad).toBeNull();
  });

  test('first-use hashes are kept in Cache Storage, per library address, and forgotten on request', async () => {
    const storage = new FakeCacheStorage();
    const pins = cacheStoragePins(storage as unknown as CacheStorage);
    expect(await pins.get('https://libs.example/a.wasm')).toBeUndefined();
    await pins.set('https://libs.example/a.wasm', { integrity: 'sha256-x', since: 1, source: 'first-use' });
    expect(await cacheStoragePins(storage as unknown as CacheStorage).get('https://libs.example/a.wasm')).toEqual({
      integrity: 'sha256-x',
      since: 1,
      source: 'first-use',
    });
    expect(await pins.get('https://libs.example/b.wasm')).toBeUndefined();
    await pins.forget('https://libs.example/a.wasm');
    expect(await pins.get('https://libs.example/a.wasm')).toBeUndefined();
  });
});

describe('a model’s files in Cache Storage', () => {
  test('its folder is where WebLLM fetches from; disk use counts weights and library; delete removes both, partial files too', async () => {
    expect(weightsBase('https://huggingface.co/mlc-ai/m')).toBe('https://huggingface.co/mlc-ai/m/resolve/main/');
    expect(weightsBase('http://127.0.0.1:9/m/resolve/v2/')).toBe('http://127.0.0.1:9/m/resolve/v2/');
    const storage = new FakeCacheStorage();
    const files = { weights: 'https://h.example/m/resolve/main/', library: 'https://libs.example/m.wasm' };
    storage.put('webllm/model', `${files.weights}params_shard_0.bin`, 'x'.repeat(500));
    storage.put('webllm/model', `${files.weights}params_shard_1.bin`, 'x'.repeat(300), { 'content-length': '300' });
    storage.put('webllm/wasm', files.library, 'x'.repeat(200), { 'content-length': '200' });
    storage.put('webllm/model', 'https://h.example/m-other/resolve/main/params_shard_0.bin', 'x', { 'content-length': '1' });
    const use = await diskUseByModel(storage as unknown as CacheStorage, new Map([['m', files]]));
    expect(use.get('m')).toBe(1000); // a response without Content-Length is measured
    expect(await deleteModelFiles(storage as unknown as CacheStorage, files)).toBe(3);
    expect(storage.urls()).toEqual(['https://h.example/m-other/resolve/main/params_shard_0.bin']);
  });
});
