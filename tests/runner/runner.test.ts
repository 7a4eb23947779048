import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { dexieRunStore } from '@/utils/platform/db/run-store';
import { runsOf, saveComparison } from '@/utils/platform/db/comparisons';
import { providerFor } from '@/utils/core/providers/registry';
import { BROWSER_CONNECTIONS_PER_HTTP_HOST, createRunner, type Runner } from '@/utils/core/runner/runner';
import { planComparison } from '@/utils/core/runner/plan';
import type { ProviderConfig } from '@/utils/core/providers/types';
import type { LiveEvent } from '@/utils/platform/messaging/protocol';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';

let server: TestServer;
let db: ParallaxDB;
let events: LiveEvent[];
let dbCount = 0;

beforeAll(async () => {
  server = await startOpenAIServer({ chunkDelayMs: 30, reply: (p, m) => `${m} says: ${p}. `.repeat(6) });
});
afterAll(() => server.close());
beforeEach(() => {
  db = new ParallaxDB(`runner-test-${++dbCount}`);
  events = [];
  server.requests.length = 0;
});

const provider = (model: string, id = model): ProviderConfig => ({ id, kind: 'openai-compatible', label: model, baseUrl: `${server.url}/v1`, model });

async function newComparison(prompt: string, providers: ProviderConfig[]) {
  let n = 0;
  const { comparison, runs } = planComparison({
    prompt,
    source: { kind: 'panel' },
    providers,
    now: Date.now(),
    newId: () => `${prompt.length}-${dbCount}-${++n}`,
  });
  await saveComparison(db, comparison, runs);
  return comparison.id;
}

function runner(opts: { keys?: Record<string, string>; maxConcurrent?: number; connectionsPerHttpHost?: number } = {}): Runner {
  return createRunner({
    store: dexieRunStore(db),
    providerFor,
    apiKeyFor: async (id) => opts.keys?.[id],
    onEvent: (e) => events.push(e),
    checkpointMs: 20,
    maxConcurrent: opts.maxConcurrent,
    connectionsPerHttpHost: opts.connectionsPerHttpHost,
  });
}

