import type { Comparison, Run } from '../runner/types';
import type { ParallaxDB } from './schema';

/** Saves a new comparison and its runs in one transaction. */
export async function saveComparison(db: ParallaxDB, comparison: Comparison, runs: Run[]): Promise<void> {
  await db.transaction('rw', db.comparisons, db.runs, async () => {
    await db.comparisons.add(comparison);
    await db.runs.bulkAdd(runs);
  });
}

/** A comparison's runs in column order. */
export async function runsOf(db: ParallaxDB, comparisonId: string): Promise<Run[]> {
  const runs = await db.runs.where('comparisonId').equals(comparisonId).toArray();
  return runs.sort((a, b) => a.position - b.position);
}
