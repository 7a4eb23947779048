/**
 * Running a batch: units become comparisons a window at a time, so the runner's caps apply and a pause takes
 * effect at once; every step is one transaction over the batch record and its runs, so two contexts pumping the
 * same batch (the background after a click, the runner host after an answer) never create a unit twice.
 * Browser-free: the store is an interface (Dexie in utils/db/batch-store.ts, memory in ./memory-store.ts).
 */
import { CANCELLED_MESSAGE, isFinal, type RunState } from '../runner/state';
import type { Comparison, Run } from '../runner/types';
import { readBatchData } from './validate';
import { PAUSED_CODE, PAUSED_MESSAGE, type BatchData, type BatchRecord, type BatchStatus, type BatchUnit } from './types';

/** What one transaction may read and write. */
export interface BatchTx {
  getBatch(id: string): Promise<{ id: string; createdAt: number; kind: BatchRecord['kind']; name: string; data: unknown } | undefined>;
  putBatchData(id: string, data: BatchData): Promise<void>;
  /** Runs of these comparisons (any order). */
  runsOf(comparisonIds: readonly string[]): Promise<Run[]>;
  addComparison(comparison: Comparison, runs: Run[]): Promise<void>;
  /** Moves a run if the run state machine allows it; false when it does not, or the run is gone. */
  moveRun(id: string, to: RunState, patch?: Partial<Run>): Promise<boolean>;
  patchRun(id: string, patch: Partial<Run>): Promise<void>;
}

/** Where batches live. `transact` runs its function atomically (one IndexedDB transaction, or a lock). */
export interface BatchStore {
  transact<T>(fn: (tx: BatchTx) => Promise<T>): Promise<T>;
  /** Batches that are running or paused. */
  activeBatchIds(): Promise<string[]>;
  /** The batch a run's comparison belongs to, if any. */
  batchOfRun(runId: string): Promise<string | undefined>;
}

/** Time and ids, passed in so tests can fix them. */
export interface BatchClock {
  now: () => number;
  newId: () => string;
}

/** What a step did; the caller wakes the runner when it queued anything. */
export interface BatchStep {
  status: BatchStatus;
  created: number;
  requeued: number;
  /** Runs set aside (pause) or stopped (cancel) without being asked. */
  stopped: number;
  /** Runs that were streaming when the batch was cancelled: the caller cancels them through the runner. */
  streaming: string[];
}

/** A run waiting to be asked again: set aside by a pause, or cut off by a closed browser. */
export const isWaiting = (run: Pick<Run, 'state' | 'errorCode'>): boolean =>
  run.state === 'interrupted' && (run.errorCode === PAUSED_CODE || run.errorCode === 'interrupted');

/** Every run of the unit reached a final state and none waits to resume (a deleted comparison counts as settled). */
export const unitSettled = (runs: readonly Run[]): boolean => runs.every((r) => isFinal(r.state) && !isWaiting(r));

/** The comparison and queued runs of one unit: every target, in the unit's language, with its sampling. */
function unitComparison(batchId: string, data: BatchData, unit: BatchUnit, createdAt: number, newId: () => string): { comparison: Comparison; runs: Run[] } {
  const comparison: Comparison = { id: newId(), createdAt, prompt: unit.prompt, source: { kind: 'panel' }, language: unit.language, batchId };
  const runs = data.targets.map((t, position): Run => {
    const params = { ...t.params, ...unit.params };
    return {
      id: newId(),
      comparisonId: comparison.id,
      position,
      target: { ...t, language: unit.language, ...(Object.keys(params).length ? { params } : {}) },
      state: 'queued',
      text: '',
      attempts: 0,
      createdAt,
      updatedAt: createdAt,
    };
  });
  return { comparison, runs };
}

async function load(tx: BatchTx, batchId: string): Promise<BatchData> {
  const record = await tx.getBatch(batchId);
  if (!record) throw new Error('That batch no longer exists.');
  return readBatchData(record.data);
}

/** Created units not yet settled, with their runs. */
async function openUnits(tx: BatchTx, data: BatchData): Promise<{ key: string; runs: Run[] }[]> {
  const settled = new Set(data.settled);
  const open = Object.entries(data.created).filter(([key]) => !settled.has(key));
  const runs = await tx.runsOf(open.map(([, id]) => id));
  const byComparison = new Map<string, Run[]>();
  for (const run of runs) byComparison.set(run.comparisonId, [...(byComparison.get(run.comparisonId) ?? []), run]);
  return open.map(([key, id]) => ({ key, runs: byComparison.get(id) ?? [] }));
}

const step = (status: BatchStatus, more: Partial<BatchStep> = {}): BatchStep => ({ status, created: 0, requeued: 0, stopped: 0, streaming: [], ...more });

/**
 * One step of a running batch: queues again the runs waiting to resume, records settled units, and creates new
 * units until `window` are in flight; marks the batch done when every unit settled. A paused batch only updates
 * its bookkeeping; other states are left alone.
 */
