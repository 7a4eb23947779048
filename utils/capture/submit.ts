import { closestMatch, composerText, queryFirst } from '../sites/dom';
import type { SiteAdapter } from '../sites/types';

/** A prompt the user sent on a chat page. */
export interface SubmittedPrompt {
  text: string;
  /** How the send was detected, for diagnostics. */
  via: 'enter' | 'button' | 'form';
}

/** Two sends of the same text closer than this are one prompt (Enter often also fires click or submit). */
const DUPLICATE_WINDOW_MS = 1500;

/**
 * Watches a page for prompts the user sends: Enter without Shift in the composer (never during IME
 * composition), a click on the send button, or the composer's form submit. Uses capture-phase listeners on the
 * document so the text is read before the site clears the composer. Returns a function that stops watching.
 */
export function watchSubmits(
  doc: Document,
  adapter: SiteAdapter,
  onPrompt: (prompt: SubmittedPrompt) => void,
  now: () => number = () => Date.now(),
): () => void {
  let composing = false;
  let last: { text: string; at: number } | null = null;

  const emit = (composer: Element | null, via: SubmittedPrompt['via']) => {
    if (!composer || adapter.isEditComposer?.(composer)) return;
    const text = composerText(composer);
    if (!text) return;
    const at = now();
    if (last && last.text === text && at - last.at < DUPLICATE_WINDOW_MS) return;
    last = { text, at };
    onPrompt({ text, via });
  };

  const findComposer = () => queryFirst(doc, adapter.composer)?.el ?? null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    if (composing || e.isComposing || e.keyCode === 229) return;
    emit(closestMatch(e.target as Element | null, adapter.composer), 'enter');
  };
  const onClick = (e: MouseEvent) => {
    const target = e.target as Element | null;
    if (!target?.closest) return;
    if (closestMatch(target, adapter.sendButton)) emit(findComposer(), 'button');
  };
  const onSubmit = (e: Event) => {
    const form = e.target as HTMLFormElement | null;
    const composer = findComposer();
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
