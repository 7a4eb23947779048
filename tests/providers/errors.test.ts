import { describe, expect, test } from 'vitest';
import { ProviderError, errorFromStatus, parseRetryAfter, toProviderError, vendorMessage } from '@/utils/core/providers/errors';
import { geminiRetryDelay } from '@/utils/core/providers/gemini';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);

  test('seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  test('an HTTP date, in the future or already past', () => {
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:59:00 GMT', now)).toBe(0);
  });

  test('absent or nonsense → undefined (not a year-2001 date for "-1")', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});

describe('vendorMessage', () => {
  test.each([
    ['OpenAI', { error: { message: 'You exceeded your quota', type: 'insufficient_quota' } }, 'You exceeded your quota'],
    ['Anthropic', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'Overloaded'],
    ['Gemini', { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT' } }, 'API key not valid.'],
    ['plain error string', { error: 'model not found' }, 'model not found'],
    ['top-level message', { message: '  busy  ' }, 'busy'],
  ])('%s', (_, body, expected) => {
    expect(vendorMessage(JSON.stringify(body))).toBe(expected);
  });

  test('no message → undefined', () => {
    expect(vendorMessage('<html>Bad gateway</html>')).toBeUndefined();
    expect(vendorMessage('')).toBeUndefined();
    expect(vendorMessage(JSON.stringify({ error: { message: '   ' } }))).toBeUndefined();
    expect(vendorMessage(JSON.stringify({ error: { message: 42 } }))).toBeUndefined();
  });

  test('capped at 300 characters and key-shaped tokens masked', () => {
    expect(vendorMessage(JSON.stringify({ error: { message: 'x'.repeat(1000) } }))).toHaveLength(300);
    const echoed = vendorMessage(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-proj-abc123DEF456. Or AIzaSyB-xyz987654' } }));
    expect(echoed).toBe('Incorrect API key provided: [key]. Or [key]');
  });
});

describe('errorFromStatus', () => {
  test.each([
    [400, 'bad_request', false],
    [401, 'auth', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [429, 'rate_limited', true],
    [500, 'server', true],
    [503, 'server', true],
    [529, 'server', true], // Anthropic "overloaded"
  ] as const)('%i → %s', (status, code, retryable) => {
    const err = errorFromStatus(status, JSON.stringify({ error: { message: 'vendor says no' } }), null, 'api.example.com');
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
    expect(err.retryable).toBe(retryable);
    expect(err.message).toContain('api.example.com');
    expect(err.message).toContain('“vendor says no”');
  });

  test('Retry-After is carried on 429 and 5xx', () => {
    expect(errorFromStatus(429, '', '2', 'h').retryAfterMs).toBe(2000);
    expect(errorFromStatus(429, '', '2', 'h').message).toContain('Try again in 2 s');
    expect(errorFromStatus(503, '', '7', 'h').retryAfterMs).toBe(7000);
  });
});

describe('toProviderError', () => {
  test('passes ProviderErrors through', () => {
    const original = new ProviderError('empty', 'nothing');
    expect(toProviderError(original, 'h')).toBe(original);
  });

  test('AbortError → aborted, TimeoutError → timeout', () => {
    expect(toProviderError(new DOMException('x', 'AbortError'), 'h').code).toBe('aborted');
    expect(toProviderError(new DOMException('x', 'TimeoutError'), 'h').code).toBe('timeout');
    expect(toProviderError(new DOMException('x', 'TimeoutError'), 'h').message).toContain('h did not answer in time');
  });

  test('with the signal, the reason it was aborted decides, whatever was thrown', () => {
    const user = new AbortController();
    user.abort('stop pressed');
    expect(toProviderError('stop pressed', 'h', user.signal).code).toBe('aborted');
    expect(toProviderError(new TypeError('terminated'), 'h', user.signal).code).toBe('aborted');
    const timer = new AbortController();
    timer.abort(new DOMException('timed out', 'TimeoutError'));
    expect(toProviderError(new TypeError('terminated'), 'h', timer.signal).code).toBe('timeout');
    expect(toProviderError(new TypeError('fetch failed'), 'h', new AbortController().signal).code).toBe('network');
  });

  test('network failures name the endpoint and the cause', () => {
    const err = toProviderError(
      new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }),
      'localhost:1',
    );
    expect(err.code).toBe('network');
    expect(err.message).toBe('Could not reach localhost:1. Is the server running and the address right? (fetch failed: ECONNREFUSED)');
  });

  test('blocked is a final answer, not retried', () => {
    expect(new ProviderError('blocked', 'x').retryable).toBe(false);
  });
});

test('geminiRetryDelay reads google.rpc.RetryInfo', () => {
  const body = JSON.stringify({ error: { code: 429, details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '37s' }] } });
  expect(geminiRetryDelay(body)).toBe('37');
  expect(parseRetryAfter(geminiRetryDelay(body))).toBe(37_000);
  expect(geminiRetryDelay('{}')).toBeNull();
});
