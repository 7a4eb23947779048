import { closestMatch, inPageOrder, queryAllFirst, queryFirst, visibleText } from './dom';
import type { Selector, SelectorGroup, SiteAdapter, Turn } from './types';

/** Parts of a turn that are controls, not text: copy, edit, retry buttons, and the edit box of an edited message. */
const CONTROLS = 'button, [role="button"][aria-label], [role="toolbar"], [contenteditable="true"]';

/** True when the element sits where the site edits an earlier message, not in the new-prompt composer. */
export function isEditing(adapter: SiteAdapter, el: Element): boolean {
  return closestMatch(el, adapter.editing) !== null || closestMatch(el, [...adapter.userTurn, ...adapter.assistantTurn]) !== null;
}

/** The first match, in selector order, outside any edited message. */
function firstOutsideEdits(adapter: SiteAdapter, root: ParentNode, selectors: readonly Selector[]): Element | null {
  for (const selector of selectors) {
    for (const el of root.querySelectorAll(selector.css)) if (!isEditing(adapter, el)) return el;
  }
  return null;
}

/** The new-prompt composer: the first match, in selector order, that is not an edit field. */
export function findComposer(adapter: SiteAdapter, root: ParentNode): Element | null {
  return firstOutsideEdits(adapter, root, adapter.composer);
}

/**
 * The send button of the new-prompt composer, when the page shows one (an empty ChatGPT or Copilot composer
 * shows a voice button in its place).
 */
export function findSendButton(adapter: SiteAdapter, root: ParentNode): Element | null {
  return firstOutsideEdits(adapter, root, adapter.sendButton);
}

/** True while the site shows that an answer is still being written. */
export function isStreaming(adapter: SiteAdapter, root: ParentNode): boolean {
  return adapter.streaming.some((s) => root.querySelector(s.css) !== null);
}

/** One turn element with its role, before its text is read. */
export interface TurnElement {
  role: Turn['role'];
  el: Element;
}

/** Outermost matches only: a turn nested in another turn of the same role is part of it. */
function outermost(els: Element[]): Element[] {
  const set = new Set(els);
  return els.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/** The user and assistant turn elements on the page, in page order, one element per message. */
export function turnElements(adapter: SiteAdapter, root: ParentNode): TurnElement[] {
  const users = outermost(queryAllFirst(root, adapter.userTurn).els);
  const taken = new Set(users);
  const assistants = outermost(queryAllFirst(root, adapter.assistantTurn).els).filter((el) => !taken.has(el));
  return inPageOrder([...users.map((el) => ({ role: 'user' as const, el })), ...assistants.map((el) => ({ role: 'assistant' as const, el }))]);
}

/** The text of one turn as the user sees it: its text part when the site has one, without controls. */
export function turnText(adapter: SiteAdapter, el: Element): string {
  const part = queryFirst(el, adapter.turnText ?? [])?.el ?? el;
  return visibleText(part, adapter.turnNoise ? `${CONTROLS}, ${adapter.turnNoise}` : CONTROLS);
}

function turnId(el: Element): string | undefined {
  const holder = el.closest('[data-message-id], [data-turn-id], [data-virtual-list-item-key]');
  const id =
    el.getAttribute('data-message-id') ??
    el.getAttribute('data-turn-id') ??
    (el.id || null) ??
    holder?.getAttribute('data-message-id') ??
    holder?.getAttribute('data-turn-id') ??
    holder?.getAttribute('data-virtual-list-item-key');
  return id || undefined;
}

/**
 * The conversation as the user sees it: user and assistant turns in page order, text without screen-reader
 * labels or controls, whitespace collapsed. Turns with no visible text (an image only, a placeholder) are
 * left out. The last answer is marked `streaming` while the site is still writing it.
 */
export function readTurns(adapter: SiteAdapter, root: ParentNode): Turn[] {
  const elements = turnElements(adapter, root);
  const lastAssistant = elements.filter((t) => t.role === 'assistant').at(-1)?.el;
  const streaming = isStreaming(adapter, root);
  return elements.flatMap(({ role, el }): Turn[] => {
    const text = turnText(adapter, el);
    if (!text) return [];
    const id = turnId(el);
    return [{ role, text, ...(id ? { id } : {}), ...(streaming && el === lastAssistant ? { streaming: true } : {}) }];
  });
}

/** Selector health on one page: which required groups match nothing. */
export interface SelectorHealth {
  ok: boolean;
  /** Groups that should match and do not, e.g. ["composer"]. */
  missing: SelectorGroup[];
}

/**
 * Checks an adapter against a page of its site: every required group must match, and a page showing two or
 * more turns of one role must show the other role too (answers without prompts mean the user selectors
 * drifted). One unanswered prompt, or a greeting before any prompt, is normal and not reported.
 */
export function selectorHealth(adapter: SiteAdapter, root: ParentNode): SelectorHealth {
  const turns = turnElements(adapter, root);
  const count = (role: Turn['role']) => turns.filter((t) => t.role === role).length;
  const found: Record<SelectorGroup, boolean> = {
    composer: findComposer(adapter, root) !== null,
    sendButton: findSendButton(adapter, root) !== null,
    userTurn: count('user') > 0,
    assistantTurn: count('assistant') > 0,
  };
  const missing = adapter.requiredSelectors.filter((group) => !found[group]);
  if (count('user') >= 2 && !found.assistantTurn) missing.push('assistantTurn');
  if (count('assistant') >= 2 && !found.userTurn) missing.push('userTurn');
  const unique = [...new Set(missing)];
  return { ok: unique.length === 0, missing: unique };
}
