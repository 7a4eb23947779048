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
  /** The vendor's safety filter blocked the prompt or stopped the answer: a real outcome, not a fault. */
  | 'blocked'
  /** On-device engines: no WebGPU, not enough GPU memory or storage, GPU lost, model not (or badly) downloaded. */
  | 'no_webgpu'
  | 'out_of_memory'
  | 'quota'
  | 'device_lost'
  | 'download_failed'
  | 'not_downloaded'
  /** On-device: the model needs shader-f16, the GPU lacks it (an f32 build is offered). */
  | 'no_shader_f16'
  /** On-device: the model library was built for another WebLLM runtime (a LinkError). */
  | 'incompatible'
  /** On-device: the model library is damaged or truncated (it does not compile). */
  | 'damaged'
  /** On-device: the library does not match the integrity hash the user gave. */
  | 'integrity'
  /** On-device: the library differs from the copy first downloaded (trust on first use). */
  | 'library_changed'
  /** On-device: a model or library address that is neither https: nor on this machine. */
  | 'insecure_url'
  /** The engine does not exist in this browser or cannot run on this device (e.g. Chrome's built-in model). */
  | 'unsupported'
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
  // An HTTP date always has letters (day and month names); V8 would otherwise read "-1" as the year 2001.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The one place a key is taken out of text: a server may echo the key it was given in its error (OpenAI does,
 * partly), and that text ends up on a run, in a live event or in the settings. Every such message passes here.
 */
export function withoutKey(message: string, apiKey: string | undefined): string {
  return apiKey && apiKey.length >= 4 ? message.split(apiKey).join('[key]') : message;
}

/** API-key-shaped tokens (OpenAI/Anthropic `sk-…`, Google `AIza…`) that some servers echo back in error text. */
const KEY_LIKE = /\b(?:sk-|AIza)[A-Za-z0-9_-]{6,}/g;

/**
 * The vendor's own error message from a JSON error body, if there is one ({error:{message}} as OpenAI, Anthropic
 * and Gemini send it, or {error:"…"} / {message:"…"}), trimmed, capped and with anything key-shaped masked.
 */
export function vendorMessage(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const msg = typeof json.error === 'string' ? json.error : (json.error?.message ?? json.message);
    return typeof msg === 'string' && msg.trim() ? msg.trim().slice(0, 300).replace(KEY_LIKE, '[key]') : undefined;
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
      return new ProviderError(
        'forbidden',
        `${endpoint} refused access (403). Check that the key may use this model; the server may also block this origin.${said}`,
        status,
      );
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

/**
 * A local server (Ollama, LM Studio, …) answered 403: almost always its origin check rejecting the extension's
 * Origin header. Says how to allow extensions, since Parallax's own header rewrite did not reach it.
 */
export function localServerForbidden(body: string, endpoint: string): ProviderError {
  const detail = vendorMessage(body);
  const said = detail ? ` The server said: “${detail}”` : '';
  return new ProviderError(
    'forbidden',
    `${endpoint} refused the request (403). Local servers such as Ollama reject browser extensions unless allowed: ` +
      `quit Ollama and start it with OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*" ollama serve ` +
      `(on macOS, launchctl setenv OLLAMA_ORIGINS "chrome-extension://*,moz-extension://*" and restart the app). ` +
      `Check also that the key may use this model.${said}`,
    403,
  );
}

const errorName = (err: unknown): unknown => (typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined);

/**
 * Wraps whatever fetch or a stream threw into a {@link ProviderError}. Pass the request's `signal` so an aborted
 * call is classified by why it was aborted (a timeout signal → 'timeout', anything else → 'aborted'), whatever the
 * runtime threw; the error's name is checked too because DOMException may come from another realm.
 */
export function toProviderError(err: unknown, endpoint: string, signal?: AbortSignal): ProviderError {
  if (err instanceof ProviderError) return err;
  const name = signal?.aborted ? (errorName(signal.reason) === 'TimeoutError' ? 'TimeoutError' : 'AbortError') : errorName(err);
  if (name === 'AbortError') return new ProviderError('aborted', 'Cancelled.');
  if (name === 'TimeoutError') return new ProviderError('timeout', `${endpoint} did not answer in time. Try again; a busy or large model may need longer.`);
  const cause = err instanceof Error && err.cause instanceof Error ? (err.cause as Error & { code?: unknown }) : undefined;
  const why = err instanceof Error ? err.message : String(err);
  const detail = cause ? `${why}: ${typeof cause.code === 'string' ? cause.code : cause.message}` : why;
  return new ProviderError('network', `Could not reach ${endpoint}. Is the server running and the address right? (${detail})`);
}
