// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { showIndicator } from '@/utils/platform/capture/indicator';

/** The indicator's closed shadow root, caught as it is attached (pages cannot reach it; the test can). */
function shadowOf(): () => ShadowRoot {
  const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  return () => attach.mock.results.at(-1)!.value as ShadowRoot;
}
const host = () => document.querySelector<HTMLElement>('parallax-indicator');

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  document.querySelectorAll('parallax-indicator').forEach((el) => el.remove());
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the page indicator', () => {
  test('says the prompt was picked up, in a status region, with a "Don\'t compare" button', () => {
    const root = shadowOf();
    showIndicator(document, { onUndo: () => undefined });
    vi.advanceTimersByTime(50);
    const status = root().querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Parallax picked this up');
    expect(root().querySelector('button')!.textContent).toBe("Don't compare");
    expect(root().querySelector('button')!.getAttribute('aria-label')).toBe("Don't compare this prompt in Parallax");
    expect(host()!.style.position).toBe('fixed');
  });

  test('hides after 6 s on its own', () => {
    showIndicator(document, { onUndo: () => undefined });
    vi.advanceTimersByTime(5900);
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(200);
    expect(host()).toBeNull();
  });

  test('stays while keyboard focus is on it, and leaves 2 s after focus does', () => {
    const root = shadowOf();
    showIndicator(document, { onUndo: () => undefined });
    root()
      .querySelector('button')!
      .dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(20_000);
    expect(host()).not.toBeNull();
    root()
      .querySelector('button')!
      .dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    vi.advanceTimersByTime(2100);
    expect(host()).toBeNull();
  });

  test('Escape closes it', () => {
    const root = shadowOf();
    showIndicator(document, { onUndo: () => undefined });
    root()
      .querySelector('button')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host()).toBeNull();
  });

  test('"Don\'t compare" asks once, then says "Removed" and goes away', () => {
    const root = shadowOf();
    const onUndo = vi.fn();
    const indicator = showIndicator(document, { onUndo });
    const button = root().querySelector('button')!;
    button.click();
    expect(onUndo).not.toHaveBeenCalled(); // nothing to undo until the comparison exists
    indicator.ready();
    button.click();
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(button.disabled).toBe(true);
    indicator.removed();
    expect(root().querySelector('[role="status"]')!.textContent).toBe('Removed');
    expect(root().querySelector('button')).toBeNull();
    vi.advanceTimersByTime(2100);
    expect(host()).toBeNull();
  });

  test('when undo fails it says why and the button can be used again', () => {
    const root = shadowOf();
    const indicator = showIndicator(document, { onUndo: () => undefined });
    indicator.ready();
    root().querySelector('button')!.click();
    indicator.failed('Parallax did not answer.');
    expect(root().querySelector('[role="status"]')!.textContent).toBe('Could not remove it: Parallax did not answer.');
    expect(root().querySelector('button')!.disabled).toBe(false);
  });

  test('a notice replaces the message and the button, and stays longer', () => {
    const root = shadowOf();
    const indicator = showIndicator(document, { onUndo: () => undefined });
    indicator.notice('Parallax did not pick this up: too many prompts.');
    expect(root().querySelector('[role="status"]')!.textContent).toBe('Parallax did not pick this up: too many prompts.');
    vi.advanceTimersByTime(50);
    expect(root().querySelector('[role="status"]')!.textContent).toBe('Parallax did not pick this up: too many prompts.');
    expect(root().querySelector('button')).toBeNull();
    vi.advanceTimersByTime(9000);
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(1100);
    expect(host()).toBeNull();
  });

  test('its styles are important, so no stylesheet of the page can hide it', () => {
    showIndicator(document, { onUndo: () => undefined });
    for (const property of ['display', 'visibility', 'opacity', 'position', 'z-index'])
      expect(host()!.style.getPropertyPriority(property), property).toBe('important');
  });

  const rect = (r: { left: number; right: number; top: number; bottom: number }) => ({
    ...r,
    x: r.left,
    y: r.top,
    width: r.right - r.left,
    height: r.bottom - r.top,
    toJSON: () => ({}),
  });
  /** The indicator drawn 184 × 40 px (happy-dom lays nothing out). */
  function sizedIndicator() {
    const attach = HTMLElement.prototype.append;
    vi.spyOn(document.documentElement, 'append').mockImplementation(function (this: HTMLElement, ...nodes) {
      for (const n of nodes)
        if (n instanceof HTMLElement) vi.spyOn(n, 'getBoundingClientRect').mockImplementation(() => rect({ left: 0, right: 184, top: 0, bottom: 40 }));
      attach.apply(this, nodes);
    });
  }

  test.each([
    // Over the bottom-right corner (as ChatGPT's at 1024 × 768): just above the composer, lined up with its right edge.
    ['covers the corner', { left: 600, right: 1000, top: 700, bottom: 780 }, { right: '24px', bottom: `${768 - 700 + 10}px` }],
    ['sits elsewhere', { left: 100, right: 500, top: 700, bottom: 780 }, { right: '16px', bottom: '16px' }],
  ])('keeps clear of the composer when the composer %s', (_, box, place) => {
    Object.assign(window, { innerWidth: 1024, innerHeight: 768 });
    const composer = document.body.appendChild(document.createElement('textarea'));
    vi.spyOn(composer, 'getBoundingClientRect').mockReturnValue(rect(box));
    sizedIndicator();
    showIndicator(document, { onUndo: () => undefined, avoid: composer });
    expect({ right: host()!.style.right, bottom: host()!.style.bottom }).toEqual(place);
  });

  test('follows the composer when the page moves it (a new chat’s composer drops to the bottom)', () => {
    Object.assign(window, { innerWidth: 1280, innerHeight: 800 });
    const form = document.body.appendChild(document.createElement('form'));
    const stop = form.appendChild(document.createElement('button'));
    let at = rect({ left: 386, right: 1154, top: 330, bottom: 400 }); // the middle of a new chat
    vi.spyOn(form, 'getBoundingClientRect').mockImplementation(() => at);
    vi.spyOn(stop, 'getBoundingClientRect').mockImplementation(() =>
      rect({ left: at.right - 46, right: at.right - 10, top: at.top + 17, bottom: at.top + 53 }),
    );
    sizedIndicator();
    showIndicator(document, { onUndo: () => undefined, avoid: () => [form, stop] });
    expect(host()!.style.bottom).toBe('16px'); // the corner is free
    at = rect({ left: 386, right: 1154, top: 706, bottom: 776 }); // the conversation started: now at the bottom
    vi.advanceTimersByTime(300);
    expect(host()!.style.bottom).toBe(`${800 - 706 + 10}px`);
    expect(host()!.style.right).toBe(`${1280 - 1154}px`);
  });
});
