import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { runsOf } from '@/utils/platform/db/comparisons';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { queryHistory } from '@/utils/platform/db/history';
import { planImport } from '@/utils/core/history/import';
import { toJsonExport } from '@/utils/core/history/formats';
import type { ExportedComparison } from '@/utils/core/runner/exported';
import { DEFAULT_SETTINGS, apiKeysItem, settingsItem } from '@/utils/platform/storage/settings';

let n = 0;
let db: ParallaxDB;
let wakes: number;
let cancelled: string[];
const host: RunnerHost = {
  ensure: async () => undefined,
  wake: async () => {
    wakes++;
  },
  cancel: async (id) => (cancelled.push(id), true),
  cancelAll: async (comparisonId) => (cancelled.push(`all:${comparisonId}`), 2),
  checkTranslation: async (_source: string | null, targets: string[]) => ({ engine: 'model' as const, ready: targets, missing: [] }),
};
const provider = { id: 'p1', kind: 'openai-compatible' as const, label: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' };
const chatTab = { id: 'ext', url: 'http://127.0.0.1:5173/chat/42', tab: { id: 1 }, frameId: 0 };
const captured = { text: 'Should I trust the news?', url: 'http://127.0.0.1:5173/chat/42', via: 'enter' as const };

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ParallaxDB(`handlers-${++n}`);
  wakes = 0;
  cancelled = [];
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, providers: [provider], customSitePatterns: ['http://127.0.0.1/*'] });
});

describe('background handlers', () => {
  test('a captured prompt becomes a saved comparison with one queued run per model, and wakes the runner', async () => {
    const h = backgroundHandlers({ db, runner: host });
    const { comparisonId } = await h['prompt.captured']!(captured, chatTab);
    const [comparison] = (await queryHistory(db)).comparisons;
    expect(comparison).toMatchObject({ id: comparisonId, prompt: captured.text, source: { kind: 'site', site: 'generic', url: chatTab.url } });
    expect((await runsOf(db, comparisonId!)).map((r) => [r.state, r.target.model])).toEqual([['queued', 'm']]);
    expect(wakes).toBe(1);
  });

  test('while paused, nothing is saved or run', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), paused: true });
    const h = backgroundHandlers({ db, runner: host });
    expect(await h['prompt.captured']!(captured, chatTab)).toEqual({ comparisonId: null, ignored: 'paused' });
    expect((await queryHistory(db)).comparisons).toEqual([]);
    expect(wakes).toBe(0);
  });

  test('with no model set up, the prompt is still kept (the panel offers to add one) and nothing runs', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), providers: [] });
    const h = backgroundHandlers({ db, runner: host });
    const { comparisonId } = await h['comparison.start']!({ text: 'hello' }, chatTab);
    expect(await runsOf(db, comparisonId)).toEqual([]);
    expect(wakes).toBe(0);
  });

  test('an empty prompt is refused with a reason', async () => {
    const h = backgroundHandlers({ db, runner: host });
    await expect(h['comparison.start']!({ text: '   ' }, chatTab)).rejects.toThrow('The prompt is empty.');
  });

  test('retry re-queues a failed run and wakes the runner; a run in progress cannot be retried', async () => {
    const h = backgroundHandlers({ db, runner: host });
    const { comparisonId } = await h['comparison.start']!({ text: 'q' }, chatTab);
    const [run] = await runsOf(db, comparisonId);
    await db.runs.update(run!.id, { state: 'streaming' });
    await expect(h['run.retry']!({ runId: run!.id }, chatTab)).rejects.toThrow('still in progress');
    await db.runs.update(run!.id, { state: 'failed', error: 'boom', errorCode: 'server' });
    await h['run.retry']!({ runId: run!.id }, chatTab);
    const requeued = await db.runs.get(run!.id);
    expect(requeued!.state).toBe('queued');
    expect([requeued!.error, requeued!.errorCode]).toEqual([undefined, undefined]);
    expect(wakes).toBe(2);
    await expect(h['run.retry']!({ runId: 'missing' }, chatTab)).rejects.toThrow('no longer exists');
  });

  test('an imported run is refused a retry: its state, error and address stay as imported and nothing is asked', async () => {
    const h = backgroundHandlers({ db, runner: host });
    const file = toJsonExport([
      {
        id: 'c-imp',
        createdAt: new Date(0).toISOString(),
        prompt: 'q',
        source: { kind: 'panel' },
        answers: [
          {
            runId: 'r-imp',
            state: 'failed',
            text: '',
            error: 'boom',
            model: 'm',
            provider: 'Evil',
            providerKind: 'openai-compatible',
            baseUrl: 'https://attacker.example/v1',
          },
        ],
      } as unknown as ExportedComparison,
    ]);
    const { comparison, runs } = planImport(file).comparisons[0]!;
    await db.comparisons.add(comparison);
    await db.runs.bulkAdd(runs);
    await expect(h['run.retry']!({ runId: 'r-imp' }, chatTab)).rejects.toThrow(/imported from a file: it is a read-only record and cannot be retried/);
    const kept = await db.runs.get('r-imp');
    expect([kept!.state, kept!.error, kept!.target.baseUrl]).toEqual(['failed', 'boom', 'https://attacker.example/v1']);
    expect(wakes).toBe(0);
  });

  test('cancel and cancel-all are passed to the runner host', async () => {
    const h = backgroundHandlers({ db, runner: host });
    await h['run.cancel']!({ runId: 'r9' }, chatTab);
    expect(await h['comparison.cancel']!({ comparisonId: 'c1' }, chatTab)).toEqual({ cancelled: 2 });
    expect(cancelled).toEqual(['r9', 'all:c1']);
  });

  test('the runner gets a provider key from storage.local; unknown providers get none', async () => {
    await apiKeysItem.setValue({ p1: 'sk-secret' });
    const h = backgroundHandlers({ db, runner: host });
    expect(await h['runner.apiKey']!({ providerId: 'p1' }, chatTab)).toEqual({ apiKey: 'sk-secret' });
    expect(await h['runner.apiKey']!({ providerId: 'nope' }, chatTab)).toEqual({ apiKey: '' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
