import { ON_DEVICE_KINDS } from './destination';
import { ProviderError } from './errors';

/** Limits on waiting for an engine. */
export interface Timeouts {
  /** Until the first streamed event (or the response headers); absent = no such limit (on-device engines load first). */
  firstByteMs?: number;
  /** Until the whole reply has arrived. */
  totalMs: number;
}

/** Limits on one answer, also used for translations, judge verdicts and embeddings. */
export const DEFAULT_TIMEOUTS = { firstByteMs: 60_000, totalMs: 10 * 60_000 } as const satisfies Required<Timeouts>;

/** The limits for an engine of `kind`: in-browser engines get no first-byte limit (their first word includes loading). */
export function limitsFor(kind: string, timeouts: Timeouts = DEFAULT_TIMEOUTS): Timeouts {
  return ON_DEVICE_KINDS.includes(kind) ? { totalMs: timeouts.totalMs } : timeouts;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/** One call's clock: a signal that aborts on the caller's cancel or when a limit passes. */
export interface Deadline {
  /** Pass this to the call instead of the caller's signal. */
  signal: AbortSignal;
  /** Something arrived: the first-byte limit no longer applies. */
  arrived(): void;
  /** The timeout error when a limit passed (and the caller did not cancel), else `err` unchanged. */
  explain(err: unknown): unknown;
  /** Rejects with `explain(…)` once `signal` aborts, for racing calls that ignore their signal. */
  expired: Promise<never>;
  /** Stops the clocks; call when the call has ended either way. */
  dispose(): void;
}

/** Starts the clocks of one call to `endpoint` (a host, shown in the timeout message). */
export function startDeadline(signal: AbortSignal, limits: Timeouts, endpoint: string): Deadline {
  const control = new AbortController();
  let timedOut: 'first byte' | 'total' | null = null;
  const cancel = () => control.abort(signal.reason);
  if (signal.aborted) cancel();
  else signal.addEventListener('abort', cancel, { once: true });
  const arm = (which: 'first byte' | 'total', ms: number) =>
    setTimeout(() => {
      timedOut = which;
      control.abort(timeoutError());
    }, ms);
  const timeoutError = () =>
    new ProviderError(
      'timeout',
      timedOut === 'first byte'
        ? `${endpoint} gave no first word within ${seconds(limits.firstByteMs ?? 0)}. Try again; a busy or large model may need longer.`
        : `${endpoint} gave no complete answer within ${seconds(limits.totalMs)}. Try again; a busy or large model may need longer.`,
    );
  let firstByte = limits.firstByteMs === undefined ? undefined : arm('first byte', limits.firstByteMs);
  const total = arm('total', limits.totalMs);
  const explain = (err: unknown) => (timedOut && !signal.aborted ? timeoutError() : err);
  const expired = new Promise<never>((_, reject) => {
    const fail = () => {
      const why = explain(control.signal.reason);
      reject(why instanceof Error ? why : new Error(String(why)));
    };
    if (control.signal.aborted) fail();
    else control.signal.addEventListener('abort', fail, { once: true });
  });
  expired.catch(() => {}); // only observed when raced
  return {
    signal: control.signal,
    arrived() {
      clearTimeout(firstByte);
      firstByte = undefined;
    },
    explain,
    expired,
    dispose() {
      clearTimeout(firstByte);
      clearTimeout(total);
      signal.removeEventListener('abort', cancel);
    },
  };
}

/**
 * Iterates `open(signal)` under first-byte and total limits: a limit passing throws ProviderError('timeout') with a
 * message for the user, even when the stream ignores its signal; the caller's cancel throws as the stream does.
 */
export async function* timedStream<T>(
  open: (signal: AbortSignal) => AsyncIterable<T>,
  signal: AbortSignal,
  limits: Timeouts,
  endpoint: string,
): AsyncGenerator<T> {
  const deadline = startDeadline(signal, limits, endpoint);
  const iterator = open(deadline.signal)[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      let step: IteratorResult<T>;
      try {
        step = await Promise.race([iterator.next(), deadline.expired]);
      } catch (err) {
        throw deadline.explain(err);
      }
      if (step.done) {
        finished = true;
        return;
      }
      deadline.arrived();
      yield step.value;
    }
  } finally {
    deadline.dispose();
    // A stream that ignores its signal may never settle: ask it to stop without waiting for it.
    if (!finished) void iterator.return?.()?.catch(() => {});
  }
}
