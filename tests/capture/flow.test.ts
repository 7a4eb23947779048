// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { answersPrompt, contextOf, startCaptureFlow, type Send } from '@/utils/platform/capture/flow';
import type { IndicatorOptions } from '@/utils/platform/capture/indicator';
import { chatgpt } from '@/utils/core/sites/chatgpt';
import type { Turn } from '@/utils/core/sites/types';

const FIXTURE = readFileSync(resolve(__dirname, '../fixtures/sites/chatgpt-new.html'), 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sent {
  type: string;
  payload: Record<string, unknown>;
}

interface ShownIndicator {
  opts: IndicatorOptions;
  ready: number;
  notices: string[];
  removed: number;
  failed: string[];
  closed: number;
  /** Whether the page lets it be seen (the real one measures; see indicator.test.ts and the e2e). */
  visible: boolean;
}

/**
 * A ChatGPT-like page in the test document, and the background's side of the conversation. Events made here are
 * synthetic, so they count as the user's own only with `trusted` (default: all of them).
 */
function setUp(
  reply: (type: string) => unknown = (type) => (type === 'prompt.captured' ? { comparisonId: `c${++ids}` } : { ok: true }),
  opts: { trusted?: (e: Event) => boolean; visible?: boolean } = {},
) {
  document.body.replaceChildren(...new DOMParser().parseFromString(FIXTURE, 'text/html').body.children);
  const sent: Sent[] = [];
  const indicators: ShownIndicator[] = [];
  const send = (async (type: string, payload: Record<string, unknown>) => {
    sent.push({ type, payload });
    return reply(type);
  }) as unknown as Send;
  const stop = startCaptureFlow({
    doc: document,
    adapter: chatgpt,
    send,
    answer: { stableMs: 40, timeoutMs: 2000 },
    trusted: opts.trusted ?? (() => true),
    indicator: (_doc, o) => {
      const shown: ShownIndicator = { opts: o, ready: 0, notices: [], removed: 0, failed: [], closed: 0, visible: opts.visible ?? true };
      indicators.push(shown);
      return {
        ready: () => {
          shown.ready++;
        },
        notice: (m) => void shown.notices.push(m),
        removed: () => {
          shown.removed++;
        },
        failed: (m) => void shown.failed.push(m),
        close: () => {
          shown.closed++;
        },
        shown: () => shown.visible && shown.closed === 0,
        open: () => shown.closed === 0,
      };
    },
    log: () => undefined,
  });
  return { sent, indicators, stop, of: (type: string) => sent.filter((m) => m.type === type).map((m) => m.payload) };
}
let ids = 0;

/** The user types and presses Enter; the site shows the prompt and a stop button, streams, then finishes. */
async function ask(text: string, answer: string | null, { streamMs = 60 } = {}) {
  const composer = document.querySelector('#prompt-textarea')!;
  composer.textContent = text;
  composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  composer.textContent = '';
  const thread = document.querySelector('#thread')!;
  const user = document.createElement('section');
  user.dataset.turn = 'user';
  user.append(Object.assign(document.createElement('div'), { textContent: text }));
  user.firstElementChild!.setAttribute('data-message-author-role', 'user');
  thread.append(user);
  if (answer === null) return;
  const stopButton = Object.assign(document.createElement('button'), { textContent: 'Stop' });
  stopButton.dataset.testid = 'stop-button';
  document.querySelector('form')!.append(stopButton);
  const section = document.createElement('section');
  section.dataset.turn = 'assistant';
  const body = document.createElement('div');
  body.setAttribute('data-message-author-role', 'assistant');
  const markdown = Object.assign(document.createElement('div'), { className: 'markdown' });
  body.append(markdown);
  section.append(body);
  thread.append(section);
  const half = Math.ceil(answer.length / 2);
  markdown.textContent = answer.slice(0, half);
  await sleep(streamMs);
  markdown.textContent = answer;
  stopButton.remove();
}

beforeEach(() => (ids = 0));

describe('capture on a chat page', () => {
  test("a sent prompt is handed over with the turns before it; the site's finished answer follows", async () => {
    const page = setUp();
    await ask('And of New Zealand?', 'Wellington is the capital of New Zealand.');
    await expect.poll(() => page.of('answer.captured').length).toBe(1);
    const [prompt] = page.of('prompt.captured');
    expect(prompt).toMatchObject({ text: 'And of New Zealand?', via: 'enter' });
    expect((prompt!.context as { role: string; content: string }[]).map((t) => `${t.role}: ${t.content}`)).toEqual([
      'user: What is the capital of Australia?',
      'assistant: Canberra is the capital of Australia.\nIt was chosen as a compromise between Sydney and Melbourne.',
      'user: How many people live there?',
      'assistant: About 470,000 people live in Canberra.',
    ]);
    expect(page.indicators).toHaveLength(1);
    // Only the finished text, never the half streamed while the stop button showed.
    expect(page.of('answer.captured')).toEqual([{ comparisonId: 'c1', text: 'Wellington is the capital of New Zealand.', url: document.location.href }]);
    page.stop();
  });

  test('"Don\'t compare" removes it: undo is sent, the indicator says so, and the answer is not attached', async () => {
    const page = setUp();
    const asking = ask('Tell me a secret', 'A secret shared is no longer a secret.', { streamMs: 300 });
    await expect.poll(() => page.indicators[0]?.ready).toBe(1);
    page.indicators[0]!.opts.onUndo();
    await asking;
    await sleep(150);
    expect(page.of('capture.undo')).toEqual([{ comparisonId: 'c1' }]);
    expect(page.indicators[0]!.removed).toBe(1);
    expect(page.of('answer.captured')).toEqual([]);
    page.stop();
  });

  test('when undo fails, the indicator says why', async () => {
    const page = setUp((type) => {
      if (type === 'capture.undo') throw new Error('Parallax did not answer.');
      return { comparisonId: 'c1' };
    });
    await ask('Hi', null);
    await expect.poll(() => page.indicators[0]?.ready).toBe(1);
    page.indicators[0]!.opts.onUndo();
    await expect.poll(() => page.indicators[0]!.failed).toEqual(['Parallax did not answer.']);
    page.stop();
  });

  test('while paused (no comparison), the indicator goes at once and no answer is sent', async () => {
    const page = setUp(() => ({ comparisonId: null, ignored: 'paused' }));
    await ask('Anything?', 'Something.');
    await sleep(150);
    expect(page.of('prompt.captured')).toHaveLength(1);
    expect(page.indicators.map((i) => [i.ready, i.closed, i.notices])).toEqual([[0, 1, []]]);
    expect(page.of('answer.captured')).toEqual([]);
    page.stop();
  });

  test('a refused capture says why on the page, without "Don\'t compare"', async () => {
    const page = setUp((type) =>
      type === 'prompt.captured' ? { comparisonId: null, ignored: 'rate', notice: 'Too many prompts from this tab.' } : { ok: true },
    );
    await ask('One more?', 'Fine.');
    await expect.poll(() => page.indicators[0]?.notices).toEqual(['Too many prompts from this tab.']);
    expect(page.indicators[0]!.ready).toBe(0);
    await sleep(150);
    expect(page.of('answer.captured')).toEqual([]);
    page.stop();
  });

  test('"Don\'t compare" is offered once the comparison exists', async () => {
    const page = setUp();
    await ask('Ready?', null);
    await expect.poll(() => page.indicators[0]?.ready).toBe(1);
    expect(page.indicators[0]!.notices).toEqual([]);
    page.stop();
  });

  test('a second prompt before the first answer finished: only the second gets the answer', async () => {
    const page = setUp();
    await ask('First?', null);
    await expect.poll(() => page.indicators[0]?.ready).toBe(1);
    await ask('Second?', 'The answer to the second.');
    await expect.poll(() => page.of('answer.captured').length).toBe(1);
    await sleep(100);
    expect(page.of('answer.captured')).toEqual([expect.objectContaining({ comparisonId: 'c2', text: 'The answer to the second.' })]);
    page.stop();
  });

  test('stopping removes the indicator and stops waiting', async () => {
    const page = setUp();
    await ask('Slow one?', null);
    await expect.poll(() => page.indicators.length).toBe(1);
    page.stop();
    expect(page.indicators[0]!.closed).toBe(1);
  });
});

describe("only the user's own sends, with an indicator the page lets them see", () => {
  test('synthetic events (Enter, a click on send, a submit) pick up nothing', async () => {
    const page = setUp(undefined, { trusted: (e) => e.isTrusted });
    for (let i = 0; i < 20; i++) {
      const composer = document.querySelector('#prompt-textarea')!;
      composer.textContent = `Spend the user's keys ${i}`;
      composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      document.querySelector<HTMLElement>('[data-testid="send-button"]')?.click();
      document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true }));
    }
    await sleep(150);
    expect(page.sent).toEqual([]);
    expect(page.indicators).toEqual([]);
    page.stop();
  });

  test('an indicator the page hides: nothing is handed over, the panel is told, and capture stops on the page', async () => {
    const page = setUp(undefined, { visible: false });
    await ask('Hidden?', null);
    await expect.poll(() => page.of('capture.blocked')).toEqual([{ url: document.location.href, reason: 'indicator-hidden' }]);
    expect(page.of('prompt.captured')).toEqual([]);
    await ask('And now?', null);
    await sleep(150);
    expect(page.of('prompt.captured')).toEqual([]);
    expect(page.indicators).toHaveLength(1);
    page.stop();
  });

  test('an indicator hidden after the prompt went: the prompt is taken back and capture stops', async () => {
    const page = setUp();
    await ask('Visible at first?', null);
    await expect.poll(() => page.indicators[0]?.ready).toBe(1);
    page.indicators[0]!.visible = false;
    await expect.poll(() => page.of('capture.undo'), { timeout: 2000 }).toEqual([{ comparisonId: 'c1' }]);
    expect(page.of('capture.blocked')).toHaveLength(1);
    await ask('Next?', null);
    await sleep(150);
    expect(page.of('prompt.captured')).toHaveLength(1);
    page.stop();
  });

  test('a prompt longer than a message may carry is not handed over; the page says so', async () => {
    const page = setUp();
    await ask('x'.repeat(1_000_001), null);
    await expect.poll(() => page.indicators[0]?.notices).toEqual(['Parallax did not pick this up: it is longer than 1,000,000 characters.']);
    expect(page.of('prompt.captured')).toEqual([]);
    page.stop();
  });
});

