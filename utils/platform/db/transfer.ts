import { planImport } from '../../core/history/import';
import { toExported, type ExportedComparison } from '../../core/runner/exported';
import type { ParallaxDB } from './schema';
import { searchEntry } from './search-index';
import { orStorageFull } from './quota';

/** Every comparison with its runs in the export shape, newest first. */
export async function exportComparisons(db: ParallaxDB, ids?: string[]): Promise<ExportedComparison[]> {
  return db.transaction('r', db.comparisons, db.runs, db.batches, async () => {
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
    // Studies by name (a handful of batches, however many comparisons they made).
    const batchIds = [...new Set(comparisons.flatMap((c) => (c.batchId ? [c.batchId] : [])))];
    const studies = new Map((await db.batches.bulkGet(batchIds)).flatMap((b) => (b ? [[b.id, b.name] as const] : [])));
    return comparisons.map((c) => toExported(c, byComparison.get(c.id) ?? [], c.batchId ? studies.get(c.batchId) : undefined));
  });
}

/** What an import did, for the report the user sees. */
export interface ImportReport {
  added: number;
  duplicates: number;
  skipped: { index: number; id?: string; reason: string }[];
}

/** How far an import is: comparisons written so far of those it will add. */
export type ImportProgress = (done: number, total: number) => void;

/** Comparisons written between two progress reports. */
const IMPORT_CHUNK = 500;

/**
 * Imports an export file: merges without duplicates (existing ids are kept as they are), all in one transaction —
 * a failure part-way stores nothing. Index entries are built from the records in hand, not read back.
 */
export async function importComparisons(db: ParallaxDB, text: string, onProgress?: ImportProgress): Promise<ImportReport> {
  const plan = planImport(text);
  return orStorageFull(() => db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
    const existing = new Set((await db.comparisons.bulkGet(plan.comparisons.map((p) => p.comparison.id))).filter(Boolean).map((c) => c!.id));
    const fresh = plan.comparisons.filter((p) => !existing.has(p.comparison.id));
    const takenRuns = new Set((await db.runs.bulkGet(fresh.flatMap((p) => p.runs.map((r) => r.id)))).filter(Boolean).map((r) => r!.id));
    const skipped = [...plan.skipped];
    const ok = fresh.filter((p, index) => {
      if (p.runs.some((r) => takenRuns.has(r.id))) {
        skipped.push({ index, id: p.comparison.id, reason: 'its runs clash with runs already stored' });
        return false;
      }
      return true;
    });
    onProgress?.(0, ok.length);
    for (let at = 0; at < ok.length; at += IMPORT_CHUNK) {
      const chunk = ok.slice(at, at + IMPORT_CHUNK);
      await db.comparisons.bulkAdd(chunk.map((p) => p.comparison));
      await db.runs.bulkAdd(chunk.flatMap((p) => p.runs));
      await db.search.bulkPut(chunk.map((p) => searchEntry(p.comparison, p.runs)));
      onProgress?.(at + chunk.length, ok.length);
    }
    return { added: ok.length, duplicates: plan.comparisons.length - fresh.length, skipped };
  }), 'nothing was imported.');
}
