import Dexie, { type EntityTable } from 'dexie';
import type { Comparison, Run } from '../runner/types';

/**
 * The one Dexie schema of Parallax. Index only what a `where()`/`orderBy()` uses: never prompt or answer text,
 * never keys. A later version lists only the tables it changes; a shipped version is never edited.
 */
export class ParallaxDB extends Dexie {
  comparisons!: EntityTable<Comparison, 'id'>;
  runs!: EntityTable<Run, 'id'>;

  constructor(name = 'parallax') {
    super(name);
    // v1 — comparisons newest first (history); runs by comparison (panel) and by state (recovery after restart).
    this.version(1).stores({
      comparisons: 'id, createdAt',
      runs: 'id, comparisonId, state',
    });
  }
}

let shared: ParallaxDB | undefined;

/** The database of this extension context, opened on first use (never in a content script). */
export function getDb(): ParallaxDB {
  shared ??= new ParallaxDB();
  return shared;
}
