import { queryTerms } from '../../core/text/search-words';
import type { Comparison, Run } from '../../core/runner/types';
import type { ParallaxDB } from './schema';
import { LISTED, STUDY_SOURCE, idOfKey } from './search-index';

export { STUDY_SOURCE } from './search-index';

/** What the history list is narrowed to. Every field is optional; all given ones must hold. */
export interface HistoryFilter {
  /** Words that must all appear (as word starts) in the prompt, the note, the tags or one of the answers. */
  text?: string;
  /**
   * Site id, 'panel' for prompts typed in Parallax, 'page' for text selected on a page, or 'study' for Studies runs.
   * Studies runs are listed only when 'study' is chosen.
   */
  site?: string;
  provider?: string;
  model?: string;
  /** Language code a run was asked in. */
  language?: string;
  tag?: string;
  /** Only comparisons where some answer was refused (fully or partly), or answered. */
  refusal?: 'refused' | 'answered';
  /** Only comparisons with a run in this state (e.g. 'failed'). */
  state?: Run['state'];
  since?: number;
  until?: number;
}

/** True when a filter narrows anything (an empty text or an unset field narrows nothing). */
export const isFiltered = (filter: HistoryFilter): boolean => Object.values(filter).some((v) => v !== undefined && v !== '');

/** One row of the history list: a comparison, its runs, and its study's name when it is a Studies run. */
export interface HistoryRow {
  comparison: Comparison;
  runs: Run[];
  /** The study (batch) it was run in, when that study is still stored. */
  study?: string;
}

/** Every comparison that matches, newest first, and the first ones loaded. */
export interface HistoryPage {
  /** Ids of all matches, newest first (the list is virtualized over these). */
  ids: string[];
  comparisons: Comparison[];
  runs: Map<string, Run[]>;
  /** How many comparisons match in all. */
  total: number;
}

const FACET_FIELDS = ['site', 'provider', 'model', 'language', 'tag', 'state', 'refusal'] as const;
const FACET_PREFIX: Record<(typeof FACET_FIELDS)[number], string> = {
  site: 'site',
  provider: 'provider',
  model: 'model',
  language: 'lang',
  tag: 'tag',
  state: 'state',
  refusal: 'refusal',
};
const timeOfKey = (key: string) => Number(key.slice(0, key.indexOf('|')));

const intersect = (sets: Set<string>[]) => {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return [...(smallest ?? [])].filter((k) => rest.every((s) => s.has(k)));
};

/**
 * The ids of every comparison matching a filter, newest first, read from the index's keys only: no comparison or
 * answer is loaded, so it stays fast at tens of thousands of comparisons.
 */
export async function matchHistory(db: ParallaxDB, filter: HistoryFilter = {}): Promise<string[]> {
  const lookups: Promise<string[]>[] = [];
  for (const field of FACET_FIELDS) {
    const value = filter[field];
    if (value) lookups.push(db.search.where('facets').equals(`${FACET_PREFIX[field]}:${value}`).primaryKeys());
  }
  for (const { term, prefix } of queryTerms(filter.text ?? '')) {
    const where = db.search.where('words');
    lookups.push((prefix ? where.startsWith(term) : where.equals(term)).primaryKeys());
  }
  let keys: string[];
  if (lookups.length) {
    // Studies runs match only when their source is chosen (each comparison has one source facet): their keys are
    // read alongside, rather than the keys of everything listed.
    const studyKeys = filter.site ? [] : (db.search.where('facets').equals(`site:${STUDY_SOURCE}`).primaryKeys() as Promise<string[]>);
    const [found, studies] = await Promise.all([Promise.all(lookups), studyKeys]);
    keys = intersect(found.map((k) => new Set(k)));
    if (studies.length) {
      const left = new Set(studies);
      keys = keys.filter((k) => !left.has(k));
    }
    keys = keys.sort().reverse();
  } else keys = await db.search.where('facets').equals(LISTED).reverse().primaryKeys();
  if (filter.since !== undefined || filter.until !== undefined) {
    keys = keys.filter((k) => timeOfKey(k) >= (filter.since ?? -Infinity) && timeOfKey(k) <= (filter.until ?? Infinity));
  }
  return keys.map(idOfKey);
}

/** The newest `count` comparisons' ids, unfiltered: the first screenful, read before the whole list of keys. */
export async function newestIds(db: ParallaxDB, count: number): Promise<string[]> {
  return (await db.search.where('facets').equals(LISTED).reverse().limit(count).primaryKeys()).map(idOfKey);
}

