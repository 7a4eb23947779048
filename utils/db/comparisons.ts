import type { Comparison, Run } from '../runner/types';
import type { ParallaxDB } from './schema';

/** Saves a new comparison and its runs in one transaction. */
export async function saveComparison(db: ParallaxDB, comparison: Comparison, runs: Run[]): Promise<void> {
  await db.transaction('rw', db.comparisons, db.runs, async () => {
    await db.comparisons.add(comparison);
    await db.runs.bulkAdd(runs);
  });
}

/** Newest comparisons first. */
export function listComparisons(db: ParallaxDB, limit = 200): Promise<Comparison[]> {
  return db.comparisons.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** A comparison's runs in column order. */
export async function runsOf(db: ParallaxDB, comparisonId: string): Promise<Run[]> {
  const runs = await db.runs.where('comparisonId').equals(comparisonId).toArray();
  return runs.sort((a, b) => a.position - b.position);
}

/** Runs of many comparisons at once, grouped by comparison id (history rows show their state). */
export async function runsByComparison(db: ParallaxDB, ids: string[]): Promise<Map<string, Run[]>> {
  const runs = await db.runs.where('comparisonId').anyOf(ids).toArray();
  const map = new Map<string, Run[]>();
  for (const run of runs.sort((a, b) => a.position - b.position)) {
    map.set(run.comparisonId, [...(map.get(run.comparisonId) ?? []), run]);
  }
  return map;
}
