import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { batchHandlers } from '@/utils/platform/background/batch-handlers';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { planSurveyBatch } from '@/utils/core/batches/plan';
import { needsReading, surveyAnswers, surveyAnswersTable } from '@/utils/core/batches/survey-answers';
import { surveyResults } from '@/utils/core/batches/survey-results';
import type { Run } from '@/utils/core/runner/types';
import { batchWithRuns, saveBatch } from '@/utils/platform/db/batch-store';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { createRouter } from '@/utils/platform/messaging/router';
import { parseMessage } from '@/utils/platform/messaging/protocol';
import { handValues } from '@/utils/core/surveys/hand-reading';
import { importVsmQuestionnaire, vsmItemId } from '@/utils/core/surveys/vsm2013';
import { placeholderQuestionnaire, target } from './fixtures';

let n = 0;
let db: ParallaxDB;
const host: RunnerHost = {
  ensure: async () => undefined,
  wake: async () => undefined,
  cancel: async () => true,
  cancelAll: async () => 0,
  checkTranslation: async (_source: string | null, targets: string[]) => ({ engine: 'model' as const, ready: targets, missing: [] }),
};
const ui = { id: 'ext', url: 'chrome-extension://ext/studies.html', frameId: 0 };

beforeEach(() => {
  fakeBrowser.reset();
  db = new ParallaxDB(`hand-reading-${++n}`);
});

/** A one-repetition survey where every item is answered "3", except m07, which names two far-apart options. */
async function answeredSurvey(): Promise<{ runs: Run[]; m07: Run }> {
  const imported = importVsmQuestionnaire(placeholderQuestionnaire(), 'en');
  if (!imported.ok) throw new Error('import failed');
  const data = {
    ...planSurveyBatch({ instrument: imported.instrument, targets: [target('p1', 'alpha')], languages: ['en'], repetitions: 1, now: 1 }),
    window: 24,
  };
  await saveBatch(db, { id: 's1', createdAt: 1, kind: 'survey', name: 'VSM', data });
  await batchHandlers({ db, runner: host })['batch.start']!({ batchId: 's1' }, ui);
  const { batch, runs } = (await batchWithRuns(db, 's1'))!;
  const itemOf = new Map(Object.entries(batch.data.created).map(([key, id]) => [id, key.split('|')[1]]));
  for (const run of runs)
    await db.runs.update(run.id, { state: 'done', text: itemOf.get(run.comparisonId) === vsmItemId(7) ? 'Either 2 or 4, it depends.' : '3' });
  const done = (await batchWithRuns(db, 's1'))!.runs;
  return { runs: done, m07: done.find((r) => itemOf.get(r.comparisonId) === vsmItemId(7))! };
}

const results = async () => {
  const { batch, runs } = (await batchWithRuns(db, 's1'))!;
  return { cell: surveyResults(batch.data, runs)[0]!, answers: surveyAnswers(batch.data, runs) };
};

