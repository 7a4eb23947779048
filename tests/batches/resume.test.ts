import { describe, expect, test } from 'vitest';
import { memoryBatchStore } from '@/utils/core/batches/memory-store';
import { startBatch } from '@/utils/core/batches/orchestrate';
import { planProbeBatch, planSurveyBatch } from '@/utils/core/batches/plan';
import { createBatchPump } from '@/utils/core/batches/pump';
import { batchProgress } from '@/utils/core/batches/results';
import { surveyResults } from '@/utils/core/batches/survey-results';
import type { ChatProvider, ChatRequest } from '@/utils/core/providers/types';
import { createRunner } from '@/utils/core/runner/runner';
import type { Run } from '@/utils/core/runner/types';
import { scoreInstrument } from '@/utils/core/surveys/score';
import { importVsmQuestionnaire } from '@/utils/core/surveys/vsm2013';
import { placeholderQuestionnaire, target } from './fixtures';

const promptOf = (req: ChatRequest) => req.messages.at(-1)!.content;

/** An endpoint that answers at once with `reply(prompt, model)`. */
const answering = (reply: (prompt: string, req: ChatRequest) => string): ChatProvider => ({
  kind: 'openai-compatible',
  name: 'test',
  async *stream(_conn, req) {
    yield { type: 'text', text: reply(promptOf(req), req) };
    yield { type: 'done' };
  },
});

/** An endpoint that starts answering and never finishes: the browser is closed while it streams. */
const hanging: ChatProvider = {
  kind: 'openai-compatible',
  name: 'hangs',
  async *stream() {
    yield { type: 'text', text: 'A partial ans' };
    await new Promise(() => undefined);
  },
};

function host(store: ReturnType<typeof memoryBatchStore>, provider: ChatProvider) {
  let n = 0;
  const runner = createRunner({
    store: store.runs,
    providerFor: () => provider,
    apiKeyFor: async () => undefined,
    onEvent: (e) => pump.onEvent(e),
    checkpointMs: 0,
  });
  const pump = createBatchPump(store, { now: () => Date.now(), newId: () => `${provider.name}-${++n}`, wake: () => runner.wake(), delayMs: 1 });
  /** Until neither the runner nor the pump has anything left to do. */
  const settle = async () => {
    for (let i = 0; i < 200; i++) {
      await runner.idle();
      await pump.idle();
      if (!(await store.runs.runsIn(['queued', 'translating', 'streaming'])).length) return;
    }
  };
  return { runner, pump, settle };
}

const runsOf = (store: ReturnType<typeof memoryBatchStore>, id: string): Run[] =>
  Object.values(store.get(id)!.data.created).flatMap((c) => store.runs.runsOf(c));

describe('a batch resumes after the browser was closed mid-run', () => {
  test('answers cut off are asked again, the rest is created, every unit is answered once', async () => {
    const store = memoryBatchStore();
    const set = {
      id: 'six',
      name: 'Six',
      purpose: 'Resume test.',
      category: 'custom' as const,
      prompts: Array.from({ length: 6 }, (_, i) => ({ id: `q${i}`, text: { en: `Prompt ${i}`, de: `Frage ${i}` } })),
    };
    store.put({
      id: 'b',
      createdAt: 0,
      kind: 'probe-set',
      name: 'Six',
      data: planProbeBatch({ set, targets: [target('p1', 'alpha'), target('p2', 'beta')], languages: ['en', 'de'], now: 0 }),
    });

    // First browser session: the runner starts streaming, then the browser closes (nothing settles).
    const first = host(store, hanging);
    await startBatch(store, 'b', {
      now: Date.now,
      newId: (() => {
        let i = 0;
        return () => `s1-${++i}`;
      })(),
    });
    await first.runner.wake();
    await new Promise((r) => setTimeout(r, 20));
    const before = batchProgress(store.get('b')!.data, runsOf(store, 'b'));
    expect(before).toMatchObject({ created: 8, settled: 0 });
    expect((await store.runs.runsIn(['streaming'])).length).toBe(8); // 2 endpoints × 4 each at once

    // Second session: recovery marks the cut-off answers interrupted; the pump asks them again and goes on.
    const second = host(
      store,
      answering((prompt, req) => `${req.model} says: ${prompt}`),
    );
    expect(await second.runner.recover()).toBe(8);
    await second.pump.resumeAll();
    await second.settle();

    const data = store.get('b')!.data;
    const runs = runsOf(store, 'b');
    expect(data.status).toBe('done');
    expect(Object.keys(data.created).sort()).toEqual(data.units.map((u) => u.key).sort());
    expect(runs).toHaveLength(24);
    expect(runs.every((r) => r.state === 'done')).toBe(true);
    // Each answer belongs to its own unit's prompt: nothing was answered twice or mixed up.
    for (const run of runs) expect(run.text).toBe(`${run.target.model} says: ${(await store.runs.getComparison(run.comparisonId))!.prompt}`);
    expect(runs.filter((r) => r.attempts === 2)).toHaveLength(8);
  });
});

