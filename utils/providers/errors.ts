/** Why a provider call failed, in terms a user can act on. */
export type ProviderErrorCode =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'bad_request'
  | 'network'
  | 'timeout'
  | 'stream_cut'
  | 'bad_response'
  | 'empty'
  | 'aborted';

/** A failure with a message written for the user, and the details a retry policy needs. */
export class ProviderError extends Error {
  constructor(
    readonly code: ProviderErrorCode,
    message: string,
    readonly status?: number,
    /** From Retry-After, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }

  /** Worth retrying automatically (the same request may work a little later). */
  get retryable(): boolean {
    return this.code === 'rate_limited' || this.code === 'server' || this.code === 'timeout';
  }
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The vendor's own error message from a JSON error body, if there is one ({error:{message}} or {error:"…"}). */
function vendorMessage(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const msg = typeof json.error === 'string' ? json.error : (json.error?.message ?? json.message);
    return typeof msg === 'string' && msg.trim() ? msg.trim().slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

/** Turns a non-2xx HTTP response into a {@link ProviderError} whose message says what to do. */
export function errorFromStatus(status: number, body: string, retryAfter: string | null, endpoint: string): ProviderError {
  const detail = vendorMessage(body);
  const said = detail ? ` The server said: “${detail}”` : '';
  const retryAfterMs = parseRetryAfter(retryAfter);
  switch (true) {
    case status === 401:
      return new ProviderError('auth', `The API key for ${endpoint} was rejected (401). Check the key in Settings.${said}`, status);
    case status === 403:
      return new ProviderError('forbidden', `${endpoint} refused access (403). The key may lack access to this model, or the server blocks this origin.${said}`, status);
    case status === 404:
      return new ProviderError('not_found', `Not found at ${endpoint} (404). Check the base URL and the model name.${said}`, status);
    case status === 429: {
      const wait = retryAfterMs !== undefined ? ` Try again in ${Math.ceil(retryAfterMs / 1000)} s.` : '';
      return new ProviderError('rate_limited', `${endpoint} is rate-limiting requests (429).${wait}${said}`, status, retryAfterMs);
    }
    case status >= 500:
      return new ProviderError('server', `${endpoint} had a server error (${status}). Try again later.${said}`, status, retryAfterMs);
    default:
      return new ProviderError('bad_request', `${endpoint} rejected the request (${status}).${said}`, status);
  }
}

/** Wraps whatever fetch or a stream threw into a {@link ProviderError}. */
export function toProviderError(err: unknown, endpoint: string): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof DOMException && err.name === 'AbortError') return new ProviderError('aborted', 'Cancelled.');
  if (err instanceof DOMException && err.name === 'TimeoutError')
    return new ProviderError('timeout', `${endpoint} did not answer in time.`);
  return new ProviderError(
    'network',
    `Could not reach ${endpoint}. Is the server running and the address right? (${err instanceof Error ? err.message : String(err)})`,
  );
}
