import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import { captureHandlers } from '@/utils/platform/background/capture-handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { runsOf } from '@/utils/platform/db/comparisons';
import { ParallaxDB } from '@/utils/platform/db/schema';
import type { Handlers } from '@/utils/platform/messaging/router';
import type { SenderInfo } from '@/utils/platform/messaging/senders';
import { CAPTURE_RATE, MAX_CAPTURED_PROMPT_CHARS, slidingWindowLimiter } from '@/utils/core/sites/capture-limits';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/platform/storage/settings';
import { panelRequestItem } from '@/utils/platform/storage/panel-requests';

let n = 0;
let db: ParallaxDB;
let clock: number;
let h: Handlers;
const host: RunnerHost = {
  ensure: async () => undefined,
  wake: async () => undefined,
  cancel: async () => true,
  cancelAll: async () => 0,
  checkTranslation: async (_s: string | null, targets: string[]) => ({ engine: 'model' as const, ready: targets, missing: [] }),
};
const provider = { id: 'p1', kind: 'openai-compatible' as const, label: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' };
const tab = (id: number): SenderInfo => ({ id: 'ext', url: 'http://127.0.0.1:5173/chat', tab: { id }, frameId: 0 });
const capture = (sender: SenderInfo, text = `Prompt ${Math.random()}`) => h['prompt.captured']!({ text, url: sender.url!, via: 'enter' }, sender);

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ParallaxDB(`capture-limits-${++n}`);
  clock = 1_000_000;
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, providers: [provider], customSitePatterns: ['http://127.0.0.1/*'] });
  const deps = { db, runner: host, now: () => clock };
  const core = backgroundHandlers(deps);
  h = { ...core, ...captureHandlers(deps, core) };
});

describe('a sliding window per key', () => {
  test('allows max per window, says when the next frees up, and flags only the first refusal', () => {
    const limit = slidingWindowLimiter({ max: 2, windowMs: 1000 });
    expect(limit.take('a', 0)).toEqual({ ok: true });
    expect(limit.take('a', 400)).toEqual({ ok: true });
    expect(limit.take('a', 500)).toEqual({ ok: false, retryInMs: 500, first: true });
    expect(limit.take('a', 600)).toEqual({ ok: false, retryInMs: 400, first: false });
    expect(limit.take('b', 600)).toEqual({ ok: true });
    expect(limit.take('a', 1001)).toEqual({ ok: true });
  });
});

describe('prompts picked up from one tab', () => {
  test(`at most ${CAPTURE_RATE.max} a minute; past it they are refused with a notice on the page and one in the panel`, async () => {
    for (let i = 0; i < CAPTURE_RATE.max; i++) {
      expect((await capture(tab(3))).comparisonId).not.toBeNull();
      clock += 1000;
    }
    const refused = await capture(tab(3));
    expect(refused).toEqual({
      comparisonId: null,
      ignored: 'rate',
      notice: `Parallax did not pick this up: more than ${CAPTURE_RATE.max} prompts in a minute came from this tab. It picks up prompts again in 54 s.`,
    });
    expect(await panelRequestItem.getValue()).toMatchObject({
      kind: 'notice',
      message: `Parallax stopped picking up prompts on 127.0.0.1:5173 for a minute: more than ${CAPTURE_RATE.max} were sent from that tab within a minute. If you did not send them, the page may be sending them itself.`,
    });
    expect(await db.comparisons.count()).toBe(CAPTURE_RATE.max);
    // Another tab is not held back; the first tab is again once the minute has passed.
    expect((await capture(tab(4))).comparisonId).not.toBeNull();
    clock += 60_000;
    expect((await capture(tab(3))).comparisonId).not.toBeNull();
  });

  test('a burst of 100 from a page stores at most the limit', async () => {
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => capture(tab(9), `Essay ${i}`)));
    expect(replies.filter((r) => r.comparisonId).length).toBe(CAPTURE_RATE.max);
    expect(await db.comparisons.count()).toBe(CAPTURE_RATE.max);
  });
});

describe('a very long picked-up prompt', () => {
  test('is kept whole, but nothing is asked until the user confirms in the panel; the page says so', async () => {
    const text = Array.from({ length: Math.ceil(MAX_CAPTURED_PROMPT_CHARS / 15) + 1 }, () => 'Summarise this.').join(' ');
    const reply = await capture(tab(5), text);
    expect(reply.notice).toBe('Parallax kept this prompt but asked nothing yet: confirm it in the Parallax panel.');
    const comparison = (await db.comparisons.get(reply.comparisonId!))!;
    expect(comparison.prompt.length).toBe(text.length); // whole (compared by length: a failure would print 100 KB)
    expect(comparison.prompt === text).toBe(true);
    expect(comparison.held).toMatchObject({ reason: 'confirm', runs: 1, chars: text.length });
    expect(await runsOf(db, comparison.id)).toEqual([]);
    // Confirmed: the run starts.
    await h['comparison.extend']!({ comparisonId: comparison.id }, { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' });
    expect((await runsOf(db, comparison.id)).map((r) => r.state)).toEqual(['queued']);
  });

  test('up to the limit it is asked at once, with no notice', async () => {
    const reply = await capture(tab(6), 'x'.repeat(MAX_CAPTURED_PROMPT_CHARS));
    expect(reply.notice).toBeUndefined();
    expect((await runsOf(db, reply.comparisonId!)).map((r) => r.state)).toEqual(['queued']);
  });
});

test('a page that hid the indicator: the panel is told capture stopped there', async () => {
  await h['capture.blocked']!({ url: 'http://127.0.0.1:5173/chat', reason: 'indicator-hidden' }, tab(2));
  expect((await panelRequestItem.getValue())?.kind === 'notice' && ((await panelRequestItem.getValue()) as { message: string }).message).toBe(
    "Parallax stopped picking up prompts on 127.0.0.1:5173: the page hid or covered Parallax's indicator, so you could not see what is picked up. Reload the page to try again.",
  );
});
