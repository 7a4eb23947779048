import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { batchHandlers } from '@/utils/platform/background/batch-handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { planProbeBatch, planSurveyBatch } from '@/utils/core/batches/plan';
import { createBatchPump } from '@/utils/core/batches/pump';
import type { BatchData } from '@/utils/core/batches/types';
import { batchWithRuns, dexieBatchStore, listBatches, saveBatch, surveyBatchResults } from '@/utils/platform/db/batch-store';
import { queryHistory } from '@/utils/platform/db/history';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { parseMessage } from '@/utils/platform/messaging/protocol';
import { parseSurveyResults } from '@/utils/core/dashboard/survey';
import { importVsmQuestionnaire } from '@/utils/core/surveys/vsm2013';
import { placeholderQuestionnaire, target } from './fixtures';

let n = 0;
let db: ParallaxDB;
let log: string[];
const host: RunnerHost = {
  ensure: async () => void log.push('ensure'),
  wake: async () => void log.push('wake'),
  cancel: async (id) => (log.push(`cancel:${id}`), true),
  cancelAll: async () => 0,
  checkTranslation: async (_source: string | null, targets: string[]) => ({ engine: 'model' as const, ready: targets, missing: [] }),
};
const set = {
  id: 'pair',
  name: 'Pair',
  purpose: 'Two prompts.',
  category: 'custom' as const,
  prompts: [
    { id: 'a', text: { en: 'First?', es: '¿Primero?' } },
    { id: 'b', text: { en: 'Second?', es: '¿Segundo?' } },
  ],
};
const plan = (window = 2): BatchData => ({
  ...planProbeBatch({ set, targets: [target('p1', 'alpha'), target('p2', 'beta')], languages: ['en', 'es'], now: 1 }),
  window,
});

beforeEach(() => {
  fakeBrowser.reset();
  db = new ParallaxDB(`batches-${++n}`);
  log = [];
});

const ui = { id: 'ext', url: 'chrome-extension://ext/studies.html', frameId: 0 };

