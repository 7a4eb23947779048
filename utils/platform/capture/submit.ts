import { closestMatch, composerText } from '../../core/sites/dom';
import { findComposer, isEditing } from '../../core/sites/turns';
import type { SiteAdapter } from '../../core/sites/types';

/** A prompt the user sent on a chat page. */
export interface SubmittedPrompt {
  text: string;
  /** How the send was detected, for diagnostics. */
  via: 'enter' | 'button' | 'form';
}

/** Two sends of the same text closer than this are one prompt (Enter often also fires click or submit). */
const DUPLICATE_WINDOW_MS = 1500;

/** IME composition commits with Enter; keyCode 229 marks keys the IME is handling (Safari sends it after compositionend). */
const IME_KEY_CODE = 229;

/** A form submit counts only this soon after the user's own Enter or click on a button inside that form. */
export const SUBMIT_AFTER_GESTURE_MS = 1000;

/** How the watcher tells the user's own input from events a page script made; tests pass their own. */
export interface SubmitWatchOptions {
  now?: () => number;
  /** Default: `event.isTrusted` (false for dispatchEvent, `.click()` and anything else a script makes). */
  trusted?: (event: Event) => boolean;
}

/**
 * Watches a page for prompts the user sends: Enter without Shift in the composer (never during IME
 * composition), a click on the send button, or the composer's form submit. One capture-phase listener per
 * event type on the document reads the text before the site clears the composer, and keeps working across SPA
 * navigation and re-rendered composers. Editing an earlier message, regenerating and stopping are not new
 * prompts. Only the user's own key presses and clicks count: a page script's synthetic Enter, `.click()` or
 * `requestSubmit()` picks up nothing (a submit counts only right after a real key press or click in its form).
 * Returns a function that stops watching.
 */
export function watchSubmits(doc: Document, adapter: SiteAdapter, onPrompt: (prompt: SubmittedPrompt) => void, options: SubmitWatchOptions = {}): () => void {
  const now = options.now ?? Date.now;
  const trusted = options.trusted ?? ((e: Event) => e.isTrusted);
  let composing = false;
  let last: { text: string; at: number } | null = null;
  /** The user's last Enter or click on a button, and the form it was in. */
  let gesture: { form: Element | null; at: number } | null = null;
  const noteGesture = (e: Event, target: Element | null) => {
    if (target?.closest) gesture = { form: target.closest('form'), at: now() };
  };

  const emit = (composer: Element | null, via: SubmittedPrompt['via']) => {
    if (!composer || isEditing(adapter, composer)) return;
    const text = composerText(composer);
    if (!text) return;
    const at = now();
    if (last && last.text === text && at - last.at < DUPLICATE_WINDOW_MS) return;
    last = { text, at };
    onPrompt({ text, via });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!trusted(e) || e.key !== 'Enter') return;
    noteGesture(e, e.target as Element | null);
    if (e.shiftKey || e.altKey) return;
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- Safari sends the Enter ending an IME composition with isComposing false; only keyCode 229 marks it
    if (composing || e.isComposing || e.keyCode === IME_KEY_CODE) return;
    emit(closestMatch(e.target as Element | null, adapter.composer), 'enter');
  };
  const onClick = (e: MouseEvent) => {
    if (!trusted(e)) return;
    const target = e.target as Element | null;
    noteGesture(e, target?.closest?.('button, [role="button"], input[type="submit"], input[type="image"]') ?? null);
    if (!target?.closest || !closestMatch(target, adapter.sendButton)) return;
    // The send slot turns into a stop button while streaming; a button inside an edited message saves the edit.
    if (closestMatch(target, adapter.streaming) || isEditing(adapter, target)) return;
    emit(findComposer(adapter, doc), 'button');
  };
  const onSubmit = (e: Event) => {
    const form = e.target as HTMLFormElement | null;
    // requestSubmit() fires a submit the browser marks trusted: it counts only right after the user's own gesture in that form.
    if (!gesture || gesture.form !== form || now() - gesture.at > SUBMIT_AFTER_GESTURE_MS) return;
    const composer = findComposer(adapter, doc);
    if (form && composer && form.contains(composer)) emit(composer, 'form');
  };
  const onCompositionStart = () => (composing = true);
  const onCompositionEnd = () => (composing = false);

  const listeners: [string, EventListener][] = [
    ['keydown', onKeyDown as EventListener],
    ['click', onClick as EventListener],
    ['submit', onSubmit],
    ['compositionstart', onCompositionStart],
    ['compositionend', onCompositionEnd],
  ];
  for (const [type, fn] of listeners) doc.addEventListener(type, fn, true);
  return () => {
    for (const [type, fn] of listeners) doc.removeEventListener(type, fn, true);
  };
}
