import { storage } from 'wxt/utils/storage';
import { deleteComparisons, olderThan } from './history';
import type { ParallaxDB } from './schema';

/** How many days comparisons are kept (null = forever, the default). */
export const retentionItem = storage.defineItem<number | null>('local:retentionDays', { fallback: null, version: 1 });

/** The choices offered in settings. */
export const RETENTION_CHOICES: readonly (number | null)[] = [null, 7, 30, 90, 365];

/** Deletes comparisons (with their runs and index entries) older than the retention period; returns how many. */
export async function applyRetention(db: ParallaxDB, days: number | null, now = Date.now()): Promise<number> {
  if (!days) return 0;
  const ids = await olderThan(db, days, now);
  for (let i = 0; i < ids.length; i += 500) await deleteComparisons(db, ids.slice(i, i + 500));
  return ids.length;
}
