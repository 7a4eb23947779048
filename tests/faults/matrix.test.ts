import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { LiveEvent } from '@/utils/platform/messaging/protocol';
import { providerFor } from '@/utils/core/providers/registry';
import type { ProviderConfig, ProviderKind } from '@/utils/core/providers/types';
import { memoryRunStore } from '@/utils/core/runner/memory-store';
import { planComparison } from '@/utils/core/runner/plan';
import { createRunner } from '@/utils/core/runner/runner';
import { isFinal } from '@/utils/core/runner/state';
import type { Run } from '@/utils/core/runner/types';
import { startAnthropicServer } from '../servers/anthropic';
import { startGeminiServer } from '../servers/gemini';
import { startServer, type TestServer } from '../servers/http';
import { startOpenAIServer } from '../servers/openai';

/**
 * Every provider kind with a local server × every failure a user meets, through the real runner next to a healthy
 * run: a message that says what happened and what to do, the other run untouched, nothing unhandled, and the
 * final state and every word that reached the screen persisted.
 */

const PROMPT = 'Why is the sky blue?';
const reply = (prompt: string, model: string) => `Answer from ${model}: ${'light scatters off the air, '.repeat(12)}which is why “${prompt}” has that answer.`;
const serverOpts = { reply, chunkDelayMs: 2, slowMs: 2500 };

interface Fault {
  name: string;
  /** The model name the local servers fail on (tests/servers/*), or 'refused' for a port nobody listens on. */
  model: string;
  code: string;
  /** What the user reads, per provider kind when it differs. */
  says: string | Partial<Record<ProviderKind, string>>;
  /** Part of the answer arrived before the failure. */
  partial?: boolean;
}

const FAULTS: Fault[] = [
  { name: '401', model: 'fail-401', code: 'auth', says: 'was rejected (401). Check the key in Settings.' },
  {
    name: '403',
    model: 'fail-403',
    code: 'forbidden',
    says: {
      'openai-compatible': 'refused the request (403). Local servers such as Ollama',
      anthropic: 'refused access (403). Check that the key may use this model',
      gemini: 'refused access (403). Check that the key may use this model',
    },
  },
  { name: '404', model: 'fail-404', code: 'not_found', says: '(404). Check the base URL and the model name.' },
  { name: '429 with Retry-After', model: 'fail-429', code: 'rate_limited', says: 'is rate-limiting requests (429). Try again in 2 s.' },
  { name: '500', model: 'fail-500', code: 'server', says: 'had a server error (500). Try again later.' },
  { name: '503', model: 'fail-503', code: 'server', says: 'had a server error (503). Try again later.' },
  { name: 'connection refused', model: 'refused', code: 'network', says: 'Is the server running and the address right?' },
  { name: 'timeout before the first byte', model: 'slow', code: 'timeout', says: 'gave no first word within 0.3 s.' },
  { name: 'stream cut mid-answer', model: 'cut', code: 'stream_cut', says: 'was lost before the answer was complete', partial: true },
  {
    name: 'malformed event',
    model: 'malformed',
    code: 'bad_response',
    says: 'sent a malformed event; the answer may be incomplete. Try again.',
    partial: true,
  },
  { name: 'empty answer', model: 'empty', code: 'empty', says: 'returned an empty answer' },
];

interface Kind {
  kind: ProviderKind;
  start(): Promise<TestServer>;
  base(url: string): string;
}
const KINDS: Kind[] = [
  { kind: 'openai-compatible', start: () => startOpenAIServer(serverOpts), base: (u) => `${u}/v1` },
  { kind: 'anthropic', start: () => startAnthropicServer(serverOpts), base: (u) => `${u}/v1` },
  { kind: 'gemini', start: () => startGeminiServer(serverOpts), base: (u) => `${u}/v1beta` },
];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
let refusedUrl = '';

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const gone = await startServer(() => undefined);
  refusedUrl = gone.url;
  await gone.close();
});
afterAll(() => void process.off('unhandledRejection', onUnhandled));
afterEach(async () => {
  // Give a stray rejection the chance to surface before checking for it.
  await new Promise((r) => setTimeout(r, 20));
  expect(unhandled).toEqual([]);
  vi.restoreAllMocks();
});

