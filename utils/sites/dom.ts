import type { Selector } from './types';

/** The first element matching any selector, in list order, with the selector that matched. */
export function queryFirst(root: ParentNode, selectors: readonly Selector[]): { el: Element; selector: Selector } | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector.css);
    if (el) return { el, selector };
  }
  return null;
}

/** The composer element (or an ancestor of `target`) matched by the selectors, if any. */
export function closestMatch(target: Element | null, selectors: readonly Selector[]): Element | null {
  if (!target) return null;
  for (const selector of selectors) {
    const el = target.closest(selector.css);
    if (el) return el;
  }
  return null;
}

const HIDDEN_SELECTOR = '.sr-only, .visually-hidden, [aria-hidden="true"], script, style, template, noscript';

/**
 * The text a person sees in an element: screen-reader-only labels, hidden nodes and scripts dropped,
 * block boundaries kept as line breaks, runs of spaces collapsed. Works without layout (happy-dom, saved pages).
 */
export function visibleText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll(HIDDEN_SELECTOR).forEach((n) => n.remove());
  clone.querySelectorAll('br').forEach((n) => n.replaceWith('\n'));
  clone.querySelectorAll('p, div, li, pre, h1, h2, h3, h4, h5, h6, tr, blockquote').forEach((n) => n.append('\n'));
  return collapse(clone.textContent ?? '');
}

/** Collapses spaces and tabs, trims lines, drops blank-line runs. */
export function collapse(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** The text the user typed into a composer: `value` for form fields, visible text for contenteditable. */
export function composerText(el: Element): string {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value.trim();
  return visibleText(el);
}
