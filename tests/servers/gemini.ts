import type { ServerResponse } from 'node:http';
import { sleep, startServer, type ReceivedRequest, type TestServer } from './http';
import { writeSplit } from './openai';

/**
 * A local server speaking Gemini's `POST …/models/{model}:streamGenerateContent?alt=sse` (SSE of
 * GenerateContentResponse JSON, CRLF line endings, no end marker: the last chunk carries finishReason), the
 * behaviour chosen by the model name in the path like tests/servers/openai.ts:
 * - any other model: one chunk per word (each split across two writes, inside a multi-byte character when it has
 *   one), keep-alive comments in between, the last word's chunk with finishReason STOP and usageMetadata.
 * - "fail-NNN": that status with a google.rpc error body; 429 carries RetryInfo retryDelay "2s" and no Retry-After
 *   header, as Gemini does. "bad-key": 400 API_KEY_INVALID, which is how Gemini rejects a key.
 * - "cut": part of the answer, then the socket closes before any finishReason.
 * - "ends-early": part of the answer, then the response ends cleanly, without any finishReason.
 * - "malformed": a data line that is not JSON.
 * - "empty": finishReason STOP with no text.
 * - "blocked": promptFeedback.blockReason SAFETY and no candidates.
 * - "safety": part of the answer, then finishReason SAFETY with no content.
 * - "error-event": part of the answer, then an {error} chunk.
 * - "slow": waits `slowMs` before the first byte.
 * Requests without `alt=sse` get a 400, so an adapter that forgets it fails loudly.
 * GET …/models answers Gemini's model list, paged: `{ models: [{ name: "models/…", displayName,
 * supportedGenerationMethods, … }], nextPageToken }` with `pageSize` (default 50) and `pageToken`; an embedding
 * model is listed too, as Gemini does.
 */
export interface GeminiServerOptions {
  reply?: (prompt: string, model: string) => string;
  chunkDelayMs?: number;
  slowMs?: number;
  /** The chat models GET …/models lists (default: two), before one embedding model. */
  models?: string[];
  /** Every route wants `x-goog-api-key: <requireKey>`; anything else gets Gemini's 400 API_KEY_INVALID. */
  requireKey?: string;
}

/** Gemini's paged model list for one request: the chat models, then an embedding model. */
function modelPage(chat: string[], query: URLSearchParams) {
  const all = [
    ...chat.map((id) => ({
      name: `models/${id}`,
      version: '001',
      displayName: id,
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 8192,
      supportedGenerationMethods: ['generateContent', 'countTokens'],
    })),
    {
      name: 'models/text-embedding-004',
      version: '004',
      displayName: 'Text Embedding 004',
      inputTokenLimit: 2048,
      outputTokenLimit: 1,
      supportedGenerationMethods: ['embedContent'],
    },
  ];
  const size = Math.min(1000, Math.max(1, Number(query.get('pageSize') ?? 50) || 50));
  const start = Number(query.get('pageToken') ?? 0) || 0;
  const next = start + size < all.length ? String(start + size) : undefined;
  return { models: all.slice(start, start + size), ...(next ? { nextPageToken: next } : {}) };
}

const STATUS: Record<string, string> = {
  '400': 'INVALID_ARGUMENT',
  '401': 'UNAUTHENTICATED',
  '403': 'PERMISSION_DENIED',
  '404': 'NOT_FOUND',
  '429': 'RESOURCE_EXHAUSTED',
  '500': 'INTERNAL',
  '503': 'UNAVAILABLE',
};

function lastUserText(req: ReceivedRequest): string {
  const body = req.body as { contents?: { role: string; parts: { text?: string }[] }[] } | undefined;
  const turn = [...(body?.contents ?? [])].reverse().find((c) => c.role === 'user');
  return turn?.parts.map((p) => p.text ?? '').join('') ?? '';
}

