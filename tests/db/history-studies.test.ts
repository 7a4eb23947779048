import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { saveComparison } from '@/utils/platform/db/comparisons';
import { dexieBatchStore } from '@/utils/platform/db/batch-store';
import { historyFacets, listedCount, loadComparisons, matchHistory, newestIds, queryHistory } from '@/utils/platform/db/history';
import { searchEntry } from '@/utils/platform/db/search-index';
import { buildExportFile } from '@/utils/platform/db/export-file';
import { planComparison } from '@/utils/core/runner/plan';
import type { Comparison, Run } from '@/utils/core/runner/types';

const providers = [{ id: 'a', kind: 'openai-compatible' as const, label: 'Ollama', baseUrl: 'http://x/v1', model: 'llama3.2' }];
let n = 0;

/** Two comparisons typed in the panel, and `units` comparisons a study made (newer), as each path stores them. */
async function seed(db: ParallaxDB, units = 5) {
  let i = 0;
  for (const [prompt, now] of [
    ['Is tea healthy?', 1000],
    ['Should homework be banned?', 2000],
  ] as const) {
    const p = planComparison({ prompt, source: { kind: 'panel' }, providers, now, newId: () => `typed-${++i}` });
    p.comparison.id = now === 1000 ? 'typed-tea' : 'typed-homework';
    p.runs.forEach((r) => (r.comparisonId = p.comparison.id));
    p.runs.forEach((r) => Object.assign(r, { state: 'done', text: 'It depends on the amount.' }));
    await saveComparison(db, p.comparison, p.runs);
  }
  await db.batches.add({ id: 'b1', createdAt: 2500, kind: 'probe-set', name: 'Refusals by language', data: {} });
  const store = dexieBatchStore(db);
  for (let u = 0; u < units; u++) {
    const p = planComparison({ prompt: `Probe ${u}: is tea healthy?`, source: { kind: 'panel' }, providers, now: 3000 + u, newId: () => `study-${++i}` });
    p.runs.forEach((r) => Object.assign(r, { state: 'done', text: 'It depends on the amount.' }));
    await store.transact((tx) => tx.addComparison({ ...p.comparison, batchId: 'b1' }, p.runs));
  }
}

describe('Studies runs in the history', () => {
  test('are not listed by default: not in the list, the first screenful, the count, or a search', async () => {
    const db = new ParallaxDB(`studies-${++n}`);
    await seed(db);
    expect((await queryHistory(db)).comparisons.map((c) => c.prompt)).toEqual(['Should homework be banned?', 'Is tea healthy?']);
    expect(await newestIds(db, 10)).toEqual(['typed-homework', 'typed-tea']);
    expect(await listedCount(db)).toBe(2);
    expect(await db.comparisons.count()).toBe(7);
    // A search or a filter that Studies runs also match still leaves them out…
    expect(await matchHistory(db, { text: 'tea' })).toEqual(['typed-tea']);
    expect(await matchHistory(db, { model: 'llama3.2' })).toEqual(['typed-homework', 'typed-tea']);
    expect(await matchHistory(db, { since: 2500 })).toEqual([]);
    // …unless their source is chosen.
    expect((await queryHistory(db, { site: 'study' })).comparisons.map((c) => c.prompt)).toEqual([
      'Probe 4: is tea healthy?',
      'Probe 3: is tea healthy?',
      'Probe 2: is tea healthy?',
      'Probe 1: is tea healthy?',
      'Probe 0: is tea healthy?',
    ]);
    expect(await matchHistory(db, { site: 'study', text: 'probe 3' })).toHaveLength(1);
    expect(await matchHistory(db, { site: 'panel' })).toEqual(['typed-homework', 'typed-tea']);
    db.close();
  });

  test('are their own source in the filter choices, and rows name their study', async () => {
    const db = new ParallaxDB(`studies-${++n}`);
    await seed(db, 2);
    expect((await historyFacets(db)).sites.map((s) => s.id).sort()).toEqual(['panel', 'study']);
    const ids = await matchHistory(db, { site: 'study' });
    const { studies, comparisons } = await loadComparisons(db, ids);
    expect(comparisons.every((c) => c.batchId === 'b1')).toBe(true);
    expect(studies.get('b1')).toBe('Refusals by language');
    db.close();
  });
});

describe('migration from schema v2', () => {
  test('Studies runs stored before are left out of the list; everything else stays listed', async () => {
    const name = `studies-v2-${++n}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ comparisons: 'id, createdAt', runs: 'id, comparisonId, state' });
    v2.version(2).stores({ search: 'key, &comparisonId, *words, *facets', translations: 'key, createdAt', batches: 'id, createdAt' });
    const made: [Comparison, Run[]][] = [];
    let i = 0;
    for (const [prompt, now, batchId] of [
      ['Typed before', 1000, undefined],
      ['Probe before', 2000, 'b1'],
      ['Probe after', 3000, 'b1'],
    ] as const) {
      const p = planComparison({ prompt, source: { kind: 'panel' }, providers, now, newId: () => `v2-${++i}` });
      made.push([{ ...p.comparison, ...(batchId ? { batchId } : {}) }, p.runs]);
    }
    for (const [c, runs] of made) {
      await v2.table('comparisons').add(c);
      await v2.table('runs').bulkAdd(runs);
      // As v2 indexed them: 'site:panel' for a batch's comparisons too, and no 'listed' facet.
      const entry = searchEntry(c, runs);
      await v2.table('search').add({ ...entry, facets: entry.facets.filter((f) => f !== 'listed').map((f) => (f === 'site:study' ? 'site:panel' : f)) });
    }
    v2.close();

    const db = new ParallaxDB(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect((await queryHistory(db)).comparisons.map((c) => c.prompt)).toEqual(['Typed before']);
    expect((await queryHistory(db, { site: 'study' })).comparisons.map((c) => c.prompt)).toEqual(['Probe after', 'Probe before']);
    expect((await queryHistory(db, { site: 'panel' })).comparisons.map((c) => c.prompt)).toEqual(['Typed before']);
    expect(await db.comparisons.count()).toBe(3);
    db.close();
  });

  test('an export holds what the list shows; the JSON backup holds everything, each Studies run named by its study', async () => {
    const db = new ParallaxDB(`studies-${++n}`);
    await seed(db, 3);
    const backup = JSON.parse(await (await buildExportFile(db, { kind: 'json', filter: {} })).blob.text()) as {
      comparisons: { id: string; prompt: string; batchId?: string; study?: string }[];
    };
    expect(backup.comparisons).toHaveLength(5);
    expect(backup.comparisons.filter((c) => c.batchId).map((c) => [c.prompt, c.study])).toEqual([
      ['Probe 2: is tea healthy?', 'Refusals by language'],
      ['Probe 1: is tea healthy?', 'Refusals by language'],
      ['Probe 0: is tea healthy?', 'Refusals by language'],
    ]);
    const csv = await (await buildExportFile(db, { kind: 'csv', filter: {} })).blob.text();
    expect(csv).toContain('Is tea healthy?');
    expect(csv).toContain('Should homework be banned?');
    expect(csv).not.toContain('Probe');
  });
});
