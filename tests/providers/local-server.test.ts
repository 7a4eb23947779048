import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ProviderError } from '@/utils/core/providers/errors';
import { isLocalHostname, localOriginOf } from '@/utils/core/providers/local-endpoint';
import { openaiCompatible } from '@/utils/core/providers/openai-compatible';
import { startServer, type TestServer } from '../servers/http';

describe('isLocalHostname', () => {
  test.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['0.0.0.0', true],
    ['10.0.0.5', true],
    ['172.16.4.2', true],
    ['172.31.255.255', true],
    ['192.168.1.20', true],
    ['169.254.10.1', true],
    ['100.101.102.103', true], // a Tailscale address
    ['[fd12:3456::1]', true],
    ['[fe80::1]', true],
    ['[::ffff:c0a8:114]', true], // ::ffff:192.168.1.20 as the URL parser writes it
    ['desktop', true],
    ['gpu-box.local', true],
    ['nas.home.arpa', true],
    ['172.32.0.1', false],
    ['192.169.1.1', false],
    ['8.8.8.8', false],
    ['100.128.0.1', false],
    ['[2001:db8::1]', false],
    ['[::ffff:808:808]', false],
    ['api.openai.com', false],
    ['localhost.example.com', false],
    ['', false],
  ])('%s → %s', (host, local) => {
    expect(isLocalHostname(host)).toBe(local);
  });

  test.each([
    ['http://localhost:11434/v1', 'http://localhost:11434'],
    ['http://[::1]:8080/v1', 'http://[::1]:8080'],
    ['https://192.168.1.20/v1/', 'https://192.168.1.20'],
    ['https://api.openai.com/v1', null],
    ['not a url', null],
    ['file:///tmp/x', null],
  ])('localOriginOf(%s) = %s', (url, origin) => {
    expect(localOriginOf(url)).toBe(origin);
  });
});

describe('a local server that still answers 403 (its origin check)', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Like Ollama's origin check: 403 with an empty body for an extension's Origin.
    server = await startServer((_req, res) => void res.writeHead(403).end());
  });
  afterAll(() => server.close());

  test('the error explains OLLAMA_ORIGINS with a command to run', async () => {
    const err = await (async () => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- reads the stream to its end; the chunks are not needed
      for await (const _ of openaiCompatible.stream(
        { baseUrl: `${server.url}/v1` },
        { model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }] },
        AbortSignal.timeout(5000),
      )) {
        /* nothing arrives */
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).code).toBe('forbidden');
    expect((err as ProviderError).retryable).toBe(false);
    const message = (err as ProviderError).message;
    expect(message).toContain(new URL(server.url).host);
    expect(message).toContain('403');
    expect(message).toContain('OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*" ollama serve');
  });

  test('a remote API’s 403 is about the key, not OLLAMA_ORIGINS', async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = async () => new Response(JSON.stringify({ error: { message: 'model not allowed' } }), { status: 403 });
    try {
      const err = await (async () => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars -- reads the stream to its end; the chunks are not needed
        for await (const _ of openaiCompatible.stream(
          { baseUrl: 'https://api.example.com/v1' },
          { model: 'm', messages: [{ role: 'user', content: 'Hi' }] },
          AbortSignal.timeout(5000),
        )) {
          /* nothing arrives */
        }
      })().catch((e: unknown) => e);
      expect((err as ProviderError).code).toBe('forbidden');
      expect((err as ProviderError).message).toContain('key may use this model');
      expect((err as ProviderError).message).not.toContain('OLLAMA_ORIGINS');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
