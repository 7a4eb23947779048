import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { anthropic } from '@/utils/core/providers/anthropic';
import { ProviderError, type ProviderErrorCode } from '@/utils/core/providers/errors';
import { gemini } from '@/utils/core/providers/gemini';
import { openaiCompatible } from '@/utils/core/providers/openai-compatible';
import { PROVIDERS } from '@/utils/core/providers/registry';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConnection } from '@/utils/core/providers/types';
import { startAnthropicServer } from '../servers/anthropic';
import { startGeminiServer } from '../servers/gemini';
import { startServer, type ReceivedRequest, type TestServer } from '../servers/http';
import { startOpenAIServer } from '../servers/openai';

/** Real fetch over real loopback sockets against each vendor's local fake (tests/servers/*). */

const PROMPT = 'Café, naïve, 日本語 and 🎉: why?';
const LONG = 'word '.repeat(300).trim();
const reply = (prompt: string, model: string) => (model === 'long' ? LONG : `Answer from ${model}: you asked “${prompt}”. Ça va? 日本 👍🏽`);
const serverOpts = { reply, chunkDelayMs: 3, slowMs: 2000 };
/** Every failure message a user sees should point at a next step. */
const SAYS_WHAT_TO_DO = /Check|Try again|Is the server running|Rephras|pick another/;

interface Case {
  provider: ChatProvider;
  start(): Promise<TestServer>;
  /** The base URL a user would configure, pointing at the local server. */
  base(server: TestServer): string;
  key: string;
  /** The request shape for {@link FULL_REQUEST}, as the vendor documents it. */
  checkRequest(req: ReceivedRequest, key: string): void;
  /** Vendor-specific failures beyond the shared matrix: model name → expected code (and text the message carries). */
  extraFailures: [model: string, code: ProviderErrorCode, says?: string][];
}

const FULL_REQUEST: ChatRequest = {
  model: 'shape',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi' },
    { role: 'assistant', content: 'Hello!' },
    { role: 'user', content: PROMPT },
  ],
  temperature: 0.3,
  maxTokens: 200,
  seed: 7,
};

const CASES: Case[] = [
  {
    provider: openaiCompatible,
    start: () => startOpenAIServer(serverOpts),
    base: (s) => `${s.url}/v1`,
    key: 'sk-test-openai-SECRET123',
    checkRequest(req, key) {
      expect(req.url).toBe('/v1/chat/completions');
      expect(req.headers.authorization).toBe(`Bearer ${key}`);
      expect(req.body).toMatchObject({ model: 'shape', stream: true, messages: FULL_REQUEST.messages, temperature: 0.3, max_tokens: 200, seed: 7 });
    },
    extraFailures: [],
  },
  {
    provider: anthropic,
    start: () => startAnthropicServer(serverOpts),
    base: (s) => `${s.url}/v1`,
    key: 'sk-ant-test-SECRET123',
    checkRequest(req, key) {
      expect(req.url).toBe('/v1/messages');
      expect(req.headers['x-api-key']).toBe(key);
      expect(req.headers['anthropic-version']).toBe('2023-06-01');
      expect(req.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
      expect(req.headers.authorization).toBeUndefined();
      expect(req.body).toEqual({
        model: 'shape',
        stream: true,
        max_tokens: 200,
        temperature: 0.3,
        system: 'Be brief.',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
          { role: 'user', content: PROMPT },
        ],
      });
    },
    extraFailures: [
      ['fail-529', 'server', '529'],
      ['overloaded', 'server', 'Overloaded'],
      ['refusal', 'blocked', 'refusal'],
    ],
  },
  {
    provider: gemini,
    start: () => startGeminiServer(serverOpts),
    base: (s) => `${s.url}/v1beta`,
    key: 'AIzaTestGeminiSECRET123',
    checkRequest(req, key) {
      expect(req.url).toBe('/v1beta/models/shape:streamGenerateContent?alt=sse');
      expect(req.headers['x-goog-api-key']).toBe(key);
      expect(req.body).toEqual({
        contents: [
          { role: 'user', parts: [{ text: 'Hi' }] },
          { role: 'model', parts: [{ text: 'Hello!' }] },
          { role: 'user', parts: [{ text: PROMPT }] },
        ],
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        generationConfig: { temperature: 0.3, maxOutputTokens: 200, seed: 7 },
      });
    },
    extraFailures: [
      ['bad-key', 'auth'],
      ['blocked', 'blocked', 'Gemini blocked this prompt (SAFETY)'],
      ['safety', 'blocked', 'Gemini blocked this answer (SAFETY)'],
      ['error-event', 'server', 'The model is overloaded.'],
    ],
  },
];

