import type { ServerResponse } from 'node:http';
import { sleep, startServer, type ReceivedRequest, type TestServer } from './http';

/**
 * How the fake endpoint answers, chosen per request by the model name so one server can serve a whole fan-out:
 * - any other model: streams `reply(lastUserMessage)` in small chunks (events split across writes, multi-byte
 *   characters split between writes).
 * - "fail-401" | "fail-403" | "fail-404" | "fail-500" | "fail-503": that status with an OpenAI error body (the 401
 *   echoes the presented key, as OpenAI does).
 * - "fail-429": 429 with Retry-After: 2.
 * - "cut": streams part of an answer, then closes the connection without [DONE].
 * - "ends-early": streams part of an answer, then ends the response cleanly without finish_reason or [DONE].
 * - "malformed": a data line that is not JSON.
 * - "empty": finish_reason stop with no text.
 * - "slow": waits `slowMs` before the first byte.
 * - "never-answers": reads the request and sends nothing, not even headers, until the server closes.
 * - "stalls": sends 200 headers and a keep-alive comment (a partial JSON body for embeddings), then nothing more.
 * POST …/embeddings answers OpenAI's embeddings shape: a bag-of-words vector per input (texts sharing words
 * point the same way), so divergence by meaning can be tested without a model.
 * GET …/models answers OpenAI's model list (`{ object: "list", data: [{ id, object: "model", created, owned_by }] }`,
 * as OpenAI, LM Studio, llama.cpp, vLLM and Ollama's /v1 do); with `ollamaTags`, GET /api/tags answers Ollama's own
 * list (`{ models: [{ name, model, modified_at, size, digest, details }] }`).
 */
export interface OpenAIServerOptions {
  /** The answer to stream; `body` is the request as sent (sampling parameters such as `seed`). */
  reply?: (prompt: string, model: string, body: unknown) => string;
  chunkDelayMs?: number;
  slowMs?: number;
  /** Like Ollama's origin check: 403 with an empty body for an extension's Origin header, and no CORS headers. */
  rejectExtensionOrigins?: boolean;
  /** The models GET …/models lists (default: one, "test-model"). */
  models?: string[];
  /** No OpenAI-style model list (404), as a server that only has its own (an older Ollama). */
  noModelList?: boolean;
  /** Also serve Ollama's GET /api/tags. */
  ollamaTags?: boolean;
  /** Every route wants `Authorization: Bearer <requireKey>`; anything else gets OpenAI's 401 (echoing the key given). */
  requireKey?: string;
}

/** OpenAI's 401 for a missing or wrong key; like OpenAI, it echoes the key it was given. */
function wrongKey(req: ReceivedRequest, res: ServerResponse, required: string | undefined): boolean {
  if (!required) return false;
  const key = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
  if (key === required) return false;
  const message = key ? `Incorrect API key provided: ${key}.` : "You didn't provide an API key.";
  res
    .writeHead(401, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }));
  return true;
}

