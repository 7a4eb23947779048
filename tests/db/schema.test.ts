import { describe, expect, test } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { queryHistory } from '@/utils/platform/db/history';
import { runsOf, saveComparison } from '@/utils/platform/db/comparisons';
import { planComparison } from '@/utils/core/runner/plan';

let n = 0;
const fresh = () => new ParallaxDB(`schema-test-${++n}`);

describe('schema', () => {
  test('indexes only what queries use: text only through the search words, never keys', async () => {
    const db = fresh();
    await db.open();
    const indexes = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name)]]));
    expect(indexes).toEqual({
      comparisons: ['id', 'createdAt'],
      runs: ['id', 'comparisonId', 'state'],
      search: ['key', 'comparisonId', 'words', 'facets'],
      translations: ['key', 'createdAt'],
      batches: ['id', 'createdAt'],
      trash: ['id', 'at'],
    });
    expect(db.verno).toBe(4);
  });

  test('a comparison and its runs are saved together, or not at all', async () => {
    const db = fresh();
    const a = planComparison({
      prompt: 'first',
      source: { kind: 'panel' },
      providers: [{ id: 'p', kind: 'openai-compatible', label: 'P', baseUrl: 'http://x', model: 'm' }],
      now: 1,
      newId: (() => {
        let i = 0;
        return () => `a${++i}`;
      })(),
    });
    await saveComparison(db, a.comparison, a.runs);
    // Same run id again: the run write fails, so the second comparison must not be left behind without runs.
    const b = { comparison: { ...a.comparison, id: 'b1', prompt: 'second' }, runs: a.runs.map((r) => ({ ...r, comparisonId: 'b1' })) };
    await expect(saveComparison(db, b.comparison, b.runs)).rejects.toThrow();
    expect((await queryHistory(db)).comparisons.map((c) => c.prompt)).toEqual(['first']);
  });

  test('history lists newest first and groups runs by comparison in column order', async () => {
    const db = fresh();
    const providers = [0, 1, 2].map((i) => ({ id: `p${i}`, kind: 'openai-compatible' as const, label: `P${i}`, baseUrl: 'http://x', model: 'm' }));
    let i = 0;
    const newId = () => `id-${++i}`;
    for (const [prompt, now] of [
      ['old', 10],
      ['new', 30],
      ['middle', 20],
    ] as const) {
      const p = planComparison({ prompt, source: { kind: 'panel' }, providers, now, newId });
      await saveComparison(db, p.comparison, [...p.runs].reverse());
    }
    const list = (await queryHistory(db)).comparisons;
    expect(list.map((c) => c.prompt)).toEqual(['new', 'middle', 'old']);
    expect((await runsOf(db, list[0]!.id)).map((r) => r.target.providerLabel)).toEqual(['P0', 'P1', 'P2']);
    const grouped = (await queryHistory(db)).runs;
    expect([...grouped.values()].map((runs) => runs.length)).toEqual([3, 3, 3]);
  });
});
