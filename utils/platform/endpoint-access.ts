import { browser } from 'wxt/browser';
import { t } from '../core/i18n';
import type { EndpointPolicy } from '../core/providers/endpoint-fetch';
import { isLoopbackHost } from '../core/providers/local-endpoint';
import type { ProviderKind } from '../core/providers/types';

/** Engines that answer over the network at their base URL (on-device ones do not). */
const NETWORK_KINDS: readonly ProviderKind[] = ['openai-compatible', 'anthropic', 'gemini'];

/**
 * Whether Parallax may send requests to a URL: loopback always (this computer), any other http(s) origin only when
 * the user granted it (the permission asked for when the endpoint was added). Content scripts cannot grant
 * permissions, so a `baseUrl` rewritten in storage cannot aim requests at an origin of its choosing.
 */
export async function mayReach(url: string): Promise<boolean> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (isLoopbackHost(u.hostname)) return true;
  return browser.permissions.contains({ origins: [`${u.protocol}//${u.hostname}/*`] }).catch(() => false);
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Why an endpoint's address may not be used, or null: the same rule as {@link mayReach}, for a network engine. */
export async function endpointProblem(kind: ProviderKind, baseUrl: string): Promise<string | null> {
  if (!NETWORK_KINDS.includes(kind)) return null;
  return (await mayReach(baseUrl)) ? null : t('endpointNotGranted', hostOf(baseUrl));
}

/** The endpoint policy of a context with the permissions API (background, Firefox's runner host, extension pages). */
export const permissionPolicy: EndpointPolicy = async (url) => ((await mayReach(url)) ? null : t('endpointNotGranted', hostOf(url)));
