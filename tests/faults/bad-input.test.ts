import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { MAX_IMPORT_BYTES, MAX_IMPORT_COMPARISONS, planImport } from '@/utils/core/history/import';
import { providerFor } from '@/utils/core/providers/registry';
import type { ChatRequest, ProviderConfig } from '@/utils/core/providers/types';
import { DEFAULT_CONTEXT_TOKENS, contextTokens, estimateTokens, fitRequest, webLlmContextTokens } from '@/utils/core/runner/fit-prompt';
import { memoryRunStore } from '@/utils/core/runner/memory-store';
import { planComparison } from '@/utils/core/runner/plan';
import { createRunner } from '@/utils/core/runner/runner';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/platform/storage/settings';
import type { TestServer } from '../servers/http';
import { startOpenAIServer } from '../servers/openai';

/** Empty prompts, huge prompts and broken import files: each refused or fitted with a message a user understands. */

const ENGLISH = 'The quick brown fox jumps over the lazy dog while the committee debates the budget. ';
const huge = (unit: string, length = 200_000) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const START = 'START-OF-PROMPT ';
const END = ' So, what is the question at the very end?';
const longPrompt = (unit = ENGLISH) => `${START}${huge(unit, 200_000 - START.length - END.length)}${END}`;

describe('a 200,000-character prompt', () => {
  const ask = (content: string, maxTokens?: number): ChatRequest => ({
    model: 'm',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content },
    ],
    maxTokens,
  });
  const targets: [name: string, target: { providerKind: ProviderConfig['kind']; model: string; baseUrl: string }, shortened: boolean][] = [
    ['a local llama3.2 (the server caps the window)', { providerKind: 'openai-compatible', model: 'llama3.2', baseUrl: 'http://127.0.0.1:11434/v1' }, true],
    ['an unknown model (32k default)', { providerKind: 'openai-compatible', model: 'house-model-v2', baseUrl: 'https://api.example/v1' }, true],
    ['gpt-4o-mini (128k)', { providerKind: 'openai-compatible', model: 'gpt-4o-mini', baseUrl: 'https://api.openai.com/v1' }, false],
    ['Claude (200k)', { providerKind: 'anthropic', model: 'claude-3-5-haiku-latest', baseUrl: 'https://api.anthropic.com/v1' }, false],
    ['an on-device WebLLM model (4k)', { providerKind: 'webllm', model: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', baseUrl: '' }, true],
    ["Chrome's built-in model", { providerKind: 'chrome-builtin', model: 'gemini-nano', baseUrl: '' }, true],
  ];

  test.each(targets)('%s: fitted with room for the answer, start and end kept, and said so', (_name, target, shortened) => {
    const original = longPrompt();
    const fitted = fitRequest(ask(original), target);
    const sent = fitted.request.messages.at(-1)!.content;
    const total = fitted.request.messages.reduce((n, m) => n + estimateTokens(m.content) + 8, 0);
    expect(total).toBeLessThanOrEqual(contextTokens(target) - Math.min(2048, contextTokens(target) / 4));
    expect(fitted.request.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    if (!shortened) {
      expect(sent).toBe(original);
      expect(fitted.notice).toBeUndefined();
      return;
    }
    expect(sent.length).toBeLessThan(original.length);
    expect(sent.startsWith(START)).toBe(true);
    expect(sent.endsWith(END)).toBe(true);
    expect(sent).toContain('[…]');
    const [, first, last] =
      /^Prompt shortened to fit (?:.+)'s context \(kept the first ([\d,]+) and last ([\d,]+) characters\)\.$/.exec(fitted.notice ?? '') ?? [];
    const [kept1, kept2] = [Number(first?.replace(/,/g, '')), Number(last?.replace(/,/g, ''))];
    expect(sent).toBe(`${original.slice(0, kept1)}\n\n[…]\n\n${original.slice(original.length - kept2)}`);
    expect(fitted.notice).toContain(target.model);
  });

  test('text in a script that costs more tokens per character is cut harder; no character is split', () => {
    const target = { providerKind: 'openai-compatible' as const, model: 'house-model', baseUrl: 'https://api.example/v1' };
    const latin = fitRequest(ask(longPrompt()), target).request.messages.at(-1)!.content;
    const cjk = fitRequest(ask(longPrompt('日本語の文章と絵文字🎉を混ぜた長い段落です。')), target).request.messages.at(-1)!.content;
    expect(cjk.length).toBeLessThan(latin.length / 2);
    expect(estimateTokens(cjk)).toBeLessThanOrEqual(DEFAULT_CONTEXT_TOKENS);
    expect(cjk).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  test('a short prompt and a long conversation: the prompt is sent whole', () => {
    const request = ask('What now?');
    expect(fitRequest(request, targets[0]![1])).toEqual({ request });
  });

  test("WebLLM budgets never exceed the catalogue's own context windows", async () => {
    const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
    const llms = prebuiltAppConfig.model_list.filter((m) => (m.model_type ?? 0) === 0);
    expect(llms.length).toBeGreaterThan(50);
    for (const m of llms) expect(webLlmContextTokens(m.model_id), m.model_id).toBeLessThanOrEqual(m.overrides?.context_window_size ?? 4096);
  });

  describe('through the runner, against a local server', () => {
    let server: TestServer;
    beforeAll(async () => void (server = await startOpenAIServer({ reply: (p) => `Read ${p.length} characters.`, chunkDelayMs: 1 })));
    afterAll(() => server.close());

    test('the server gets the shortened prompt; the run answers and keeps the notice where the user sees it', async () => {
      const providers: ProviderConfig[] = [{ id: 'p', kind: 'openai-compatible', label: 'Ollama', baseUrl: `${server.url}/v1`, model: 'llama3.2' }];
      let n = 0;
      const { comparison, runs } = planComparison({ prompt: longPrompt(), source: { kind: 'panel' }, providers, now: Date.now(), newId: () => `big-${++n}` });
      const store = memoryRunStore([comparison], runs);
      const runner = createRunner({ store, providerFor, apiKeyFor: async () => undefined, checkpointMs: 5 });
      await runner.wake();
      await runner.idle();
      const [run] = store.runsOf(comparison.id);
      const sent = (server.requests.at(-1)!.body as { messages: { content: string }[] }).messages.at(-1)!.content;
      expect(sent.length).toBeLessThan(120_000);
      expect(sent.startsWith(START) && sent.endsWith(END)).toBe(true);
      expect(run).toMatchObject({ state: 'done', text: `Read ${sent.length} characters.` });
      expect(run!.notice).toMatch(/^Prompt shortened to fit llama3\.2's context \(kept the first [\d,]+ and last [\d,]+ characters\)\.$/);
      // The comparison keeps the prompt as the user wrote it.
      expect(comparison.prompt.length).toBe(200_000);
    });
  });
});

describe('an empty prompt', () => {
  let db: ParallaxDB;
  let wakes = 0;
  let n = 0;
  const host: RunnerHost = {
    ensure: async () => undefined,
    wake: async () => {
      wakes++;
    },
    cancel: async () => true,
    cancelAll: async () => 0,
    checkTranslation: async (_source: string | null, targets: string[]) => ({ engine: 'model' as const, ready: targets, missing: [] }),
  };
  const chat = { id: 'ext', url: 'http://127.0.0.1:5173/chat', tab: { id: 1 }, frameId: 0 };
  beforeEach(async () => {
    fakeBrowser.reset();
    db = new ParallaxDB(`bad-input-${++n}`);
    wakes = 0;
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      providers: [{ id: 'p', kind: 'openai-compatible', label: 'L', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }],
      customSitePatterns: ['http://127.0.0.1/*'],
    });
  });

  test.each(['', '   ', '\n\t \r\n', '\u200B\u200B', '\u200E\u202E\uFEFF \u2060'])(
    '%j is refused from the panel and from capture; nothing is saved or run',
    async (text) => {
      const h = backgroundHandlers({ db, runner: host });
      await expect(h['comparison.start']!({ text }, chat)).rejects.toThrow('The prompt is empty.');
      await expect(h['prompt.captured']!({ text, url: chat.url, via: 'enter' }, chat)).rejects.toThrow('The prompt is empty.');
      expect(await db.comparisons.count()).toBe(0);
      expect(wakes).toBe(0);
    },
  );
});

describe('import files', () => {
  const file = (comparisons: unknown, over: object = {}) =>
    JSON.stringify({ format: 'parallax-comparisons', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', comparisons, ...over });

  test.each([
    ['an empty file', '', 'This is not a JSON file.'],
    ['plain text', 'Comparisons from last week', 'This is not a JSON file.'],
    ['cut-off JSON', file([]).slice(0, -5), 'This is not a JSON file.'],
    ['binary', '\u0000\u0001PNG\u001a\n', 'This is not a JSON file.'],
    ['JSON null', 'null', 'This JSON file is not a Parallax export.'],
    ['a JSON list', '[]', 'This JSON file is not a Parallax export.'],
    ['another format', JSON.stringify({ format: 'chat-history', comparisons: [] }), 'This JSON file is not a Parallax export.'],
    ['a newer version', file([], { version: 2 }), 'This export has version 2; this Parallax reads version 1.'],
    ['no comparisons list', file({ a: 1 }), 'This export has no comparisons list.'],
  ])('%s is refused with a clear message', (_name, text, message) => {
    expect(() => planImport(text)).toThrow(message);
  });

  test('a byte-order mark is fine; broken comparisons are skipped with the reason', () => {
    const plan = planImport(
      `\uFEFF${file([{ id: 'bad id!', prompt: 'x' }, 7, { id: 'ok', prompt: '', createdAt: 'x', source: { kind: 'panel' }, answers: [] }])}`,
    );
    expect(plan.comparisons).toEqual([]);
    expect(plan.skipped).toEqual([
      { index: 0, id: 'bad id!', reason: 'it has no valid id' },
      { index: 1, reason: 'it is not an object' },
      { index: 2, id: 'ok', reason: 'it has no prompt' },
    ]);
  });

  test(`more than ${MAX_IMPORT_COMPARISONS.toLocaleString('en-US')} comparisons is refused before any is read`, () => {
    const text = file(Array.from({ length: MAX_IMPORT_COMPARISONS + 1 }, () => 0));
    expect(() => planImport(text)).toThrow(/has 100,001 comparisons; Parallax imports at most 100,000 at a time/);
  });

  test('a file over 200 MB is refused before it is parsed', () => {
    const text = `{"format":"parallax-comparisons","version":1,"comparisons":[],"pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    expect(() => planImport(text)).toThrow('This file is too large to import (over 200 MB).');
  });
});
