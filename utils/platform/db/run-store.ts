import type { RunStore } from '../../core/runner/runner';
import type { Run } from '../../core/runner/types';
import { canTransition, moved, type RunState } from '../../core/runner/state';
import type { ParallaxDB } from './schema';
import { StorageFull, isQuotaError, orStorageFull } from './quota';

const FINAL = new Set<RunState>(['done', 'failed', 'interrupted']);

const NOT_SAVED = 'the answer could not be saved past what was already stored.';

/**
 * The runner's persistence, on Dexie. Each write is a small transaction with no network await inside. When storage
 * is full, a write fails with a {@link StorageFull} message and a run that was finishing is marked failed with it,
 * keeping the text of its last checkpoint (nothing already stored is lost).
 */
export function dexieRunStore(db: ParallaxDB): RunStore {
  const move = (id: string, to: RunState, patch: Partial<Run>) =>
    db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
      const run = await db.runs.get(id);
      if (!run || !canTransition(run.state, to)) return undefined;
      const next = moved(run, to, patch);
      await db.runs.put(next);
      return next;
    });
  return {
    getRun: (id) => db.runs.get(id),
    getComparison: (id) => db.comparisons.get(id),
    runsIn: (states: RunState[]) => db.runs.where('state').anyOf(states).toArray(),
    async patch(id: string, patch: Partial<Run>) {
      await orStorageFull(() => db.runs.update(id, { ...patch, updatedAt: Date.now() }), NOT_SAVED);
    },
    async move(id: string, to: RunState, patch: Partial<Run> = {}): Promise<Run | undefined> {
      try {
        return await move(id, to, patch);
      } catch (err) {
        if (!isQuotaError(err)) throw err;
        if (!FINAL.has(to)) throw new StorageFull(NOT_SAVED);
        // The smallest write that tells the user why: the stored text stays as it was.
        const { message, code } = new StorageFull(NOT_SAVED);
        return orStorageFull(
          () => move(id, 'failed', { error: message, errorCode: code, notice: undefined, finishedAt: patch.finishedAt ?? Date.now() }),
          NOT_SAVED,
        );
      }
    },
  };
}
