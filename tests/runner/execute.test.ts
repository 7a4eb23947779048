import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ServerResponse } from 'node:http';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { dexieRunStore } from '@/utils/platform/db/run-store';
import { runsOf, saveComparison } from '@/utils/platform/db/comparisons';
import { providerFor } from '@/utils/core/providers/registry';
import { createRunner } from '@/utils/core/runner/runner';
import { planComparison } from '@/utils/core/runner/plan';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { sleep, startServer, type ReceivedRequest, type TestServer } from '../servers/http';

/** A server whose answer per request is scripted: a status to fail with, or text to stream. */
type Step = { status: number; retryAfter?: string } | { text: string; delayFirstMs?: number; chunkDelayMs?: number };
let steps: Step[];
let server: TestServer;
let db: ParallaxDB;
let n = 0;

function stream(res: ServerResponse, text: string, chunkDelayMs: number) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  return (async () => {
    for (const word of text.split(/(?<= )/)) {
      res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: word } }] })}\n\n`);
      await sleep(chunkDelayMs);
    }
    res.write(`data: ${JSON.stringify({ choices: [{ delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
    res.end();
  })();
}

beforeEach(async () => {
  steps = [];
  server = await startServer(async (_req: ReceivedRequest, res) => {
    const step = steps.shift() ?? { text: 'default answer' };
    if ('status' in step) {
      res.writeHead(step.status, { 'content-type': 'application/json', ...(step.retryAfter ? { 'retry-after': step.retryAfter } : {}) });
      res.end(JSON.stringify({ error: { message: `scripted ${step.status}` } }));
      return;
    }
    if (step.delayFirstMs) await sleep(step.delayFirstMs);
    await stream(res, step.text, step.chunkDelayMs ?? 1);
  });
  db = new ParallaxDB(`execute-${++n}`);
});
afterEach(() => server.close());

const provider = (over: Partial<ProviderConfig> = {}): ProviderConfig => ({
  id: 'p',
  kind: 'openai-compatible',
  label: 'P',
  baseUrl: `${server.url}/v1`,
  model: 'm',
  ...over,
});

async function compare(providers: ProviderConfig[], prompt = 'q') {
  let i = 0;
  const plan = planComparison({ prompt, source: { kind: 'panel' }, providers, now: Date.now(), newId: () => `${n}-${++i}` });
  await saveComparison(db, plan.comparison, plan.runs);
  return plan.comparison.id;
}

function runner(over: Partial<Parameters<typeof createRunner>[0]> = {}) {
  return createRunner({
    store: dexieRunStore(db),
    providerFor,
    apiKeyFor: async () => undefined,
    checkpointMs: 10,
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 5000 },
    ...over,
  });
}

describe('executing a run', () => {
  test("a finished answer carries the classifier's refusal label, for history filters", async () => {
    steps = [
      { text: "I'm sorry, but I can't help with that request." },
      { text: 'Here are three tips for better sleep: keep a schedule, avoid screens, and keep the room cool.' },
    ];
    const id = await compare([provider(), provider({ id: 'q' })]);
    const r = runner({});
    await r.wake();
    await r.idle();
    const labels = (await runsOf(db, id)).map((run) => run.refusal).sort();
    expect(labels).toEqual(['full_compliance', 'full_refusal']);
  });

  test('429 with Retry-After: waits that long, shows the wait, then answers', async () => {
    steps = [{ status: 429, retryAfter: '1' }, { text: 'after the wait' }];
    const id = await compare([provider()]);
    const r = runner();
    const started = Date.now();
    await r.wake();
    await expect.poll(async () => (await runsOf(db, id))[0]!.notice ?? '', { interval: 10 }).toContain('Trying again in 1 s (try 2 of 3)');
    await r.idle();
    const [run] = await runsOf(db, id);
    expect(run).toMatchObject({ state: 'done', text: 'after the wait' });
    expect(run!.notice).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  test('5xx: bounded retries, then a clear failure', async () => {
    steps = [{ status: 500 }, { status: 502 }, { status: 503 }, { text: 'never asked' }];
    const id = await compare([provider()]);
    const r = runner();
    await r.wake();
    await r.idle();
    const [run] = await runsOf(db, id);
    expect(run).toMatchObject({ state: 'failed', errorCode: 'server' });
    expect(run!.error).toContain('server error (503)');
    expect(server.requests).toHaveLength(3);
  });

  test('a server that never starts answering times out at the first-byte limit', async () => {
    steps = [{ text: 'too late', delayFirstMs: 3000 }];
    const id = await compare([provider()]);
    const r = runner({ retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 }, timeouts: { firstByteMs: 200, totalMs: 10_000 } });
    await r.wake();
    await r.idle();
    const [run] = await runsOf(db, id);
    expect(run).toMatchObject({ state: 'failed', errorCode: 'timeout' });
    expect(run!.error).toContain('gave no first word within 0.2 s');
  });

  test('the total limit stops an answer that goes on too long, keeping what arrived', async () => {
    steps = [{ text: 'word '.repeat(200), chunkDelayMs: 20 }];
    const id = await compare([provider()]);
    const r = runner({ timeouts: { firstByteMs: 5000, totalMs: 300 } });
    await r.wake();
    await r.idle();
    const [run] = await runsOf(db, id);
    expect(run).toMatchObject({ state: 'failed', errorCode: 'timeout' });
    expect(run!.error).toContain('no complete answer');
    expect(run!.text.length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1); // text had arrived: no silent retry that would throw it away
  });

  test('the per-provider cap holds while other providers run in parallel', async () => {
    steps = Array.from({ length: 6 }, () => ({ text: 'slow answer here', chunkDelayMs: 30 }));
    const other = await startServer(async (_req, res) => stream(res, 'other answer', 30));
    try {
      const id = await compare([provider({ id: 'a' }), provider({ id: 'a' }), provider({ id: 'a' }), provider({ id: 'b', baseUrl: `${other.url}/v1` })]);
      const r = runner({ concurrencyFor: (t) => (t.providerId === 'a' ? 1 : 4) });
      expect(await r.wake()).toBe(2); // one of provider a, and provider b
      await r.idle();
      const runs = await runsOf(db, id);
      expect(runs.map((x) => x.state)).toEqual(['done', 'done', 'done', 'done']);
      const a = runs.filter((x) => x.target.providerId === 'a').sort((x, y) => x.startedAt! - y.startedAt!);
      for (let i = 1; i < a.length; i++) expect(a[i]!.startedAt!).toBeGreaterThanOrEqual(a[i - 1]!.finishedAt!);
    } finally {
      await other.close();
    }
  });

  test('cancel-all stops every queued and streaming run of a comparison', async () => {
    steps = Array.from({ length: 3 }, () => ({ text: 'word '.repeat(100), chunkDelayMs: 20 }));
    const id = await compare([provider({ id: 'a' }), provider({ id: 'b' }), provider({ id: 'c' })]);
    const r = runner({ concurrencyFor: () => 1, maxConcurrent: 2 });
    await r.wake();
    await expect.poll(async () => (await runsOf(db, id)).filter((x) => x.text).length, { interval: 10 }).toBeGreaterThan(0);
    expect(await r.cancelAll(id)).toBe(3);
    await r.idle();
    const runs = await runsOf(db, id);
    expect(runs.map((x) => [x.state, x.errorCode])).toEqual([
      ['interrupted', 'cancelled'],
      ['interrupted', 'cancelled'],
      ['interrupted', 'cancelled'],
    ]);
  });

  test('parameters and the system prompt are sent and recorded on the run', async () => {
    steps = [{ text: 'ok' }];
    let i = 0;
    const plan = planComparison({ prompt: 'Describe your values.', source: { kind: 'panel' }, providers: [provider()], now: 1, newId: () => `p-${++i}` });
    const params = { temperature: 0.2, seed: 7, maxTokens: 50, systemPrompt: 'Answer as a typical person from Japan.' };
    plan.runs[0]!.target.params = params;
    await saveComparison(db, plan.comparison, plan.runs);
    const r = runner();
    await r.wake();
    await r.idle();
    expect(server.requests[0]!.body).toMatchObject({
      temperature: 0.2,
      seed: 7,
      max_tokens: 50,
      messages: [
        { role: 'system', content: params.systemPrompt },
        { role: 'user', content: 'Describe your values.' },
      ],
    });
    expect((await runsOf(db, plan.comparison.id))[0]!.target.params).toEqual(params);
  });
});

describe('keys in errors', () => {
  test('a key the server echoes in its error is never kept on the run', async () => {
    const echo = await startServer(async (req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${String(req.headers.authorization).slice(7)}` } }));
    });
    try {
      const id = await compare([provider({ id: 'k', baseUrl: `${echo.url}/v1` })]);
      const r = runner({ apiKeyFor: async () => 'my-secret-key-123' });
      await r.wake();
      await r.idle();
      const [run] = await runsOf(db, id);
      expect(run!.state).toBe('failed');
      expect(run!.error).toContain('Incorrect API key provided: [key]');
      expect(JSON.stringify(run)).not.toContain('my-secret-key-123');
    } finally {
      await echo.close();
    }
  });
});
