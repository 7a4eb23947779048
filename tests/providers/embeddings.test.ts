import { afterEach, describe, expect, test } from 'vitest';
import { embedTexts } from '@/utils/core/providers/embeddings';
import { cosineMatrix } from '@/utils/core/analysis/divergence';
import { startServer, type TestServer } from '../servers/http';

let server: TestServer | undefined;
afterEach(async () => server?.close());

describe('embeddings for divergence by meaning', () => {
  test('one vector per answer, in order even when the server reorders, and a cosine matrix from them', async () => {
    server = await startServer((req, res) => {
      const { input } = req.body as { input: string[] };
      const data = input.map((text, index) => ({ index, embedding: text.includes('cat') ? [1, 0.1] : [0.1, 1] })).reverse();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
    });
    const vectors = await embedTexts(
      { baseUrl: `${server.url}/v1`, apiKey: 'k' },
      'nomic-embed-text',
      ['a cat', 'a kitten cat', 'the stock market'],
      new AbortController().signal,
    );
    expect(vectors).toEqual([
      [1, 0.1],
      [1, 0.1],
      [0.1, 1],
    ]);
    const m = cosineMatrix(vectors);
    expect(m[0]![1]).toBeCloseTo(1);
    expect(m[0]![2]).toBeLessThan(0.3);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer k');
  });

  test.each([
    [404, '{"error":{"message":"model not found"}}', /not found|404/i],
    [401, '{"error":{"message":"bad key"}}', /key|401/i],
  ])('HTTP %i says what to do', async (status, body, message) => {
    server = await startServer((_req, res) => void res.writeHead(status, { 'content-type': 'application/json' }).end(body));
    await expect(embedTexts({ baseUrl: `${server.url}/v1` }, 'm', ['x'], new AbortController().signal)).rejects.toThrow(message);
  });

  test('a chat model that returns no vectors is named as the likely mistake', async () => {
    server = await startServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}'));
    await expect(embedTexts({ baseUrl: `${server.url}/v1` }, 'llama3.2', ['x', 'y'], new AbortController().signal)).rejects.toThrow(
      /Is “llama3.2” an embedding model\?/,
    );
  });
});
