import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { endpointHandlers } from '@/utils/platform/background/endpoint-handlers';
import { createRouter } from '@/utils/platform/messaging/router';
import type { SenderContext } from '@/utils/platform/messaging/senders';
import { apiKeysItem } from '@/utils/platform/storage/settings';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';

const KEY = 'sk-saved-0123456789abcdef';
const ctx: SenderContext = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext',
  enabled: { sites: [], customSitePatterns: ['https://chat.example/*'] },
};
const settingsPage = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const chatPage = { id: 'ext', url: 'https://chat.example/c/1', tab: { id: 3 }, frameId: 0 };

let server: TestServer;
let allowed: string[];
beforeEach(async () => {
  fakeBrowser.reset();
  allowed = [];
  server = await startOpenAIServer({ models: ['llama3.2', 'qwen2.5'], requireKey: KEY });
});
afterEach(() => server.close());

function route() {
  const handlers = endpointHandlers({ allowLocalOrigin: async (origin) => void allowed.push(origin) });
  return createRouter(handlers, { context: async () => ctx, answerAll: true, log: () => undefined });
}

describe('endpoint.models, answered by the background', () => {
  test('with the key typed in the form: the models, and the local server is let through first', async () => {
    const reply = await route()({ type: 'endpoint.models', payload: { kind: 'openai-compatible', baseUrl: `${server.url}/v1`, apiKey: KEY } }, settingsPage);
    expect(reply).toEqual({ ok: true, data: { models: ['llama3.2', 'qwen2.5'] } });
    expect(allowed).toEqual([server.url]);
  });

  test('for a saved endpoint: its stored key is used in the background and never sent back', async () => {
    await apiKeysItem.setValue({ p1: KEY });
    const reply = await route()(
      { type: 'endpoint.models', payload: { kind: 'openai-compatible', baseUrl: `${server.url}/v1`, providerId: 'p1' } },
      settingsPage,
    );
    expect(reply).toEqual({ ok: true, data: { models: ['llama3.2', 'qwen2.5'] } });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(reply)).not.toContain(KEY);
  });

  test('a wrong key: classified, with the server’s words, and the key it echoed masked', async () => {
    const wrong = 'sk-typed-wrong-key-42';
    const reply = await route()({ type: 'endpoint.models', payload: { kind: 'openai-compatible', baseUrl: `${server.url}/v1`, apiKey: wrong } }, settingsPage);
    expect(reply).toMatchObject({
      ok: true,
      data: { error: { code: 'auth', status: 401, host: `127.0.0.1:${server.port}`, serverSaid: 'Incorrect API key provided: [key].' } },
    });
    expect(JSON.stringify(reply)).not.toContain(wrong);
  });

  test('a remote address is not given a local-server rule', async () => {
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify({ data: [{ id: 'gpt-x' }] }), { status: 200 }));
    const handlers = endpointHandlers({ allowLocalOrigin: async (origin) => void allowed.push(origin), fetch: fetchSpy as unknown as typeof fetch });
    const reply = await handlers['endpoint.models']!({ kind: 'openai-compatible', baseUrl: 'https://api.example.com/v1', apiKey: 'sk-x' }, settingsPage);
    expect(reply).toEqual({ models: ['gpt-x'] });
    expect(allowed).toEqual([]);
  });

  test('refused from a content script, and nothing is fetched', async () => {
    const reply = await route()({ type: 'endpoint.models', payload: { kind: 'openai-compatible', baseUrl: `${server.url}/v1` } }, chatPage);
    expect(reply).toEqual({ ok: false, error: 'endpoint.models is not accepted from this sender.' });
    expect(server.requests).toEqual([]);
  });

  test.each([
    [{ kind: 'webllm', baseUrl: 'https://x.example/v1' }, 'kind is not an endpoint kind with a model list'],
    [{ kind: 'openai-compatible', baseUrl: 'file:///etc/passwd' }, 'baseUrl must be an http(s) URL'],
    [{ kind: 'openai-compatible', baseUrl: 'http://127.0.0.1/v1', apiKey: 7 }, 'apiKey must be a string'],
    [{ kind: 'openai-compatible', baseUrl: 'http://127.0.0.1/v1', providerId: '../x' }, 'providerId is not an id'],
    [{ kind: 'openai-compatible', baseUrl: 'http://127.0.0.1/v1', headers: {} }, 'payload has unknown fields'],
  ])('invalid payload %o is refused: %s', async (payload, reason) => {
    const reply = await route()({ type: 'endpoint.models', payload }, settingsPage);
    expect(reply).toEqual({ ok: false, error: `Invalid message: endpoint.models: ${reason}` });
  });
});
