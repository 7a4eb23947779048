import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openaiCompatible } from '@/utils/core/providers/openai-compatible';
import { judgeRuns } from '@/utils/core/runner/run-judge';
import type { Run } from '@/utils/core/runner/types';
import { modelTranslator } from '@/utils/core/translate/translator';
import { startServer, type TestServer } from '../servers/http';

/**
 * A server that echoes the key it was given in its error (as OpenAI does, partly). The key here has no `sk-`
 * shape, so only the one redaction every key-bearing path shares (withoutKey) can take it out.
 */

const KEY = 'local-proxy-key-4711';

const run: Run = {
  id: 'a',
  comparisonId: 'c',
  position: 0,
  state: 'done',
  text: 'An answer.',
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'P', baseUrl: '', model: 'm', language: null },
};

describe('a key echoed by a server', () => {
  let echo: TestServer;
  beforeAll(async () => {
    echo = await startServer(
      (req, res) =>
        void res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: `Incorrect API key provided: ${String(req.headers.authorization).slice(7)}` } })),
    );
  });
  afterAll(() => echo.close());
  const conn = () => ({ baseUrl: `${echo.url}/v1`, apiKey: KEY });

  test('the judge reports the rejection, with [key] where the key was', async () => {
    const [outcome] = await judgeRuns(
      'refusal',
      'Q',
      [run],
      { provider: openaiCompatible, conn: conn(), model: 'judge', by: 'J' },
      new AbortController().signal,
      () => {},
    );
    expect(outcome).toEqual({ runId: 'a', error: expect.stringContaining('Incorrect API key provided: [key]') });
    expect(JSON.stringify(outcome)).not.toContain(KEY);
  });

  test('a translation fails saying the same, without the key', async () => {
    const translator = modelTranslator(openaiCompatible, conn(), 'translator');
    const error = await translator.translate('Hello', 'en', 'de', new AbortController().signal).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(error?.message).toContain('Incorrect API key provided: [key]');
    expect(error?.message).not.toContain(KEY);
  });
});
