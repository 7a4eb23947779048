import { describe, expect, test, vi } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { queryHistory } from '@/utils/platform/db/history';
import { saveComparison, runsOf } from '@/utils/platform/db/comparisons';
import { exportComparisons } from '@/utils/platform/db/export-read';
import { importBlob, importComparisons } from '@/utils/platform/db/import-write';
import { toJsonExport } from '@/utils/core/history/formats';
import { planComparison } from '@/utils/core/runner/plan';

let n = 0;
async function seeded() {
  const db = new ParallaxDB(`transfer-${++n}`);
  let i = 0;
  const providers = [1, 2].map((k) => ({ id: `p${k}`, kind: 'openai-compatible' as const, label: `P${k}`, baseUrl: 'http://x/v1', model: `m${k}` }));
  for (const [prompt, now] of [['first', 1000], ['second', 2000]] as const) {
    const p = planComparison({ prompt, source: { kind: 'panel' }, providers, now, newId: () => `t${n}-${++i}` });
    p.runs.forEach((r, k) => Object.assign(r, { state: k ? 'failed' : 'done', text: `${prompt} answer ${k}`, error: k ? 'boom' : undefined }));
    await saveComparison(db, p.comparison, p.runs);
  }
  return db;
}

describe('export → wipe → import', () => {
  test('restores every comparison and run', async () => {
    const db = await seeded();
    const before = await exportComparisons(db);
    const file = toJsonExport(before);
    await db.delete();
    const fresh = new ParallaxDB(`transfer-restored-${n}`);
    expect(await importComparisons(fresh, file)).toEqual({ added: 2, duplicates: 0, skipped: [] });
    expect(await exportComparisons(fresh)).toEqual(before);
  });

  test('importing the same file twice adds nothing the second time', async () => {
    const db = await seeded();
    const file = toJsonExport(await exportComparisons(db));
    expect(await importComparisons(db, file)).toEqual({ added: 0, duplicates: 2, skipped: [] });
    expect((await queryHistory(db)).comparisons).toHaveLength(2);
    const [latest] = (await queryHistory(db)).comparisons;
    expect((await runsOf(db, latest!.id)).map((r) => r.state)).toEqual(['done', 'failed']);
  });

  test('a large import reports its progress and every comparison is found by search and filters at once', async () => {
    const db = await seeded();
    const exported = await exportComparisons(db);
    const many = Array.from({ length: 1200 }, (_, k) => ({
      ...exported[0]!,
      id: `bulk-${k}`,
      prompt: `Bulk question ${k}${k === 1111 ? ' zanzibar' : ''}`,
      answers: exported[0]!.answers.map((a, r) => ({ ...a, runId: `bulk-${k}-${r}` })),
    }));
    const fresh = new ParallaxDB(`transfer-bulk-${n}`);
    const progress: [number, number][] = [];
    const report = await importComparisons(fresh, toJsonExport(many), (done, total) => progress.push([done, total]));
    expect(report.added).toBe(1200);
    expect(progress[0]).toEqual([0, 1200]);
    expect(progress.at(-1)).toEqual([1200, 1200]);
    expect(progress.length).toBeGreaterThan(2);
    expect((await queryHistory(fresh, { text: 'zanzibar' })).comparisons.map((c) => c.id)).toEqual(['bulk-1111']);
    expect((await queryHistory(fresh, { state: 'failed' })).total).toBe(1200);
  });

  test('an invalid file changes nothing', async () => {
    const db = await seeded();
    await expect(importComparisons(db, '{"format":"nope"}')).rejects.toThrow('not a Parallax export');
    expect((await queryHistory(db)).comparisons).toHaveLength(2);
  });

  test('a file read as a stream imports like its text; a comparison given twice is added once', async () => {
    const db = await seeded();
    const exported = await exportComparisons(db);
    const twice = [...exported, exported[0]!];
    const fresh = new ParallaxDB(`transfer-stream-${n}`);
    const file = new Blob([toJsonExport(twice)], { type: 'application/json' });
    expect(await importBlob(fresh, file)).toEqual({ added: 2, duplicates: 1, skipped: [] });
    expect(await exportComparisons(fresh)).toEqual(exported);
  });

  test('a comparison whose answers clash with stored ones is skipped, reported at its place in the file', async () => {
    const db = await seeded();
    const [newer, older] = await exportComparisons(db);
    const clash = { ...older!, id: 'other-id', answers: older!.answers.map((a) => ({ ...a })) };
    const report = await importComparisons(db, toJsonExport([{ ...newer!, id: 'fresh-id', answers: newer!.answers.map((a, i) => ({ ...a, runId: `fresh-${i}` })) }, clash]));
    expect(report).toEqual({ added: 1, duplicates: 0, skipped: [{ index: 1, id: 'other-id', reason: 'its runs clash with runs already stored' }] });
    expect((await queryHistory(db)).total).toBe(3);
  });

  test('all or nothing: a write failing in a late batch leaves nothing of the earlier ones', async () => {
    const db = await seeded();
    const exported = await exportComparisons(db);
    const many = Array.from({ length: 1600 }, (_, k) => ({ ...exported[0]!, id: `many-${k}`, answers: exported[0]!.answers.map((a, r) => ({ ...a, runId: `many-${k}-${r}` })) }));
    const put = db.search.bulkPut.bind(db.search);
    let calls = 0;
    const spy = vi.spyOn(db.search, 'bulkPut').mockImplementation((...args: Parameters<typeof put>) => (++calls === 3 ? Promise.reject(new Error('disk failure')) : put(...args)));
    await expect(importComparisons(db, toJsonExport(many))).rejects.toThrow('disk failure');
    spy.mockRestore();
    expect(calls).toBeGreaterThanOrEqual(3); // two batches were written before the failure
    expect(await db.comparisons.count()).toBe(2);
    expect(await db.runs.count()).toBe(4);
    expect((await queryHistory(db)).total).toBe(2);
  });
});
