import type { RunStore } from './runner';
import { canTransition, type RunState } from './state';
import type { Comparison, Run } from './types';

/** A RunStore in memory, for headless use (npm run compare, bench) and tests. */
export function memoryRunStore(comparisons: Comparison[] = [], runs: Run[] = []) {
  const byId = new Map(runs.map((r) => [r.id, structuredClone(r)]));
  const comparisonById = new Map(comparisons.map((c) => [c.id, structuredClone(c)]));
  const store: RunStore & { add(comparison: Comparison, runs: Run[]): void; runsOf(comparisonId: string): Run[] } = {
    add(comparison, added) {
      comparisonById.set(comparison.id, structuredClone(comparison));
      for (const run of added) byId.set(run.id, structuredClone(run));
    },
    runsOf: (comparisonId) => [...byId.values()].filter((r) => r.comparisonId === comparisonId).sort((a, b) => a.position - b.position),
    getRun: (id) => Promise.resolve(byId.get(id)),
    getComparison: (id) => Promise.resolve(comparisonById.get(id)),
    runsIn: (states: RunState[]) => Promise.resolve([...byId.values()].filter((r) => states.includes(r.state))),
    patch(id, patch) {
      const run = byId.get(id);
      if (run) byId.set(id, { ...run, ...patch, updatedAt: Date.now() });
      return Promise.resolve();
    },
    move(id, to, patch = {}) {
      const run = byId.get(id);
      if (!run || !canTransition(run.state, to)) return Promise.resolve(undefined);
      const next = { ...run, ...patch, state: to, updatedAt: Date.now() };
      byId.set(id, next);
      return Promise.resolve(next);
    },
  };
  return store;
}
