import type { Comparison, Run } from '../../core/runner/types';
import type { ParallaxDB } from './schema';
import { orStorageFull } from './quota';

/** Saves a new comparison and its runs in one transaction. */
export async function saveComparison(db: ParallaxDB, comparison: Comparison, runs: Run[]): Promise<void> {
  const save = () =>
    db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
      await db.comparisons.add(comparison);
      await db.runs.bulkAdd(runs);
    });
  await orStorageFull(save, 'this comparison could not be saved, so nothing was asked.');
}

/** A comparison's runs in column order. */
export async function runsOf(db: ParallaxDB, comparisonId: string): Promise<Run[]> {
  const runs = await db.runs.where('comparisonId').equals(comparisonId).toArray();
  return runs.sort((a, b) => a.position - b.position);
}

/** Sets a comparison's tags and note (tags trimmed, deduplicated, sorted) and updates its index entry. */
export async function annotateComparison(db: ParallaxDB, id: string, patch: { tags?: string[]; note?: string }): Promise<void> {
  await db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
    const tags = patch.tags && [...new Set(patch.tags.map((t) => t.trim().slice(0, 40)).filter(Boolean))].sort();
    await db.comparisons.update(id, { ...(tags ? { tags } : {}), ...(patch.note !== undefined ? { note: patch.note.slice(0, 5000) } : {}) });
  });
}