describe('whether the last answer on the page is to the prompt sent', () => {
  const turns = (...pairs: [Turn['role'], string][]): Turn[] => pairs.map(([role, text]) => ({ role, text }));
  test.each([
    [
      'the prompt then its answer',
      turns(['user', 'old'], ['assistant', 'a'], ['user', 'Why  is\nthe sky blue?'], ['assistant', 'b']),
      'Why is the sky blue?',
      true,
    ],
    ['a long prompt the site folds', turns(['user', `${'x'.repeat(200)}…`], ['assistant', 'b']), 'x'.repeat(5000), true],
    ['another conversation opened meanwhile', turns(['user', 'Plan a trip'], ['assistant', 'b']), 'Why is the sky blue?', false],
    ['a site that shows no user turns', turns(['assistant', 'b']), 'Why?', true],
  ])('%s: %s', (_, page, prompt, expected) => {
    expect(answersPrompt(page, prompt)).toBe(expected);
  });

  test('context keeps the last 10 turns, each cut to what a message may carry', () => {
    const many = Array.from({ length: 14 }, (_, i): Turn => ({ role: i % 2 ? 'assistant' : 'user', text: i === 13 ? 'y'.repeat(60_000) : `t${i}` }));
    const context = contextOf(many);
    expect(context.map((t) => t.content.slice(0, 3))).toEqual(['t4', 't5', 't6', 't7', 't8', 't9', 't10', 't11', 't12', 'yyy']);
    expect(context.at(-1)!.content.length).toBe(50_000);
  });
});
