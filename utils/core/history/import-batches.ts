import { MAX_IMPORT_BYTES, MAX_IMPORT_COMPARISONS, planImport, type ImportPlan } from './import';
import type { SplitExport } from './export-splitter';

/** What an import did, for the report the user sees. */
export interface ImportReport {
  added: number;
  duplicates: number;
  skipped: { index: number; id?: string; reason: string }[];
}

/** How far an import is: comparisons of the file dealt with so far, of all it holds. */
export type ImportProgress = (done: number, total: number) => void;

/** Part of an import: comparisons ready to store, with their positions in the file, and what was skipped. */
export interface ImportBatch extends ImportPlan {
  /** The position in the file of each of `comparisons`. */
  positions: number[];
  /** How many of the file's comparisons this batch covers (stored, duplicates and skipped). */
  size: number;
}

/** Refuses a file over the import's size limit before anything is read (planImport's limit and words). */
export function tooLarge(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) throw new Error('This file is too large to import (over 200 MB).');
}

/** Comparisons parsed and checked at a time. */
const IMPORT_BATCH = 500;

/** One batch from a plan of consecutive file items starting at `first`: positions of the planned ones, indices shifted. */
function batchOf(plan: ImportPlan, first: number, size: number): ImportBatch {
  const skipped = new Set(plan.skipped.map((s) => s.index));
  const positions: number[] = [];
  for (let i = 0; i < size && positions.length < plan.comparisons.length; i++) if (!skipped.has(i)) positions.push(first + i);
  return { comparisons: plan.comparisons, skipped: plan.skipped.map((s) => ({ ...s, index: s.index + first })), positions, size };
}

/**
 * An import planned a batch at a time. Each batch is read by planImport as a small export file made of the file's own
 * top-level members and some of its comparisons, so every rule of the import applies as it would to the whole file;
 * the file's members are judged first, before any comparison is parsed. Throws planImport's error for a file that
 * is unusable as a whole. A file that could not be split (see exportSplitter) is judged whole by `readWhole`.
 */
export function planInBatches(split: SplitExport, readWhole: () => string, size = IMPORT_BATCH): { total: number; batches: Iterable<ImportBatch> } {
  if ('whole' in split) {
    const plan = planImport(readWhole());
    return { total: plan.comparisons.length + plan.skipped.length, batches: [batchOf(plan, 0, plan.comparisons.length + plan.skipped.length)] };
  }
  const fileWith = (items: string[] | null) => `{${[...split.members, ...(items ? [`"comparisons":[${items.join(',')}]`] : [])].join(',')}}`;
  planImport(fileWith(split.items && []));
  const items = split.items ?? [];
  if (items.length > MAX_IMPORT_COMPARISONS) {
    // The same limit and words as planImport's, which never sees the whole list at once.
    throw new Error(
      `This export has ${items.length.toLocaleString('en-US')} comparisons; Parallax imports at most ${MAX_IMPORT_COMPARISONS.toLocaleString('en-US')} at a time. Split the file and import the parts one by one.`,
    );
  }
  function* batches(): Generator<ImportBatch> {
    for (let first = 0; first < items.length; first += size) {
      const part = items.slice(first, first + size);
      // The text is let go once parsed: a large file is never held twice, as text and as records.
      items.fill('', first, first + part.length);
      yield batchOf(planImport(fileWith(part)), first, part.length);
    }
  }
  return { total: items.length, batches: batches() };
}
