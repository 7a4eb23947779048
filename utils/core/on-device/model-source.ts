/**
 * Where on-device model code may come from, and how its integrity is written. A model library is code that runs
 * in the page that also asks for API keys: it is fetched only over `https:`, or plain `http:` from this machine
 * (a local server), and it can be pinned to a hash.
 */

/** Hosts that are this machine: plain `http:` is fine for them (nothing crosses a network). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Why a model or library address is not allowed, or null when it is (`https:`, or `http:` on loopback). */
export function modelUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `“${value.slice(0, 80)}” is not a web address.`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  if (url.protocol === 'http:')
    return `${url.host} is reached over plain http:, which anyone on the network can alter. Use an https: address (plain http: only for a server on this computer).`;
  return `Only https: addresses (or http: on this computer) can serve a model; not ${url.protocol}`;
}

/** Subresource-integrity form WebLLM checks against ("sha256-<base64>", or sha384 / sha512). */
const SRI = /^sha(256|384|512)-[A-Za-z0-9+/]{43,86}={0,2}$/;

/**
 * An integrity hash as WebLLM's `integrity.model_lib` takes it: an SRI string as given, or a 64-character hex
 * SHA-256 (what `sha256sum` prints) converted. Null when it is neither.
 */
export function toIntegrity(value: string): string | null {
  const text = value.trim();
  if (SRI.test(text)) return text;
  if (/^[0-9a-f]{64}$/i.test(text)) {
    const bytes = Array.from({ length: 32 }, (_, i) => Number.parseInt(text.slice(i * 2, i * 2 + 2), 16));
    return `sha256-${btoa(String.fromCharCode(...bytes))}`;
  }
  return null;
}

/** SHA-256 of bytes in SRI form ("sha256-<base64>"), with Web Crypto (pages, workers and Node alike). */
export async function sha256Integrity(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}
