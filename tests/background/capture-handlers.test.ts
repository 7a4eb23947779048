import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import { captureHandlers } from '@/utils/platform/background/capture-handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { siteHealthItem } from '@/utils/platform/capture/site-health';
import { runsOf } from '@/utils/platform/db/comparisons';
import { dexieRunStore } from '@/utils/platform/db/run-store';
import { matchHistory } from '@/utils/platform/db/history';
import { ParallaxDB } from '@/utils/platform/db/schema';
import type { Handlers } from '@/utils/platform/messaging/router';
import type { SenderInfo } from '@/utils/platform/messaging/senders';
import type { ChatProvider, ProviderKind } from '@/utils/core/providers/types';
import { createRunner } from '@/utils/core/runner/runner';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/platform/storage/settings';
import { siteId } from '@/utils/core/sites/types';

let n = 0;
let db: ParallaxDB;
let cancelled: string[];
let wakes: number;
let h: Handlers;
const host: RunnerHost = {
  ensure: async () => undefined,
  wake: async () => {
    wakes++;
  },
  cancel: async () => true,
  cancelAll: async (comparisonId) => (cancelled.push(comparisonId), 1),
  checkTranslation: async (_source: string | null, targets: string[]) => ({ engine: 'model' as const, ready: targets, missing: [] }),
};
const provider = { id: 'p1', kind: 'openai-compatible' as const, label: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' };
const chatgptTab: SenderInfo = { id: 'ext', url: 'https://chatgpt.com/', tab: { id: 7 }, frameId: 0 };
const prompt = { text: 'Is lying ever kind?', url: 'https://chatgpt.com/', via: 'enter' as const };
const answer = 'Sometimes a gentle untruth spares pain, but honesty usually serves people better.';

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ParallaxDB(`capture-handlers-${++n}`);
  cancelled = [];
  wakes = 0;
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    providers: [provider],
    sites: [siteId('chatgpt'), siteId('claude')],
    customSitePatterns: ['http://127.0.0.1/*'],
  });
  const deps = { db, runner: host };
  const core = backgroundHandlers(deps);
  h = { ...core, ...captureHandlers(deps, core) };
});

async function capture(sender = chatgptTab, extra: Partial<typeof prompt> & { context?: { role: 'user' | 'assistant'; content: string }[] } = {}) {
  const { comparisonId } = await h['prompt.captured']!({ ...prompt, ...extra }, sender);
  return comparisonId!;
}

describe("the site's own answer", () => {
  test('becomes a finished first column named after the site, found by a history search', async () => {
    const id = await capture();
    await h['answer.captured']!(
      { comparisonId: id, text: `  ${answer}\n`, url: 'https://chatgpt.com/c/abc' },
      { ...chatgptTab, url: 'https://chatgpt.com/c/abc' },
    );
    const runs = await runsOf(db, id);
    expect(runs.map((r) => [r.target.providerKind, r.state])).toEqual([
      ['site', 'done'],
      ['openai-compatible', 'queued'],
    ]);
    expect(runs[0]).toMatchObject({ text: answer, target: { providerLabel: 'ChatGPT', model: 'ChatGPT', baseUrl: 'https://chatgpt.com', language: null } });
    expect(await matchHistory(db, { text: 'untruth' })).toEqual([id]);
    // The comparison now links to the conversation's own address.
    expect((await db.comparisons.get(id))!.source).toMatchObject({ kind: 'site', url: 'https://chatgpt.com/c/abc' });
  });

  test('on a site the user added, the column is named after its host', async () => {
    const localTab = { ...chatgptTab, url: 'http://127.0.0.1:5173/chat' };
    const id = await capture(localTab, { url: localTab.url });
    await h['answer.captured']!({ comparisonId: id, text: answer, url: localTab.url }, localTab);
    expect((await runsOf(db, id))[0]!.target).toMatchObject({ providerKind: 'site', providerLabel: '127.0.0.1:5173', baseUrl: 'http://127.0.0.1:5173' });
  });

  test('sent twice (the content script retried), it stays one column with the latest text', async () => {
    const id = await capture();
    await h['answer.captured']!({ comparisonId: id, text: 'first', url: prompt.url }, chatgptTab);
    await h['answer.captured']!({ comparisonId: id, text: answer, url: prompt.url }, chatgptTab);
    const site = (await runsOf(db, id)).filter((r) => r.target.providerKind === 'site');
    expect(site.map((r) => r.text)).toEqual([answer]);
  });

  test.each([
    ['another tab on the same site', { ...chatgptTab, tab: { id: 8 } }],
    ['the same tab after it moved to another enabled site', { ...chatgptTab, url: 'https://claude.ai/chat/1' }],
    ['a sender without a tab', { ...chatgptTab, tab: undefined }],
  ])('from %s, it is refused and nothing is attached', async (_, forged) => {
    const id = await capture();
    await expect(h['answer.captured']!({ comparisonId: id, text: 'forged', url: forged.url! }, forged)).rejects.toThrow(
      /not picked up (in this tab|on this site)/,
    );
    expect((await runsOf(db, id)).map((r) => r.target.providerKind)).toEqual(['openai-compatible']);
  });

  test('for a comparison the user removed, it is refused with a reason', async () => {
    const id = await capture();
    await h['capture.undo']!({ comparisonId: id }, chatgptTab);
    await expect(h['answer.captured']!({ comparisonId: id, text: answer, url: prompt.url }, chatgptTab)).rejects.toThrow('not picked up in this tab');
  });

  test('is never executed by the runner, even if something queued it; retry is refused', async () => {
    const id = await capture();
    const { runId } = await h['answer.captured']!({ comparisonId: id, text: answer, url: prompt.url }, chatgptTab);
    await expect(h['run.retry']!({ runId }, chatgptTab)).rejects.toThrow("ChatGPT's own answer");
    expect((await db.runs.get(runId))!.state).toBe('done');

    await db.runs.update(runId, { state: 'queued' }); // e.g. a future code path that re-queues every run
    const asked: ProviderKind[] = [];
    const echo: ChatProvider = {
      kind: 'openai-compatible',
      name: 'echo',
      async *stream() {
        yield { type: 'text', text: 'model answer' };
        yield { type: 'done' };
      },
    };
    const runner = createRunner({
      store: dexieRunStore(db),
      providerFor: (kind) => (asked.push(kind), kind === 'openai-compatible' ? echo : undefined),
      apiKeyFor: async () => undefined,
    });
    expect(await runner.wake()).toBe(1);
    await runner.idle();
    expect(asked).toEqual(['openai-compatible']);
    const runs = await runsOf(db, id);
    expect(runs.map((r) => [r.target.providerKind, r.text])).toEqual([
      ['site', answer],
      ['openai-compatible', 'model answer'],
    ]);
  });
});

