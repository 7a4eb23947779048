/** What the page indicator can still be told after it is shown. */
export interface Indicator {
  /** The comparison was deleted: say so, then go away. */
  removed(): void;
  /** Undo did not work: say why, keep the message up a while. */
  failed(message: string): void;
  /** Take it off the page now. */
  close(): void;
}

/** How the indicator behaves. */
export interface IndicatorOptions {
  /** "Don't compare" was chosen (button or keyboard). */
  onUndo: () => void;
  /** Stays this long unless the pointer or keyboard focus is on it. */
  hideAfterMs?: number;
  /** The site's composer: the indicator moves above it rather than cover it. */
  avoid?: Element | null;
}

const MARGIN = 16;


/**
 * Shows "Parallax picked this up · Don't compare" in a corner of the page, in a closed shadow root so the site's
 * styles and scripts cannot reach it. It hides after `hideAfterMs` (kept while hovered or focused), the button
 * is reachable with Tab, Escape closes it, and screen readers hear the message through a status region.
 */
export function showIndicator(doc: Document, opts: IndicatorOptions): Indicator {
  const hideAfterMs = opts.hideAfterMs ?? 6000;
  const host = doc.createElement('parallax-indicator');
  // Styles go through the CSSOM (no style element or attribute), so a site's CSP cannot block them; the page's
  // own styles stop at the shadow root, and `all: initial` (inline, so it wins) keeps inherited ones out.
  host.style.cssText = `all:initial;position:fixed;right:${MARGIN}px;bottom:${MARGIN}px;z-index:2147483647`;
  const root = host.attachShadow({ mode: 'closed' });
  const box = doc.createElement('div');
  box.style.cssText = 'display:flex;align-items:center;gap:10px;padding:8px 12px;border-radius:10px;background:#1f2937;color:#f9fafb;font:13px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px #0004';
  const status = doc.createElement('span');
  status.setAttribute('role', 'status');
  const button = doc.createElement('button');
  button.textContent = "Don't compare";
  button.setAttribute('aria-label', "Don't compare this prompt in Parallax");
  button.style.cssText = 'font:inherit;color:#111827;background:#fde68a;border:0;border-radius:6px;padding:3px 8px;cursor:pointer';
  box.append(status, button);
  root.append(box);
  doc.documentElement.append(host);
  // Filled after insertion so assistive technology announces it as a change.
  setTimeout(() => (status.textContent = 'Parallax picked this up'), 30);
  placeAboveComposer(host, opts.avoid ?? null, doc.defaultView);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const close = () => {
    closed = true;
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
    status.textContent = 'Removing…';
    opts.onUndo();
  });
  hideIn(hideAfterMs);

  return {
    removed() {
      status.textContent = 'Removed';
      button.remove();
      hideIn(2000);
    },
    failed(message) {
      status.textContent = `Could not remove it: ${message}`;
      button.disabled = false;
      hideIn(hideAfterMs);
    },
    close,
  };
}

/** Lifts the indicator above the composer when the corner it sits in would cover it. */
function placeAboveComposer(host: HTMLElement, composer: Element | null, win: Window | null) {
  if (!composer || !win) return;
  const area = (composer.closest('form') ?? composer).getBoundingClientRect();
  const mine = host.getBoundingClientRect();
  const overlaps = area.left < mine.right && area.right > mine.left && area.top < mine.bottom && area.bottom > mine.top;
  if (overlaps) host.style.bottom = `${Math.max(MARGIN, win.innerHeight - area.top + MARGIN)}px`;
}
