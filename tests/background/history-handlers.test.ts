import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { historyHandlers } from '@/utils/platform/background/history-handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { queryHistory } from '@/utils/platform/db/history';
import { parseMessage } from '@/utils/platform/messaging/protocol';
import type { Comparison, Run } from '@/utils/core/runner/types';

let n = 0;
let db: ParallaxDB;
let cancelled: string[];
const host: RunnerHost = {
  ensure: async () => undefined,
  wake: async () => undefined,
  cancel: async () => true,
  // The real runner interrupts the comparison's live runs; here it records who was stopped, and when.
  cancelAll: async (comparisonId) => {
    cancelled.push(comparisonId);
    return 1;
  },
  checkTranslation: async (_s, targets) => ({ engine: 'model', ready: targets, missing: [] }),
};
const ui = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const comparison = (id: string): Comparison => ({ id, createdAt: 1000 + n++, prompt: `Question ${id}`, source: { kind: 'panel' }, tags: ['keep'] });
const run = (id: string, comparisonId: string, state: Run['state'], text = ''): Run => ({
  id,
  comparisonId,
  position: 0,
  state,
  text,
  attempts: 1,
  createdAt: 1,
  updatedAt: 1,
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', language: null },
});

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ParallaxDB(`history-handlers-${++n}`);
  cancelled = [];
  await db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
    await db.comparisons.bulkAdd([comparison('a'), comparison('b')]);
    await db.runs.bulkAdd([run('a1', 'a', 'streaming', 'Half an answ'), run('a2', 'a', 'done', 'A whole answer.'), run('b1', 'b', 'done', 'Done.')]);
  });
});

describe('the background is the history writer', () => {
  test('deleting stops the live runs first; undo brings everything back, the unfinished run interrupted with its text', async () => {
    const h = historyHandlers({ db, runner: host });
    const { deletionId, deleted } = await h['history.delete']!({ ids: ['a'] }, ui);
    expect(deleted).toBe(1);
    expect(cancelled).toEqual(['a']);
    expect((await queryHistory(db)).comparisons.map((c) => c.id)).toEqual(['b']);
    expect(await h['history.restore']!({ deletionId: deletionId! }, ui)).toEqual({ restored: 1 });
    const runs = await db.runs.where('comparisonId').equals('a').sortBy('id');
    expect(runs.map((r) => [r.id, r.state, r.text])).toEqual([
      ['a1', 'interrupted', 'Half an answ'],
      ['a2', 'done', 'A whole answer.'],
    ]);
    expect(runs[0]!.error).toMatch(/retry to ask again/);
    expect((await queryHistory(db, { text: 'Question' })).comparisons.map((c) => c.id).sort()).toEqual(['a', 'b']);
  });

  test('only the last deletion can be undone, and it says so', async () => {
    const h = historyHandlers({ db, runner: host });
    const first = await h['history.delete']!({ ids: ['a'] }, ui);
    await h['history.delete']!({ ids: ['b'] }, ui);
    expect(cancelled).toEqual(['a']); // b had nothing live to stop
    await expect(h['history.restore']!({ deletionId: first.deletionId! }, ui)).rejects.toThrow(/nothing to undo/);
  });

  test('annotations are written here, trimmed, and searchable', async () => {
    const h = historyHandlers({ db, runner: host });
    await h['comparison.annotate']!({ comparisonId: 'b', tags: [' ethics ', 'ethics', 'class 9'], note: 'Show this one.' }, ui);
    expect(await db.comparisons.get('b')).toMatchObject({ tags: ['class 9', 'ethics'], note: 'Show this one.' });
    expect((await queryHistory(db, { tag: 'ethics' })).comparisons.map((c) => c.id)).toEqual(['b']);
  });

  test("a judge's verdict is kept on the run, replacing the same judge's earlier one; a malformed one is refused", async () => {
    const h = historyHandlers({ db, runner: host });
    const verdict = (label: 'full_compliance' | 'full_refusal', by = 'Local·judge') => ({
      rubric: 'refusal' as const,
      by,
      rationale: 'Reasons.',
      quotes: [],
      label,
    });
    await h['run.judged']!({ runId: 'a2', verdict: verdict('full_refusal') }, ui);
    await h['run.judged']!({ runId: 'a2', verdict: verdict('full_compliance') }, ui);
    await h['run.judged']!({ runId: 'a2', verdict: verdict('full_refusal', 'Other·judge') }, ui);
    expect((await db.runs.get('a2'))!.judge!.map((v) => [v.by, 'label' in v ? v.label : ''])).toEqual([
      ['Local·judge', 'full_compliance'],
      ['Other·judge', 'full_refusal'],
    ]);
    await expect(h['run.judged']!({ runId: 'gone', verdict: verdict('full_refusal') }, ui)).rejects.toThrow(/no longer stored/);
    expect(parseMessage({ type: 'run.judged', payload: { runId: 'a2', verdict: { ...verdict('full_refusal'), label: 'refused!' } } })).toMatchObject({
      ok: false,
    });
    expect(
      parseMessage({ type: 'run.judged', payload: { runId: 'a2', verdict: { ...verdict('full_refusal'), rationale: 'x'.repeat(60_000) } } }),
    ).toMatchObject({ ok: false });
  });

  test('Settings clears the translation cache through the background, which says how many it dropped', async () => {
    await db.translations.bulkPut([
      { key: 'k1', translation: 'Hallo', createdAt: 1 },
      { key: 'k2', translation: 'Welt', createdAt: 2 },
    ]);
    expect(await historyHandlers({ db, runner: host })['translations.clear']!({}, ui)).toEqual({ cleared: 2 });
    expect(await db.translations.count()).toBe(0);
  });
});
