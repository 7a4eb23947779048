import { toExported, type ExportedComparison } from '../../core/runner/exported';
import type { Comparison, Run } from '../../core/runner/types';
import type { Batch, ParallaxDB } from './schema';

/** Above this many ids, every comparison is read at once and the others dropped (one read instead of a get per id). */
const READ_ALL_ABOVE = 1000;

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('The history could not be read.'));
    };
  });

/**
 * Visits every comparison (those of `ids`, in their order; else all, newest first) with its runs in column order,
 * one at a time as the runs arrive: the caller writes each out while the next are still being read. Reads only, in one
 * transaction. The database is read without Dexie: this is the hot path of a large export, and each comparison's
 * runs are one `getAll` of the comparisonId index, asked all at once and answered in order. A comparison made by a
 * study comes with the study's name.
 */
export async function eachComparisonWithRuns(
  db: ParallaxDB,
  ids: string[] | undefined,
  visit: (comparison: Comparison, runs: Run[], index: number, study: string | undefined) => void,
): Promise<number> {
  await db.open();
  const tx = db.backendDB().transaction(['comparisons', 'runs', 'batches'], 'readonly');
  const store = tx.objectStore('comparisons');
  let comparisons: Comparison[];
  if (!ids) comparisons = ((await done(store.index('createdAt').getAll())) as Comparison[]).reverse();
  else if (ids.length > READ_ALL_ABOVE) {
    const byId = new Map(((await done(store.getAll())) as Comparison[]).map((c) => [c.id, c]));
    comparisons = ids.flatMap((id) => byId.get(id) ?? []);
  } else comparisons = (await Promise.all(ids.map((id) => done(store.get(id) as IDBRequest<Comparison | undefined>)))).filter((c) => c !== undefined);
  // Studies by name (a handful of batches, however many comparisons they made).
  const batchIds = [...new Set(comparisons.flatMap((c) => (c.batchId ? [c.batchId] : [])))];
  const batches = tx.objectStore('batches');
  const found = await Promise.all(batchIds.map((id) => done(batches.get(id) as IDBRequest<Batch | undefined>)));
  const studies = new Map(found.flatMap((b) => (b ? [[b.id, b.name] as const] : [])));
  const byComparison = tx.objectStore('runs').index('comparisonId');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => {
      resolve();
    };
    tx.onabort = tx.onerror = () => {
      reject(tx.error ?? new Error('The history could not be read.'));
    };
    comparisons.forEach((comparison, index) => {
      const request = byComparison.getAll(comparison.id);
      request.onsuccess = () => {
        try {
          visit(
            comparison,
            (request.result as Run[]).sort((a, b) => a.position - b.position),
            index,
            comparison.batchId ? studies.get(comparison.batchId) : undefined,
          );
        } catch (err) {
          tx.abort();
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      };
    });
  });
  return comparisons.length;
}

/** Every comparison with its runs in the export shape, newest first (or those of `ids`, in their order). Reads only. */
export async function exportComparisons(db: ParallaxDB, ids?: string[]): Promise<ExportedComparison[]> {
  const out: ExportedComparison[] = [];
  await eachComparisonWithRuns(db, ids, (comparison, runs, _index, study) => out.push(toExported(comparison, runs, study)));
  return out;
}
