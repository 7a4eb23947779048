// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AnswerTimeoutError, answerWhenDone } from '@/utils/core/sites/answer';
import { generic } from '@/utils/core/sites/generic';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A chat page with one finished exchange; returns helpers that act like the site. */
function page() {
  const doc = new DOMParser().parseFromString(
    `<div id="thread"><div data-role="user">First question</div><div data-role="assistant"><p>Old answer.</p></div></div>`,
    'text/html',
  );
  const thread = doc.getElementById('thread')!;
  return {
    doc,
    ask(text: string) {
      const user = doc.createElement('div');
      user.dataset.role = 'user';
      user.textContent = text;
      thread.append(user);
    },
    startAnswer(): HTMLElement {
      const stop = doc.createElement('button');
      stop.dataset.testid = 'stop-button';
      doc.body.append(stop);
      const answer = doc.createElement('div');
      answer.dataset.role = 'assistant';
      thread.append(answer);
      return answer;
    },
    stopStreaming() {
      doc.querySelector('[data-testid="stop-button"]')?.remove();
    },
  };
}

/** Tracks whether a promise has settled yet. */
function track<T>(promise: Promise<T>) {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

afterEach(() => vi.restoreAllMocks());

describe('answerWhenDone', () => {
  test('resolves with the new answer once streaming has stopped and the text has been stable', async () => {
    const site = page();
    const answer = answerWhenDone(generic, site.doc, new AbortController().signal, { stableMs: 50 });
    const state = track(answer);
    site.ask('Second question');
    const el = site.startAnswer();
    el.textContent = 'New';
    await sleep(30);
    el.textContent = 'New answer, still streaming';
    await sleep(120);
    expect(state.settled).toBe(false);
    el.textContent = 'New answer, complete.';
    site.stopStreaming();
    await sleep(20);
    expect(state.settled).toBe(false);
    await expect(answer).resolves.toBe('New answer, complete.');
  });

  test('waits for text that keeps changing even without a streaming signal', async () => {
    const site = page();
    const answer = answerWhenDone(generic, site.doc, new AbortController().signal, { stableMs: 60 });
    const el = site.doc.createElement('div');
    el.dataset.role = 'assistant';
    site.doc.getElementById('thread')!.append(el);
    const state = track(answer);
    for (const text of ['A', 'A longer', 'A longer answer', 'A longer answer.']) {
      el.textContent = text;
      await sleep(25);
    }
    expect(state.settled).toBe(false);
    await expect(answer).resolves.toBe('A longer answer.');
  });

  test('never returns the answer that was already on the page', async () => {
    const site = page();
    const answer = answerWhenDone(generic, site.doc, new AbortController().signal, { stableMs: 20, timeoutMs: 150 });
    site.ask('Second question');
    await expect(answer).rejects.toBeInstanceOf(AnswerTimeoutError);
  });

  test('an answer re-rendered in place (virtualized list, same count) counts once its text differs', async () => {
    const site = page();
    const answer = answerWhenDone(generic, site.doc, new AbortController().signal, { stableMs: 30 });
    site.doc.querySelector('[data-role="assistant"] p')!.textContent = 'Replacement answer.';
    await expect(answer).resolves.toBe('Replacement answer.');
  });

  test('aborting rejects with the reason and stops watching', async () => {
    const site = page();
    const controller = new AbortController();
    const answer = answerWhenDone(generic, site.doc, controller.signal, { stableMs: 30 });
    site.startAnswer().textContent = 'Partial';
    controller.abort(new Error('user undid the capture'));
    await expect(answer).rejects.toThrow('user undid the capture');
    await expect(answerWhenDone(generic, site.doc, controller.signal)).rejects.toThrow('user undid the capture');
  });

  test('a stop button that never goes away ends in a timeout, without polling', async () => {
    const interval = vi.spyOn(globalThis, 'setInterval');
    const site = page();
    const answer = answerWhenDone(generic, site.doc, new AbortController().signal, { stableMs: 10, timeoutMs: 120 });
    site.startAnswer().textContent = 'Stuck';
    await expect(answer).rejects.toThrow(/did not finish within/);
    expect(interval).not.toHaveBeenCalled();
  });
});
