import { afterEach, describe, expect, test } from 'vitest';
import { createRunner } from '@/utils/core/runner/runner';
import { memoryRunStore } from '@/utils/core/runner/memory-store';
import { planComparison } from '@/utils/core/runner/plan';
import { judgeRuns } from '@/utils/core/runner/run-judge';
import { embedTexts } from '@/utils/core/providers/embeddings';
import { openaiCompatible } from '@/utils/core/providers/openai-compatible';
import { providerFor } from '@/utils/core/providers/registry';
import { modelTranslator } from '@/utils/core/translate/translator';
import type { ProviderConfig } from '@/utils/core/providers/types';
import type { LiveEvent } from '@/utils/platform/messaging/protocol';
import type { Run } from '@/utils/core/runner/types';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';

/** Short limits so a stalled endpoint is given up on within the test; production uses DEFAULT_TIMEOUTS. */
const SHORT = { firstByteMs: 200, totalMs: 5_000 };
const SHORT_TOTAL = { firstByteMs: 5_000, totalMs: 300 };

let server: TestServer;
afterEach(async () => server.close());

/** Asks one endpoint in German and as written (English), one run at a time, translating with `translatorModel`. */
async function compareInGerman(translatorModel: string, timeouts: typeof SHORT) {
  server = await startOpenAIServer();
  const endpoint: ProviderConfig = { id: 'local', kind: 'openai-compatible', label: 'Local', baseUrl: `${server.url}/v1`, model: 'answerer' };
  let n = 0;
  const { comparison, runs } = planComparison({
    prompt: 'Should a doctor always tell a patient the truth?',
    source: { kind: 'panel' },
    providers: [endpoint],
    now: 1,
    newId: () => `id-${++n}`,
    languages: ['de', null],
  });
  const store = memoryRunStore([comparison], runs);
  const events: LiveEvent[] = [];
  const runner = createRunner({
    store,
    providerFor,
    apiKeyFor: async () => undefined,
    onEvent: (e) => events.push(e),
    concurrencyFor: () => 1,
    translator: modelTranslator(openaiCompatible, { baseUrl: endpoint.baseUrl }, translatorModel, { timeouts }),
  });
  await runner.wake();
  await runner.idle();
  const settled = store.runsOf(comparison.id);
  const german = settled.find((r) => r.target.language === 'de')!;
  const asWritten = settled.find((r) => r.target.language !== 'de')!;
  const states = events
    .filter((e): e is Extract<LiveEvent, { type: 'state' }> => e.type === 'state')
    .map((e) => `${e.runId === german.id ? 'de' : 'en'}:${e.state}`);
  return { german, asWritten, states, host: new URL(endpoint.baseUrl).host };
}

describe('a translation that never comes', () => {
  test('a translator that never answers fails the run with what to do, and frees its slot for the next run', async () => {
    const { german, asWritten, states, host } = await compareInGerman('never-answers', SHORT);
    expect(german).toMatchObject({ state: 'failed', errorCode: 'translation' });
    expect(german.error).toBe(
      `Could not translate the prompt into German with never-answers on ${host}: ${host} gave no first word within 0.2 s. Try again; a busy or large model may need longer.`,
    );
    // One run at a time: the English run could only start once the stuck translation gave up its slot.
    expect(states).toEqual(['de:translating', 'de:failed', 'en:streaming', 'en:done']);
    expect(asWritten.text).toContain('Answer from answerer');
  });

  test('a translator that sends headers and then stalls is stopped at the total limit', async () => {
    const { german, states, host } = await compareInGerman('stalls', SHORT_TOTAL);
    expect(german).toMatchObject({ state: 'failed', errorCode: 'translation' });
    expect(german.error).toContain(`${host} gave no complete answer within 0.3 s`);
    expect(states).not.toContain('de:streaming');
    expect(states.at(-1)).toBe('en:done');
  });
});

const doneRun = (id: string, text: string): Run => ({
  id,
  comparisonId: 'c',
  position: 0,
  state: 'done',
  text,
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'P', baseUrl: '', model: 'm', language: null },
});

describe('a judge that never answers', () => {
  test.each([
    ['never-answers', SHORT, 'Local·never-answers gave no first word within 0.2 s'],
    ['stalls', SHORT_TOTAL, 'Local·stalls gave no complete answer within 0.3 s'],
  ])('%s: each answer gets an error saying so, and judging goes on to the end', async (model, timeouts, message) => {
    server = await startOpenAIServer();
    const seen: number[] = [];
    const outcomes = await judgeRuns(
      'refusal',
      'Q',
      [doneRun('a', 'Answer one'), doneRun('b', 'Answer two')],
      { provider: openaiCompatible, conn: { baseUrl: `${server.url}/v1` }, model, by: `Local·${model}`, timeouts },
      new AbortController().signal,
      (_o, done) => void seen.push(done),
    );
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ error: expect.stringContaining(message) as string });
    expect(seen).toEqual([1, 2]);
  });
});

describe('embeddings that never come', () => {
  test.each([
    ['never-answers', SHORT, 'gave no first word within 0.2 s'],
    ['stalls', SHORT_TOTAL, 'gave no complete answer within 0.3 s'],
  ])('%s: a timeout error saying so', async (model, timeouts, message) => {
    server = await startOpenAIServer();
    const failure = embedTexts({ baseUrl: `${server.url}/v1` }, model, ['a', 'b'], new AbortController().signal, timeouts);
    await expect(failure).rejects.toMatchObject({ code: 'timeout', message: expect.stringContaining(`${server.port}`) as string });
    await expect(failure).rejects.toThrow(message);
  });

  test('cancelling is still a cancel, not a timeout', async () => {
    server = await startOpenAIServer();
    const control = new AbortController();
    const failure = embedTexts({ baseUrl: `${server.url}/v1` }, 'never-answers', ['a'], control.signal, SHORT_TOTAL);
    control.abort();
    await expect(failure).rejects.toMatchObject({ code: 'aborted' });
  });
});
