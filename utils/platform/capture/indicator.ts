import { t } from '../../core/i18n';
import { MARGIN, indicatorPlace, union } from './indicator-place';

/** What the page indicator can still be told after it is shown. */
export interface Indicator {
  /** The comparison exists: "Don't compare" can be used. */
  ready(): void;
  /** Say this instead (a refusal, runs held), without the button; it goes away after a while. */
  notice(message: string): void;
  /** The comparison was deleted: say so, then go away. */
  removed(): void;
  /** Undo did not work: say why, keep the message up a while. */
  failed(message: string): void;
  /** Take it off the page now. */
  close(): void;
  /** Whether a person can see it now: on the page, not hidden, covered, shrunk or made transparent by the page. */
  shown(): boolean;
  /** Whether it is still up (closed by its timer, Escape or {@link close} otherwise). */
  open(): boolean;
}

/** How the indicator behaves. */
export interface IndicatorOptions {
  /** "Don't compare" was chosen (button or keyboard). */
  onUndo: () => void;
  /** Stays this long unless the pointer or keyboard focus is on it. */
  hideAfterMs?: number;
  /**
   * What the indicator must not cover: the site's composer (its form) and its send or stop button. A function
   * is asked again whenever the indicator is placed, since sites replace and move these as they go.
   */
  avoid?: Element | null | (() => Element[]);
}

/** Important inline declarations: no stylesheet of the page can override them (only its scripts can, which {@link isShown} sees). */
const important = (css: string) => css.replace(/;/g, ' !important;');

/**
 * Shows "Parallax picked this up · Don't compare" in a corner of the page, in a closed shadow root so the site's
 * styles and scripts cannot reach it. "Don't compare" waits for {@link Indicator.ready}. It hides after
 * `hideAfterMs` (kept while hovered or focused), the button is reachable with Tab, Escape closes it, and screen
 * readers hear the message through a status region.
 */
export function showIndicator(doc: Document, opts: IndicatorOptions): Indicator {
  const hideAfterMs = opts.hideAfterMs ?? 6000;
  const host = doc.createElement('parallax-indicator');
  // Styles go through the CSSOM (no style element or attribute), so a site's CSP cannot block them; the page's
  // own styles stop at the shadow root, and `all: initial` keeps inherited ones out.
  host.style.cssText = important(
    `all:initial;display:block;visibility:visible;opacity:1;pointer-events:auto;position:fixed;right:${MARGIN}px;bottom:${MARGIN}px;z-index:2147483647;max-width:calc(100vw - ${2 * MARGIN}px);`,
  );
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.style.cssText =
    'display:flex;align-items:center;gap:10px;padding:8px 12px;border-radius:10px;background:#1f2937;color:#f9fafb;font:13px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px #0004;max-width:420px';
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  const button = doc.createElement('button');
  button.textContent = t('indicatorDontCompare');
  button.disabled = true;
  button.setAttribute('aria-label', t('indicatorDontCompareLabel'));
  button.style.cssText = 'font:inherit;color:#111827;background:#fde68a;border:0;border-radius:6px;padding:3px 8px;cursor:pointer;flex:none';
  box.append(status, button);
  root.append(box);
  doc.documentElement.append(host);
  let closed = false;
  const place = () => !closed && placeClear(host, opts.avoid ?? null, doc.defaultView);
  // Filled after insertion so assistive technology announces it as a change; placed again at its full width.
  let said = false;
  const say = (text: string) => {
    said = true;
    status.textContent = text;
  };
  setTimeout(() => (said || say(t('indicatorPickedUp')), place()), 30);
  place();
  // The composer moves (a new chat's composer drops to the bottom once the answer starts) and the page resizes:
  // checked every frame while shown (a few seconds; two or three box reads a frame), so it never sits on it.
  const win = doc.defaultView;
  let frame = 0;
  const follow = () => {
    place();
    if (!closed && win) frame = win.requestAnimationFrame(follow);
  };
  if (win) frame = win.requestAnimationFrame(follow);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    closed = true;
    win?.cancelAnimationFrame(frame);
    clearTimeout(timer);
    host.remove();
  };
  const hideIn = (ms: number) => {
    clearTimeout(timer);
    if (!closed) timer = setTimeout(close, ms);
  };
  // Kept while the pointer or keyboard focus is on it; Escape closes it.
  for (const type of ['mouseenter', 'focusin']) box.addEventListener(type, () => clearTimeout(timer));
  for (const type of ['mouseleave', 'focusout']) box.addEventListener(type, () => hideIn(2000));
  box.addEventListener('keydown', (e) => e.key === 'Escape' && close());
  button.addEventListener('click', () => {
    button.disabled = true;
    say(t('indicatorRemoving'));
    opts.onUndo();
  });
  hideIn(hideAfterMs);

  return {
    ready() {
      button.disabled = false;
    },
    notice(message) {
      say(message);
      button.remove();
      place();
      hideIn(Math.max(hideAfterMs, 10_000));
    },
    removed() {
      say(t('indicatorRemoved'));
      button.remove();
      place();
      hideIn(2000);
    },
    failed(message) {
      say(t('indicatorRemoveFailed', message));
      button.disabled = false;
      place();
      hideIn(hideAfterMs);
    },
    close,
    shown: () => isShown(host, doc),
    open: () => !closed,
  };
}

/**
 * Whether a person can see `host`: attached, displayed, opaque, untransformed, of a readable size, inside the
 * window, and the topmost element at its centre (nothing of the page's covers it). A page can restyle or cover
 * the host from its scripts; capture stops when it does.
 */
function isShown(host: HTMLElement, doc: Document): boolean {
  const win = doc.defaultView;
  if (!win || !host.isConnected) return false;
  for (const el of [host, doc.documentElement]) {
    const s = win.getComputedStyle(el);
    if (s.display === 'none' || s.visibility !== 'visible' || Number(s.opacity) < 0.9) return false;
    if ((s.filter && s.filter !== 'none') || (s.clipPath && s.clipPath !== 'none') || (el === host && s.transform && s.transform !== 'none')) return false;
  }
  const r = host.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  if (r.width < 80 || r.height < 16 || x < 0 || y < 0 || x > win.innerWidth || y > win.innerHeight) return false;
  return doc.elementFromPoint(x, y) === host;
}

/** Puts the indicator where it covers none of the composer and its buttons (see {@link indicatorPlace}). */
function placeClear(host: HTMLElement, avoid: IndicatorOptions['avoid'], win: Window | null) {
  if (!win) return;
  const elements = typeof avoid === 'function' ? avoid() : avoid ? [avoid.closest('form') ?? avoid] : [];
  const area = union(elements.map((el) => el.getBoundingClientRect()));
  const mine = host.getBoundingClientRect();
  const place = indicatorPlace({ width: win.innerWidth, height: win.innerHeight }, { width: mine.width, height: mine.height }, area);
  // Written only when it moves (no style change, and no layout, on the frames it stays put), kept important so
  // no stylesheet of the page can move it.
  for (const [side, px] of [
    ['right', place.right],
    ['bottom', place.bottom],
  ] as const) {
    if (host.style.getPropertyValue(side) !== `${px}px`) host.style.setProperty(side, `${px}px`, 'important');
  }
}