/** How many comparisons the history lists unfiltered (Studies runs are not among them). */
export function listedCount(db: ParallaxDB): Promise<number> {
  return db.search.where('facets').equals(LISTED).count();
}

/** Comparisons by id (in the given order) with their runs in column order, and the names of their studies by batch id. */
export async function loadComparisons(
  db: ParallaxDB,
  ids: string[],
): Promise<{ comparisons: Comparison[]; runs: Map<string, Run[]>; studies: Map<string, string> }> {
  return db.transaction('r', db.comparisons, db.runs, db.batches, async () => {
    const comparisons = (await db.comparisons.bulkGet(ids)).filter((c): c is Comparison => c !== undefined);
    // One getAll per comparison, in parallel: anyOf() walks a cursor one run at a time (3× slower for a screenful).
    const batchIds = [...new Set(comparisons.flatMap((c) => (c.batchId ? [c.batchId] : [])))];
    const [lists, batches] = await Promise.all([
      Promise.all(comparisons.map((c) => db.runs.where('comparisonId').equals(c.id).toArray())),
      batchIds.length ? db.batches.bulkGet(batchIds) : [],
    ]);
    const runs = new Map(comparisons.map((c, i) => [c.id, lists[i]!.sort((a, b) => a.position - b.position)]));
    const studies = new Map(batches.flatMap((b) => (b ? [[b.id, b.name] as const] : [])));
    return { comparisons, runs, studies };
  });
}

/** Newest matching comparisons first: all matching ids, and the first `limit` loaded. */
export async function queryHistory(db: ParallaxDB, filter: HistoryFilter = {}, limit = 100): Promise<HistoryPage> {
  const ids = await matchHistory(db, filter);
  const { comparisons, runs } = await loadComparisons(db, ids.slice(0, limit));
  return { ids, total: ids.length, comparisons, runs };
}

/** Values the filters can take, from the index (no comparison is read but one per site, for its name). */
export interface HistoryFacets {
  sites: { id: string; name: string }[];
  providers: string[];
  models: string[];
  languages: string[];
  tags: string[];
  /** Provider and model pairs that answered (for the LLM Comparator export). */
  targets: { provider: string; model: string }[];
}

export async function historyFacets(db: ParallaxDB): Promise<HistoryFacets> {
  // Skip-scan: one short read per distinct facet (a unique cursor walks every entry: slow at 10,000 comparisons).
  const all: string[] = [];
  for (let last = ''; ;) {
    const next = (await db.search.where('facets').above(last).limit(1).keys())[0] as string | undefined;
    if (next === undefined) break;
    all.push(next);
    last = next;
  }
  const of = (prefix: string) => all.filter((f) => f.startsWith(`${prefix}:`)).map((f) => f.slice(prefix.length + 1));
  const sites = await Promise.all(
    of('site').map(async (id) => {
      // Prompts typed in the panel or selected on a page, Studies runs: no site name to read (the view names them in its language).
      if (id === 'panel' || id === 'page' || id === STUDY_SOURCE) return { id, name: id };
      const entry = await db.search.where('facets').equals(`site:${id}`).first();
      const c = entry && (await db.comparisons.get(entry.comparisonId));
      return { id, name: c?.source.kind === 'site' ? c.source.siteName : id };
    }),
  );
  const targets = of('target').map((t) => {
    const [provider = '', model = ''] = t.split('\u0001');
    return { provider, model };
  });
  return { sites, providers: of('provider'), models: of('model'), languages: of('lang'), tags: of('tag'), targets };
}

/** Deletes comparisons and their runs in one transaction (the index follows); returns how many were deleted. */
export async function deleteComparisons(db: ParallaxDB, ids: string[]): Promise<number> {
  return db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
    const runs = await db.runs.where('comparisonId').anyOf(ids).primaryKeys();
    await db.runs.bulkDelete(runs);
    const found = (await db.comparisons.bulkGet(ids)).filter((c) => c !== undefined).length;
    await db.comparisons.bulkDelete(ids);
    return found;
  });
}

/** Ids of comparisons older than `days` days (retention), oldest first. */
export async function olderThan(db: ParallaxDB, days: number, now = Date.now()): Promise<string[]> {
  return await db.comparisons
    .where('createdAt')
    .below(now - days * 86_400_000)
    .primaryKeys();
}
