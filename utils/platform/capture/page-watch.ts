import { selectorHealth } from '../../core/sites/turns';
import type { SelectorGroup, SiteAdapter } from '../../core/sites/types';

/** Any text box a person could type a prompt into, whatever the site calls it. */
const ANY_TEXT_BOX = 'textarea,[contenteditable],[role=textbox]';

/**
 * Required selector groups that match nothing on the page. A missing composer counts only when the page does
 * show some text box: then the site changed its composer; a page with none (sign-in, settings) is not a chat.
 */
export function missingSelectors(adapter: SiteAdapter, doc: Document): SelectorGroup[] {
  const { missing } = selectorHealth(adapter, doc);
  return missing.filter((group) => group !== 'composer' || doc.querySelector(ANY_TEXT_BOX) !== null);
}

/**
 * Calls `onChange` after each navigation inside the page (a single-page app changing its route), without
 * polling: the Navigation API's `currententrychange` where the browser has it, else `popstate` plus a
 * MutationObserver on the document head (sites retitle the page when the route changes). Hash changes and
 * same-URL replacements are not navigations. Returns a function that stops watching.
 */
export function watchNavigation(win: Window, onChange: () => void): () => void {
  const where = () => win.location.pathname + win.location.search;
  let last = where();
  const check = () => {
    if (where() === last) return;
    last = where();
    onChange();
  };
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation?.addEventListener) {
    navigation.addEventListener('currententrychange', check);
    return () => navigation.removeEventListener('currententrychange', check);
  }
  win.addEventListener('popstate', check);
  const observer = new (win as Window & typeof globalThis).MutationObserver(check);
  const head = win.document.head ?? win.document.documentElement;
  observer.observe(head, { subtree: true, childList: true, characterData: true });
  return () => {
    win.removeEventListener('popstate', check);
    observer.disconnect();
  };
}

/** How selector health is reported. */
export interface HealthWatchOptions {
  /** Sends one report: the groups missing on the page now (empty = all found). */
  report: (missing: SelectorGroup[]) => void;
  /** A page still rendering gets this long before a miss is reported. */
  graceMs?: number;
}

/**
 * Reports selector health once per page load and again after each in-page navigation when it changed. A page
 * that looks healthy is reported at once; a miss is checked again after `graceMs`, because chat sites render
 * their composer after the document loads. Returns a function that stops watching.
 */
export function watchHealth(win: Window, adapter: SiteAdapter, opts: HealthWatchOptions): () => void {
  const graceMs = opts.graceMs ?? 5000;
  let reported: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (missing: SelectorGroup[]) => {
    const key = missing.join();
    if (key === reported) return;
    reported = key;
    opts.report(missing);
  };
  const check = () => {
    clearTimeout(timer);
    if (!missingSelectors(adapter, win.document).length) {
      send([]);
      return;
    }
    timer = setTimeout(() => send(missingSelectors(adapter, win.document)), graceMs);
  };

  check();
  const stopNavigation = watchNavigation(win, check);
  return () => {
    clearTimeout(timer);
    stopNavigation();
  };
}
