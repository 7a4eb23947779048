/**
 * Where a prompt sent to an endpoint goes: stays on this device (an on-device engine, or a server on this
 * computer's loopback address such as Ollama or LM Studio on localhost), or travels to a host. The one answer
 * on-device mode, the settings, the prompt box and the answer columns all give.
 */

/** Endpoint kinds that run inside the browser: nothing they are given leaves it. */
export const ON_DEVICE_KINDS: readonly string[] = ['webllm', 'chrome-builtin'];

/**
 * Where a prompt to an endpoint goes. `host` is the address's host (with a port when it has one); empty when
 * the address is missing (an imported run that did not record it): somewhere, but not known where.
 */
export type Destination = { onDevice: true; host?: string } | { onDevice: false; host: string };

/** An endpoint as far as where its prompts go. */
export interface EndpointAddress {
  kind: string;
  baseUrl?: string;
}

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const nums = parts.map(Number);
  return nums.every((n) => n <= 255) ? nums : null;
}

/**
 * True for names and addresses that reach this computer itself: localhost (and *.localhost), 127.0.0.0/8,
 * ::1, the unspecified addresses 0.0.0.0 and :: (connecting to them reaches this machine), and IPv4-mapped
 * loopback. Not private-network addresses (192.168.…, 10.…): those are other machines.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (!host) return false;
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = ipv4(host);
  if (v4) return v4[0] === 127 || v4.every((n) => n === 0);
  if (!host.includes(':')) return false;
  if (host === '::1' || host === '::' || /^(0{1,4}:){7}0{0,3}1$/.test(host)) return true;
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  if (dotted) return isLoopbackHostname(dotted);
  // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  const hex = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(host)?.[1];
  return hex !== undefined && parseInt(hex, 16) >> 8 === 127;
}

/**
 * Where a prompt to this endpoint goes. On-device engines stay in the browser; an HTTP endpoint on a loopback
 * address stays on this computer; anything else (including an address that does not parse) goes to its host.
 */
export function destinationOf(endpoint: EndpointAddress): Destination {
  if (ON_DEVICE_KINDS.includes(endpoint.kind)) return { onDevice: true };
  const raw = endpoint.baseUrl?.trim() ?? '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { onDevice: false, host: raw };
  }
  const host = url.host || raw;
  return isLoopbackHostname(url.hostname) ? { onDevice: true, host } : { onDevice: false, host };
}

/** True when nothing sent to this endpoint leaves this device (what on-device mode allows). */
export function staysOnDevice(endpoint: EndpointAddress): boolean {
  return destinationOf(endpoint).onDevice;
}

/** The distinct hosts prompts to these endpoints travel to, in order; empty when all stay on this device. */
export function remoteHosts(endpoints: readonly EndpointAddress[]): string[] {
  const hosts = endpoints.map(destinationOf).flatMap((d) => (d.onDevice ? [] : [d.host]));
  return [...new Set(hosts)];
}
