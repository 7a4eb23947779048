import type { EventSourceMessage } from 'eventsource-parser/stream';
import { endpointFetch } from './endpoint-fetch';
import { ProviderError, errorFromStatus, toProviderError } from './errors';
import { sseEvents } from './sse';

/** How one provider asks for an answer stream: where, its own headers and body, and its own reading of a failed status. */
export interface StreamRequest {
  url: string;
  /** The provider's headers (its key header among them); JSON and event-stream headers are added here. */
  headers: Record<string, string>;
  body: unknown;
  apiKey?: string;
  /** A provider's own reading of an HTTP failure (Gemini's 400 for a bad key, a local server's origin check); undefined = the common one. */
  statusError?: (status: number, body: string) => ProviderError | undefined;
  /** When to retry, where the provider says it somewhere other than Retry-After. */
  retryAfter?: (body: string) => string | null;
}

/**
 * The one streaming path of the remote providers: POST → status → server-sent events → end. Every failure becomes a
 * {@link ProviderError} a user can act on: unreachable, a status (with Retry-After), a cut connection (unless
 * `cutIsHarmless()` says what was read is already the whole answer), or the user's cancel.
 */
export async function* streamEvents(req: StreamRequest, signal: AbortSignal, cutIsHarmless: () => boolean = () => false): AsyncGenerator<EventSourceMessage> {
  const endpoint = new URL(req.url).host;
  let res: Response;
  try {
    const headers = { 'content-type': 'application/json', accept: 'text/event-stream', ...req.headers };
    res = await endpointFetch(req.url, { method: 'POST', signal, headers, body: JSON.stringify(req.body) }, req.apiKey, endpoint);
  } catch (err) {
    throw toProviderError(err, endpoint, signal);
  }
  if (!res.ok || !res.body) {
    const body = await res.text().catch(() => '');
    throw req.statusError?.(res.status, body) ?? errorFromStatus(res.status, body, res.headers.get('retry-after') ?? req.retryAfter?.(body) ?? null, endpoint);
  }
  try {
    for await (const event of sseEvents(res.body)) yield event;
  } catch (err) {
    if (err instanceof ProviderError || signal.aborted) throw toProviderError(err, endpoint, signal);
    if (cutIsHarmless()) return;
    throw new ProviderError('stream_cut', `The connection to ${endpoint} was lost before the answer was complete. The partial answer is kept. Try again.`);
  }
}

/** The stream ended without the provider's end marker. */
export const closedEarly = (endpoint: string): ProviderError =>
  new ProviderError('stream_cut', `The connection to ${endpoint} closed before the answer was complete. The partial answer is kept. Try again.`);

/** An event whose data is not the JSON the provider promised. */
export const malformedEvent = (endpoint: string): ProviderError =>
  new ProviderError('bad_response', `${endpoint} sent a malformed event; the answer may be incomplete. Try again.`);
