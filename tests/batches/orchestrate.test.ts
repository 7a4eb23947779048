import { describe, expect, test } from 'vitest';
import { memoryBatchStore } from '@/utils/core/batches/memory-store';
import { cancelBatch, pauseBatch, pumpBatch, resumeBatch, startBatch } from '@/utils/core/batches/orchestrate';
import { planProbeBatch } from '@/utils/core/batches/plan';
import { batchProgress, probeRefusals } from '@/utils/core/batches/results';
import { PAUSED_CODE, type BatchData } from '@/utils/core/batches/types';
import type { ProbeSet } from '@/utils/core/probes/types';
import type { Run } from '@/utils/core/runner/types';
import { target } from './fixtures';

const set: ProbeSet = {
  id: 'five',
  name: 'Five prompts',
  purpose: 'Enough units to need several windows.',
  category: 'custom',
  prompts: Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, text: { en: `English prompt ${i}`, fr: `Question française ${i}` } })),
};

function setup(window = 3) {
  const store = memoryBatchStore();
  let id = 0;
  let time = 1_000;
  const clock = { now: () => (time += 10), newId: () => `id-${++id}` };
  const data: BatchData = {
    ...planProbeBatch({ set, targets: [target('p1', 'alpha'), target('p2', 'beta', { params: { temperature: 0.2 } })], languages: ['en', 'fr'], now: 0 }),
    window,
  };
  store.put({ id: 'b1', createdAt: 0, kind: 'probe-set', name: 'Five prompts', data });
  const runsOfBatch = (): Run[] => Object.values(store.get('b1')!.data.created).flatMap((c) => store.runs.runsOf(c));
  /** Plays the runner: every queued run of the batch answers. */
  const answerQueued = async () => {
    for (const run of runsOfBatch().filter((r) => r.state === 'queued')) {
      await store.runs.move(run.id, 'streaming');
      await store.runs.move(run.id, 'done', { text: `answer to ${run.id}` });
    }
  };
  return { store, clock, runsOfBatch, answerQueued, data: () => store.get('b1')!.data };
}

