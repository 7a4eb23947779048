import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../servers/http';
import { startOpenAIServer } from '../servers/openai';
import { openaiCompatible } from '@/utils/core/providers/openai-compatible';
import { anthropic } from '@/utils/core/providers/anthropic';
import { gemini } from '@/utils/core/providers/gemini';
import { embedTexts } from '@/utils/core/providers/embeddings';
import type { ChatProvider } from '@/utils/core/providers/types';

/**
 * An endpoint that redirects (a moved proxy, a compromised one, a typo'd host that forwards) must never get the
 * key sent on: requests carrying a key do not follow redirects. Servers on two ports are two origins.
 */

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Where the redirect points: records whatever reaches it. */
async function elsewhere() {
  const s = await startServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/event-stream' }).end('data: [DONE]\n\n'));
  servers.push(s);
  return s;
}

async function redirecting(to: string, status = 307) {
  const s = await startServer((req, res) => void res.writeHead(status, { location: `${to}${req.url}` }).end());
  servers.push(s);
  return s;
}

async function drain(provider: ChatProvider, baseUrl: string, apiKey?: string) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- reads the stream to its end; the chunks are not needed
  for await (const _ of provider.stream(
    { baseUrl, ...(apiKey ? { apiKey } : {}) },
    { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
    new AbortController().signal,
  )) {
    // read it all
  }
}

const KEY = 'sk-test-never-forwarded';

describe('requests with a key never follow a redirect', () => {
  test.each([
    ['OpenAI-compatible', openaiCompatible, '/v1'],
    ['Anthropic', anthropic, '/v1'],
    ['Gemini', gemini, '/v1beta'],
  ] as const)('%s: the redirect is refused with a clear message, and nothing reaches its target', async (_name, provider, path) => {
    const target = await elsewhere();
    const proxy = await redirecting(target.url);
    await expect(drain(provider, `${proxy.url}${path}`, KEY)).rejects.toMatchObject({
      code: 'forbidden',
      message: `${new URL(proxy.url).host} answered with a redirect to ${new URL(target.url).host}. Parallax does not send your API key on to another address: put the address the endpoint really answers at in Settings.`,
    });
    expect(proxy.requests).toHaveLength(1);
    expect(target.requests).toEqual([]);
  });

  test.each([301, 302, 303, 307, 308])('HTTP %i is refused too', async (status) => {
    const target = await elsewhere();
    const proxy = await redirecting(target.url, status);
    await expect(drain(openaiCompatible, `${proxy.url}/v1`, KEY)).rejects.toMatchObject({ code: 'forbidden' });
    expect(target.requests).toEqual([]);
  });

  test('embeddings with a key: refused the same way', async () => {
    const target = await elsewhere();
    const proxy = await redirecting(target.url);
    await expect(embedTexts({ baseUrl: `${proxy.url}/v1`, apiKey: KEY }, 'e', ['a'], new AbortController().signal)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(target.requests).toEqual([]);
  });

  test('without a key a redirect is followed as before (a local server moved to another port)', async () => {
    const real = await startOpenAIServer({ reply: () => 'Moved but fine.' });
    servers.push(real);
    const proxy = await redirecting(real.url);
    const text: string[] = [];
    for await (const e of openaiCompatible.stream(
      { baseUrl: `${proxy.url}/v1` },
      { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
      new AbortController().signal,
    )) {
      if (e.type === 'text') text.push(e.text);
    }
    expect(text.join('')).toBe('Moved but fine.');
    expect(real.requests).toHaveLength(1);
  });

  test('with a key and no redirect, the request goes through with the key', async () => {
    const real = await startOpenAIServer({ reply: () => 'Direct.' });
    servers.push(real);
    await drain(openaiCompatible, `${real.url}/v1`, KEY);
    expect(real.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
