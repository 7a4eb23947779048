import { describe, expect, test } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import type { Comparison, Run } from '@/utils/core/runner/types';

let n = 0;
const comparison = (id: string): Comparison => ({ id, createdAt: 1000 + n, prompt: `Is ${id} fair?`, source: { kind: 'panel' } });
const run = (id: string, comparisonId: string, over: Partial<Run> = {}): Run => ({
  id,
  comparisonId,
  position: 0,
  state: 'queued',
  text: '',
  attempts: 0,
  createdAt: 1,
  updatedAt: 1,
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', language: null },
  ...over,
});
const entryOf = async (db: ParallaxDB, id: string) => db.search.where('comparisonId').equals(id).first();
/** Waits for the index written after a transaction that did not include it. */
const settled = () => new Promise((r) => setTimeout(r, 50));

describe('the history index follows every write, in one place', () => {
  test('a new comparison and its runs are searchable at once; a streaming checkpoint is not indexed, the finished answer is', async () => {
    const db = new ParallaxDB(`index-mw-${++n}`);
    await db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
      await db.comparisons.add(comparison('c1'));
      await db.runs.add(run('r1', 'c1'));
    });
    expect((await entryOf(db, 'c1'))?.facets).toContain('state:queued');
    await db.runs.update('r1', { state: 'streaming', text: 'tariffs protect jobs' });
    await settled();
    expect((await entryOf(db, 'c1'))?.words).not.toContain('tariffs');
    await db.runs.update('r1', { state: 'done', text: 'tariffs protect jobs' });
    await settled();
    expect((await entryOf(db, 'c1'))?.words).toContain('tariffs');
    expect((await entryOf(db, 'c1'))?.facets).toContain('state:done');
  });

  test('tags written without the index in the transaction reach it right after; deleting the comparison removes its entry', async () => {
    const db = new ParallaxDB(`index-mw-${++n}`);
    await db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
      await db.comparisons.add(comparison('c2'));
    });
    await db.comparisons.update('c2', { tags: ['ethics'] });
    await settled();
    expect((await entryOf(db, 'c2'))?.facets).toContain('tag:ethics');
    await db.transaction('rw', db.comparisons, db.runs, db.search, () => db.comparisons.delete('c2'));
    expect(await entryOf(db, 'c2')).toBeUndefined();
  });
});