describe('a batch, step by step', () => {
  test('start queues one window of units: a comparison per prompt × language with a run per endpoint', async () => {
    const { store, clock, runsOfBatch, data } = setup();
    const step = await startBatch(store, 'b1', clock);
    expect(step).toMatchObject({ status: 'running', created: 3 });
    expect(Object.keys(data().created)).toEqual(['p0|en', 'p0|fr', 'p1|en']);
    const comparison = await store.runs.getComparison(data().created['p0|fr']!);
    expect(comparison).toMatchObject({ prompt: 'Question française 0', language: 'fr', batchId: 'b1' });
    const runs = runsOfBatch();
    expect(runs).toHaveLength(6);
    expect(runs.filter((r) => r.comparisonId === comparison!.id).map((r) => [r.target.model, r.target.language, r.target.params, r.state])).toEqual([
      ['alpha', 'fr', undefined, 'queued'],
      ['beta', 'fr', { temperature: 0.2 }, 'queued'],
    ]);
    await expect(startBatch(store, 'b1', clock)).rejects.toThrow('already started (it is running)');
  });

  test('as answers settle, each step tops the window up, until every unit is done exactly once', async () => {
    const { store, clock, runsOfBatch, answerQueued, data } = setup();
    await startBatch(store, 'b1', clock);
    expect((await pumpBatch(store, 'b1', clock)).created).toBe(0); // nothing settled yet: the window is full
    for (let i = 0; i < 10 && data().status === 'running'; i++) {
      await answerQueued();
      await pumpBatch(store, 'b1', clock);
    }
    expect(data().status).toBe('done');
    expect(data().settled).toEqual(data().units.map((u) => u.key));
    expect(new Set(Object.values(data().created)).size).toBe(10);
    expect(batchProgress(data(), runsOfBatch())).toMatchObject({ units: 10, created: 10, settled: 10, calls: 20, done: 20, failed: 0, active: 0 });
  });

  test('two contexts stepping at the same moment never create a unit twice', async () => {
    const { store, clock, data } = setup(4);
    await startBatch(store, 'b1', clock);
    await Promise.all([pumpBatch(store, 'b1', clock), pumpBatch(store, 'b1', clock), pumpBatch(store, 'b1', clock)]);
    expect(Object.keys(data().created)).toHaveLength(4);
    expect(store.runs.runsOf(data().created['p0|en']!)).toHaveLength(2);
  });

  test('pause sets queued runs aside and stops new units; resume asks them again and finishes the batch', async () => {
    const { store, clock, runsOfBatch, answerQueued, data } = setup();
    await startBatch(store, 'b1', clock);
    const [first] = runsOfBatch();
    await store.runs.move(first!.id, 'streaming'); // one answer is under way when the user pauses
    const paused = await pauseBatch(store, 'b1', clock);
    expect(paused).toMatchObject({ status: 'paused', stopped: 5 });
    expect(runsOfBatch().filter((r) => r.errorCode === PAUSED_CODE)).toHaveLength(5);
    expect(batchProgress(data(), runsOfBatch())).toMatchObject({ waiting: 5, active: 1, settled: 0 });

    await store.runs.move(first!.id, 'done', { text: 'finished while paused' });
    expect(await pumpBatch(store, 'b1', clock)).toMatchObject({ status: 'paused', created: 0, requeued: 0 });
    expect(Object.keys(data().created)).toHaveLength(3);
    await expect(pauseBatch(store, 'b1', clock)).rejects.toThrow('Only a running batch can be paused');

    expect(await resumeBatch(store, 'b1', clock)).toMatchObject({ status: 'running', requeued: 5, created: 0 });
    for (let i = 0; i < 10 && data().status === 'running'; i++) {
      await answerQueued();
      await pumpBatch(store, 'b1', clock);
    }
    expect(data().status).toBe('done');
    const runs = runsOfBatch();
    expect(runs).toHaveLength(20);
    expect(runs.every((r) => r.state === 'done')).toBe(true);
    expect(runs.find((r) => r.id === first!.id)!.text).toBe('finished while paused');
  });

  test('cancel stops queued and set-aside runs here and hands streaming ones to the runner; nothing more is created', async () => {
    const { store, clock, runsOfBatch, data } = setup();
    await startBatch(store, 'b1', clock);
    const [first, second] = runsOfBatch();
    await store.runs.move(first!.id, 'streaming');
    await store.runs.move(second!.id, 'interrupted', { errorCode: 'interrupted' }); // cut off by a closed browser
    const step = await cancelBatch(store, 'b1', clock);
    expect(step).toMatchObject({ status: 'cancelled', stopped: 5, streaming: [first!.id] });
    expect(runsOfBatch().filter((r) => r.errorCode === 'cancelled')).toHaveLength(5);
    expect(await pumpBatch(store, 'b1', clock)).toMatchObject({ status: 'cancelled', created: 0, requeued: 0 });
    expect(Object.keys(data().created)).toHaveLength(3);
    await expect(resumeBatch(store, 'b1', clock)).rejects.toThrow('Only a paused batch can be resumed (this one is cancelled)');
    await expect(cancelBatch(store, 'b1', clock)).rejects.toThrow('already cancelled');
  });

  test('failed answers settle their unit and are counted as failures, not asked again', async () => {
    const { store, clock, runsOfBatch, data } = setup(2);
    await startBatch(store, 'b1', clock);
    for (const run of runsOfBatch()) {
      await store.runs.move(run.id, 'streaming');
      await store.runs.move(run.id, 'failed', { error: 'The server answered 500.', errorCode: 'server' });
    }
    expect(await pumpBatch(store, 'b1', clock)).toMatchObject({ created: 2, requeued: 0 });
    expect(batchProgress(data(), runsOfBatch())).toMatchObject({ settled: 2, failed: 4, active: 4 });
  });

  test('a missing batch is reported, not created', async () => {
    const { store, clock } = setup();
    await expect(pumpBatch(store, 'nope', clock)).rejects.toThrow('That batch no longer exists.');
  });
});

describe('results follow the plan, not storage order', () => {
  test('the refusal table lists languages and endpoints as chosen, whatever order the runs come in', async () => {
    const { store, clock, runsOfBatch, answerQueued, data } = setup(10);
    await startBatch(store, 'b1', clock);
    await answerQueued();
    const shuffled = runsOfBatch().reverse();
    const summary = probeRefusals(data(), shuffled, () => 'answered');
    expect(summary.languages).toEqual(['en', 'fr']);
    expect(summary.models.map((m) => m.model)).toEqual(['alpha', 'beta']);
    expect(summary.overall.runs).toBe(20);
  });
});
