// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { missingSelectors, watchHealth, watchNavigation } from '@/utils/platform/capture/page-watch';
import { chatgpt } from '@/utils/core/sites/chatgpt';
import type { SelectorGroup } from '@/utils/core/sites/types';

const FIXTURE = readFileSync(resolve(__dirname, '../fixtures/sites/chatgpt-new.html'), 'utf8');

/** The ChatGPT fixture in the test document, its composer changed as a site update would, or gone. */
function page(composer: 'ok' | 'renamed' | 'none' = 'ok') {
  document.body.replaceChildren(...new DOMParser().parseFromString(FIXTURE, 'text/html').body.children);
  const el = document.querySelector('#prompt-textarea')!;
  if (composer === 'renamed') {
    el.id = 'composer-2027';
    el.classList.replace('ProseMirror', 'Editor');
    document.querySelector('form')!.removeAttribute('data-type');
  }
  if (composer === 'none') document.querySelectorAll('form, textarea, [contenteditable]').forEach((n) => n.remove());
  return el;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('selector health on a page', () => {
  test.each([
    ['the composer is there', 'ok', []],
    ['the site renamed its composer', 'renamed', ['composer']],
    ['the page has no text box at all (sign-in, settings)', 'none', []],
  ] as const)('%s → missing %j', (_, composer, missing) => {
    page(composer);
    expect(missingSelectors(chatgpt, document)).toEqual(missing);
  });

  test('a healthy page is reported at once, once', () => {
    page('ok');
    const reports: SelectorGroup[][] = [];
    const stop = watchHealth(window, chatgpt, { report: (m) => reports.push(m), graceMs: 1000 });
    vi.advanceTimersByTime(5000);
    expect(reports).toEqual([[]]);
    stop();
  });

  test('a miss is reported only after the grace period, when the page had time to render', () => {
    page('renamed');
    const reports: SelectorGroup[][] = [];
    const stop = watchHealth(window, chatgpt, { report: (m) => reports.push(m), graceMs: 1000 });
    vi.advanceTimersByTime(900);
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(reports).toEqual([['composer']]);
    stop();
  });

  test('a composer that renders late is no miss', () => {
    const el = page('renamed');
    const reports: SelectorGroup[][] = [];
    const stop = watchHealth(window, chatgpt, { report: (m) => reports.push(m), graceMs: 1000 });
    el.id = 'prompt-textarea';
    el.classList.replace('Editor', 'ProseMirror');
    vi.advanceTimersByTime(1100);
    expect(reports).toEqual([[]]);
    stop();
  });

  test('after in-page navigation it is checked again, and reported only when it changed', async () => {
    page('ok');
    const reports: SelectorGroup[][] = [];
    const stop = watchHealth(window, chatgpt, { report: (m) => reports.push(m), graceMs: 1000 });
    history.pushState({}, '', '/c/other');
    document.title = 'Other chat';
    await vi.advanceTimersByTimeAsync(1100);
    expect(reports).toEqual([[]]); // still healthy: nothing new to say
    page('renamed');
    history.pushState({}, '', '/c/third');
    document.title = 'Third chat';
    await vi.advanceTimersByTimeAsync(1100);
    expect(reports).toEqual([[], ['composer']]);
    stop();
  });
});

describe('in-page navigation', () => {
  test('popstate and a retitled page after a route change count; a hash change does not', async () => {
    const seen: string[] = [];
    const stop = watchNavigation(window, () => seen.push(location.pathname));
    history.pushState({}, '', '/a');
    document.title = 'A';
    await vi.advanceTimersByTimeAsync(10);
    history.pushState({}, '', '/a#section');
    window.dispatchEvent(new PopStateEvent('popstate'));
    history.pushState({}, '', '/b');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual(['/a', '/b']);
    stop();
  });

  test('with the Navigation API, its current-entry change is used', () => {
    const navigation = new EventTarget();
    const win = { location: { pathname: '/', search: '' }, navigation } as unknown as Window;
    const seen: number[] = [];
    const stop = watchNavigation(win, () => seen.push(1));
    win.location.pathname = '/c/1';
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.dispatchEvent(new Event('currententrychange')); // replaceState to the same address
    expect(seen).toEqual([1]);
    stop();
    win.location.pathname = '/c/2';
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual([1]);
  });
});
