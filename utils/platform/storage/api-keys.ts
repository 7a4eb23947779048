import { storage } from 'wxt/utils/storage';

/** API keys sealed with AES-GCM: what storage.local holds instead of the keys themselves. */
export interface SealedKeys {
  sealed: { iv: string; data: string };
}

/** What is stored at `local:apiKeys`: sealed keys, or the plain record older versions wrote (sealed on first read). */
type StoredKeys = SealedKeys | Record<string, string>;

const raw = storage.defineItem<StoredKeys>('local:apiKeys', { version: 1, fallback: {} });

const KEYRING_DB = 'parallax-keyring';
const KEYRING_STORE = 'keys';
const KEY_NAME = 'apiKeys';

const isSealed = (v: StoredKeys): v is SealedKeys => typeof (v as SealedKeys).sealed === 'object' && (v as SealedKeys).sealed !== null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('The key store could not be read or written.'));
  });
}

function openKeyring(): Promise<IDBDatabase> {
  const open = indexedDB.open(KEYRING_DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(KEYRING_STORE);
  return request(open);
}

/**
 * The sealing key: AES-GCM, not extractable, kept in the extension's own IndexedDB. A content script runs in the
 * page's origin and cannot open it, so even where it can read storage.local (Firefox) it gets ciphertext only.
 * Created once: `add` fails when another extension page made it first, and that one is used.
 */
async function sealingKey(create: boolean): Promise<CryptoKey | null> {
  const db = await openKeyring();
  try {
    const existing = await request<unknown>(db.transaction(KEYRING_STORE).objectStore(KEYRING_STORE).get(KEY_NAME));
    if (existing || !create) return (existing as CryptoKey | undefined) ?? null;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    try {
      await request(db.transaction(KEYRING_STORE, 'readwrite').objectStore(KEYRING_STORE).add(key, KEY_NAME));
      return key;
    } catch {
      return (await request(db.transaction(KEYRING_STORE).objectStore(KEYRING_STORE).get(KEY_NAME))) as CryptoKey;
    }
  } finally {
    db.close();
  }
}

const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function seal(keys: Record<string, string>): Promise<SealedKeys> {
  const key = (await sealingKey(true))!;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(keys))));
  return { sealed: { iv: toBase64(iv), data: toBase64(data) } };
}

async function unseal(stored: SealedKeys): Promise<Record<string, string>> {
  const key = await sealingKey(false);
  if (!key) throw new Error('The key that seals your API keys is missing (the extension’s data was cleared). Add the keys again in Settings.');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(stored.sealed.iv) }, key, fromBase64(stored.sealed.data));
  const parsed: unknown = JSON.parse(new TextDecoder().decode(plain));
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
}

let writing: Promise<unknown> = Promise.resolve();

/**
 * API keys by provider id, sealed at rest (see {@link sealingKey}) in storage.local: never synced, never exported,
 * never sent to a content script, never logged. Read by extension pages and the background only. Keys written in
 * the clear by an older version are sealed the first time they are read.
 */
export const apiKeysItem = {
  async getValue(): Promise<Record<string, string>> {
    const stored = await raw.getValue();
    if (isSealed(stored)) return unseal(stored);
    if (Object.keys(stored).length) await apiKeysItem.setValue(stored);
    return { ...stored };
  },
  setValue(keys: Record<string, string>): Promise<void> {
    const next = writing.then(async () => raw.setValue(await seal(keys)));
    writing = next.catch(() => undefined);
    return next;
  },
};