function lastUserText(req: ReceivedRequest): string {
  const body = req.body as { messages?: { role: string; content: string }[] } | undefined;
  return [...(body?.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/**
 * Writes `text` in two network writes of raw bytes, split inside the first multi-byte UTF-8 character when there
 * is one (a client decoding each chunk on its own would garble it), else in the middle. Hostile but valid framing.
 */
export async function writeSplit(res: ServerResponse, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const inChar = bytes.findIndex((b) => (b & 0xc0) === 0x80); // a continuation byte: splitting here cuts a character
  const at = inChar > 0 ? inChar : Math.floor(bytes.length / 2);
  res.write(bytes.subarray(0, at));
  await sleep(2);
  res.write(bytes.subarray(at));
}

function sseChunk(res: ServerResponse, data: unknown) {
  res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

const delta = (content: string, finish: string | null = null) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
});

/** Starts a local server speaking OpenAI's chat-completions streaming format, failures included. */
export async function startOpenAIServer(opts: OpenAIServerOptions = {}, port = 0): Promise<TestServer> {
  const reply = opts.reply ?? ((prompt: string, model: string) => `Answer from ${model}: you asked “${prompt}”.`);
  const chunkDelay = opts.chunkDelayMs ?? 15;
  return startServer(async (req, res) => {
    if (opts.rejectExtensionOrigins) {
      // Ollama sends no CORS headers to origins it does not allow, nor to requests without Origin.
      res.removeHeader('access-control-allow-origin');
      res.removeHeader('access-control-allow-headers');
      if (/^(chrome|moz)-extension:\/\//.test(req.headers.origin ?? '')) {
        res.writeHead(403).end();
        return;
      }
    }
    if (wrongKey(req, res, opts.requireKey)) return;
    const path = req.url.split('?')[0]!;
    if (req.method === 'GET' && path.endsWith('/models') && !opts.noModelList) {
      const data = (opts.models ?? ['test-model']).map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'parallax-test' }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
      return;
    }
    if (req.method === 'GET' && path === '/api/tags' && opts.ollamaTags) {
      const models = (opts.models ?? ['test-model']).map((name) => ({
        name,
        model: name,
        modified_at: '2026-05-01T10:00:00.000000000+02:00',
        size: 2_019_393_189,
        digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
        details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
      }));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ models }));
      return;
    }
    if (req.url.endsWith('/embeddings')) {
      const { input = [], model } = (req.body ?? {}) as { input?: string[]; model?: string };
      if (model === 'never-answers') return;
      if (model === 'stalls') {
        res.writeHead(200, { 'content-type': 'application/json' }).write('{"object":"list","data":[');
        return;
      }
      const vocabulary = [...new Set(input.flatMap((t) => t.toLowerCase().match(/\p{L}+/gu) ?? []))].sort();
      const data = input.map((text, index) => {
        const words = new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
        return { object: 'embedding', index, embedding: [...vocabulary.map((w): number => (words.has(w) ? 1 : 0)), 1e-6] };
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
      return;
    }
    if (!req.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'no such route' } }));
      return;
    }
    const model = (req.body as { model?: string } | undefined)?.model ?? '';
    const status = /^fail-(\d{3})$/.exec(model)?.[1];
    if (status) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (status === '429') headers['retry-after'] = '2';
      // Like OpenAI, a 401 echoes the key it was given; the client must not pass that on.
      const key = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      const message = status === '401' && key ? `Incorrect API key provided: ${key}` : `test failure ${status}`;
      res.writeHead(Number(status), headers).end(JSON.stringify({ error: { message } }));
      return;
    }
    if (model === 'never-answers') return;
    if (model === 'slow') await sleep(opts.slowMs ?? 3000);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': keep-alive\n\n');
    if (model === 'stalls') return;
    if (model === 'malformed') {
      sseChunk(res, delta('Hello'));
      sseChunk(res, '{not json');
      res.end();
      return;
    }
    if (model === 'empty') {
      sseChunk(res, delta('', 'stop'));
      sseChunk(res, '[DONE]');
      res.end();
      return;
    }
    const text = reply(lastUserText(req), model, req.body);
    const words = text.match(/\S+\s*/g) ?? [text];
    const upTo = model === 'cut' || model === 'ends-early' ? Math.max(1, Math.floor(words.length / 2)) : words.length;
    for (const word of words.slice(0, upTo)) {
      // Split each event across two writes (inside a multi-byte character when it has one) to exercise framing.
      await writeSplit(res, `data: ${JSON.stringify(delta(word))}\n\n`);
      if (res.destroyed) return;
      await sleep(chunkDelay);
    }
    if (model === 'cut') {
      res.socket?.destroy();
      return;
    }
    if (model === 'ends-early') {
      res.end();
      return;
    }
    sseChunk(res, delta('', 'stop'));
    sseChunk(res, { choices: [], usage: { prompt_tokens: 12, completion_tokens: words.length } });
    sseChunk(res, '[DONE]');
    res.end();
  }, port);
}