describe('reading survey answers by hand', () => {
  test('an unreadable answer waits for a person; their value counts in the index with who decided; undo takes it back', async () => {
    const { m07 } = await answeredSurvey();
    const read = batchHandlers({ db, runner: host, now: () => 5000 })['survey.read']!;
    let { cell, answers } = await results();
    expect(needsReading(answers).map((a) => [a.itemId, a.text, a.reader])).toEqual([
      ['m07', 'Either 2 or 4, it depends.', { invalid: 'names two options that are not neighbours: 2 and 4' }],
    ]);
    // PDI = 35(m07 − m02) + 25(m20 − m23): without m07 no repetition gives a value.
    expect(cell.indices.PDI).toMatchObject({ mean: null, n: 0 });
    expect(cell.unreadable).toBe(1);

    await read({ runId: m07.id, reading: { value: 2.5 } }, ui);
    ({ cell, answers } = await results());
    expect((await db.runs.get(m07.id))!.surveyReading).toEqual({ value: 2.5, by: 'person', at: 5000 });
    expect(cell.indices.PDI).toMatchObject({ mean: 35 * (2.5 - 3), n: 1 });
    expect(cell.byPerson).toMatchObject({ PDI: 1, IDV: 0 });
    expect(needsReading(answers)).toEqual([]);
    const row = surveyAnswersTable(answers).rows.find((r) => r[2] === 'm07')!;
    expect(row.slice(5)).toEqual([2.5, '', '', 'hand', 'person', 'unreadable: names two options that are not neighbours: 2 and 4']);

    await read({ runId: m07.id, reading: { refused: true } }, ui);
    ({ cell } = await results());
    expect(cell.indices.PDI).toMatchObject({ mean: null, refusals: 1 });

    await read({ runId: m07.id, reading: null }, ui);
    ({ cell, answers } = await results());
    expect((await db.runs.get(m07.id))!.surveyReading).toBeUndefined();
    expect(cell.indices.PDI).toMatchObject({ mean: null, n: 0, refusals: 0 });
    expect(needsReading(answers)).toHaveLength(1);
  });

  test('values off the scale, unfinished answers and answers outside a survey are refused with a reason', async () => {
    const { m07, runs } = await answeredSurvey();
    const read = batchHandlers({ db, runner: host })['survey.read']!;
    await expect(read({ runId: m07.id, reading: { value: 2.3 } }, ui)).rejects.toThrow(
      "2.3 is not a value of this item's scale (1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5)",
    );
    await expect(read({ runId: m07.id, reading: { value: 6 } }, ui)).rejects.toThrow('6 is not a value');
    await expect(read({ runId: 'gone', reading: { value: 2 } }, ui)).rejects.toThrow('That answer no longer exists.');
    await db.runs.update(runs[1]!.id, { state: 'failed' });
    await expect(read({ runId: runs[1]!.id, reading: { value: 2 } }, ui)).rejects.toThrow('Only a finished answer can be read.');
    await db.runs.add({ ...runs[0]!, id: 'loose', comparisonId: 'not-a-batch' });
    await expect(read({ runId: 'loose', reading: { value: 2 } }, ui)).rejects.toThrow('This answer is not part of a survey.');
    expect((await db.runs.get(m07.id))!.surveyReading).toBeUndefined();
  });

  test('asking an answer again drops the reading of the old answer', async () => {
    const { m07 } = await answeredSurvey();
    await batchHandlers({ db, runner: host })['survey.read']!({ runId: m07.id, reading: { value: 2 } }, ui);
    await backgroundHandlers({ db, runner: host })['run.retry']!({ runId: m07.id }, ui);
    expect(await db.runs.get(m07.id)).toMatchObject({ state: 'queued' });
    expect((await db.runs.get(m07.id))!.surveyReading).toBeUndefined();
  });

  test("only the extension's pages may send it, and the payload is checked", async () => {
    const route = createRouter(batchHandlers({ db, runner: host }), {
      context: async () => ({
        extensionId: 'ext',
        extensionOrigin: 'chrome-extension://ext',
        enabled: { sites: [], customSitePatterns: ['https://chat.example/*'] },
      }),
      answerAll: true,
      log: () => undefined,
    });
    const forged = await route(
      { type: 'survey.read', payload: { runId: 'r1', reading: { value: 2 } } },
      { id: 'ext', url: 'https://chat.example/c/1', tab: { id: 3 }, frameId: 0 },
    );
    expect(forged).toEqual({ ok: false, error: 'survey.read is not accepted from this sender.' });
    for (const [payload, error] of [
      [{ runId: 'r1', reading: { value: 2.5 } }, null],
      [{ runId: 'r1', reading: { refused: true } }, null],
      [{ runId: 'r1', reading: null }, null],
      [{ runId: 'r1', reading: { refused: false } }, 'survey.read: refused must be true'],
      [{ runId: 'r1', reading: { value: '2' } }, 'survey.read: value must be a number'],
      [{ runId: 'r1', reading: { value: 2, by: 'reader' } }, 'survey.read: reading must be { value }, { refused: true } or null'],
      [{ runId: 'r1' }, 'survey.read: reading must be { value }, { refused: true } or null'],
      [{ runId: 'r1', reading: null, at: 1 }, 'survey.read: payload has unknown fields'],
    ] as const) {
      const parsed = parseMessage({ type: 'survey.read', payload });
      expect(parsed.ok ? null : parsed.error, JSON.stringify(payload)).toBe(error);
    }
  });

  test('a person can pick every point and every half point of a five-point scale', () => {
    expect(handValues({ id: 's', points: [1, 2, 3, 4, 5].map((value) => ({ value, label: {} })) })).toEqual([1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
  });
});
