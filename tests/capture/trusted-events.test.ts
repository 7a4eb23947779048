// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { SUBMIT_AFTER_GESTURE_MS, watchSubmits, type SubmittedPrompt } from '@/utils/platform/capture/submit';
import { generic } from '@/utils/core/sites/generic';

/**
 * Only the user's own key presses and clicks pick up a prompt. happy-dom, like a browser, marks every event a
 * script makes as untrusted; events standing for the user's own input are marked here, as the browser would.
 */
function page() {
  document.body.replaceChildren();
  const form = document.createElement('form');
  const composer = document.createElement('textarea');
  const send = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Send' });
  // A button the adapter does not know as "send" (a site's own, restyled one): its click is followed by the form's submit.
  const go = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Go' });
  form.append(composer, send, go);
  const other = document.createElement('form');
  const search = other.appendChild(document.createElement('input'));
  document.body.append(form, other);
  const prompts: SubmittedPrompt[] = [];
  let clock = 1_000_000;
  const users = new WeakSet<Event>();
  const stop = watchSubmits(document, generic, (p) => prompts.push(p), { now: () => clock, trusted: (e) => users.has(e) || e.isTrusted });
  /** An event as the browser makes it for the user's own input. */
  const byUser = <E extends Event>(e: E) => (users.add(e), e);
  const enter = (el: Element, user: boolean) => {
    const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    el.dispatchEvent(user ? byUser(e) : e);
  };
  const click = (el: Element, user: boolean) => {
    const e = new MouseEvent('click', { bubbles: true, cancelable: true });
    el.dispatchEvent(user ? byUser(e) : e);
  };
  const submit = (f: HTMLFormElement) => f.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  return { form, other, composer, send, go, search, prompts, stop, enter, click, submit, advance: (ms: number) => (clock += ms) };
}

describe("a page script cannot send prompts in the user's name", () => {
  test('synthetic Enter, click and submit, 100 times each with different text: nothing is picked up', () => {
    const p = page();
    for (let i = 0; i < 100; i++) {
      p.composer.value = `Write an essay, number ${i}`;
      p.enter(p.composer, false);
      p.send.click();
      p.click(p.send, false);
      p.submit(p.form);
      p.advance(2000);
    }
    expect(p.prompts).toEqual([]);
    p.stop();
  });

  test("the user's own Enter and click still pick up the prompt", () => {
    const p = page();
    p.composer.value = 'Is honesty always the best policy?';
    p.enter(p.composer, true);
    p.advance(5000);
    p.composer.value = 'Name three rivers.';
    p.click(p.send, true);
    expect(p.prompts).toEqual([
      { text: 'Is honesty always the best policy?', via: 'enter' },
      { text: 'Name three rivers.', via: 'button' },
    ]);
    p.stop();
  });

  test("a form submit counts only right after the user's Enter or click on a button in that form", () => {
    const p = page();
    p.composer.value = 'First';
    p.submit(p.form); // requestSubmit() from a script, no gesture at all
    p.click(p.composer, true); // clicking into the composer is no send
    p.submit(p.form);
    expect(p.prompts).toEqual([]);

    p.click(p.go, true); // the user clicks the site's button…
    p.advance(SUBMIT_AFTER_GESTURE_MS - 100);
    p.submit(p.form); // …and the site submits the form right after
    expect(p.prompts).toEqual([{ text: 'First', via: 'form' }]);

    p.advance(5000);
    p.composer.value = 'Second';
    p.click(p.go, true);
    p.advance(SUBMIT_AFTER_GESTURE_MS + 1);
    p.submit(p.form); // too long after
    p.enter(p.search, true); // a gesture in another form
    p.submit(p.form);
    expect(p.prompts.map((x) => x.text)).toEqual(['First']);
    p.stop();
  });
});
