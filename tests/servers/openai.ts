import type { ServerResponse } from 'node:http';
import { sleep, startServer, type ReceivedRequest, type TestServer } from './http';

/**
 * How the fake endpoint answers, chosen per request by the model name so one server can serve a whole fan-out:
 * - any other model: streams `reply(lastUserMessage)` in small chunks (events split across writes).
 * - "fail-401" | "fail-403" | "fail-404" | "fail-500" | "fail-503": that status with an OpenAI error body.
 * - "fail-429": 429 with Retry-After: 2.
 * - "cut": streams part of an answer, then closes the connection without [DONE].
 * - "malformed": a data line that is not JSON.
 * - "empty": finish_reason stop with no text.
 * - "slow": waits `slowMs` before the first byte.
 */
export interface OpenAIServerOptions {
  reply?: (prompt: string, model: string) => string;
  chunkDelayMs?: number;
  slowMs?: number;
}

function lastUserText(req: ReceivedRequest): string {
  const body = req.body as { messages?: { role: string; content: string }[] } | undefined;
  return [...(body?.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
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
    if (!req.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'no such route' } }));
      return;
    }
    const model = (req.body as { model?: string } | undefined)?.model ?? '';
    const status = /^fail-(\d{3})$/.exec(model)?.[1];
    if (status) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (status === '429') headers['retry-after'] = '2';
      res.writeHead(Number(status), headers).end(JSON.stringify({ error: { message: `test failure ${status}` } }));
      return;
    }
    if (model === 'slow') await sleep(opts.slowMs ?? 3000);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': keep-alive\n\n');
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
    const text = reply(lastUserText(req), model);
    const words = text.match(/\S+\s*/g) ?? [text];
    const upTo = model === 'cut' ? Math.max(1, Math.floor(words.length / 2)) : words.length;
    for (const word of words.slice(0, upTo)) {
      // Split each event across two writes to exercise the client's framing.
      const event = `data: ${JSON.stringify(delta(word))}\n\n`;
      const mid = Math.floor(event.length / 2);
      res.write(event.slice(0, mid));
      await sleep(1);
      res.write(event.slice(mid));
      await sleep(chunkDelay);
    }
    if (model === 'cut') {
      res.socket?.destroy();
      return;
    }
    sseChunk(res, delta('', 'stop'));
    sseChunk(res, { choices: [], usage: { prompt_tokens: 12, completion_tokens: words.length } });
    sseChunk(res, '[DONE]');
    res.end();
  }, port);
}
