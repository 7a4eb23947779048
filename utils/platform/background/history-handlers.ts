import type { Handlers } from '../messaging/router';
import { annotateComparison } from '../db/comparisons';
import { INTERRUPTED_MESSAGE, isActive, moved } from '../../core/runner/state';
import type { Run } from '../../core/runner/types';
import { withVerdict } from '../../core/runner/run-judge';
import type { BackgroundDeps } from './handlers';

/** Runs that were not finished when deleted: they come back interrupted (their partial text kept, with a retry). */
const settle = (run: Run, now: number): Run =>
  run.state === 'queued' || isActive(run.state)
    ? moved(run, 'interrupted', { error: INTERRUPTED_MESSAGE, errorCode: 'interrupted', notice: undefined }, now)
    : run;

/**
 * What pages ask of the history: the background is its only writer. Deleting stops the comparisons' live runs
 * first (no answer keeps streaming, and being paid for, after its comparison is gone) and keeps the deletion for
 * undo until the next one; restoring brings unfinished runs back interrupted, never streaming with no runner.
 */
export function historyHandlers(deps: BackgroundDeps): Handlers {
  const { db } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const now = deps.now ?? Date.now;
  return {
    async 'history.delete'({ ids }) {
      const live = await db.runs
        .where('comparisonId')
        .anyOf(ids)
        .filter((r) => r.state === 'queued' || isActive(r.state))
        .toArray();
      for (const comparisonId of new Set(live.map((r) => r.comparisonId))) await deps.runner.cancelAll(comparisonId);
      return db.transaction('rw', [db.comparisons, db.runs, db.search, db.trash], async () => {
        const comparisons = (await db.comparisons.bulkGet(ids)).filter((c) => c !== undefined);
        if (!comparisons.length) return { deletionId: null, deleted: 0 };
        const found = comparisons.map((c) => c.id);
        const runs = await db.runs.where('comparisonId').anyOf(found).toArray();
        const deletionId = newId();
        await db.trash.clear();
        await db.trash.add({ id: deletionId, at: now(), comparisons, runs });
        await db.runs.bulkDelete(runs.map((r) => r.id));
        await db.comparisons.bulkDelete(found);
        return { deletionId, deleted: found.length };
      });
    },
    async 'history.restore'({ deletionId }) {
      return db.transaction('rw', [db.comparisons, db.runs, db.search, db.trash], async () => {
        const deleted = await db.trash.get(deletionId);
        if (!deleted) throw new Error('There is nothing to undo: that deletion was followed by another one, or the browser restarted since.');
        await db.comparisons.bulkPut(deleted.comparisons);
        await db.runs.bulkPut(deleted.runs.map((r) => settle(r, now())));
        await db.trash.delete(deletionId);
        return { restored: deleted.comparisons.length };
      });
    },
    async 'comparison.annotate'({ comparisonId, tags, note }) {
      await annotateComparison(db, comparisonId, { ...(tags ? { tags } : {}), ...(note !== undefined ? { note } : {}) });
      return { comparisonId };
    },
    async 'run.judged'({ runId, verdict }) {
      await db.transaction('rw', db.runs, async () => {
        const stored = await db.runs.get(runId);
        if (!stored) throw new Error('That answer is no longer stored (it was deleted while the judge read it).');
        await db.runs.update(runId, { judge: withVerdict(stored.judge, verdict) });
      });
      return { runId };
    },
    async 'translations.clear'() {
      return db.transaction('rw', db.translations, async () => {
        const cleared = await db.translations.count();
        await db.translations.clear();
        return { cleared };
      });
    },
  };
}
