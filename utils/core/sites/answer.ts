import { isStreaming, turnElements, turnText } from './turns';
import type { SiteAdapter } from './types';

/** How long to wait for the site's answer. */
export interface AnswerWaitOptions {
  /** The answer counts as finished once its text has not changed for this long (and nothing streams). */
  stableMs?: number;
  /** Give up after this long. */
  timeoutMs?: number;
}

/** Thrown when the site's answer did not finish in time. */
export class AnswerTimeoutError extends Error {
  constructor(ms: number) {
    super(`The site's answer did not finish within ${Math.round(ms / 1000)} s.`);
    this.name = 'AnswerTimeoutError';
  }
}

const DEFAULTS = { stableMs: 1000, timeoutMs: 5 * 60_000 };

function lastAnswer(adapter: SiteAdapter, root: ParentNode): { count: number; text: string } {
  const answers = turnElements(adapter, root).filter((t) => t.role === 'assistant');
  const last = answers.at(-1);
  return { count: answers.length, text: last ? turnText(adapter, last.el) : '' };
}

/**
 * Waits for the answer to the prompt just sent and resolves with its visible text. Call it right after the
 * prompt was picked up: the answer on the page at that moment is the previous one and is never returned.
 * The answer is done when the site's streaming signal (stop button, streaming flag) is gone and the last
 * answer's text has not changed for `stableMs`. Watches the page with a MutationObserver; never polls.
 * Rejects when `signal` aborts or after `timeoutMs`.
 */
export function answerWhenDone(adapter: SiteAdapter, root: Document | Element, signal: AbortSignal, options: AnswerWaitOptions = {}): Promise<string> {
  const { stableMs, timeoutMs } = { ...DEFAULTS, ...options };
  const before = lastAnswer(adapter, root);
  const doc = 'defaultView' in root ? root : root.ownerDocument;
  const Observer = doc?.defaultView?.MutationObserver ?? MutationObserver;

  return new Promise<string>((resolve, reject) => {
    if (signal.aborted) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the signal's own reason, as fetch does
      reject(signal.reason);
      return;
    }
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    let pending = '';

    const finish = (fn: () => void) => {
      observer.disconnect();
      clearTimeout(settleTimer);
      clearTimeout(giveUpTimer);
      signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the signal's own reason, as fetch does
      finish(() => reject(signal.reason));
    };

    /** Re-evaluates after a change: (re)starts the quiet period when a new answer is present and idle. */
    const check = () => {
      if (isStreaming(adapter, root)) {
        clearTimeout(settleTimer);
        settleTimer = undefined;
        return;
      }
      const now = lastAnswer(adapter, root);
      const isNew = now.text !== '' && (now.count > before.count || now.text !== before.text);
      if (!isNew) return;
      if (settleTimer !== undefined && now.text === pending) return;
      pending = now.text;
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => {
        if (!isStreaming(adapter, root) && lastAnswer(adapter, root).text === pending) finish(() => resolve(pending));
        else check();
      }, stableMs);
    };

    const observer = new Observer(check);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const giveUpTimer = setTimeout(() => finish(() => reject(new AnswerTimeoutError(timeoutMs))), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    check();
  });
}
