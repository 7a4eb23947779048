import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { endpointProblem, mayReach, permissionPolicy } from '@/utils/platform/endpoint-access';
import { setEndpointPolicy } from '@/utils/core/providers/endpoint-fetch';
import { openaiCompatible } from '@/utils/core/providers/openai-compatible';
import { embedTexts } from '@/utils/core/providers/embeddings';
import { isLoopbackHost } from '@/utils/core/providers/local-endpoint';

/**
 * Requests (and the keys they carry) go only to this computer or to origins the user granted when adding the
 * endpoint: a `baseUrl` rewritten in storage by anything else is refused before a byte is sent.
 */

let granted: string[];
const asked: string[][] = [];
beforeEach(() => {
  fakeBrowser.reset();
  granted = ['https://api.openai.com/*'];
  asked.length = 0;
  (fakeBrowser.permissions as { contains: (p: { origins?: string[] }) => Promise<boolean> }).contains = async ({ origins = [] }) => {
    asked.push(origins);
    return origins.every((o) => granted.includes(o));
  };
});
afterEach(() => setEndpointPolicy(null));

describe('which addresses Parallax may reach', () => {
  test.each([
    ['http://127.0.0.1:11434/v1', true],
    ['http://localhost:1234/v1', true],
    ['https://localhost/v1', true],
    ['http://[::1]:8080/v1', true],
    ['http://127.8.9.10/v1', true],
    ['https://api.openai.com/v1', true],
    ['https://api.openai.com:8443/v1', true],
    ['http://api.openai.com/v1', false], // granted for https only
    ['https://evil.example/v1', false],
    ['http://192.168.1.20:11434/v1', false], // the local network is not this computer: granted when added
    ['ftp://127.0.0.1/v1', false],
    ['not a url', false],
  ])('%s → %s', async (url, allowed) => {
    expect(await mayReach(url)).toBe(allowed);
  });

  test('loopback is allowed without asking the browser', async () => {
    await mayReach('http://127.0.0.1:9/v1');
    expect(asked).toEqual([]);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });

  test('on-device engines have no network address to check; network engines do, with a reason to show', async () => {
    expect(await endpointProblem('webllm', 'https://huggingface.co/mlc-ai/x')).toBeNull();
    expect(await endpointProblem('openai-compatible', 'https://evil.example/v1')).toBe(
      'Parallax may not send requests to evil.example: you did not allow that address. Add the endpoint again in Settings to allow it, or check that its address was not changed.',
    );
  });
});

describe('every provider request is checked against the policy', () => {
  let server: TestServer;
  afterEach(async () => server?.close());

  test('a refused address: the run fails with the reason, and the server never hears of it', async () => {
    server = await startOpenAIServer({ reply: () => 'should not be asked' });
    setEndpointPolicy(async (url) => (url.startsWith(server.url) ? 'Refused for the test.' : null));
    const stream = openaiCompatible.stream(
      { baseUrl: `${server.url}/v1`, apiKey: 'sk-x' },
      { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
      new AbortController().signal,
    );
    await expect(
      (async () => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars -- reads the stream to its end; the chunks are not needed
        for await (const _ of stream) {
          /* drain */
        }
      })(),
    ).rejects.toMatchObject({ code: 'forbidden', message: 'Refused for the test.' });
    await expect(embedTexts({ baseUrl: `${server.url}/v1` }, 'e', ['a'], new AbortController().signal)).rejects.toMatchObject({ code: 'forbidden' });
    expect(server.requests).toEqual([]);
  });

  test("the extension's policy lets loopback through", async () => {
    server = await startOpenAIServer({ reply: () => 'Hello from this computer.' });
    setEndpointPolicy(permissionPolicy);
    const parts: string[] = [];
    for await (const e of openaiCompatible.stream(
      { baseUrl: `${server.url}/v1`, apiKey: 'sk-x' },
      { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
      new AbortController().signal,
    )) {
      if (e.type === 'text') parts.push(e.text);
    }
    expect(parts.join('')).toBe('Hello from this computer.');
  });
});
