import { describe, expect, test } from 'vitest';
import { ProviderError } from '@/utils/core/providers/errors';
import { abortableSleep, retryDelay } from '@/utils/core/runner/retry';

const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };

describe('retryDelay', () => {
  test.each([
    ['429 with Retry-After 2 s waits exactly that', new ProviderError('rate_limited', 'x', 429, 2000), 1, 2000],
    ['a 500 backs off (full jitter upper bound on try 1)', new ProviderError('server', 'x', 500), 1, 1000],
    ['a 503 on try 2 backs off twice as long', new ProviderError('server', 'x', 503), 2, 2000],
    ['a timeout is retried', new ProviderError('timeout', 'x'), 1, 1000],
    ['no retry after the last try', new ProviderError('server', 'x', 500), 3, null],
    ['a 401 is not retried', new ProviderError('auth', 'x', 401), 1, null],
    ['a 404 is not retried', new ProviderError('not_found', 'x', 404), 1, null],
    ['a cut stream is not retried', new ProviderError('stream_cut', 'x'), 1, null],
    ['Retry-After longer than the cap fails at once', new ProviderError('rate_limited', 'x', 429, 120_000), 1, null],
  ])('%s', (_name, err, attempt, expected) => {
    expect(retryDelay(err, attempt, policy, () => 1)).toBe(expected);
  });

  test('jitter keeps the wait between half and all of the backoff', () => {
    const err = new ProviderError('server', 'x', 500);
    expect(retryDelay(err, 1, policy, () => 0)).toBe(500);
    expect(retryDelay(err, 1, policy, () => 0.5)).toBe(750);
  });

  test('backoff never exceeds the cap', () => {
    expect(retryDelay(new ProviderError('server', 'x', 500), 9, { ...policy, maxAttempts: 20 }, () => 1)).toBe(30_000);
  });
});

describe('abortableSleep', () => {
  test('rejects as soon as the signal aborts', async () => {
    const control = new AbortController();
    const started = Date.now();
    const sleeping = abortableSleep(10_000, control.signal);
    setTimeout(() => control.abort(new Error('stop')), 20);
    await expect(sleeping).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
