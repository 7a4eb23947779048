import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { toCsv, toHtmlReport, toJsonExport, toLlmComparator, toMarkdown } from '@/utils/core/history/formats';
import { providerFor } from '@/utils/core/providers/registry';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { toExported } from '@/utils/core/runner/exported';
import { memoryRunStore } from '@/utils/core/runner/memory-store';
import { planComparison } from '@/utils/core/runner/plan';
import { createRunner } from '@/utils/core/runner/runner';
import type { LiveEvent } from '@/utils/platform/messaging/protocol';
import { startAnthropicServer } from '../servers/anthropic';
import { startGeminiServer } from '../servers/gemini';
import { sleep, startServer, type TestServer } from '../servers/http';
import { startOpenAIServer } from '../servers/openai';
import { ROOT, closure } from '../support/import-graph';

/** API keys never reach a content script, a record, an export, a live event or a log. */

describe('the content script', () => {
  const read = (file: string) => readFileSync(file, 'utf8');
  test('its module closure (dynamic imports included) never reaches the key store or the key message', () => {
    const { files } = closure([join(ROOT, 'entrypoints/capture.content/index.ts')], { dynamic: true });
    expect(files.size).toBeGreaterThan(3);
    const names = [...files].map((f) => relative(ROOT, f));
    expect(names).not.toContain('utils/platform/storage/settings.ts');
    for (const file of files) {
      expect(read(file), relative(ROOT, file)).not.toMatch(/apiKeysItem|local:apiKeys|send\(\s*'runner\.apiKey'/);
    }
  });

  const built = [process.env.PARALLAX_EXTENSION_DIR, join(ROOT, '.output/chrome-mv3'), join(ROOT, '.output/firefox-mv2')]
    .filter((d): d is string => Boolean(d))
    .map((d) => join(d, 'content-scripts/capture.js'))
    .filter((f) => existsSync(f));
  test.skipIf(!built.length)('the built content script has no trace of the key store', () => {
    for (const file of built) expect(read(file), file).not.toMatch(/apiKeys/);
  });
  if (!built.length) console.info('[keys] no built content script (npm run build): the bundle check is skipped');
});

/** A server that echoes the key it was sent in every kind of failure a vendor can produce. */
function startEchoServer(): Promise<TestServer> {
  return startServer(async (req, res) => {
    const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const model = (req.body as { model?: string }).model;
    const said = (what: string) => JSON.stringify({ error: { message: `${what} for key ${key} (${key.slice(0, 6)}…)` } });
    if (model === 'echo-500') return void res.writeHead(500, { 'content-type': 'application/json' }).end(said('overloaded'));
    if (model === 'echo-403') return void res.writeHead(403, { 'content-type': 'application/json' }).end(said('no access'));
    if (model === 'echo-400') return void res.writeHead(400, { 'content-type': 'application/json' }).end(said('bad request'));
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: 'Partial ' } }] })}\n\n`);
    await sleep(5);
    res.end(`data: ${said('quota exceeded mid-answer')}\n\n`); // echo-mid: an error event after some text
  });
}

describe('keys echoed by servers', () => {
  const KEYS = {
    openai: 'plx-local-token-7f3a9c2e1b',
    anthropic: 'ant-private-key-4d8e2a9c7b',
    gemini: 'gem-private-key-1a2b3c4d5e',
    echo: 'echo-private-key-9z8y7x6w',
  };
  const servers: TestServer[] = [];
  const consoleCalls: unknown[][] = [];
  let providers: ProviderConfig[];

  beforeAll(async () => {
    const [openai, anthropic, gemini, echo] = await Promise.all([
      startOpenAIServer({ chunkDelayMs: 1 }),
      startAnthropicServer({ chunkDelayMs: 1 }),
      startGeminiServer({ chunkDelayMs: 1 }),
      startEchoServer(),
    ]);
    servers.push(openai, anthropic, gemini, echo);
    const p = (id: keyof typeof KEYS, kind: ProviderConfig['kind'], base: string, model: string): ProviderConfig => ({
      id: `${id}-${model}`,
      kind,
      label: `${id} ${model}`,
      baseUrl: base,
      model,
    });
    providers = [
      p('openai', 'openai-compatible', `${openai.url}/v1`, 'fail-401'),
      p('openai', 'openai-compatible', `${openai.url}/v1`, 'healthy'),
      p('anthropic', 'anthropic', `${anthropic.url}/v1`, 'fail-401'),
      p('gemini', 'gemini', `${gemini.url}/v1beta`, 'bad-key'),
      p('echo', 'openai-compatible', `${echo.url}/v1`, 'echo-500'),
      p('echo', 'openai-compatible', `${echo.url}/v1`, 'echo-403'),
      p('echo', 'openai-compatible', `${echo.url}/v1`, 'echo-400'),
      p('echo', 'openai-compatible', `${echo.url}/v1`, 'echo-mid'),
    ];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all(servers.map((s) => s.close()));
  });

  test('runs fail with the key masked; no record, live event, export or log ever holds it', async () => {
    const store = memoryRunStore();
    const writes: unknown[] = [];
    const recording = {
      ...store,
      patch: (id: string, patch: object) => (writes.push(patch), store.patch(id, patch)),
      move: (id: string, to: Parameters<typeof store.move>[1], patch: object = {}) => (writes.push(patch), store.move(id, to, patch)),
    };
    const events: LiveEvent[] = [];
    let i = 0;
    const plan = planComparison({ prompt: 'Which key did I send?', source: { kind: 'panel' }, providers, now: Date.now(), newId: () => `k${++i}` });
    store.add(plan.comparison, plan.runs);
    const keyOf = (providerId: string) => KEYS[providerId.split('-')[0] as keyof typeof KEYS];
    const runner = createRunner({
      store: recording,
      providerFor,
      apiKeyFor: async (id) => keyOf(id),
      onEvent: (e) => events.push(e),
      checkpointMs: 5,
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 1000 },
    });
    await runner.wake();
    await runner.idle();

    const runs = store.runsOf(plan.comparison.id);
    expect(runs.map((r) => r.state)).toEqual(['failed', 'done', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed']);
    // The servers really echoed the keys: the masks are there, so this test would see a leak.
    const masked = runs.filter((r) => r.error?.includes('[key]')).map((r) => r.target.model);
    expect(masked).toEqual(expect.arrayContaining(['fail-401', 'echo-500', 'echo-403', 'echo-400', 'echo-mid']));
    expect(runs.find((r) => r.target.model === 'echo-mid')?.text).toBe('Partial ');
    // A retry notice was written while the 500 was retried, also masked.
    expect(writes.some((w) => ((w as { notice?: string }).notice ?? '').includes('[key]'))).toBe(true);

    const exported = [toExported(plan.comparison, runs)];
    const outputs = {
      records: JSON.stringify([runs, writes]),
      events: JSON.stringify(events),
      json: toJsonExport(exported),
      csv: toCsv(exported),
      md: toMarkdown(exported),
      html: toHtmlReport(exported),
      comparator: toLlmComparator(exported, { provider: 'openai healthy', model: 'healthy' }, { provider: 'openai healthy', model: 'healthy' }),
      console: JSON.stringify(consoleCalls.map((args) => args.map(String))),
    };
    for (const [where, text] of Object.entries(outputs)) {
      for (const key of Object.values(KEYS)) expect(text.includes(key), `${key} in ${where}`).toBe(false);
    }
    expect(outputs.json).toContain('Which key did I send?'); // the export is not simply empty
  });
});
