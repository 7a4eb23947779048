import { cancelBatch, pauseBatch, resumeBatch, startBatch, type BatchStep } from '../../core/batches/orchestrate';
import { dexieBatchStore, saveBatch, setHandReading } from '../db/batch-store';
import type { BatchRecord } from '../../core/batches/types';
import type { BatchReply } from '../messaging/protocol-batch';
import type { Handlers } from '../messaging/router';
import type { BackgroundDeps } from './handlers';

/**
 * Batch messages: each is one step of utils/batches/orchestrate over Dexie, then the runner host is told about
 * queued work (or asked to stop what streams). The runner host keeps a running batch going as answers settle.
 * `survey.read` stores a person's reading of a survey answer.
 */
export function batchHandlers(deps: BackgroundDeps): Handlers {
  const store = dexieBatchStore(deps.db);
  const clock = { now: deps.now ?? Date.now, newId: deps.newId ?? (() => crypto.randomUUID()) };
  const reply = async (step: BatchStep): Promise<BatchReply> => {
    const queued = step.created + step.requeued;
    if (queued) await deps.runner.wake();
    for (const runId of step.streaming) await deps.runner.cancel(runId);
    return { status: step.status, queued, stopped: step.stopped + step.streaming.length };
  };
  return {
    async 'batch.create'({ id, kind, name, data }) {
      await saveBatch(deps.db, { id, createdAt: clock.now(), kind, name, data: data as BatchRecord['data'] });
      return { batchId: id };
    },
    async 'batch.start'({ batchId }) {
      await deps.runner.ensure();
      return reply(await startBatch(store, batchId, clock));
    },
    async 'batch.pause'({ batchId }) {
      return reply(await pauseBatch(store, batchId, clock));
    },
    async 'batch.resume'({ batchId }) {
      await deps.runner.ensure();
      return reply(await resumeBatch(store, batchId, clock));
    },
    async 'batch.cancel'({ batchId }) {
      return reply(await cancelBatch(store, batchId, clock));
    },
    async 'survey.read'({ runId, reading }) {
      await setHandReading(deps.db, runId, reading, clock.now());
      return { runId };
    },
  };
}
