import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import { runsOf, saveComparison } from '@/utils/platform/db/comparisons';
import { queryHistory } from '@/utils/platform/db/history';
import { dexieRunStore } from '@/utils/platform/db/run-store';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { exportComparisons } from '@/utils/platform/db/export-read';
import { importComparisons } from '@/utils/platform/db/import-write';
import { toJsonExport } from '@/utils/core/history/formats';
import { providerFor } from '@/utils/core/providers/registry';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { planComparison } from '@/utils/core/runner/plan';
import { createRunner } from '@/utils/core/runner/runner';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/platform/storage/settings';
import type { TestServer } from '../servers/http';
import { startOpenAIServer } from '../servers/openai';

/**
 * Storage running out while answers stream in: fake-indexeddb wrapped so that writes fail with the browser's
 * QuotaExceededError. Nothing already stored may be lost, the user is told, and everything works again once
 * space is freed.
 */

type Rule = (store: string, value: unknown) => boolean;
const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<'put' | 'add', (...args: unknown[]) => unknown> & { name: string } } })
  .IDBObjectStore.prototype;
const real = { put: proto.put, add: proto.add };
let rule: Rule | null = null;
/** Write attempts refused so far. */
let refused = 0;
for (const method of ['put', 'add'] as const) {
  proto[method] = function (this: { name: string }, ...args: unknown[]) {
    if (rule?.(this.name, args[0])) {
      refused++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return real[method].apply(this, args);
  };
}
const storageFull = (r: Rule) => ((rule = r), (refused = 0));

const WORD = `${'ab'.repeat(300)} `;
const reply = (_p: string, model: string) => `${model}: ${WORD.repeat(30)}`.trim();
let server: TestServer;
let db: ParallaxDB;
let n = 0;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  server = await startOpenAIServer({ reply, chunkDelayMs: 8 });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  Object.assign(proto, real);
  process.off('unhandledRejection', onUnhandled);
  await server.close();
});
beforeEach(async () => {
  rule = null;
  fakeBrowser.reset();
  db = new ParallaxDB(`quota-${++n}`);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, providers: [endpoint('later')] });
});
afterEach(async () => {
  rule = null;
  vi.restoreAllMocks();
  await new Promise((r) => setTimeout(r, 20));
  expect(unhandled).toEqual([]);
});

const endpoint = (model: string): ProviderConfig => ({ id: model, kind: 'openai-compatible', label: model, baseUrl: `${server.url}/v1`, model });
const runner = () => createRunner({ store: dexieRunStore(db), providerFor, apiKeyFor: async () => undefined, checkpointMs: 15 });

/** A finished comparison stored before storage filled up, and a snapshot of every table to compare with later. */
async function earlierHistory() {
  const { comparison, runs } = planComparison({
    prompt: 'Stored before',
    source: { kind: 'panel' },
    providers: [endpoint('old')],
    now: 1_000,
    newId: () => `old-${++n}`,
  });
  await saveComparison(db, comparison, runs);
  const r = runner();
  await r.wake();
  await r.idle();
  return snapshot();
}
const snapshot = async () => ({ comparisons: await db.comparisons.toArray(), runs: await db.runs.toArray(), search: await db.search.toArray() });

/** Starts a comparison and waits until a checkpoint with some text is stored. */
async function streamingComparison(models: string[]) {
  const { comparison, runs } = planComparison({
    prompt: 'Tell me everything',
    source: { kind: 'panel' },
    providers: models.map(endpoint),
    now: 2_000,
    newId: () => `new-${++n}`,
  });
  await saveComparison(db, comparison, runs);
  const r = runner();
  await r.wake();
  await expect.poll(async () => (await runsOf(db, comparison.id)).every((run) => run.text.length > 0), { interval: 5, timeout: 5_000 }).toBe(true);
  return { comparison, runner: r };
}

