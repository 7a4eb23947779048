import { describe, expect, test, vi } from 'vitest';
import { createRouter } from '@/utils/platform/messaging/router';
import type { SenderContext } from '@/utils/platform/messaging/senders';

const ctx: SenderContext = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext',
  enabled: { sites: [], customSitePatterns: ['https://chat.example/*'] },
};
const panel = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const contentOn = (url: string) => ({ id: 'ext', url, tab: { id: 4 }, frameId: 0 });

function setup(answerAll = true) {
  const log = vi.fn();
  const started: string[] = [];
  const route = createRouter(
    {
      'comparison.start': async ({ text }) => {
        started.push(text);
        return { comparisonId: 'c1' };
      },
      'prompt.captured': async () => ({ comparisonId: 'c2' }),
      'run.retry': async () => {
        throw new Error('That run no longer exists.');
      },
    },
    { context: async () => ctx, answerAll, log },
  );
  return { route, log, started };
}

describe('router', () => {
  test('runs the handler for a valid message from the right sender', async () => {
    const { route, started } = setup();
    await expect(route({ type: 'comparison.start', payload: { text: 'hello' } }, panel)).resolves.toEqual({ ok: true, data: { comparisonId: 'c1' } });
    expect(started).toEqual(['hello']);
  });

  test('refuses a UI message forged by a content script, logs why, and does not run the handler', async () => {
    const { route, log, started } = setup();
    const reply = await route({ type: 'comparison.start', payload: { text: 'x' } }, contentOn('https://chat.example/c/1'));
    expect(reply).toEqual({ ok: false, error: 'comparison.start is not accepted from this sender.' });
    expect(started).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('comparison.start from content'));
  });

  test('refuses a captured prompt from a page on a site that is not enabled', async () => {
    const { route } = setup();
    const reply = await route(
      { type: 'prompt.captured', payload: { text: 'x', url: 'https://chat.example/', via: 'enter' } },
      contentOn('https://other.example/'),
    );
    expect(reply).toMatchObject({ ok: false });
  });

  test('accepts a captured prompt from an enabled site', async () => {
    const { route } = setup();
    const reply = await route(
      { type: 'prompt.captured', payload: { text: 'x', url: 'https://chat.example/', via: 'button' } },
      contentOn('https://chat.example/c/2'),
    );
    expect(reply).toEqual({ ok: true, data: { comparisonId: 'c2' } });
  });

  test('invalid payloads get a reason and never reach a handler', async () => {
    const { route, log, started } = setup();
    const reply = await route({ type: 'comparison.start', payload: { text: ['not', 'a', 'string'] } }, panel);
    expect(reply).toEqual({ ok: false, error: 'Invalid message: comparison.start: text must be a string' });
    expect(started).toEqual([]);
    expect(log).toHaveBeenCalledOnce();
  });

  test('a throwing handler becomes an error reply; the router keeps working', async () => {
    const { route } = setup();
    await expect(route({ type: 'run.retry', payload: { runId: 'r1' } }, panel)).resolves.toEqual({ ok: false, error: 'That run no longer exists.' });
    await expect(route({ type: 'comparison.start', payload: { text: 'again' } }, panel)).resolves.toMatchObject({ ok: true });
  });

  test('a context that does not answer everything stays silent (synchronously) on what is not its own', () => {
    const { route } = setup(false);
    expect(route({ type: 'runner.wake', payload: {} }, panel)).toBeUndefined();
    expect(route({ garbage: true }, panel)).toBeUndefined();
  });
});
