import { t } from '../i18n';
import { ProviderError } from './errors';

/**
 * Decides whether Parallax may send a request to a URL: resolves null when it may, else the reason to show. The
 * extension installs one that allows loopback and the origins the user granted (utils/platform/endpoint-access.ts),
 * so settings rewritten behind the user's back cannot aim a request (and its key) anywhere else.
 */
export type EndpointPolicy = (url: string) => Promise<string | null>;

let policy: EndpointPolicy | null = null;

/** Installs the policy every provider request of this context is checked against (null: none, as in Node). */
export function setEndpointPolicy(next: EndpointPolicy | null): void {
  policy = next;
}

/** Whether a response is a redirect the request did not follow (a browser's opaque one, or a 3xx in Node). */
const isRedirect = (res: Response) => res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);

/**
 * `fetch` for every provider request. The installed {@link EndpointPolicy} is asked first. A request carrying an
 * API key never follows a redirect, so the key's header can never travel on to another address the endpoint (or
 * whoever answers in its name) points to: browsers re-send custom headers such as `x-api-key` to a redirect's
 * target. `redirect: 'manual'` stops it as `'error'` would, and lets the user read what happened rather than
 * "could not reach". Keyless requests follow redirects as before. Throws what fetch throws (the caller wraps it)
 * or a {@link ProviderError} ('forbidden') for a refused address or a redirect.
 */
export async function endpointFetch(url: string, init: RequestInit, apiKey: string | undefined, endpoint: string): Promise<Response> {
  const refused = policy ? await policy(url) : null;
  if (refused) throw new ProviderError('forbidden', refused);
  if (!apiKey) return fetch(url, init);
  const res = await fetch(url, { ...init, redirect: 'manual' });
  if (!isRedirect(res)) return res;
  let to: string | null = null;
  try {
    const location = res.headers.get('location');
    to = location ? new URL(location, url).host : null;
  } catch {
    // An unreadable Location header: say only that it redirected.
  }
  // Only Node shows the target: a browser's opaque redirect hides its Location, so there the message names the endpoint alone.
  throw new ProviderError('forbidden', to ? t('keyRedirectRefusedTo', endpoint, to) : t('keyRedirectRefused', endpoint), res.status || undefined);
}
