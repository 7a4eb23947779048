import type { ServerResponse } from 'node:http';
import { sleep, startServer, type ReceivedRequest, type TestServer } from './http';
import { writeSplit } from './openai';

/**
 * A local server speaking Anthropic's Messages API streaming format (`POST …/messages`, named SSE events), the
 * behaviour chosen by model name like tests/servers/openai.ts:
 * - any other model: message_start, content_block_start, one content_block_delta per word (each split across two
 *   writes, inside a multi-byte character when it has one), ping events and keep-alive comments in between,
 *   content_block_stop, message_delta (end_turn, usage), message_stop.
 * - "fail-NNN" (401, 403, 404, 429, 500, 503, 529): that status with an Anthropic error body; 429 sends Retry-After: 2,
 *   401 echoes the presented key in its message.
 * - "cut": part of the answer, then the socket closes before message_stop.
 * - "ends-early": part of the answer, then the response ends cleanly, without message_stop.
 * - "malformed": a content_block_delta whose data is not JSON.
 * - "empty": a complete message with no text.
 * - "overloaded": part of the answer, then `event: error` with overloaded_error (as the API does mid-stream).
 * - "refusal": part of the answer, then message_delta with stop_reason "refusal".
 * - "slow": waits `slowMs` before the first byte.
 * GET …/models answers Anthropic's model list, newest first, paged: `{ data: [{ type, id, display_name,
 * created_at }], has_more, first_id, last_id }` with `limit` (default 20) and `after_id`.
 */
export interface AnthropicServerOptions {
  reply?: (prompt: string, model: string) => string;
  chunkDelayMs?: number;
  slowMs?: number;
  /** The models GET …/models lists (default: two). */
  models?: string[];
  /** Every route wants `x-api-key: <requireKey>`; anything else gets Anthropic's 401 authentication_error. */
  requireKey?: string;
}

/** Anthropic's paged model list for one request. */
function modelPage(models: string[], query: URLSearchParams) {
  const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 20) || 20));
  const after = query.get('after_id');
  const start = after ? models.indexOf(after) + 1 : 0;
  const ids = models.slice(start, start + limit);
  const data = ids.map((id, i) => ({ type: 'model', id, display_name: id.replace(/-/g, ' '), created_at: new Date(Date.UTC(2026, 0, 30 - i)).toISOString() }));
  return { data, has_more: start + limit < models.length, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null };
}

const ERROR_TYPES: Record<string, string> = {
  '400': 'invalid_request_error',
  '401': 'authentication_error',
  '403': 'permission_error',
  '404': 'not_found_error',
  '429': 'rate_limit_error',
  '529': 'overloaded_error',
};

function lastUserText(req: ReceivedRequest): string {
  const body = req.body as { messages?: { role: string; content: string }[] } | undefined;
  return [...(body?.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
}

const frame = (data: { type: string } & Record<string, unknown>) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
const send = (res: ServerResponse, data: { type: string } & Record<string, unknown>) => res.write(frame(data));
const textDelta = (text: string) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });

/** Starts a local server speaking Anthropic's streaming Messages API, failures included. */
export async function startAnthropicServer(opts: AnthropicServerOptions = {}, port = 0): Promise<TestServer> {
  const reply = opts.reply ?? ((prompt: string, model: string) => `Answer from ${model}: you asked “${prompt}”.`);
  const chunkDelay = opts.chunkDelayMs ?? 10;
  return startServer(async (req, res) => {
    if (opts.requireKey !== undefined && req.headers['x-api-key'] !== opts.requireKey) {
      res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_test' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }));
      return;
    }
    const [path, query = ''] = req.url.split('?') as [string, string?];
    if (req.method === 'GET' && path.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(modelPage(opts.models ?? ['claude-test-2', 'claude-test-1'], new URLSearchParams(query))));
      return;
    }
    if (!req.url.endsWith('/messages')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'Not found' } }));
      return;
    }
    const model = (req.body as { model?: string } | undefined)?.model ?? '';
    const status = /^fail-(\d{3})$/.exec(model)?.[1];
    if (status) {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'request-id': 'req_test' };
      if (status === '429') headers['retry-after'] = '2';
      const key = req.headers['x-api-key'];
      const message = status === '401' && typeof key === 'string' ? `invalid x-api-key: ${key}` : `test failure ${status}`;
      res.writeHead(Number(status), headers);
      res.end(JSON.stringify({ type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }));
      return;
    }
    if (model === 'slow') await sleep(opts.slowMs ?? 3000);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    send(res, {
      type: 'message_start',
      message: { id: 'msg_test', type: 'message', role: 'assistant', model, content: [], stop_reason: null, usage: { input_tokens: 12, output_tokens: 1 } },
    });
    send(res, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    send(res, { type: 'ping' });
    if (model === 'malformed') {
      send(res, textDelta('Hello'));
      res.end('event: content_block_delta\ndata: {"type":"content_block_delta","delta":{not json\n\n');
      return;
    }
    const text = model === 'empty' ? '' : reply(lastUserText(req), model);
    const words = text.match(/\S+\s*/g) ?? [];
    const stopEarly = model === 'cut' || model === 'ends-early' || model === 'overloaded' || model === 'refusal';
    const upTo = stopEarly ? Math.max(1, Math.floor(words.length / 2)) : words.length;
    for (const [i, word] of words.slice(0, upTo).entries()) {
      await writeSplit(res, frame(textDelta(word)));
      if (res.destroyed) return;
      if (i % 3 === 1) res.write(i % 2 ? ': keep-alive\n\n' : frame({ type: 'ping' }));
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
    if (model === 'overloaded') {
      res.end(frame({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
      return;
    }
    send(res, { type: 'content_block_stop', index: 0 });
    const stop_reason = model === 'refusal' ? 'refusal' : 'end_turn';
    send(res, { type: 'message_delta', delta: { stop_reason, stop_sequence: null }, usage: { output_tokens: upTo } });
    send(res, { type: 'message_stop' });
    res.end();
  }, port);
}
