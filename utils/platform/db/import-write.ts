import { planInBatches, tooLarge, type ImportBatch, type ImportProgress, type ImportReport } from '../../core/history/import-batches';
import { exportSplitter } from '../../core/history/export-splitter';
import Dexie from 'dexie';
import { indexesItself } from './index-middleware';
import type { ParallaxDB } from './schema';
import { searchEntry } from './search-index';
import { orStorageFull } from './quota';

export type { ImportProgress, ImportReport } from '../../core/history/import-batches';

/**
 * Stores an import's batches in one transaction — a failure part-way stores nothing. Merges without duplicates:
 * a comparison whose id is stored already (or came earlier in the file) is kept as it is; one whose runs clash with
 * stored runs is skipped. Each batch is planned (parsed and checked) while the one before is being written, and
 * index entries are built from the records in hand. Only the runner host calls this (one writer).
 */
async function writeImport(db: ParallaxDB, batches: Iterable<ImportBatch>, total: number, onProgress?: ImportProgress): Promise<ImportReport> {
  return orStorageFull(
    () =>
      db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
        indexesItself(Dexie.currentTransaction); // index entries are written below, from the records in hand
        // Every stored key in one read per table: far cheaper than asking for each id of the file.
        const [comparisonKeys, runKeys] = await Promise.all([db.comparisons.toCollection().primaryKeys(), db.runs.toCollection().primaryKeys()]);
        const stored = new Set<string>(comparisonKeys);
        const takenRuns = new Set<string>(runKeys);
        const report: ImportReport = { added: 0, duplicates: 0, skipped: [] };
        let done = 0;
        let previous: Promise<unknown> = Promise.resolve();
        onProgress?.(0, total);
        for (const batch of batches) {
          report.skipped.push(...batch.skipped);
          const fresh = batch.comparisons.filter(({ comparison, runs }, k) => {
            if (stored.has(comparison.id)) {
              report.duplicates++;
              return false;
            }
            const ids = runs.map((r) => r.id);
            if (ids.some((id) => takenRuns.has(id)) || new Set(ids).size !== ids.length) {
              report.skipped.push({ index: batch.positions[k]!, id: comparison.id, reason: 'its runs clash with runs already stored' });
              return false;
            }
            stored.add(comparison.id);
            for (const id of ids) takenRuns.add(id);
            return true;
          });
          report.added += fresh.length;
          const written = Promise.all([
            db.comparisons.bulkAdd(fresh.map((p) => p.comparison)),
            db.runs.bulkAdd(fresh.flatMap((p) => p.runs)),
            db.search.bulkPut(fresh.map((p) => searchEntry(p.comparison, p.runs))),
          ]).then(() => onProgress?.((done += batch.size), total));
          written.catch(() => undefined); // awaited below; a failure aborts the transaction
          await previous;
          previous = written;
        }
        await previous;
        report.skipped.sort((a, b) => a.index - b.index);
        return report;
      }),
    'nothing was imported.',
  );
}

/** Reads text in chunks into the splitter (a file is read as a stream; see importBlob). */
async function split(chunks: AsyncIterable<string> | Iterable<string>) {
  const splitter = exportSplitter();
  for await (const chunk of chunks) splitter.feed(chunk);
  return splitter.end();
}

/** Imports an export file's text (tests, small files): the same path as a file, without the reading. */
export async function importComparisons(db: ParallaxDB, text: string, onProgress?: ImportProgress): Promise<ImportReport> {
  tooLarge(text.length);
  const { total, batches } = planInBatches(await split([text]), () => text);
  return writeImport(db, batches, total, onProgress);
}

/** The text of a Blob, decoded chunk by chunk as it is read (UTF-8; a byte-order mark is dropped). */
async function* textOf(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/**
 * Imports an export file: refused unread when it is too large, else read as a stream and split as it arrives, then
 * planned and stored a batch at a time in one transaction.
 */
export async function importBlob(db: ParallaxDB, file: Blob, onProgress?: ImportProgress): Promise<ImportReport> {
  tooLarge(file.size);
  const pieces = await split(textOf(file));
  let whole = '';
  if ('whole' in pieces) whole = await file.text();
  const { total, batches } = planInBatches(pieces, () => whole);
  return writeImport(db, batches, total, onProgress);
}
