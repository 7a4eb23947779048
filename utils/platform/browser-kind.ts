import { browser } from 'wxt/browser';

/** The browser family Parallax runs in: what it offers (side panel or sidebar, on-device engines) follows from it. */
export type BrowserKind = 'firefox' | 'chromium';

/**
 * Read at run time from the add-on's own address (moz-extension:// in Firefox, chrome-extension:// in Chrome,
 * Edge and other Chromium browsers): the one place that tells browsers apart. Outside an extension: chromium.
 */
export function browserKind(): BrowserKind {
  try {
    return browser.runtime.getURL('/').startsWith('moz-extension:') ? 'firefox' : 'chromium';
  } catch {
    return 'chromium';
  }
}

/**
 * Whether on-device engines exist here: WebLLM (WebGPU in an offscreen document, a 6 MB chunk Firefox would
 * refuse) and Chrome's built-in model and translator. Firefox's build has none of them.
 */
export const onDeviceEnginesHere = (kind: BrowserKind = browserKind()) => kind === 'chromium';

/** Picks the value for this browser, e.g. the message that says "sidebar" in Firefox and "side panel" elsewhere. */
export function perBrowser<T>(choices: Record<BrowserKind, T>, kind: BrowserKind = browserKind()): T {
  return choices[kind];
}