describe('a survey batch, end to end over the runner', () => {
  test('indices match scoring the same answers by hand; refusals and unreadable answers are counted, not averaged', async () => {
    const imported = importVsmQuestionnaire(placeholderQuestionnaire(), 'en');
    if (!imported.ok) throw new Error(imported.errors.join('; '));
    const instrument = imported.instrument;
    const store = memoryBatchStore();
    const data = planSurveyBatch({
      instrument,
      targets: [target('p1', 'alpha'), target('p2', 'beta')],
      languages: ['en'],
      repetitions: 3,
      temperature: 0.5,
      seedPolicy: { kind: 'per-repetition', base: 7 },
      now: 0,
    });
    store.put({ id: 's', createdAt: 0, kind: 'survey', name: 'VSM', data });
    // alpha answers item n with (n + seed) mod 5 + 1, chattily; beta refuses item 7 and mumbles on item 2 in repetition 1.
    const answer = (n: number, seed: number) => ((n + seed) % 5) + 1;
    const seen: ChatRequest[] = [];
    const { runner, settle } = host(
      store,
      answering((prompt, req) => {
        seen.push(req);
        const n = Number(/number (\d+) for/.exec(prompt)![1]);
        if (req.model === 'beta' && n === 7) return "I'm sorry, but I can't answer that.";
        if (req.model === 'beta' && n === 2 && req.seed === 7) return 'Hmm, hard to say.';
        return req.model === 'alpha' ? `Sure! My answer is (${answer(n, req.seed!)}).` : String(answer(n, req.seed!));
      }),
    );
    await startBatch(store, 's', {
      now: Date.now,
      newId: (() => {
        let i = 0;
        return () => `u-${++i}`;
      })(),
    });
    await runner.wake();
    await settle();
    expect(store.get('s')!.data.status).toBe('done');
    expect(seen.every((r) => r.temperature === 0.5)).toBe(true);
    expect(new Set(seen.map((r) => r.seed))).toEqual(new Set([7, 8, 9]));

    const [alpha, beta] = surveyResults(store.get('s')!.data, runsOf(store, 's'));
    const byHand: Record<string, number[]> = {};
    for (let n = 1; n <= 24; n++) byHand[`m${String(n).padStart(2, '0')}`] = [7, 8, 9].map((seed) => answer(n, seed));
    const expected = scoreInstrument(instrument, byHand);
    expect(alpha!.label).toBe('Local alpha · alpha · en');
    for (const [index, value] of Object.entries(expected)) {
      expect(alpha!.indices[index]!.mean).toBeCloseTo(value, 6);
      expect(alpha!.indices[index]!.n).toBe(3);
    }
    expect(alpha).toMatchObject({ answered: 72, refused: 0, unreadable: 0, failed: 0 });
    // beta: m07 refused in every repetition → PDI has no value and counts 3 refusals; m02 unreadable once.
    expect(beta).toMatchObject({ answered: 68, refused: 3, unreadable: 1 });
    expect(beta!.indices.PDI).toMatchObject({ mean: null, n: 0, refusals: 3 });
    expect(beta!.indices.IDV!.mean).toBeCloseTo(expected.IDV!, 6);
  });
});