interface Outcome {
  events: ChatEvent[];
  text: string;
  error?: unknown;
  /** When the stream settled (ms since epoch). */
  endedAt: number;
}

/** Drains a stream, keeping what it yielded and what it threw; `onText` may act mid-stream (e.g. abort). */
async function collect(provider: ChatProvider, conn: ProviderConnection, req: ChatRequest, signal: AbortSignal, onText?: () => void): Promise<Outcome> {
  const events: ChatEvent[] = [];
  try {
    for await (const event of provider.stream(conn, req, signal)) {
      events.push(event);
      if (event.type === 'text') onText?.();
    }
    return { events, text: textOf(events), endedAt: Date.now() };
  } catch (error) {
    return { events, text: textOf(events), error, endedAt: Date.now() };
  }
}

const textOf = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'text' ? [e.text] : [])).join('');
const ask = (model: string): ChatRequest => ({ model, messages: [{ role: 'user', content: PROMPT }] });

function providerError(outcome: Outcome): ProviderError {
  expect(outcome.error).toBeInstanceOf(ProviderError);
  return outcome.error as ProviderError;
}

/** A chunk that does not end on a character boundary (fatal decoding of it alone fails). */
function endsMidCharacter(chunk: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk);
    return false;
  } catch {
    return true;
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let refusedPort = 0;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // A port that was just free: nothing listens there any more.
  const gone = await startServer(() => undefined);
  refusedPort = gone.port;
  await gone.close();
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
afterEach(() => {
  vi.unstubAllGlobals();
  expect(unhandled).toEqual([]);
});

test('all three adapters are registered', () => {
  expect(PROVIDERS.map((p) => p.kind)).toEqual(expect.arrayContaining(['openai-compatible', 'anthropic', 'gemini']));
});

describe.each(CASES)('$provider.kind', (c) => {
  let server: TestServer;
  let conn: ProviderConnection;
  beforeAll(async () => {
    server = await c.start();
    conn = { baseUrl: c.base(server), apiKey: c.key };
  });
  afterAll(() => server.close());
  const endpoint = () => new URL(server.url).host;
  const signal = () => AbortSignal.timeout(10_000);

  test('streams the full answer with multi-byte characters intact, split mid-character on the wire', async () => {
    const chunks: Uint8Array[] = [];
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await realFetch(input, init);
      const record = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, ctl) {
          chunks.push(chunk);
          ctl.enqueue(chunk);
        },
      });
      return res.body ? new Response(res.body.pipeThrough(record), { status: res.status, headers: res.headers }) : res;
    });
    const out = await collect(c.provider, conn, ask('m1'), signal());
    expect(out.error).toBeUndefined();
    expect(out.text).toBe(reply(PROMPT, 'm1'));
    expect(out.text).not.toContain('\uFFFD');
    expect(out.events.at(-1)?.type).toBe('done');
    // The server really was hostile: some read ended inside a character.
    expect(chunks.slice(0, -1).some(endsMidCharacter)).toBe(true);
  });

  test('reports usage', async () => {
    const out = await collect(c.provider, conn, ask('m1'), signal());
    const usage = out.events.filter((e) => e.type === 'usage').at(-1);
    expect(usage).toMatchObject({ type: 'usage', inputTokens: 12 });
    expect(usage?.type === 'usage' && usage.outputTokens).toBeGreaterThan(0);
  });

  test('sends the documented headers and body shape', async () => {
    const out = await collect(c.provider, conn, FULL_REQUEST, signal());
    expect(out.error).toBeUndefined();
    const req = server.requests.at(-1);
    expect(req?.method).toBe('POST');
    c.checkRequest(req!, c.key);
  });

  const matrix: [model: string, code: ProviderErrorCode, says?: string][] = [
    ['fail-401', 'auth', 'Check the key'],
    ['fail-403', 'forbidden', '403'],
    ['fail-404', 'not_found', 'Check the base URL'],
    ['fail-429', 'rate_limited', 'Try again in 2 s'],
    ['fail-500', 'server', 'Try again later'],
    ['fail-503', 'server', 'Try again later'],
    ['malformed', 'bad_response'],
    ['empty', 'empty'],
    ...c.extraFailures,
  ];
  test.each(matrix)('%s → %s', async (model, code, says) => {
    const out = await collect(c.provider, conn, ask(model), signal());
    const err = providerError(out);
    expect(err.code).toBe(code);
    if (code === 'rate_limited') expect(err.retryAfterMs).toBe(2000);
    if (says) expect(err.message).toContain(says);
    expect(err.message.includes(endpoint()) || code === 'blocked').toBe(true);
    expect(err.message).toMatch(SAYS_WHAT_TO_DO);
    expect(err.message).not.toContain(c.key);
    expect(err.message).not.toContain('SECRET');
  });

  test.each(['cut', 'ends-early'])('%s: an unfinished stream fails as stream_cut after yielding the partial answer', async (model) => {
    const out = await collect(c.provider, conn, ask(model), signal());
    const err = providerError(out);
    expect(err.code).toBe('stream_cut');
    expect(err.message).toContain(endpoint());
    expect(err.message).toMatch(SAYS_WHAT_TO_DO);
    expect(out.text.length).toBeGreaterThan(0);
    expect(reply(PROMPT, model).startsWith(out.text)).toBe(true);
  });

  test('connection refused → network, naming the endpoint and what to check', async () => {
    const base = c.base({ ...server, url: `http://127.0.0.1:${refusedPort}` });
    const out = await collect(c.provider, { baseUrl: base, apiKey: c.key }, ask('m1'), signal());
    const err = providerError(out);
    expect(err.code).toBe('network');
    expect(err.message).toContain(`Could not reach 127.0.0.1:${refusedPort}`);
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).not.toContain(c.key);
  });

  test('a timeout signal before the first byte → timeout', async () => {
    const started = Date.now();
    const out = await collect(c.provider, conn, ask('slow'), AbortSignal.timeout(150));
    const err = providerError(out);
    expect(err.code).toBe('timeout');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain(endpoint());
    expect(out.endedAt - started).toBeLessThan(1500);
  });

  test('a timeout signal mid-answer → timeout, partial text kept', async () => {
    const out = await collect(c.provider, conn, ask('long'), AbortSignal.timeout(250));
    expect(providerError(out).code).toBe('timeout');
    expect(out.text.length).toBeGreaterThan(0);
    expect(out.text.length).toBeLessThan(LONG.length);
  });

  test('a user abort before the first byte → aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const out = await collect(c.provider, conn, ask('slow'), controller.signal);
    expect(providerError(out).code).toBe('aborted');
  });

  /** Aborts on the first text event with `reason`; returns the outcome. */
  async function abortMidStream(reason?: unknown) {
    const controller = new AbortController();
    const out = await collect(c.provider, conn, ask('long'), controller.signal, () => {
      if (!controller.signal.aborted) controller.abort(reason);
    });
    return { out };
  }

  test('a user abort mid-stream stops the stream before its end (no timed bound: the machine is shared)', async () => {
    const { out } = await abortMidStream();
    const err = providerError(out);
    expect(err.code).toBe('aborted');
    expect(err.retryable).toBe(false);
    expect(out.text.length).toBeGreaterThan(0);
    expect(out.text.length).toBeLessThan(LONG.length);
  });

  test('an abort with a custom reason is still aborted', async () => {
    const { out } = await abortMidStream(new Error('user pressed stop'));
    expect(providerError(out).code).toBe('aborted');
  });
});

