import type { TranslationStore } from '../../core/translate/cache';
import type { ParallaxDB } from './schema';

/** Options of the IndexedDB translation store. */
export interface DexieTranslationStoreOptions {
  /** Translations kept; the oldest go first. */
  maxEntries?: number;
  /** How many writes between two trims (counting the table on every write would cost more than it saves). */
  trimEvery?: number;
  now?: () => number;
}

/**
 * The translation cache's store in the `translations` table, so a translation made for a preview is reused by
 * the runs, and survives restarts. Keys are `cacheKey()` strings; reading refreshes nothing (one write per
 * translation, never per read); the oldest entries are trimmed beyond `maxEntries`.
 */
export function dexieTranslationStore(
  db: ParallaxDB,
  opts: DexieTranslationStoreOptions = {},
): TranslationStore & { trim(): Promise<number>; count(): Promise<number>; clear(): Promise<void> } {
  const maxEntries = opts.maxEntries ?? 5000;
  const trimEvery = opts.trimEvery ?? 50;
  const now = opts.now ?? Date.now;
  let writes = 0;
  const trim = async () => {
    const excess = (await db.translations.count()) - maxEntries;
    if (excess <= 0) return 0;
    const oldest = await db.translations.orderBy('createdAt').limit(excess).primaryKeys();
    await db.translations.bulkDelete(oldest);
    return oldest.length;
  };
  return {
    async get(key) {
      return (await db.translations.get(key))?.translation;
    },
    async set(key, translation) {
      await db.translations.put({ key, translation, createdAt: now() });
      if (++writes % trimEvery === 0) await trim();
    },
    async delete(key) {
      await db.translations.delete(key);
    },
    trim,
    count: () => db.translations.count(),
    clear: () => db.translations.clear(),
  };
}
