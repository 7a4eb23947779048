import type { SelectorGroup } from '../../core/sites/types';
import { arrayOf, firstError, id, isObject, str, type Validator } from './validate';

/** The site's own answer is kept up to this many characters (a very long answer is cut, never refused). */
export const MAX_SITE_ANSWER_CHARS = 500_000;

/** Required selector groups a content script may report missing. */
const SELECTOR_GROUPS: readonly SelectorGroup[] = ['composer', 'sendButton', 'userTurn', 'assistantTurn'];

/** One earlier turn of the conversation on the page, sent with a picked-up prompt (same shape as ComposeSpec's context). */
export interface ContextTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** Turns of context sent with a prompt: the last ones on the page, each cut to this length. */
export const MAX_CONTEXT_TURNS = 10;
export const MAX_CONTEXT_TURN_CHARS = 50_000;

/** Validates the `context` of 'prompt.captured'. */
export const contextTurns = (v: unknown): string | null =>
  arrayOf(v, 'context', MAX_CONTEXT_TURNS, (item, name) =>
    !isObject(item)
      ? `${name} must be an object`
      : firstError(
          ['user', 'assistant'].includes(item.role as string) ? null : `${name}.role must be user or assistant`,
          str(item.content, `${name}.content`, MAX_CONTEXT_TURN_CHARS),
        ),
  );

/** Messages of capture on chat sites (content script → background): answers, undo, selector health. Part of the one {@link ProtocolMap}. */
export interface CaptureMessages {
  /** The site finished its own answer to a picked-up prompt: it becomes the comparison's "original" column. */
  'answer.captured': { from: 'content'; payload: { comparisonId: string; text: string; url: string }; reply: { runId: string } };
  /** "Don't compare this one": stop the comparison's runs and delete it. */
  'capture.undo': { from: 'content'; payload: { comparisonId: string }; reply: { removed: boolean } };
  /** The page hid Parallax's indicator: capture stopped on this page (the panel says why). */
  'capture.blocked': { from: 'content'; payload: { url: string; reason: 'indicator-hidden' }; reply: { noted: boolean } };
  /** Required selectors that match nothing on this page (empty: the adapter works here). */
  'site.health': { from: 'content'; payload: { url: string; missing: SelectorGroup[] }; reply: { recorded: boolean } };
}

/** Which role may send each of these messages. */
export const CAPTURE_ROLES: { [K in keyof CaptureMessages]: CaptureMessages[K]['from'] } = {
  'answer.captured': 'content',
  'capture.undo': 'content',
  'capture.blocked': 'content',
  'site.health': 'content',
};

const url = (v: unknown, name: string) => str(v, name, 8192) ?? (/^https?:\/\//.test(v as string) ? null : `${name} must be an http(s) URL`);
const group = (v: unknown, name: string) => (SELECTOR_GROUPS.includes(v as SelectorGroup) ? null : `${name} is not a selector group`);

/** Payload validators of these messages. */
export const CAPTURE_VALIDATORS: { [K in keyof CaptureMessages]: Validator } = {
  'answer.captured': (p) =>
    !isObject(p) ? 'payload must be an object' : firstError(id(p.comparisonId, 'comparisonId'), str(p.text, 'text', MAX_SITE_ANSWER_CHARS), url(p.url, 'url')),
  'capture.undo': (p) => (!isObject(p) ? 'payload must be an object' : id(p.comparisonId, 'comparisonId')),
  'capture.blocked': (p) =>
    !isObject(p) ? 'payload must be an object' : firstError(url(p.url, 'url'), p.reason === 'indicator-hidden' ? null : 'reason is not known'),
  'site.health': (p) =>
    !isObject(p) ? 'payload must be an object' : firstError(url(p.url, 'url'), arrayOf(p.missing, 'missing', SELECTOR_GROUPS.length, group)),
};