describe.each(KINDS)('$kind', ({ kind, start, base }) => {
  let server: TestServer;
  beforeAll(async () => void (server = await start()));
  afterAll(() => server.close());

  test.each(FAULTS)('$name: a clear message, the healthy run unaffected, everything persisted', async (fault) => {
    const errors = vi.spyOn(console, 'error');
    const endpoint = (p: Partial<ProviderConfig>): ProviderConfig => ({
      id: p.model!,
      kind,
      label: p.model!,
      baseUrl: base(server.url),
      model: 'healthy',
      ...p,
    });
    const providers = [endpoint({ model: fault.model, ...(fault.model === 'refused' ? { baseUrl: base(refusedUrl) } : {}) }), endpoint({ model: 'healthy' })];
    let n = 0;
    const { comparison, runs } = planComparison({
      prompt: PROMPT,
      source: { kind: 'panel' },
      providers,
      now: Date.now(),
      newId: () => `${fault.model}-${++n}`,
    });
    const store = memoryRunStore([comparison], runs);
    const notices: string[] = [];
    const recording = { ...store, patch: async (id: string, patch: Partial<Run>) => (patch.notice && notices.push(patch.notice), store.patch(id, patch)) };
    const events: LiveEvent[] = [];
    const runner = createRunner({
      store: recording,
      providerFor,
      apiKeyFor: async () => 'test-key-123456',
      onEvent: (e) => events.push(e),
      checkpointMs: 5,
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 5000 },
      timeouts: { firstByteMs: 300, totalMs: 20_000 },
    });
    await runner.wake();
    await runner.idle();

    const [failed, healthy] = store.runsOf(comparison.id);
    const says = typeof fault.says === 'string' ? fault.says : fault.says[kind]!;
    expect(failed).toMatchObject({ state: 'failed', errorCode: fault.code });
    expect(failed!.error).toContain(says);
    expect(failed!.error).toMatch(/Check|Try again|Is the server running|pick another|Local servers/);
    expect(failed!.finishedAt).toBeGreaterThanOrEqual(failed!.startedAt!);
    // Failures that may pass were tried again, with a visible wait; the others were not.
    const retryable = ['rate_limited', 'server', 'timeout'].includes(fault.code);
    expect(failed!.attempts).toBe(1);
    expect(notices.some((n) => /Trying again in \d+ s \(try 2 of 2\)/.test(n))).toBe(retryable);
    if (fault.code === 'rate_limited') expect(notices.join()).toContain('Trying again in 2 s');

    // Every word the panel was shown is persisted, and a cut answer keeps what arrived.
    const shown = events
      .filter((e): e is Extract<LiveEvent, { type: 'delta' }> => e.type === 'delta' && e.runId === failed!.id)
      .map((e) => e.text)
      .join('');
    expect(failed!.text).toBe(shown);
    if (fault.partial) expect(failed!.text.length).toBeGreaterThan(0);
    if (fault.model === 'cut') expect(reply(PROMPT, fault.model).startsWith(failed!.text)).toBe(true);
    if (!fault.partial) expect(failed!.text).toBe('');

    expect(healthy).toMatchObject({ state: 'done', text: reply(PROMPT, 'healthy'), attempts: 1 });
    expect(healthy!.error).toBeUndefined();
    // The last state each run announced is the one stored.
    for (const run of [failed!, healthy!]) {
      const last = events.filter((e): e is Extract<LiveEvent, { type: 'state' }> => e.type === 'state' && e.runId === run.id).at(-1);
      expect(last?.state).toBe(run.state);
      expect(isFinal(run.state)).toBe(true);
    }
    expect(errors).not.toHaveBeenCalled();
  });
});