describe("don't compare this one", () => {
  test('cancels its runs and deletes it from history', async () => {
    const id = await capture();
    await h['answer.captured']!({ comparisonId: id, text: answer, url: prompt.url }, chatgptTab);
    expect(await h['capture.undo']!({ comparisonId: id }, chatgptTab)).toEqual({ removed: true });
    expect(cancelled).toEqual([id]);
    expect(await db.comparisons.get(id)).toBeUndefined();
    expect(await runsOf(db, id)).toEqual([]);
    expect(await matchHistory(db, { text: 'untruth' })).toEqual([]);
  });

  test('from another tab, it is refused and the comparison is kept', async () => {
    const id = await capture();
    await expect(h['capture.undo']!({ comparisonId: id }, { ...chatgptTab, tab: { id: 99 } })).rejects.toThrow('not picked up in this tab');
    expect(cancelled).toEqual([]);
    expect(await db.comparisons.get(id)).toBeDefined();
  });
});

describe('the conversation before the prompt', () => {
  test('is kept with the comparison: the last 10 turns, empty ones dropped', async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- TypeScript 7 widens the role to string without it
    const turns = Array.from({ length: 12 }, (_, i) => ({ role: (i % 2 ? 'assistant' : 'user') as 'user' | 'assistant', content: `turn ${i}` }));
    const id = await capture(chatgptTab, { context: [...turns.slice(0, 11), { role: 'assistant', content: '  ' }] });
    expect((await db.comparisons.get(id))!.context?.map((t) => t.content)).toEqual(turns.slice(1, 11).map((t) => t.content));
    expect(wakes).toBe(1);
  });

  test('while paused nothing is kept', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), paused: true });
    expect(await h['prompt.captured']!({ ...prompt, context: [{ role: 'user', content: 'x' }] }, chatgptTab)).toEqual({
      comparisonId: null,
      ignored: 'paused',
    });
    expect(await db.comparisons.count()).toBe(0);
  });
});

describe('selector health', () => {
  test('a missing composer is kept per site for the panel, most important first; a healthy page clears it', async () => {
    await h['site.health']!({ url: 'https://chatgpt.com/', missing: ['assistantTurn', 'composer'] }, chatgptTab);
    expect(await siteHealthItem.getValue()).toEqual({
      chatgpt: { key: 'chatgpt', siteName: 'ChatGPT', url: 'https://chatgpt.com/', missing: ['composer', 'assistantTurn'], at: expect.any(Number) },
    });
    expect(await h['site.health']!({ url: 'https://chatgpt.com/', missing: [] }, chatgptTab)).toEqual({ recorded: true });
    expect(await siteHealthItem.getValue()).toEqual({});
    expect(await h['site.health']!({ url: 'https://chatgpt.com/', missing: [] }, chatgptTab)).toEqual({ recorded: false });
  });

  test('user-added sites are told apart by host', async () => {
    await h['site.health']!({ url: 'http://127.0.0.1:5173/', missing: ['composer'] }, { ...chatgptTab, url: 'http://127.0.0.1:5173/' });
    expect(Object.values(await siteHealthItem.getValue()).map((r) => [r.key, r.siteName])).toEqual([['generic:http://127.0.0.1:5173', '127.0.0.1:5173']]);
  });

  test('the page the sender is on decides the site, not the payload', async () => {
    await h['site.health']!({ url: 'https://claude.ai/', missing: ['composer'] }, chatgptTab);
    expect(Object.keys(await siteHealthItem.getValue())).toEqual(['chatgpt']);
  });
});
