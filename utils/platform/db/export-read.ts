import { toExported, type ExportedComparison } from '../../core/runner/exported';
import type { ParallaxDB } from './schema';

/** Every comparison with its runs in the export shape, newest first (or those of `ids`). Reads only. */
export async function exportComparisons(db: ParallaxDB, ids?: string[]): Promise<ExportedComparison[]> {
  return db.transaction('r', db.comparisons, db.runs, async () => {
    // Everything: one read of each table, both at once (anyOf over thousands of ids is many cursor jumps).
    const [found, runs] = await Promise.all(
      ids ? [db.comparisons.bulkGet(ids), db.runs.where('comparisonId').anyOf(ids).toArray()] : [db.comparisons.orderBy('createdAt').reverse().toArray(), db.runs.toArray()],
    );
    const comparisons = found.filter((c) => c !== undefined);
    const byComparison = new Map<string, typeof runs>();
    for (const run of runs) {
      const list = byComparison.get(run.comparisonId);
      if (list) list.push(run);
      else byComparison.set(run.comparisonId, [run]);
    }
    return comparisons.map((c) => toExported(c, byComparison.get(c.id) ?? []));
  });
}
