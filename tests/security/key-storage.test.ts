import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { apiKeysItem } from '@/utils/platform/storage/settings';
import { restrictStorageToExtension } from '@/utils/platform/storage/access-level';

/**
 * Where the browser cannot close storage.local to content scripts (Firefox), what they could read there must be
 * useless: keys are sealed with a key kept in the extension's own IndexedDB, which a page's origin cannot open.
 */

const KEY = 'sk-live-0123456789abcdef';
const storedText = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

function keyringKey(): Promise<CryptoKey | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('parallax-keyring');
    open.onsuccess = () => {
      const get = open.result.transaction('keys').objectStore('keys').get('apiKeys');
      get.onsuccess = () => {
        open.result.close();
        resolve(get.result as CryptoKey | undefined);
      };
      get.onerror = () => reject(get.error ?? new Error('IndexedDB request failed'));
    };
    open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
  });
}

beforeEach(() => fakeBrowser.reset());

describe('API keys at rest', () => {
  test('storage.local holds no key, only ciphertext; the extension reads them back', async () => {
    await apiKeysItem.setValue({ p1: KEY, p2: 'sk-ant-other' });
    const text = await storedText();
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('sk-ant-other');
    expect(text).toMatch(/"sealed":\{"iv":"[\w+/=]+","data":"[\w+/=]+"\}/);
    expect(await apiKeysItem.getValue()).toEqual({ p1: KEY, p2: 'sk-ant-other' });
  });

  test('the sealing key cannot be exported, so nothing that reads the database can take it away', async () => {
    await apiKeysItem.setValue({ p1: KEY });
    const key = await keyringKey();
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key!.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key!)).rejects.toThrow();
  });

  test('keys an older version stored in the clear are sealed on first read', async () => {
    await fakeBrowser.storage.local.set({ apiKeys: { p1: KEY } });
    expect(await apiKeysItem.getValue()).toEqual({ p1: KEY });
    expect(await storedText()).not.toContain(KEY);
    expect(await apiKeysItem.getValue()).toEqual({ p1: KEY });
  });

  test('each write seals anew (a fresh nonce); removing a key removes it', async () => {
    await apiKeysItem.setValue({ p1: KEY });
    const first = await storedText();
    await apiKeysItem.setValue({ p1: KEY });
    expect(await storedText()).not.toBe(first);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- rest destructuring drops the p1 key
    const { p1: _gone, ...rest } = await apiKeysItem.getValue();
    await apiKeysItem.setValue(rest);
    expect(await apiKeysItem.getValue()).toEqual({});
  });
});

describe('closing storage to content scripts', () => {
  const g = globalThis as { chrome?: unknown };
  const before = g.chrome;
  afterEach(() => {
    g.chrome = before;
  });

  test('where the browser has access levels (Chrome), local and session are set to trusted contexts only', async () => {
    const calls: [string, unknown][] = [];
    const area = (name: string) => ({ setAccessLevel: async (o: unknown) => void calls.push([name, o]) });
    g.chrome = { storage: { local: area('local'), session: area('session') } };
    expect(await restrictStorageToExtension()).toEqual({ local: true, session: true });
    expect(calls).toEqual([
      ['local', { accessLevel: 'TRUSTED_CONTEXTS' }],
      ['session', { accessLevel: 'TRUSTED_CONTEXTS' }],
    ]);
  });

  test('where it has none (Firefox), it says so rather than pretend', async () => {
    g.chrome = { storage: { local: {}, session: {} } };
    expect(await restrictStorageToExtension()).toEqual({ local: false, session: false });
  });
});
