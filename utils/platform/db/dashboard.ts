/** Read-only queries of the dashboard. It never writes: history and batches are changed elsewhere. */
import type { ComparisonWithRuns, DashboardComparison } from '../../core/dashboard/aggregate';
import type { Run } from '../../core/runner/types';
import { runsOf } from './comparisons';
import type { ParallaxDB } from './schema';

/** The newest comparisons, for the picker. */
export async function recentComparisons(db: ParallaxDB, limit = 100): Promise<DashboardComparison[]> {
  return db.comparisons.orderBy('createdAt').reverse().limit(limit).toArray();
}

/** One comparison with its runs in column order, or null when it is not stored. */
export async function comparisonWithRuns(db: ParallaxDB, id: string): Promise<ComparisonWithRuns | null> {
  return db.transaction('r', db.comparisons, db.runs, async () => {
    const comparison = await db.comparisons.get(id);
    return comparison ? { comparison, runs: await runsOf(db, id) } : null;
  });
}

/** Comparisons created in [since, until] (both optional, inclusive) with their runs, newest first. */
export async function comparisonsBetween(db: ParallaxDB, range: { since?: number; until?: number } = {}): Promise<ComparisonWithRuns[]> {
  return db.transaction('r', db.comparisons, db.runs, async () => {
    const comparisons = await db.comparisons
      .where('createdAt')
      .between(range.since ?? -Infinity, range.until ?? Infinity, true, true)
      .reverse()
      .toArray();
    const runs = await db.runs
      .where('comparisonId')
      .anyOf(comparisons.map((c) => c.id))
      .toArray();
    const byComparison = new Map<string, Run[]>();
    for (const run of runs.sort((a, b) => a.position - b.position)) {
      const list = byComparison.get(run.comparisonId);
      if (list) list.push(run);
      else byComparison.set(run.comparisonId, [run]);
    }
    return comparisons.map((comparison) => ({ comparison, runs: byComparison.get(comparison.id) ?? [] }));
  });
}

/** Names of stored batches by id, when the database has a batches table; empty otherwise. */
export async function batchNames(db: ParallaxDB): Promise<Map<string, string>> {
  const table = db.tables.find((t) => t.name === 'batches');
  if (!table) return new Map();
  const batches = (await table.toArray()) as { id?: unknown; name?: unknown }[];
  return new Map(
    batches.filter((b) => typeof b.id === 'string').map((b) => [b.id as string, typeof b.name === 'string' && b.name ? b.name : (b.id as string)]),
  );
}
