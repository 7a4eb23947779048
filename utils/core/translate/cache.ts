import type { Translator } from './translator';

/** What a cached translation is found by: the same text, languages and engine give the same translation. */
export interface TranslationKey {
  text: string;
  source: string;
  target: string;
  /** Translator id, e.g. "model:openai-compatible:llama3.2@127.0.0.1:11434" or "chrome". */
  engine: string;
}

/** Where translations are kept. The default is a Map; the extension can back it with IndexedDB. */
export interface TranslationStore {
  get(key: string): Promise<string | undefined> | string | undefined;
  set(key: string, translation: string): Promise<void> | void;
  delete?(key: string): Promise<void> | void;
}

/** A translation cache with counters the settings page can show. */
export interface TranslationCache {
  get(key: TranslationKey): Promise<string | undefined>;
  set(key: TranslationKey, translation: string): Promise<void>;
  /** Forgets one translation (the user rejected it). */
  forget(key: TranslationKey): Promise<void>;
  readonly stats: { hits: number; misses: number };
}

/**
 * The store key of a translation, `engine NUL source NUL target NUL text` (the shape the database's
 * translations table documents); language tags lower-cased, whitespace at the ends of the text ignored.
 */
export function cacheKey(key: TranslationKey): string {
  return [key.engine, key.source.toLowerCase(), key.target.toLowerCase(), key.text.trim()].join('\u0000');
}

/** A Map-based store keeping the most recently used `maxEntries` translations. */
export function memoryTranslationStore(maxEntries = 500): TranslationStore & { size(): number } {
  const entries = new Map<string, string>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key); // re-insert: Map order is recency order
        entries.set(key, value);
      }
      return value;
    },
    set(key, translation) {
      entries.delete(key);
      entries.set(key, translation);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    delete(key) {
      entries.delete(key);
    },
    size: () => entries.size,
  };
}

/** A cache over a store (in memory by default). */
export function translationCache(store: TranslationStore = memoryTranslationStore()): TranslationCache {
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    async get(key) {
      const value = await store.get(cacheKey(key));
      if (value === undefined) stats.misses++;
      else stats.hits++;
      return value;
    },
    async set(key, translation) {
      await store.set(cacheKey(key), translation);
    },
    async forget(key) {
      await store.delete?.(cacheKey(key));
    },
  };
}

/**
 * A translator that asks its cache first and remembers what it translates. The same translation asked for by
 * several runs at once is made once; if the run that started it is cancelled, the others ask again. Empty
 * translations are not kept.
 */
export function cachedTranslator(translator: Translator, cache: TranslationCache): Translator {
  const inFlight = new Map<string, { promise: Promise<string>; signal: AbortSignal }>();
  const translate = async (text: string, source: string, target: string, signal: AbortSignal): Promise<string> => {
    const key = { text, source, target, engine: translator.id };
    const cached = await cache.get(key);
    if (cached !== undefined) return cached;
    const id = cacheKey(key);
    let flight = inFlight.get(id);
    if (!flight) {
      const promise = translator.translate(text, source, target, signal).then(async (translation) => {
        if (translation.trim()) await cache.set(key, translation);
        return translation;
      });
      flight = { promise, signal };
      inFlight.set(id, flight);
      void promise.finally(() => inFlight.get(id) === flight && inFlight.delete(id)).catch(() => undefined);
    }
    try {
      return await flight.promise;
    } catch (err) {
      if (flight.signal !== signal && flight.signal.aborted && !signal.aborted) return translate(text, source, target, signal);
      throw err;
    }
  };
  return { ...translator, translate };
}
