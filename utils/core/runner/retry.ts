import type { ProviderError } from '../providers/errors';

/** How a run retries failures that may pass (429, 5xx, timeouts) before any text arrived. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** A server asking for a longer wait than this fails the run at once, saying how long it asked for. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };

/**
 * How long to wait before try number `attempt + 1`, or null when the run should fail now.
 * Honours Retry-After; otherwise exponential backoff with jitter (half to full delay).
 */
export function retryDelay(err: ProviderError, attempt: number, policy: RetryPolicy = DEFAULT_RETRY, random = Math.random): number | null {
  if (!err.retryable || attempt >= policy.maxAttempts) return null;
  if (err.retryAfterMs !== undefined) return err.retryAfterMs <= policy.maxDelayMs ? err.retryAfterMs : null;
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(full * (0.5 + random() / 2));
}

/** Resolves after `ms`, or rejects as soon as the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the signal's own reason, as fetch does
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rejects with the signal's own reason, as fetch does
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
