import Dexie, { type EntityTable } from 'dexie';
import type { Comparison, Run } from '../../core/runner/types';
import { LISTED, STUDY_SOURCE, reindex, searchEntry, type SearchEntry } from './search-index';
import { searchIndexMiddleware } from './index-middleware';

/** A v2 entry's facets as v3 writes them: a Studies run's source is 'study'; anything else is listed. */
const relisted = (facets: string[], study: boolean): string[] =>
  study ? [...facets.filter((f) => !f.startsWith('site:') && f !== LISTED), `site:${STUDY_SOURCE}`] : facets.includes(LISTED) ? facets : [...facets, LISTED];

/** A cached translation: same text + languages + engine → reused. */
export interface CachedTranslation {
  /** `${engine}\u0000${from}\u0000${to}\u0000${text}` */
  key: string;
  translation: string;
  createdAt: number;
}

/** A batch of comparisons run together (a probe set or a survey), with its plan and progress. */
export interface Batch {
  id: string;
  createdAt: number;
  kind: 'probe-set' | 'survey';
  name: string;
  /** Kind-specific plan and results; comparisons of the batch carry `batchId`. */
  data: unknown;
}

/** The last deletion from the history, kept so it can be undone (cleared by the next deletion and at startup). */
export interface Trash {
  id: string;
  at: number;
  comparisons: Comparison[];
  runs: Run[];
}

/**
 * The one Dexie schema of Parallax. Index only what a `where()`/`orderBy()` uses: never keys. Prompt and answer
 * text is searchable only through the `search` table's words. A later version lists only the tables it changes;
 * a shipped version is never edited.
 */
export class ParallaxDB extends Dexie {
  comparisons!: EntityTable<Comparison, 'id'>;
  runs!: EntityTable<Run, 'id'>;
  search!: EntityTable<SearchEntry, 'key'>;
  translations!: EntityTable<CachedTranslation, 'key'>;
  batches!: EntityTable<Batch, 'id'>;
  trash!: EntityTable<Trash, 'id'>;

  constructor(name = 'parallax') {
    super(name);
    // v1 — comparisons newest first (history); runs by comparison (panel) and by state (recovery after restart).
    this.version(1).stores({
      comparisons: 'id, createdAt',
      runs: 'id, comparisonId, state',
    });
    // v2 — history index (words and facets, keys sorted by time), translation cache, batches.
    this.version(2)
      .stores({
        search: 'key, &comparisonId, *words, *facets',
        translations: 'key, createdAt',
        batches: 'id, createdAt',
      })
      .upgrade(async (tx) => {
        const runs = new Map<string, Run[]>();
        await tx.table<Run>('runs').each((r) => void runs.set(r.comparisonId, [...(runs.get(r.comparisonId) ?? []), r]));
        const entries: SearchEntry[] = [];
        await tx.table<Comparison>('comparisons').each((c) => void entries.push(searchEntry(c, runs.get(c.id) ?? [])));
        await tx.table<SearchEntry>('search').bulkPut(entries);
      });
    // v3 — the last deletion, for undo (the background deletes and restores; pages only ask).
    this.version(3).stores({ trash: 'id, at' });
    // v4 — Studies runs are their own source in the index ('site:study') and left out of the history's default list;
    // every other comparison gets the 'listed' facet the history opens on. No new index: facets are re-written.
    this.version(4)
      .stores({})
      .upgrade(async (tx) => {
        const studies = new Set<string>();
        await tx.table<Comparison>('comparisons').each((c) => {
          if (c.batchId) studies.add(c.id);
        });
        await tx
          .table<SearchEntry>('search')
          .toCollection()
          .modify((entry) => {
            entry.facets = relisted(entry.facets, studies.has(entry.comparisonId));
          });
      });
    // The history index follows every write to comparisons and runs (index-middleware.ts).
    this.use(
      searchIndexMiddleware((ids) => {
        void this.transaction('rw', this.comparisons, this.runs, this.search, () => reindex(this, ids)).catch((err: unknown) =>
          console.error('[parallax] history index not updated', err),
        );
      }),
    );
  }
}

let shared: ParallaxDB | undefined;

/** The database of this extension context, opened on first use (never in a content script). */
export function getDb(): ParallaxDB {
  shared ??= new ParallaxDB();
  return shared;
}