describe('vendor specifics', () => {
  test('anthropic sends max_tokens 1024 and no system field when the request has neither', async () => {
    const server = await startAnthropicServer(serverOpts);
    try {
      const out = await collect(anthropic, { baseUrl: `${server.url}/v1` }, ask('m1'), AbortSignal.timeout(5000));
      expect(out.error).toBeUndefined();
      const body = server.requests.at(-1)?.body as Record<string, unknown>;
      expect(body.max_tokens).toBe(1024);
      expect(body).not.toHaveProperty('system');
      expect(body).not.toHaveProperty('temperature');
      expect(server.requests.at(-1)?.headers['x-api-key']).toBeUndefined();
      expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'end_turn' });
    } finally {
      await server.close();
    }
  });

  test('gemini puts the key in a header, never the URL, and accepts "models/" model names', async () => {
    const server = await startGeminiServer(serverOpts);
    try {
      const out = await collect(gemini, { baseUrl: `${server.url}/v1beta/`, apiKey: 'AIzaKEY123456' }, ask('models/gemini-x'), AbortSignal.timeout(5000));
      expect(out.error).toBeUndefined();
      const req = server.requests.at(-1);
      expect(req?.url).toBe('/v1beta/models/gemini-x:streamGenerateContent?alt=sse');
      expect(req?.body).not.toHaveProperty('generationConfig');
      expect(req?.body).not.toHaveProperty('systemInstruction');
      expect(out.events.at(-1)).toEqual({ type: 'done', finishReason: 'STOP' });
    } finally {
      await server.close();
    }
  });
});
