import type { RunStore } from '../runner/runner';
import type { Run } from '../runner/types';
import { canTransition, type RunState } from '../runner/state';
import type { ParallaxDB } from './schema';
import { reindex } from './search-index';

const FINAL = new Set<RunState>(['done', 'failed', 'interrupted']);

/** The runner's persistence, on Dexie. Each write is a small transaction with no network await inside. */
export function dexieRunStore(db: ParallaxDB): RunStore {
  return {
    getRun: (id) => db.runs.get(id),
    getComparison: (id) => db.comparisons.get(id),
    runsIn: (states: RunState[]) => db.runs.where('state').anyOf(states).toArray(),
    async patch(id: string, patch: Partial<Run>) {
      await db.runs.update(id, { ...patch, updatedAt: Date.now() });
    },
    async move(id: string, to: RunState, patch: Partial<Run> = {}): Promise<Run | undefined> {
      return db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
        const run = await db.runs.get(id);
        if (!run || !canTransition(run.state, to)) return undefined;
        const next: Run = { ...run, ...patch, state: to, updatedAt: Date.now() };
        await db.runs.put(next);
        // The history index learns an answer once it is final (not at every checkpoint).
        if (FINAL.has(to)) await reindex(db, [run.comparisonId]);
        return next;
      });
    },
  };
}
