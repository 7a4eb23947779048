import type { Comparison, Run } from '../runner/types';
import type { ParallaxDB } from './schema';

/** What the history list is narrowed to. Every field is optional; all given ones must hold. */
export interface HistoryFilter {
  /** Words that must all appear in the prompt or in one of the answers (case and accents ignored). */
  text?: string;
  /** Site id, or 'panel' for prompts typed in Parallax. */
  site?: string;
  provider?: string;
  model?: string;
  /** Only comparisons with a run in this state (e.g. 'failed'). */
  state?: Run['state'];
  since?: number;
  until?: number;
}

/** A page of history. */
export interface HistoryPage {
  comparisons: Comparison[];
  runs: Map<string, Run[]>;
  /** How many comparisons match in all. */
  total: number;
}

/** Lower-case, accents folded, so "Éthique" finds "ethique". */
export const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const group = (runs: Run[]) => {
  const map = new Map<string, Run[]>();
  for (const run of runs.sort((a, b) => a.position - b.position)) map.set(run.comparisonId, [...(map.get(run.comparisonId) ?? []), run]);
  return map;
};

function matches(c: Comparison, runs: Run[], f: HistoryFilter, terms: string[]): boolean {
  if (f.since !== undefined && c.createdAt < f.since) return false;
  if (f.until !== undefined && c.createdAt > f.until) return false;
  if (f.site && (c.source.kind === 'site' ? c.source.site : 'panel') !== f.site) return false;
  if (f.provider && !runs.some((r) => r.target.providerLabel === f.provider)) return false;
  if (f.model && !runs.some((r) => r.target.model === f.model)) return false;
  if (f.state && !runs.some((r) => r.state === f.state)) return false;
  if (!terms.length) return true;
  const haystack = fold([c.prompt, ...runs.map((r) => r.text)].join('\n'));
  return terms.every((t) => haystack.includes(t));
}

/**
 * Newest comparisons first, filtered. Without a filter it reads only the page it shows; with one it scans
 * (prompts and answers are never indexed, by design).
 */
export async function queryHistory(db: ParallaxDB, filter: HistoryFilter = {}, limit = 100): Promise<HistoryPage> {
  const terms = fold(filter.text ?? '').split(/\s+/).filter(Boolean);
  const filtered = terms.length > 0 || Object.entries(filter).some(([k, v]) => k !== 'text' && v !== undefined && v !== '');
  return db.transaction('r', db.comparisons, db.runs, async () => {
    if (!filtered) {
      const comparisons = await db.comparisons.orderBy('createdAt').reverse().limit(limit).toArray();
      const runs = await db.runs.where('comparisonId').anyOf(comparisons.map((c) => c.id)).toArray();
      return { comparisons, runs: group(runs), total: await db.comparisons.count() };
    }
    const [all, runs] = await Promise.all([db.comparisons.orderBy('createdAt').reverse().toArray(), db.runs.toArray()]);
    const byComparison = group(runs);
    const hits = all.filter((c) => matches(c, byComparison.get(c.id) ?? [], filter, terms));
    const page = hits.slice(0, limit);
    return { comparisons: page, runs: new Map(page.map((c) => [c.id, byComparison.get(c.id) ?? []])), total: hits.length };
  });
}

/** Values the filters can take, from what is stored. */
export async function historyFacets(db: ParallaxDB): Promise<{ sites: { id: string; name: string }[]; providers: string[]; models: string[] }> {
  const [comparisons, runs] = await Promise.all([db.comparisons.toArray(), db.runs.toArray()]);
  const sites = new Map<string, string>();
  for (const c of comparisons) sites.set(c.source.kind === 'site' ? c.source.site : 'panel', c.source.kind === 'site' ? c.source.siteName : 'Typed in Parallax');
  return {
    sites: [...sites].map(([id, name]) => ({ id, name })),
    providers: [...new Set(runs.map((r) => r.target.providerLabel))].sort(),
    models: [...new Set(runs.map((r) => r.target.model))].sort(),
  };
}

/** What a delete removed, so it can be undone. */
export interface Deleted {
  comparisons: Comparison[];
  runs: Run[];
}

/** Deletes comparisons and their runs in one transaction; returns them for undo. */
export async function deleteComparisons(db: ParallaxDB, ids: string[]): Promise<Deleted> {
  return db.transaction('rw', db.comparisons, db.runs, async () => {
    const comparisons = (await db.comparisons.bulkGet(ids)).filter((c): c is Comparison => c !== undefined);
    const runs = await db.runs.where('comparisonId').anyOf(ids).toArray();
    await db.runs.bulkDelete(runs.map((r) => r.id));
    await db.comparisons.bulkDelete(ids);
    return { comparisons, runs };
  });
}

/** Puts deleted comparisons back exactly as they were. */
export async function restoreComparisons(db: ParallaxDB, deleted: Deleted): Promise<void> {
  await db.transaction('rw', db.comparisons, db.runs, async () => {
    await db.comparisons.bulkPut(deleted.comparisons);
    await db.runs.bulkPut(deleted.runs);
  });
}
