import type { LiveEvent } from '../runner/types';
import { isFinal } from '../runner/state';
import { pumpBatch, type BatchClock, type BatchStore } from './orchestrate';

/** What the pump needs from the context hosting the runner. */
export interface BatchPumpDeps extends BatchClock {
  /** Tells the runner there is queued work. */
  wake(): Promise<unknown>;
  /** Waits this long after an answer settles, so a burst of answers makes one step. Default 150 ms. */
  delayMs?: number;
  onError?: (err: unknown) => void;
}

/** Keeps batches moving where the runner lives: a step after answers settle, and one per batch after a restart. */
export interface BatchPump {
  /** Feed every live event of the runner; an answer reaching a final state steps its batch. */
  onEvent(event: LiveEvent): void;
  /** After a (re)start: steps every running or paused batch, queuing again what a closed browser cut off. */
  resumeAll(): Promise<number>;
  /** Resolves when the steps asked for so far are done (tests). */
  idle(): Promise<void>;
}

/** Creates the pump over a batch store. */
export function createBatchPump(store: BatchStore, deps: BatchPumpDeps): BatchPump {
  const delay = deps.delayMs ?? 150;
  const onError = deps.onError ?? ((err: unknown) => console.error('[parallax] batch step failed', err));
  const due = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let work: Promise<unknown> = Promise.resolve();

  async function stepAll(ids: Iterable<string>): Promise<number> {
    let queued = 0;
    for (const id of ids) {
      try {
        const step = await pumpBatch(store, id, deps);
        queued += step.created + step.requeued;
      } catch (err) {
        onError(err);
      }
    }
    if (queued) await deps.wake();
    return queued;
  }

  const flush = () => {
    timer = undefined;
    const ids = [...due];
    due.clear();
    work = work.then(() => stepAll(ids)).catch(onError);
  };

  const note = (runId: string) => {
    work = work
      .then(async () => {
        const batchId = await store.batchOfRun(runId);
        if (!batchId) return;
        due.add(batchId);
        timer ??= setTimeout(flush, delay);
      })
      .catch(onError);
  };

  return {
    onEvent(event) {
      if (event.type === 'state' && isFinal(event.state)) note(event.runId);
    },
    async resumeAll() {
      const run = work.then(async () => stepAll(await store.activeBatchIds()));
      work = run.catch(onError);
      return run;
    },
    async idle() {
      for (;;) {
        const current = work;
        await current;
        if (timer) {
          clearTimeout(timer);
          flush();
        }
        if (work === current && !timer) return;
      }
    },
  };
}
