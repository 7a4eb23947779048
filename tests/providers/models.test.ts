import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { listModels, ollamaTagsUrl } from '@/utils/core/providers/models';
import { startOpenAIServer } from '../servers/openai';
import { startAnthropicServer } from '../servers/anthropic';
import { startGeminiServer } from '../servers/gemini';
import { startServer, type TestServer } from '../servers/http';

const signal = () => AbortSignal.timeout(10_000);
const KEY = 'sk-test-0123456789abcdef';

let servers: TestServer[] = [];
const serve = async (server: Promise<TestServer>) => {
  const s = await server;
  servers.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A port nothing listens on: a server is started, then closed. */
let refusedPort = 0;
beforeAll(async () => {
  const s = await startServer(() => undefined);
  refusedPort = s.port;
  await s.close();
});
afterAll(() => undefined);

describe('OpenAI-compatible model lists (OpenAI, LM Studio, llama.cpp, vLLM, Ollama)', () => {
  test('GET /v1/models: the ids, in the server’s order, with the key sent as a bearer token', async () => {
    const s = await serve(startOpenAIServer({ models: ['qwen2.5-7b-instruct', 'llama-3.2-3b-instruct', 'text-embedding-nomic'], requireKey: KEY }));
    expect(await listModels('openai-compatible', { baseUrl: `${s.url}/v1`, apiKey: KEY }, signal())).toEqual({
      ok: true,
      models: ['qwen2.5-7b-instruct', 'llama-3.2-3b-instruct', 'text-embedding-nomic'],
    });
    expect(s.requests.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([['GET', '/v1/models', `Bearer ${KEY}`]]);
  });

  test('a wrong key: auth, and the key the server echoed back is masked', async () => {
    const s = await serve(startOpenAIServer({ requireKey: KEY }));
    const result = await listModels('openai-compatible', { baseUrl: `${s.url}/v1`, apiKey: 'sk-wrong-key-99999999' }, signal());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('auth');
    expect(result.error.status).toBe(401);
    expect(result.serverSaid).toBe('Incorrect API key provided: [key].');
    expect(JSON.stringify(result)).not.toContain('sk-wrong-key');
  });

  test('no key where one is needed: auth too', async () => {
    const s = await serve(startOpenAIServer({ requireKey: KEY }));
    const result = await listModels('openai-compatible', { baseUrl: `${s.url}/v1` }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'auth' } });
  });

  test('Ollama: its /v1 list when there is one; else its own /api/tags beside the /v1 address', async () => {
    const both = await serve(startOpenAIServer({ models: ['llama3.2:latest', 'qwen2.5:7b'], ollamaTags: true }));
    expect(await listModels('openai-compatible', { baseUrl: `${both.url}/v1` }, signal())).toEqual({ ok: true, models: ['llama3.2:latest', 'qwen2.5:7b'] });
    expect(both.requests.map((r) => r.url)).toEqual(['/v1/models']);

    const tagsOnly = await serve(startOpenAIServer({ models: ['llama3.2:latest', 'gemma3:4b'], ollamaTags: true, noModelList: true }));
    expect(await listModels('openai-compatible', { baseUrl: `${tagsOnly.url}/v1` }, signal())).toEqual({ ok: true, models: ['llama3.2:latest', 'gemma3:4b'] });
    expect(tagsOnly.requests.map((r) => r.url)).toEqual(['/v1/models', '/api/tags']);
  });

  test('a wrong path: not found, with the first answer’s reason (the Ollama fallback found nothing either)', async () => {
    const s = await serve(startOpenAIServer({ noModelList: true }));
    const result = await listModels('openai-compatible', { baseUrl: `${s.url}/wrong` }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', status: 404 } });
  });

  test('a server that answers something else: bad_response, saying to check the kind and address', async () => {
    const s = await serve(
      startServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Router login</title>')),
    );
    const result = await listModels('openai-compatible', { baseUrl: `${s.url}/v1` }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response', message: expect.stringContaining('not with a list of models') } });
  });

  test('nothing listening: network, naming the address', async () => {
    const result = await listModels('openai-compatible', { baseUrl: `http://127.0.0.1:${refusedPort}/v1` }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'network', message: expect.stringContaining(`Could not reach 127.0.0.1:${refusedPort}`) } });
  });

  test('a server that never answers: timeout', async () => {
    const s = await serve(startServer(() => undefined));
    const result = await listModels('openai-compatible', { baseUrl: `${s.url}/v1` }, AbortSignal.timeout(300));
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  test('a local server refusing the extension (403): says how to allow it', async () => {
    const s = await serve(startServer((_req, res) => void res.writeHead(403).end()));
    const result = await listModels('openai-compatible', { baseUrl: `${s.url}/v1` }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('OLLAMA_ORIGINS') } });
  });

  test('a key never follows a redirect', async () => {
    const elsewhere = await serve(startOpenAIServer());
    const redirecting = await serve(startServer((_req, res) => void res.writeHead(302, { location: `${elsewhere.url}/v1/models` }).end()));
    const result = await listModels('openai-compatible', { baseUrl: `${redirecting.url}/v1`, apiKey: KEY }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(elsewhere.requests).toEqual([]);
  });

  test('ids are de-duplicated, blanks and over-long ones dropped', async () => {
    const s = await serve(startOpenAIServer({ models: ['a', 'a', ' ', 'b', 'x'.repeat(500)] }));
    expect(await listModels('openai-compatible', { baseUrl: `${s.url}/v1` }, signal())).toEqual({ ok: true, models: ['a', 'b'] });
  });

  test('Ollama’s /api/tags address beside a base URL', () => {
    expect(ollamaTagsUrl('http://localhost:11434/v1')).toBe('http://localhost:11434/api/tags');
    expect(ollamaTagsUrl('http://localhost:11434/v1/')).toBe('http://localhost:11434/api/tags');
    expect(ollamaTagsUrl('http://localhost:11434')).toBe('http://localhost:11434/api/tags');
  });
});

describe('Anthropic’s model list', () => {
  test('GET /v1/models with the key and API version; every page followed with after_id', async () => {
    const models = Array.from({ length: 1205 }, (_, i) => `claude-test-${1205 - i}`);
    const s = await serve(startAnthropicServer({ models, requireKey: KEY }));
    const result = await listModels('anthropic', { baseUrl: `${s.url}/v1`, apiKey: KEY }, signal());
    expect(result).toEqual({ ok: true, models });
    expect(s.requests.map((r) => r.url)).toEqual(['/v1/models?limit=1000', '/v1/models?limit=1000&after_id=claude-test-206']);
    expect(s.requests[0]!.headers).toMatchObject({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01' });
  });

  test('a wrong key: auth', async () => {
    const s = await serve(startAnthropicServer({ requireKey: KEY }));
    const result = await listModels('anthropic', { baseUrl: `${s.url}/v1`, apiKey: 'sk-ant-wrong-000000' }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'auth', status: 401 }, serverSaid: 'invalid x-api-key' });
  });
});

describe('Gemini’s model list', () => {
  test('GET /v1beta/models: the models that generate text, without "models/", every page followed', async () => {
    const chat = Array.from({ length: 1100 }, (_, i) => `gemini-test-${i}`);
    const s = await serve(startGeminiServer({ models: chat, requireKey: 'AIzaTestKey0123456789' }));
    const result = await listModels('gemini', { baseUrl: `${s.url}/v1beta`, apiKey: 'AIzaTestKey0123456789' }, signal());
    expect(result).toEqual({ ok: true, models: chat }); // text-embedding-004 left out
    expect(s.requests.map((r) => r.url)).toEqual(['/v1beta/models?pageSize=1000', '/v1beta/models?pageSize=1000&pageToken=1000']);
    expect(s.requests[0]!.headers['x-goog-api-key']).toBe('AIzaTestKey0123456789');
  });

  test('a wrong key (Gemini answers 400 API_KEY_INVALID): auth', async () => {
    const s = await serve(startGeminiServer({ requireKey: 'AIzaTestKey0123456789' }));
    const result = await listModels('gemini', { baseUrl: `${s.url}/v1beta`, apiKey: 'AIzaWrongKey000000000' }, signal());
    expect(result).toMatchObject({ ok: false, error: { code: 'auth', status: 400 } });
  });
});
