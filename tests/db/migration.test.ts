import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { historyFacets, queryHistory } from '@/utils/platform/db/history';
import { planComparison } from '@/utils/core/runner/plan';

/** The database exactly as schema v1 shipped it, filled the way v1 wrote it. */
async function seedVersion1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores({ comparisons: 'id, createdAt', runs: 'id, comparisonId, state' });
  let i = 0;
  const providers = [
    { id: 'a', kind: 'openai-compatible' as const, label: 'Ollama', baseUrl: 'http://x/v1', model: 'llama3.2' },
    { id: 'b', kind: 'gemini' as const, label: 'Gemini', baseUrl: 'http://y', model: 'gemini-x' },
  ];
  for (const [prompt, answer, now] of [
    ['Is coffee healthy?', 'Moderate amounts are fine.', 1000],
    ['猫は何を食べますか', '猫は肉食動物です。', 2000],
  ] as const) {
    const p = planComparison({
      prompt,
      source: { kind: 'site', site: 'chatgpt', siteName: 'ChatGPT', url: 'https://chatgpt.com/c/1' },
      providers,
      now,
      newId: () => `v1-${++i}`,
    });
    p.runs.forEach((r) => Object.assign(r, { text: answer, state: 'done' }));
    await v1.table('comparisons').add(p.comparison);
    await v1.table('runs').bulkAdd(p.runs);
  }
  const snapshot = { comparisons: await v1.table('comparisons').toArray(), runs: await v1.table('runs').toArray() };
  v1.close();
  return snapshot;
}

describe('migration from schema v1', () => {
  test('keeps every comparison and run unchanged and makes them searchable and filterable', async () => {
    const before = await seedVersion1('migrate-v1');
    const db = new ParallaxDB('migrate-v1');
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.comparisons.toArray()).toEqual(before.comparisons);
    expect(await db.runs.toArray()).toEqual(before.runs);
    expect((await queryHistory(db, { text: 'moderate' })).comparisons.map((c) => c.prompt)).toEqual(['Is coffee healthy?']);
    expect((await queryHistory(db, { text: '肉食' })).comparisons.map((c) => c.prompt)).toEqual(['猫は何を食べますか']);
    expect((await historyFacets(db)).models).toEqual(['gemini-x', 'llama3.2']);
    db.close();
  });
});
