import { MAX_CONTEXT_TURNS, MAX_CONTEXT_TURN_CHARS, type ContextTurn } from '../messaging/protocol-capture';
import { readTurns } from '../../core/sites/turns';
import type { SiteAdapter } from '../../core/sites/types';

/** What the background sends a chat tab's content script for the keyboard shortcut (tabs.sendMessage). */
export const LAST_PROMPT_REQUEST = 'parallax.lastPrompt';

/** The content script's answer: the chat's last prompt and the turns before it (oldest first), or null without one. */
export interface LastPrompt {
  text: string;
  context: ContextTurn[];
  site: string;
  url: string;
}

/** The last message the user sent on the page and the conversation before it. */
export function lastPromptOf(adapter: SiteAdapter, doc: Document): LastPrompt | null {
  const turns = readTurns(adapter, doc);
  const at = turns.map((t) => t.role).lastIndexOf('user');
  const prompt = at >= 0 ? turns[at]!.text.trim() : '';
  if (!prompt) return null;
  const context = turns
    .slice(0, at)
    .filter((t) => t.text.trim())
    .slice(-MAX_CONTEXT_TURNS)
    .map((t) => ({ role: t.role, content: t.text.slice(0, MAX_CONTEXT_TURN_CHARS) }));
  // A site the user added is named after its host, as its answer column is.
  const site = adapter.id === 'generic' && doc.location?.host ? doc.location.host : adapter.name;
  return { text: prompt, context, site, url: doc.location?.href ?? '' };
}

/** The runtime.onMessage listener shape the content script has (no polyfill there: reply through sendResponse). */
type MessageListener = (message: unknown, sender: unknown, sendResponse: (reply: LastPrompt | null) => void) => undefined;

/**
 * The content script's side of the shortcut: answers {@link LAST_PROMPT_REQUEST} with {@link lastPromptOf},
 * synchronously through `sendResponse` (the content script runs without the polyfill, and Chrome ignores a
 * Promise returned by a listener). Pass the runtime's onMessage; returns a function that stops answering.
 */
export function answerLastPrompt(
  onMessage: { addListener(fn: MessageListener): void; removeListener(fn: MessageListener): void },
  adapter: SiteAdapter,
  doc: Document,
): () => void {
  const listener: MessageListener = (message, _sender, sendResponse) => {
    if ((message as { type?: unknown } | null)?.type === LAST_PROMPT_REQUEST) sendResponse(lastPromptOf(adapter, doc));
    return undefined;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
