import { describe, expect, test, vi } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { queryHistory } from '@/utils/platform/db/history';
import { saveComparison, runsOf } from '@/utils/platform/db/comparisons';
import { exportComparisons } from '@/utils/platform/db/export-read';
import { importBlob, importComparisons } from '@/utils/platform/db/import-write';
import { buildExportFile } from '@/utils/platform/db/export-file';
import { toJsonExport } from '@/utils/core/history/formats';
import { planComparison } from '@/utils/core/runner/plan';

let n = 0;
async function seeded() {
  const db = new ParallaxDB(`transfer-${++n}`);
  let i = 0;
  const providers = [1, 2].map((k) => ({ id: `p${k}`, kind: 'openai-compatible' as const, label: `P${k}`, baseUrl: 'http://x/v1', model: `m${k}` }));
  for (const [prompt, now] of [
    ['first', 1000],
    ['second', 2000],
  ] as const) {
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

  test('a comparison with a malformed run field is reported and not stored; the others are', async () => {
    const db = await seeded();
    const exported = await exportComparisons(db);
    const [first, second] = exported;
    const bad = {
      ...second!,
      answers: [{ ...second!.answers[0]!, params: { systemPrompt: 42 } as unknown as { systemPrompt: string } }, ...second!.answers.slice(1)],
    };
    const fresh = new ParallaxDB(`transfer-malformed-${n}`);
    expect(await importComparisons(fresh, toJsonExport([first!, bad]))).toEqual({
      added: 1,
      duplicates: 0,
      skipped: [{ index: 1, id: second!.id, reason: 'answer 1 has a malformed params' }],
    });
    expect((await queryHistory(fresh)).comparisons.map((c) => c.id)).toEqual([first!.id]);
    expect(await fresh.runs.where('comparisonId').equals(second!.id).count()).toBe(0);
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
    const report = await importComparisons(
      db,
      toJsonExport([{ ...newer!, id: 'fresh-id', answers: newer!.answers.map((a, i) => ({ ...a, runId: `fresh-${i}` })) }, clash]),
    );
    expect(report).toEqual({ added: 1, duplicates: 0, skipped: [{ index: 1, id: 'other-id', reason: 'its runs clash with runs already stored' }] });
    expect((await queryHistory(db)).total).toBe(3);
  });

  test('all or nothing: a write failing in a late batch leaves nothing of the earlier ones', async () => {
    const db = await seeded();
    const exported = await exportComparisons(db);
    const many = Array.from({ length: 1600 }, (_, k) => ({
      ...exported[0]!,
      id: `many-${k}`,
      answers: exported[0]!.answers.map((a, r) => ({ ...a, runId: `many-${k}-${r}` })),
    }));
    const put = db.search.bulkPut.bind(db.search);
    let calls = 0;
    const failing = ((...args: Parameters<typeof put>) =>
      ++calls === 3 ? Promise.reject(new Error('disk failure')) : put(...args)) as typeof db.search.bulkPut;
    const spy = vi.spyOn(db.search, 'bulkPut').mockImplementation(failing);
    await expect(importComparisons(db, toJsonExport(many))).rejects.toThrow('disk failure');
    spy.mockRestore();
    expect(calls).toBeGreaterThanOrEqual(3); // two batches were written before the failure
    expect(await db.comparisons.count()).toBe(2);
    expect(await db.runs.count()).toBe(4);
    expect((await queryHistory(db)).total).toBe(2);
  });

  test('a large JSON export, written as it is read, holds every comparison with its answers and re-imports', async () => {
    const db = await seeded();
    const exported = await exportComparisons(db);
    const many = Array.from({ length: 1200 }, (_, k) => ({
      ...exported[0]!,
      id: `big-${k}`,
      createdAt: new Date(10_000_000 + k * 1000).toISOString(),
      prompt: `Big question ${k}${k === 7 ? ' zanzibar' : ''}`,
      answers: exported[0]!.answers.map((a, r) => ({ ...a, runId: `big-${k}-${r}` })),
    }));
    const source = new ParallaxDB(`transfer-export-${n}`);
    expect(await importComparisons(source, toJsonExport(many))).toEqual({ added: 1200, duplicates: 0, skipped: [] });
    const now = new Date('2026-01-02T03:04:05Z');
    const all = await buildExportFile(source, { kind: 'json', filter: {} }, now);
    expect(all.name).toBe('parallax-2026-01-02.json');
    const text = await all.blob.text();
    expect(text).not.toContain('\n'); // compact at this size
    const parsed = JSON.parse(text) as { format: string; exportedAt: string; comparisons: typeof many };
    expect(parsed.format).toBe('parallax-comparisons');
    expect(parsed.exportedAt).toBe(now.toISOString());
    expect(parsed.comparisons.map((c) => c.id)).toEqual(many.map((c) => c.id).reverse()); // newest first
    expect(parsed.comparisons).toEqual(await exportComparisons(source));
    expect(parsed.comparisons.find((c) => c.id === 'big-7')).toEqual(many[7]);
    // A filter matching more than a thousand streams too; one matching a few is written indented.
    const failed = JSON.parse(await (await buildExportFile(source, { kind: 'json', filter: { state: 'failed' } }, now)).blob.text()) as typeof parsed;
    expect(failed.comparisons).toHaveLength(1200);
    const one = await (await buildExportFile(source, { kind: 'json', filter: { text: 'zanzibar' } }, now)).blob.text();
    expect((JSON.parse(one) as typeof parsed).comparisons).toEqual([many[7]]);
    expect(one).toContain('\n  "comparisons"');
    const fresh = new ParallaxDB(`transfer-export-back-${n}`);
    expect(await importBlob(fresh, all.blob)).toEqual({ added: 1200, duplicates: 0, skipped: [] });
    expect(await exportComparisons(fresh)).toEqual(parsed.comparisons);
  });

  test('an import writes the history index itself: the index middleware does not read back each imported comparison', async () => {
    const db = await seeded();
    const exported = await exportComparisons(db);
    const many = Array.from({ length: 300 }, (_, k) => ({
      ...exported[0]!,
      id: `own-${k}`,
      answers: exported[0]!.answers.map((a, r) => ({ ...a, runId: `own-${k}-${r}` })),
    }));
    const fresh = new ParallaxDB(`transfer-own-index-${n}`);
    let runReads = 0;
    // Below every other middleware (level 0): sees each read of the runs table, the index middleware's included.
    fresh.use({
      stack: 'dbcore',
      name: 'count-run-reads',
      level: 0,
      create: (down) => ({
        ...down,
        table: (name) => (name === 'runs' ? { ...down.table(name), query: (req) => (runReads++, down.table(name).query(req)) } : down.table(name)),
      }),
    });
    expect((await importComparisons(fresh, toJsonExport(many))).added).toBe(300);
    expect(runReads).toBeLessThan(5); // the stored keys, once — not a read per comparison
    expect((await queryHistory(fresh, { state: 'failed' })).total).toBe(300);
  });
});