export async function pumpBatch(store: BatchStore, batchId: string, clock: BatchClock): Promise<BatchStep> {
  return store.transact(async (tx) => {
    const data = await load(tx, batchId);
    if (data.status !== 'running' && data.status !== 'paused') return step(data.status);
    const running = data.status === 'running';
    const settled = new Set(data.settled);
    let requeued = 0;
    let inFlight = 0;
    for (const unit of await openUnits(tx, data)) {
      for (const run of running ? unit.runs.filter(isWaiting) : []) {
        if (!(await tx.moveRun(run.id, 'queued', { error: undefined, errorCode: undefined, notice: undefined }))) continue;
        run.state = 'queued';
        requeued++;
      }
      if (unitSettled(unit.runs)) settled.add(unit.key);
      else inFlight++;
    }
    let created = 0;
    const now = clock.now();
    for (const unit of running ? data.units : []) {
      if (inFlight >= data.window) break;
      if (data.created[unit.key]) continue;
      // A millisecond apart, so the runner (oldest first) asks the units in plan order.
      const made = unitComparison(batchId, data, unit, now + created, clock.newId);
      await tx.addComparison(made.comparison, made.runs);
      data.created[unit.key] = made.comparison.id;
      if (!made.runs.length) settled.add(unit.key);
      else inFlight++;
      created++;
    }
    data.settled = data.units.map((u) => u.key).filter((key) => settled.has(key));
    if (running && data.settled.length === data.units.length) {
      data.status = 'done';
      data.finishedAt = now;
    }
    data.updatedAt = now;
    await tx.putBatchData(batchId, data);
    return step(data.status, { created, requeued });
  });
}

async function setStatus(store: BatchStore, batchId: string, from: readonly BatchStatus[], to: BatchStatus, clock: BatchClock, refusal: string): Promise<void> {
  await store.transact(async (tx) => {
    const data = await load(tx, batchId);
    if (!from.includes(data.status)) throw new Error(refusal.replace('{status}', data.status));
    data.status = to;
    data.updatedAt = clock.now();
    if (to === 'running') data.startedAt ??= data.updatedAt;
    await tx.putBatchData(batchId, data);
  });
}

/** Starts a batch the page wrote (status ready) and queues its first window. */
export async function startBatch(store: BatchStore, batchId: string, clock: BatchClock): Promise<BatchStep> {
  await setStatus(store, batchId, ['ready'], 'running', clock, 'This batch was already started (it is {status}).');
  return pumpBatch(store, batchId, clock);
}

/** Continues a paused batch: runs set aside are queued again, then new units as before. */
export async function resumeBatch(store: BatchStore, batchId: string, clock: BatchClock): Promise<BatchStep> {
  await setStatus(store, batchId, ['paused', 'running'], 'running', clock, 'Only a paused batch can be resumed (this one is {status}).');
  return pumpBatch(store, batchId, clock);
}

/**
 * Pauses: no new unit is created and queued runs are set aside (interrupted, marked paused) until resumed.
 * Answers already streaming finish and are kept.
 */
export async function pauseBatch(store: BatchStore, batchId: string, clock: BatchClock): Promise<BatchStep> {
  return store.transact(async (tx) => {
    const data = await load(tx, batchId);
    if (data.status !== 'running') throw new Error(`Only a running batch can be paused (this one is ${data.status}).`);
    const now = clock.now();
    let stopped = 0;
    for (const unit of await openUnits(tx, data)) {
      for (const run of unit.runs.filter((r) => r.state === 'queued')) {
        if (await tx.moveRun(run.id, 'interrupted', { error: PAUSED_MESSAGE, errorCode: PAUSED_CODE, finishedAt: now })) stopped++;
      }
    }
    data.status = 'paused';
    data.updatedAt = now;
    await tx.putBatchData(batchId, data);
    return step('paused', { stopped });
  });
}

/** Cancels for good: queued and waiting runs are stopped here; streaming ones are returned for the runner to stop. */
export async function cancelBatch(store: BatchStore, batchId: string, clock: BatchClock): Promise<BatchStep> {
  return store.transact(async (tx) => {
    const data = await load(tx, batchId);
    if (data.status === 'done' || data.status === 'cancelled') throw new Error(`This batch is already ${data.status === 'done' ? 'finished' : 'cancelled'}.`);
    const now = clock.now();
    let stopped = 0;
    const streaming: string[] = [];
    const cancelled = { error: CANCELLED_MESSAGE, errorCode: 'cancelled', finishedAt: now };
    for (const unit of await openUnits(tx, data)) {
      for (const run of unit.runs) {
        if (run.state === 'queued' && (await tx.moveRun(run.id, 'interrupted', cancelled))) stopped++;
        else if (isWaiting(run)) {
          await tx.patchRun(run.id, cancelled);
          stopped++;
        } else if (run.state === 'translating' || run.state === 'streaming') streaming.push(run.id);
      }
    }
    data.status = 'cancelled';
    data.finishedAt = now;
    data.updatedAt = now;
    await tx.putBatchData(batchId, data);
    return step('cancelled', { stopped, streaming });
  });
}
