import { isRefusal, readingOf } from '../../core/analysis/types';
import { searchWords } from '../../core/text/search-words';
import type { Comparison, Run } from '../../core/runner/types';
import type { ParallaxDB } from './schema';

/**
 * One comparison's entry in the history index: its words and its facets ("site:chatgpt", "model:gpt-4o",
 * "state:failed", "lang:de", "tag:ethics"). The key sorts by time, so a search's keys come out newest first
 * without reading a single comparison.
 */
export interface SearchEntry {
  key: string;
  comparisonId: string;
  words: string[];
  facets: string[];
}

/** Sortable key: zero-padded creation time, then the id. */
const searchKey = (c: Pick<Comparison, 'createdAt' | 'id'>) => `${String(c.createdAt).padStart(15, '0')}|${c.id}`;

/** The comparison id inside a search key. */
export const idOfKey = (key: string) => key.slice(key.indexOf('|') + 1);

/** The source of Studies runs in the index (`site:study`): a batch's comparisons are their own source. */
export const STUDY_SOURCE = 'study';

/**
 * The facet of every comparison the history lists by default: all but Studies runs, which come by the hundred and
 * are shown when their source is chosen. The history opens on this facet's keys, never reading the others.
 */
export const LISTED = 'listed';

/** The source facet value: the site's id, 'study' for a batch's comparisons, else 'panel' or 'page'. */
const sourceFacet = (c: Pick<Comparison, 'source' | 'batchId'>): string =>
  c.batchId ? STUDY_SOURCE : c.source.kind === 'site' ? c.source.site : c.source.kind;

/** Facet values of a comparison and its runs. */
function facetsOf(c: Comparison, runs: Run[]): string[] {
  const facets = new Set<string>([`site:${sourceFacet(c)}`]);
  if (!c.batchId) facets.add(LISTED);
  for (const r of runs) {
    facets.add(`provider:${r.target.providerLabel}`);
    facets.add(`model:${r.target.model}`);
    facets.add(`target:${r.target.providerLabel}\u0001${r.target.model}`);
    facets.add(`state:${r.state}`);
    if (r.target.language) facets.add(`lang:${r.target.language}`);
    if (r.refusal) facets.add(isRefusal(readingOf({ label: r.refusal, kind: r.refusalKind })) ? 'refusal:refused' : 'refusal:answered');
  }
  for (const tag of c.tags ?? []) facets.add(`tag:${tag}`);
  return [...facets];
}

/** The index entry of a comparison (prompt, note, answers and back-translations are searchable). */
export function searchEntry(c: Comparison, runs: Run[]): SearchEntry {
  const texts = [c.prompt, c.note ?? '', ...(c.tags ?? []), ...runs.flatMap((r) => [r.text, r.backTranslation?.text ?? '', r.translatedPrompt ?? ''])];
  return { key: searchKey(c), comparisonId: c.id, words: searchWords(texts), facets: facetsOf(c, runs) };
}

/** Rebuilds the entries of some comparisons in a transaction of their own (index-middleware.ts calls it after a write made without the index in scope). */
export async function reindex(db: ParallaxDB, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const comparisons = await db.comparisons.bulkGet(ids);
  const runs = await db.runs.where('comparisonId').anyOf(ids).toArray();
  const byComparison = new Map<string, Run[]>();
  for (const run of runs) byComparison.set(run.comparisonId, [...(byComparison.get(run.comparisonId) ?? []), run]);
  const gone = ids.filter((_, i) => !comparisons[i]);
  if (gone.length) await db.search.where('comparisonId').anyOf(gone).delete();
  const entries = comparisons.filter((c): c is Comparison => c !== undefined).map((c) => searchEntry(c, byComparison.get(c.id) ?? []));
  // A comparison's key never changes (createdAt is fixed), so put replaces its entry.
  await db.search.bulkPut(entries);
}
