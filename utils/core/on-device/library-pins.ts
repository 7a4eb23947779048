/**
 * Trust on first use for model libraries: the hash of each library the first time it loaded, so a later copy
 * that differs (the catalogue serves libraries from a branch that can change; a server can be taken over) is
 * refused before it runs. The catalogue's own hashes cannot be fetched from here, hence first use.
 */

/** What is known about one library address. */
export interface LibraryPin {
  /** SRI form, "sha256-<base64>". */
  integrity: string;
  /** When it was recorded (ms since epoch). */
  since: number;
  /** 'first-use': hashed after its first successful load; 'given': the hash the user typed for a custom model. */
  source: 'first-use' | 'given';
}

/** Where pins are kept. */
export interface LibraryPins {
  get(libraryUrl: string): Promise<LibraryPin | undefined>;
  set(libraryUrl: string, pin: LibraryPin): Promise<void>;
  /** Forgets a library (the user deleted its model: a new download is a first use again). */
  forget(libraryUrl: string): Promise<void>;
}

/** The Cache Storage bucket pins live in, beside WebLLM's own (same origin, same lifetime as the models). */
const PINS_CACHE = 'parallax/library-pins';

/** Pins kept in Cache Storage, one small JSON response per library address. */
export function cacheStoragePins(cacheStorage: CacheStorage, name = PINS_CACHE): LibraryPins {
  const open = () => cacheStorage.open(name);
  return {
    async get(libraryUrl) {
      const response = await (await open()).match(libraryUrl);
      if (!response) return undefined;
      const pin = (await response.json().catch(() => null)) as LibraryPin | null;
      return pin && typeof pin.integrity === 'string' ? pin : undefined;
    },
    async set(libraryUrl, pin) {
      await (await open()).put(libraryUrl, new Response(JSON.stringify(pin), { headers: { 'content-type': 'application/json' } }));
    },
    async forget(libraryUrl) {
      await (await open()).delete(libraryUrl);
    },
  };
}

/** Pins in memory (tests, and contexts without Cache Storage). */
export function memoryPins(): LibraryPins & { all: Map<string, LibraryPin> } {
  const all = new Map<string, LibraryPin>();
  return {
    all,
    get: (url) => Promise.resolve(all.get(url)),
    set: (url, pin) => {
      all.set(url, pin);
      return Promise.resolve();
    },
    forget: (url) => {
      all.delete(url);
      return Promise.resolve();
    },
  };
}