describe('runner', () => {
  test('runs stream independently: one fails, the others finish, all persisted', async () => {
    const id = await newComparison('Why is the sky blue?', [provider('alpha'), provider('fail-500'), provider('beta')]);
    const r = runner();
    expect(await r.wake()).toBe(3);
    await r.idle();
    const runs = await runsOf(db, id);
    expect(runs.map((x) => x.state)).toEqual(['done', 'failed', 'done']);
    expect(runs[0]!.text).toBe('alpha says: Why is the sky blue?. '.repeat(6));
    expect(runs[2]!.text).toBe('beta says: Why is the sky blue?. '.repeat(6));
    expect(runs[1]!.error).toContain('server error (500)');
    expect(runs[1]!.errorCode).toBe('server');
    expect(runs[0]!.usage).toEqual({ inputTokens: 12, outputTokens: runs[0]!.text.match(/\S+\s*/g)!.length });
    expect(runs.every((x) => x.attempts === 1 && x.finishedAt! >= x.startedAt!)).toBe(true);
  });

  test('live deltas reassemble the exact answer, in order', async () => {
    await newComparison('Hi', [provider('gamma')]);
    const r = runner();
    await r.wake();
    await r.idle();
    const deltas = events.filter((e): e is Extract<LiveEvent, { type: 'delta' }> => e.type === 'delta');
    let text = '';
    for (const d of deltas) {
      expect(d.offset).toBe(text.length);
      text += d.text;
    }
    expect(text).toBe('gamma says: Hi. '.repeat(6));
    expect(events.filter((e) => e.type === 'state').map((e) => (e as { state: string }).state)).toEqual(['streaming', 'done']);
  });

  test('partial text is checkpointed while streaming', async () => {
    const id = await newComparison('Tell me a long story', [provider('delta')]);
    const r = runner();
    await r.wake();
    await expect.poll(async () => (await runsOf(db, id))[0]!.text.length, { timeout: 5000, interval: 10 }).toBeGreaterThan(0);
    const mid = (await runsOf(db, id))[0]!;
    expect(mid.state).toBe('streaming');
    expect('delta says: Tell me a long story. '.repeat(6).startsWith(mid.text)).toBe(true);
    await r.idle();
  });

  test('a stream cut mid-answer fails with a clear reason and keeps the partial text', async () => {
    const id = await newComparison('Cut me off', [provider('cut')]);
    const r = runner();
    await r.wake();
    await r.idle();
    const [run] = await runsOf(db, id);
    expect(run!.state).toBe('failed');
    expect(run!.errorCode).toBe('stream_cut');
    expect(run!.error).toMatch(/before the answer was complete/);
    expect(run!.text.length).toBeGreaterThan(0);
    expect('cut says: Cut me off. '.repeat(6).startsWith(run!.text)).toBe(true);
  });

  test('cancel stops a streaming run; it is interrupted with its partial text and can be retried', async () => {
    const id = await newComparison('Cancel me', [provider('epsilon')]);
    const r = runner();
    await r.wake();
    await expect.poll(() => events.some((e) => e.type === 'delta'), { interval: 5 }).toBe(true);
    const [streaming] = await runsOf(db, id);
    expect(await r.cancel(streaming!.id)).toBe(true);
    await r.idle();
    const [run] = await runsOf(db, id);
    expect(run!.state).toBe('interrupted');
    expect(run!.errorCode).toBe('cancelled');
    expect(run!.error).toContain('Cancelled');
    expect(run!.text.length).toBeGreaterThan(0);
  });

  test('after a restart, runs left mid-stream are interrupted (text kept); a retry completes them', async () => {
    const id = await newComparison('Survive a restart', [provider('zeta')]);
    const [queued] = await runsOf(db, id);
    // A previous runner died while streaming.
    await db.runs.update(queued!.id, { state: 'streaming', text: 'zeta says: Surv' });
    const fresh = runner();
    expect(await fresh.recover()).toBe(1);
    const [interrupted] = await runsOf(db, id);
    expect(interrupted).toMatchObject({ state: 'interrupted', errorCode: 'interrupted', text: 'zeta says: Surv' });
    expect(interrupted!.error).toContain('retry');

    await db.runs.update(queued!.id, { state: 'queued' }); // what the background's retry does
    await fresh.wake();
    await fresh.idle();
    const [done] = await runsOf(db, id);
    expect(done).toMatchObject({ state: 'done', text: 'zeta says: Survive a restart. '.repeat(6), attempts: 1 });
    expect(done!.error).toBeUndefined();
  });

  test('recovery leaves runs this runner is streaming alone', async () => {
    const id = await newComparison('Still going', [provider('eta')]);
    const r = runner();
    await r.wake();
    await expect.poll(() => events.some((e) => e.type === 'delta'), { interval: 5 }).toBe(true);
    expect(await r.recover()).toBe(0);
    await r.idle();
    expect((await runsOf(db, id))[0]!.state).toBe('done');
  });

  test('a run is never executed twice when woken twice', async () => {
    await newComparison('Once', [provider('theta')]);
    const r = runner();
    await Promise.all([r.wake(), r.wake()]);
    await r.idle();
    expect(server.requests).toHaveLength(1);
  });

  test('the concurrency cap queues the rest and drains them as slots free', async () => {
    const id = await newComparison('One at a time', [provider('m1'), provider('m2'), provider('m3')]);
    const r = runner({ maxConcurrent: 1 });
    expect(await r.wake()).toBe(1);
    await r.idle();
    const runs = await runsOf(db, id);
    expect(runs.map((x) => x.state)).toEqual(['done', 'done', 'done']);
    const spans = runs.map((x) => [x.startedAt!, x.finishedAt!] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  });

  test('in a browser, one plain-http server gets 6 answers at a time (there is no 7th connection for it); in Node, all', async () => {
    const models = Array.from({ length: 8 }, (_, i) => provider(`local${i}`));
    const peak = async (connectionsPerHttpHost?: number) => {
      const id = await newComparison(`Eight on one Ollama ${connectionsPerHttpHost}`, models);
      const r = runner({ maxConcurrent: 12, connectionsPerHttpHost });
      const started = await r.wake();
      await r.idle();
      const runs = await runsOf(db, id);
      expect(runs.every((x) => x.state === 'done')).toBe(true);
      const inFlight = (t: number) => runs.filter((x) => x.startedAt! <= t && t < x.finishedAt!).length;
      return [started, Math.max(...runs.map((x) => inFlight(x.startedAt!)))];
    };
    expect(await peak(BROWSER_CONNECTIONS_PER_HTTP_HOST)).toEqual([6, 6]);
    expect(await peak(undefined)).toEqual([8, 8]);
  });

  test('the API key is fetched at run time and sent as a bearer token', async () => {
    await newComparison('Auth', [provider('iota', 'prov-iota')]);
    const r = runner({ keys: { 'prov-iota': 'sk-test-123' } });
    await r.wake();
    await r.idle();
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-123');
  });

  test('an engine this build does not have fails with a message, not a crash', async () => {
    const id = await newComparison('By pigeon?', [{ id: 'w', kind: 'carrier-pigeon' as ProviderConfig['kind'], label: 'Pigeon', baseUrl: '', model: 'p1' }]);
    const r = runner();
    await r.wake();
    await r.idle();
    const [run] = await runsOf(db, id);
    expect(run).toMatchObject({ state: 'failed', errorCode: 'error' });
    expect(run!.error).toContain('cannot talk to carrier-pigeon engines yet');
  });
});