describe('batch messages in the background', () => {
  test('start turns the record the page wrote into queued comparisons on Dexie, indexed for history, and wakes the runner', async () => {
    await saveBatch(db, { id: 'b1', createdAt: 1, kind: 'probe-set', name: 'Pair', data: plan() });
    const h = batchHandlers({
      db,
      runner: host,
      newId: (() => {
        let i = 0;
        return () => `x${++i}`;
      })(),
      now: () => 1000,
    });
    expect(await h['batch.start']!({ batchId: 'b1' }, ui)).toEqual({ status: 'running', queued: 2, stopped: 0 });
    expect(log).toEqual(['ensure', 'wake']);
    const { batch, runs } = (await batchWithRuns(db, 'b1'))!;
    expect(batch.data.status).toBe('running');
    expect(runs.map((r) => [r.target.model, r.target.language, r.state])).toEqual(
      expect.arrayContaining([
        ['alpha', 'en', 'queued'],
        ['beta', 'es', 'queued'],
      ]),
    );
    expect(runs).toHaveLength(4);
    // Indexed as Studies runs: listed when that source is chosen, not among what was typed.
    const history = await queryHistory(db, { site: 'study' });
    expect(history.comparisons.map((c) => [c.prompt, c.batchId]).sort()).toEqual([
      ['First?', 'b1'],
      ['¿Primero?', 'b1'],
    ]);
    expect((await queryHistory(db)).total).toBe(0);
    await expect(h['batch.start']!({ batchId: 'b1' }, ui)).rejects.toThrow('already started');
  });

  test('pause, resume and cancel act on Dexie; streaming answers are stopped through the runner host', async () => {
    await saveBatch(db, { id: 'b2', createdAt: 1, kind: 'probe-set', name: 'Pair', data: plan() });
    const h = batchHandlers({ db, runner: host });
    await h['batch.start']!({ batchId: 'b2' }, ui);
    const [streaming] = (await batchWithRuns(db, 'b2'))!.runs;
    await db.runs.update(streaming!.id, { state: 'streaming' });
    expect(await h['batch.pause']!({ batchId: 'b2' }, ui)).toEqual({ status: 'paused', queued: 0, stopped: 3 });
    expect(await h['batch.resume']!({ batchId: 'b2' }, ui)).toEqual({ status: 'running', queued: 3, stopped: 0 });
    log = [];
    expect(await h['batch.cancel']!({ batchId: 'b2' }, ui)).toEqual({ status: 'cancelled', queued: 0, stopped: 4 });
    expect(log).toEqual([`cancel:${streaming!.id}`]);
    expect((await listBatches(db)).map((b) => [b.id, b.data.status])).toEqual([['b2', 'cancelled']]);
  });

  test('the runner host pump keeps a batch going on Dexie as answers settle', async () => {
    await saveBatch(db, { id: 'b3', createdAt: 1, kind: 'probe-set', name: 'Pair', data: plan(1) });
    await batchHandlers({ db, runner: host })['batch.start']!({ batchId: 'b3' }, ui);
    const store = dexieBatchStore(db);
    let wakes = 0;
    const pump = createBatchPump(store, {
      now: Date.now,
      newId: () => crypto.randomUUID(),
      wake: async () => {
        wakes++;
      },
      delayMs: 1,
    });
    for (let i = 0; i < 10; i++) {
      const { runs, batch } = (await batchWithRuns(db, 'b3'))!;
      if (batch.data.status === 'done') break;
      for (const run of runs.filter((r) => r.state === 'queued')) {
        await db.runs.update(run.id, { state: 'done', text: `${run.target.model} answered` });
        pump.onEvent({ type: 'state', runId: run.id, state: 'done' });
      }
      await pump.idle();
    }
    const { batch, runs } = (await batchWithRuns(db, 'b3'))!;
    expect(batch.data.status).toBe('done');
    expect(runs).toHaveLength(8);
    expect(wakes).toBe(3);
  });

  test('a survey batch gives the dashboard its survey results; a probe-set batch gives none', async () => {
    const imported = importVsmQuestionnaire(placeholderQuestionnaire(), 'en');
    if (!imported.ok) throw new Error('import failed');
    const data = {
      ...planSurveyBatch({ instrument: imported.instrument, targets: [target('p1', 'alpha')], languages: ['en'], repetitions: 2, now: 1 }),
      window: 48,
    };
    await saveBatch(db, { id: 's1', createdAt: 1, kind: 'survey', name: 'VSM', data });
    await batchHandlers({ db, runner: host })['batch.start']!({ batchId: 's1' }, ui);
    for (const run of (await batchWithRuns(db, 's1'))!.runs) await db.runs.update(run.id, { state: 'done', text: '3' });
    const results = (await surveyBatchResults(db, 's1'))!;
    expect(parseSurveyResults(results)).toEqual(results); // the dashboard's own check accepts it
    expect(results[0]!.label).toBe('Local alpha · alpha · en');
    expect(results[0]!.indices.PDI).toEqual({ mean: 0, low: 0, high: 0, n: 2, refusals: 0 });
    await saveBatch(db, { id: 'p1', createdAt: 2, kind: 'probe-set', name: 'Pair', data: plan() });
    expect(await surveyBatchResults(db, 'p1')).toBeNull();
  });

  test.each([
    [{ type: 'batch.start', payload: { batchId: 'b1' } }, null],
    [{ type: 'batch.pause', payload: { batchId: '../x' } }, 'batch.pause: batchId is not an id'],
    [{ type: 'batch.resume', payload: {} }, 'batch.resume: batchId must be a string'],
    [{ type: 'batch.cancel', payload: { batchId: 'b1', all: true } }, 'batch.cancel: payload has unknown fields'],
  ])('messages are validated: %j', (message, error) => {
    const parsed = parseMessage(message);
    expect(parsed.ok ? null : parsed.error).toBe(error);
  });

  test('a record the page could not have planned is refused before it is saved', async () => {
    await expect(saveBatch(db, { id: 'bad', createdAt: 1, kind: 'probe-set', name: 'x', data: { ...plan(), units: [] } })).rejects.toThrow(
      'the batch has no prompts',
    );
  });
});