describe('storage fills up', () => {
  test('no write fits at all: what was stored stays, the runner keeps going, and all is well once space is freed', async () => {
    const before = await earlierHistory();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { comparison, runner: r } = await streamingComparison(['m1', 'm2']);
    storageFull(() => true);
    await r.idle();
    expect(refused).toBeGreaterThan(0);

    // The earlier history is exactly as it was; the new comparison and its last checkpoints are still there.
    const stored = await runsOf(db, comparison.id);
    expect((await snapshot()).comparisons).toHaveLength(2);
    for (const c of before.comparisons) expect(await db.comparisons.get(c.id)).toEqual(c);
    for (const run of before.runs) expect(await db.runs.get(run.id)).toEqual(run);
    for (const entry of before.search) expect(await db.search.get(entry.key)).toEqual(entry);
    for (const run of stored) {
      expect(run.state).toBe('streaming');
      expect(run.text.length).toBeGreaterThan(0);
      expect(reply('', run.target.model).startsWith(run.text)).toBe(true);
    }

    // Starting another comparison says why it cannot; importing adds nothing.
    const h = backgroundHandlers({
      db,
      runner: {
        ensure: async () => undefined,
        wake: async () => undefined,
        cancel: async () => true,
        cancelAll: async () => 0,
        checkTranslation: async (_source: string | null, targets: string[]) => ({ engine: 'model' as const, ready: targets, missing: [] }),
      },
    });
    await expect(h['comparison.start']!({ text: 'One more?' }, { id: 'ext' })).rejects.toThrow(
      /^Storage is full: this comparison could not be saved, so nothing was asked\. Free space by deleting old comparisons in History/,
    );
    const file = toJsonExport(await exportComparisons(db, ['nope']));
    await expect(
      importComparisons(
        db,
        file.replace(
          '"comparisons": []',
          JSON.stringify({
            comparisons: [{ id: 'imp', createdAt: '2025-01-01T00:00:00.000Z', prompt: 'Imported', source: { kind: 'panel' }, answers: [] }],
          }).slice(1, -1),
        ),
      ),
    ).rejects.toThrow(/^Storage is full: nothing was imported\./);
    expect(await db.comparisons.count()).toBe(2);

    // Space is freed: the next start of the runner marks the runs interrupted, partial text kept; a retry completes them.
    storageFull(() => false);
    rule = null;
    const restarted = runner();
    expect(await restarted.recover()).toBe(2);
    const interrupted = await runsOf(db, comparison.id);
    expect(interrupted.map((run) => [run.state, run.text])).toEqual(stored.map((run) => ['interrupted', run.text]));
    for (const run of interrupted) await db.runs.update(run.id, { state: 'queued' });
    await restarted.wake();
    await restarted.idle();
    expect((await runsOf(db, comparison.id)).map((run) => [run.state, run.text])).toEqual(stored.map((run) => ['done', reply('', run.target.model)]));
    expect((await queryHistory(db, { text: 'everything' })).ids).toEqual([comparison.id]);
    errors.mockRestore();
  });

  test('room for a small write but not for the answer: the run fails with "Storage is full", keeping its last checkpoint', async () => {
    const before = await earlierHistory();
    const { comparison, runner: r } = await streamingComparison(['m1']);
    const sizes = new Map<string, number>();
    for (const run of await db.runs.toArray()) sizes.set(run.id, JSON.stringify(run).length);
    // Writes that grow a run by more than 400 bytes (the answer) are refused; smaller ones (a state) still fit.
    storageFull((store, value) => {
      if (store !== 'runs') return false;
      const record = value as { id: string };
      const grows = JSON.stringify(record).length - (sizes.get(record.id) ?? 0) > 400;
      if (!grows) sizes.set(record.id, JSON.stringify(record).length);
      return grows;
    });
    await r.idle();
    const [run] = await runsOf(db, comparison.id);
    expect(run).toMatchObject({ state: 'failed', errorCode: 'storage_full' });
    expect(run!.error).toMatch(
      /^Storage is full: the answer could not be saved past what was already stored\. Free space by deleting old comparisons in History/,
    );
    expect(run!.text.length).toBeGreaterThan(0);
    expect(reply('', 'm1').startsWith(run!.text)).toBe(true);
    expect(run!.text.length).toBeLessThan(reply('', 'm1').length);
    for (const old of before.runs) expect(await db.runs.get(old.id)).toEqual(old);
  });
});
