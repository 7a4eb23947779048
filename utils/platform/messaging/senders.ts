import { enabledAdapterForUrl, type EnabledSites } from '../../core/sites/registry';
import type { SenderRole } from './protocol';

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** What the receiving context knows about itself. */
export interface SenderContext {
  extensionId: string;
  /** e.g. "chrome-extension://abc…" (no trailing slash). */
  extensionOrigin: string;
  /** Settings read at check time: content messages are only accepted from enabled sites. */
  enabled: EnabledSites;
}

/**
 * "scheme://host" of a URL. URL.origin is "null" for non-special schemes such as chrome-extension: in some
 * engines (Node, Firefox for moz-extension:), so it is built by hand.
 */
export function originOf(url: URL | string): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  return `${u.protocol}//${u.host}`;
}

/** Extension pages that host the runner (Chrome's offscreen document). */
const RUNNER_PAGES = ['/offscreen.html'];
/** The background service worker's script (Chrome); Firefox's background never messages itself. */
const BACKGROUND_PAGES = ['/background.js'];

/**
 * Who sent a message, or null when nobody we trust did: another extension, a sub-frame, a web page,
 * or a content script on a site the user has not enabled.
 */
export function senderRole(sender: SenderInfo, ctx: SenderContext): SenderRole | null {
  if (sender.id !== ctx.extensionId || !sender.url) return null;
  if (sender.frameId !== undefined && sender.frameId !== 0) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (originOf(url) === ctx.extensionOrigin) {
    if (RUNNER_PAGES.includes(url.pathname)) return 'runner';
    if (BACKGROUND_PAGES.includes(url.pathname)) return 'background';
    return 'ui';
  }
  if (sender.tab && enabledAdapterForUrl(sender.url, ctx.enabled)) return 'content';
  return null;
}
