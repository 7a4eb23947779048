import { generic } from '../../core/sites/generic';
import { SITE_ADAPTERS } from '../../core/sites/registry';
import type { SiteAdapter } from '../../core/sites/types';

/**
 * Whether a browser match pattern ("https://*.example.com/*") covers a URL: scheme (`*` = http or https), host
 * (`*.` = the domain and its subdomains; any port) and path with `*` wildcards. A few lines instead of a
 * library, because this ships in the content script on every enabled page.
 */
export function patternCovers(pattern: string, url: URL): boolean {
  const source = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/^\*:/, 'https?:')
    .replace('://*\\.', '://([^/]+\\.)?')
    .replace(/\*/g, '.*');
  return new RegExp(`^${source}$`).test(`${url.protocol}//${url.hostname}${url.pathname}${url.search}`);
}

/**
 * The adapter for the page the content script runs on: the specific site whose patterns cover it, else the
 * generic adapter (the script is only registered where the user enabled capture). Same answer as the
 * registry's adapterForUrl, without its match-pattern library.
 */
export function adapterForPage(href: string): SiteAdapter {
  const url = new URL(href);
  return SITE_ADAPTERS.find((a) => a.id !== generic.id && a.matches.some((p) => patternCovers(p, url))) ?? generic;
}
