/**
 * Which endpoints are local servers (this machine or the user's own network): the ones whose origin checks
 * reject browser extensions by default (Ollama answers 403 to `Origin: chrome-extension://…`).
 */

const LOCAL_SUFFIXES = ['.local', '.lan', '.home.arpa', '.internal', '.localhost'];

function ipv4Parts(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const nums = parts.map(Number);
  return nums.every((n) => n <= 255) ? nums : null;
}

/** True for loopback, private-network and link-local addresses, and names only a local network resolves. */
export function isLocalHostname(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (!host) return false;
  if (host === 'localhost' || LOCAL_SUFFIXES.some((s) => host.endsWith(s))) return true;
  const v4 = ipv4Parts(host);
  if (v4) {
    const [a, b] = v4 as [number, number, number, number];
    return (
      a === 127 || // loopback
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) || // link-local
      (a === 100 && b >= 64 && b <= 127) || // shared address space (e.g. a Tailscale network)
      (a === 0 && v4.every((n) => n === 0))
    );
  }
  if (host.includes(':')) {
    // IPv6: loopback, unique local (fc00::/7), link-local (fe80::/10), IPv4-mapped private addresses.
    if (host === '::1') return true;
    if (/^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host)) return true;
    const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
    if (dotted) return isLocalHostname(dotted);
    // The URL parser writes ::ffff:192.168.1.2 as ::ffff:c0a8:102.
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (!hex) return false;
    const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
    return isLocalHostname([hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'));
  }
  // A single-label name ("ollama", "desktop") can only be resolved on a local network or by the hosts file.
  return !host.includes('.');
}

/** The origin (scheme, host, port) of a local http(s) endpoint's base URL, or null for anything else. */
export function localOriginOf(baseUrl: string): string | null {
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return isLocalHostname(url.hostname) ? url.origin : null;
  } catch {
    return null;
  }
}

/** True for this computer only: localhost (and names under .localhost), 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return ipv4Parts(host)?.[0] === 127;
}
