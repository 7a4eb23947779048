/**
 * Batches on Dexie: the store the orchestration in utils/batches runs over (each step one transaction across
 * batches, comparisons, runs and the history index), and the reads of the Studies page and the dashboard.
 */
import type { BatchStore, BatchTx } from '../../core/batches/orchestrate';
import { dashboardSurveyResults, surveyResults } from '../../core/batches/survey-results';
import type { BatchData, BatchRecord } from '../../core/batches/types';
import { batchDataProblem } from '../../core/batches/validate';
import { unitsByComparison } from '../../core/batches/results';
import { handChoiceProblem, type HandChoice } from '../../core/surveys/hand-reading';
import { scaleOf } from '../../core/surveys/instrument';
import { canTransition, moved } from '../../core/runner/state';
import type { Run } from '../../core/runner/types';
import type { ParallaxDB } from './schema';

/** The orchestration's store over the extension's database. */
export function dexieBatchStore(db: ParallaxDB): BatchStore {
  const tx: BatchTx = {
    getBatch: (id) => db.batches.get(id),
    async putBatchData(id, data) {
      const record = await db.batches.get(id);
      if (!record) throw new Error('That batch no longer exists.');
      await db.batches.put({ ...record, data });
    },
    runsOf: (ids) =>
      db.runs
        .where('comparisonId')
        .anyOf([...ids])
        .toArray(),
    async addComparison(comparison, runs) {
      await db.comparisons.add(comparison);
      await db.runs.bulkAdd(runs);
    },
    async moveRun(id, to, patch = {}) {
      const run = await db.runs.get(id);
      if (!run || !canTransition(run.state, to)) return false;
      await db.runs.put(moved(run, to, patch));
      return true;
    },
    async patchRun(id, patch) {
      await db.runs.update(id, { ...patch, updatedAt: Date.now() });
    },
  };
  return {
    // The scope must itself be an async function: Dexie then keeps the transaction across native awaits.
    transact: (fn) => db.transaction('rw', [db.batches, db.comparisons, db.runs, db.search], async () => await fn(tx)),
    async activeBatchIds() {
      const batches = await db.batches.toArray();
      return batches.filter((b) => ['running', 'paused'].includes((b.data as Partial<BatchData> | undefined)?.status ?? '')).map((b) => b.id);
    },
    async batchOfRun(runId) {
      const run = await db.runs.get(runId);
      return run && (await db.comparisons.get(run.comparisonId))?.batchId;
    },
  };
}

/** A batch record whose data can be read, or null (missing or damaged). */
async function readBatch(db: ParallaxDB, id: string): Promise<BatchRecord | null> {
  const record = await db.batches.get(id);
  return record && !batchDataProblem(record.data) ? (record as BatchRecord) : null;
}

/** Every readable batch, newest first, without its runs (the Studies page's list). */
export async function listBatches(db: ParallaxDB): Promise<BatchRecord[]> {
  const records = await db.batches.orderBy('createdAt').reverse().toArray();
  return records.filter((r) => !batchDataProblem(r.data)) as BatchRecord[];
}

/** A batch with the runs of the comparisons it has made, or null. */
export async function batchWithRuns(db: ParallaxDB, id: string): Promise<{ batch: BatchRecord; runs: Run[] } | null> {
  return db.transaction('r', db.batches, db.runs, async () => {
    const batch = await readBatch(db, id);
    if (!batch) return null;
    const ids = Object.values(batch.data.created);
    const runs = ids.length ? await db.runs.where('comparisonId').anyOf(ids).toArray() : [];
    return { batch, runs };
  });
}

/** Saves a batch the page planned (status ready); the background starts it on 'batch.start'. */
export async function saveBatch(db: ParallaxDB, record: BatchRecord): Promise<void> {
  const problem = batchDataProblem(record.data);
  if (problem) throw new Error(`This batch cannot be saved: ${problem}.`);
  await db.batches.add(record);
}

/** The dashboard's survey results of a stored survey batch; null when the id is not a survey batch. */
export async function surveyBatchResults(db: ParallaxDB, id: string): Promise<ReturnType<typeof dashboardSurveyResults> | null> {
  const found = await batchWithRuns(db, id);
  if (!found?.batch.data.survey) return null;
  return dashboardSurveyResults(surveyResults(found.batch.data, found.runs));
}

/**
 * Stores a person's reading of a finished survey answer (`null` takes it back), after checking the run is a
 * finished answer of a survey batch and the value is on its item's scale. One transaction.
 */
export async function setHandReading(db: ParallaxDB, runId: string, choice: HandChoice | null, at: number): Promise<void> {
  await db.transaction('rw', db.runs, db.comparisons, db.batches, async () => {
    const run = await db.runs.get(runId);
    if (!run) throw new Error('That answer no longer exists.');
    const comparison = await db.comparisons.get(run.comparisonId);
    const batch = comparison?.batchId ? await readBatch(db, comparison.batchId) : null;
    const unit = batch?.data.survey ? unitsByComparison(batch.data).get(run.comparisonId) : undefined;
    if (!batch?.data.survey || !unit?.itemId) throw new Error('This answer is not part of a survey.');
    if (run.state !== 'done') throw new Error('Only a finished answer can be read.');
    const problem = choice && handChoiceProblem(choice, scaleOf(batch.data.survey.instrument, unit.itemId));
    if (problem) throw new Error(problem);
    await db.runs.update(runId, { surveyReading: choice ? { ...choice, by: 'person', at } : undefined });
  });
}