const frame = (data: unknown) => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\r\n\r\n`;
const usage = (out: number) => ({ promptTokenCount: 12, candidatesTokenCount: out, totalTokenCount: 12 + out });
const chunk = (text: string | null, finishReason?: string) => ({
  candidates: [{ ...(text !== null ? { content: { role: 'model', parts: [{ text }] } } : {}), ...(finishReason ? { finishReason } : {}), index: 0 }],
  modelVersion: 'gemini-test',
});

function fail(res: ServerResponse, status: number, message: string, details: unknown[] = []) {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify({ error: { code: status, message, status: STATUS[String(status)] ?? 'UNKNOWN', details } }));
}

/** Starts a local server speaking Gemini's streaming generateContent API, failures and safety blocks included. */
export async function startGeminiServer(opts: GeminiServerOptions = {}, port = 0): Promise<TestServer> {
  const reply = opts.reply ?? ((prompt: string, model: string) => `Answer from ${model}: you asked “${prompt}”.`);
  const chunkDelay = opts.chunkDelayMs ?? 10;
  return startServer(async (req, res) => {
    if (opts.requireKey !== undefined && req.headers['x-goog-api-key'] !== opts.requireKey) {
      const info = { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' };
      fail(res, 400, 'API key not valid. Please pass a valid API key.', [info]);
      return;
    }
    const [path, query = ''] = req.url.split('?') as [string, string?];
    if (req.method === 'GET' && path.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(modelPage(opts.models ?? ['gemini-test-flash', 'gemini-test-pro'], new URLSearchParams(query))));
      return;
    }
    const route = /\/models\/([^/:?]+):streamGenerateContent(\?.*)?$/.exec(req.url);
    if (!route) {
      fail(res, 404, 'no such route');
      return;
    }
    if (new URLSearchParams(route[2]?.slice(1)).get('alt') !== 'sse') {
      fail(res, 400, 'this test server only speaks alt=sse');
      return;
    }
    const model = decodeURIComponent(route[1] ?? '');
    const status = /^fail-(\d{3})$/.exec(model)?.[1];
    if (status === '429') {
      const retry = { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' };
      fail(res, 429, 'Resource has been exhausted (e.g. check quota).', [retry]);
      return;
    }
    if (status) {
      const key = req.headers['x-goog-api-key'];
      fail(res, Number(status), status === '401' && typeof key === 'string' ? `bad key ${key}` : `test failure ${status}`);
      return;
    }
    if (model === 'bad-key') {
      const info = { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' };
      fail(res, 400, 'API key not valid. Please pass a valid API key.', [info]);
      return;
    }
    if (model === 'slow') await sleep(opts.slowMs ?? 3000);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': keep-alive\r\n\r\n');
    if (model === 'malformed') {
      res.write(frame(chunk('Hello')));
      res.end(frame('{"candidates": [not json'));
      return;
    }
    if (model === 'empty') {
      res.end(frame({ ...chunk(null, 'STOP'), usageMetadata: usage(0) }));
      return;
    }
    if (model === 'blocked') {
      res.end(frame({ promptFeedback: { blockReason: 'SAFETY', safetyRatings: [] }, usageMetadata: usage(0) }));
      return;
    }
    const words = reply(lastUserText(req), model).match(/\S+\s*/g) ?? [];
    const stopEarly = model === 'cut' || model === 'ends-early' || model === 'safety' || model === 'error-event';
    const upTo = stopEarly ? Math.max(1, Math.floor(words.length / 2)) : words.length;
    for (const [i, word] of words.slice(0, upTo).entries()) {
      const last = !stopEarly && i === upTo - 1;
      await writeSplit(res, frame(last ? { ...chunk(word, 'STOP'), usageMetadata: usage(upTo) } : { ...chunk(word), usageMetadata: usage(i + 1) }));
      if (res.destroyed) return;
      if (i % 3 === 1) res.write(': keep-alive\r\n\r\n');
      await sleep(chunkDelay);
    }
    if (model === 'cut') {
      res.socket?.destroy();
      return;
    }
    if (model === 'safety') res.write(frame({ ...chunk(null, 'SAFETY'), usageMetadata: usage(upTo) }));
    if (model === 'error-event') res.write(frame({ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } }));
    res.end();
  }, port);
}
