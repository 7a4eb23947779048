import { memoryRunStore } from '../runner/memory-store';
import type { BatchData, BatchRecord } from './types';
import type { BatchStore, BatchTx } from './orchestrate';

/**
 * A BatchStore in memory over a runner's memory store (so a real runner can work the same runs), for tests and
 * headless use. Transactions are serialised by a lock, as IndexedDB serialises overlapping ones.
 */
export function memoryBatchStore(runs = memoryRunStore()) {
  const batches = new Map<string, { id: string; createdAt: number; kind: BatchRecord['kind']; name: string; data: unknown }>();
  let lock: Promise<unknown> = Promise.resolve();
  const tx: BatchTx = {
    getBatch: (id) => Promise.resolve(structuredClone(batches.get(id))),
    putBatchData(id, data: BatchData) {
      const record = batches.get(id);
      if (!record) return Promise.reject(new Error('That batch no longer exists.'));
      batches.set(id, { ...record, data: structuredClone(data) });
      return Promise.resolve();
    },
    runsOf: (ids) => Promise.resolve(ids.flatMap((id) => runs.runsOf(id)).map((r) => structuredClone(r))),
    addComparison: (comparison, added) => {
      runs.add(comparison, added);
      return Promise.resolve();
    },
    moveRun: async (id, to, patch) => Boolean(await runs.move(id, to, patch)),
    patchRun: (id, patch) => runs.patch(id, patch),
  };
  const store: BatchStore & {
    runs: typeof runs;
    put(record: { id: string; createdAt: number; kind: BatchRecord['kind']; name: string; data: unknown }): void;
    get(id: string): BatchRecord | undefined;
  } = {
    runs,
    put: (record) => void batches.set(record.id, structuredClone(record)),
    get: (id) => structuredClone(batches.get(id)) as BatchRecord | undefined,
    transact<T>(fn: (t: BatchTx) => Promise<T>): Promise<T> {
      const result = lock.then(() => fn(tx));
      lock = result.catch(() => undefined);
      return result;
    },
    activeBatchIds: () =>
      Promise.resolve([...batches.values()].filter((b) => ['running', 'paused'].includes((b.data as BatchData | undefined)?.status ?? '')).map((b) => b.id)),
    async batchOfRun(runId) {
      const run = await runs.getRun(runId);
      return run && (await runs.getComparison(run.comparisonId))?.batchId;
    },
  };
  return store;
}
