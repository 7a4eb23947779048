import { browser } from 'wxt/browser';
import { originOf } from './messaging/senders';

/** This copy of the extension's own origin, e.g. "chrome-extension://abcdef…" (no trailing slash). */
export function extensionOrigin(): string {
  return originOf(browser.runtime.getURL('/'));
}

/** The host permission pattern covering a URL's origin (any port), e.g. "https://api.openai.com/*". */
export function originPatternOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/**
 * Asks for access to the given patterns. Call it first thing in a click handler: browsers only show the prompt
 * during a user gesture. Resolves true when access is (or already was) granted.
 */
export async function requestAccess(patterns: string[]): Promise<boolean> {
  if (!patterns.length) return true;
  try {
    return await browser.permissions.request({ origins: patterns });
  } catch {
    return browser.permissions.contains({ origins: patterns }).catch(() => false);
  }
}
