import type { Selector } from './types';

/** The first element matching any selector, in list order, with the selector that matched. */
export function queryFirst(root: ParentNode, selectors: readonly Selector[]): { el: Element; selector: Selector } | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector.css);
    if (el) return { el, selector };
  }
  return null;
}

/** Every element matching the first selector (in list order) that matches anything; one page variant only. */
export function queryAllFirst(root: ParentNode, selectors: readonly Selector[]): { els: Element[]; selector: Selector | null } {
  for (const selector of selectors) {
    const els = [...root.querySelectorAll(selector.css)];
    if (els.length > 0) return { els, selector };
  }
  return { els: [], selector: null };
}

/** The nearest element, `target` itself or an ancestor, matched by any of the selectors. */
export function closestMatch(target: Element | null, selectors: readonly Selector[]): Element | null {
  if (!target?.closest) return null;
  for (const selector of selectors) {
    const el = target.closest(selector.css);
    if (el) return el;
  }
  return null;
}

/** Sorts elements into document order. */
export function inPageOrder<T extends { el: Element }>(items: T[]): T[] {
  // DOCUMENT_POSITION_FOLLOWING = 4: b comes after a.
  return [...items].sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
}

/** Nodes nobody sees: screen-reader-only labels, hidden nodes, scripts, MathML twins of rendered formulas. */
const HIDDEN_SELECTOR = [
  '.sr-only',
  '.visually-hidden',
  '.cdk-visually-hidden',
  '.screen-reader-only',
  '.katex-mathml',
  '[hidden]',
  '[style*="display: none"]',
  '[style*="display:none"]',
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'textarea',
  'input',
].join(', ');

/** Where line breaks in the source are shown as line breaks (code, pre-wrapped user messages). */
const KEEPS_LINE_BREAKS = 'pre, [class*="whitespace-pre"], [class*="pre-wrap"], [style*="white-space: pre"], [style*="white-space:pre"]';

/** Source whitespace renders as one space outside pre-formatted text, as a browser shows it. */
function normalizeSourceWhitespace(node: Node): void {
  for (const child of [...node.childNodes]) {
    if (child.nodeType === 3) {
      const parent = child.parentElement;
      if (!parent?.closest(KEEPS_LINE_BREAKS)) child.nodeValue = (child.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' ');
    } else if (child.nodeType === 1) normalizeSourceWhitespace(child);
  }
}

const BLOCKS = '.katex-display, p, div, li, pre, h1, h2, h3, h4, h5, h6, tr, blockquote, section, article, header, footer, table, ul, ol';

/**
 * The text a person sees in an element: screen-reader-only labels, hidden nodes and scripts dropped (also
 * `extraNoise`), block boundaries kept as line breaks, runs of spaces collapsed. Needs no layout, so it works
 * the same in happy-dom, on saved pages and in a live page.
 */
export function visibleText(el: Element, extraNoise?: string): string {
  const clone = el.cloneNode(true) as Element;
  const noise = extraNoise ? `${HIDDEN_SELECTOR}, ${extraNoise}` : HIDDEN_SELECTOR;
  clone.querySelectorAll(noise).forEach((n) => n.remove());
  // aria-hidden hides from screen readers only; rendered formulas (KaTeX) are aria-hidden yet visible.
  clone.querySelectorAll('[aria-hidden="true"]').forEach((n) => {
    if (!n.closest('.katex')) n.remove();
  });
  if (!el.closest(KEEPS_LINE_BREAKS)) normalizeSourceWhitespace(clone);
  clone.querySelectorAll('br').forEach((n) => n.replaceWith('\n'));
  clone.querySelectorAll(BLOCKS).forEach((n) => {
    // A block after inline text starts on a new line.
    const prev = n.previousSibling;
    if (prev && (prev.textContent ?? '').trim() && !(prev.nodeType === 1 && (prev as Element).matches(BLOCKS))) n.before('\n');
    n.append('\n');
  });
  clone.querySelectorAll('td, th').forEach((n) => n.append(' '));
  return collapse(clone.textContent ?? '');
}

/** Collapses spaces and tabs, trims lines, keeps at most one blank line between blocks. */
function collapse(text: string): string {
  return text
    .replace(/[\u00a0\u200b]/g, (c) => (c === '\u00a0' ? ' ' : ''))
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** The text the user typed into a composer: `value` for form fields, visible text for contenteditable. */
export function composerText(el: Element): string {
  // Tag names, not instanceof: the element may come from another window (happy-dom, a saved page).
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return ((el as HTMLTextAreaElement).value ?? '').trim();
  return visibleText(el);
}
