/** A chat site Parallax can pick prompts up from. Branded so a plain string is not mistaken for one. */
export type SiteId = string & { readonly __brand: 'SiteId' };

/** Brands a string literal as a {@link SiteId}. */
export const siteId = (id: string): SiteId => id as SiteId;

/** One CSS selector with a label saying which variant of the site it was written for. */
export interface Selector {
  css: string;
  /** e.g. "2026-02 ProseMirror composer", "legacy textarea". */
  label: string;
}

/** One message on the page, as the user sees it. */
export interface Turn {
  role: 'user' | 'assistant';
  /** Visible text: screen-reader-only labels removed, whitespace collapsed. */
  text: string;
  /** A stable id from the site (data-message-id …) when it has one. */
  id?: string;
  /** True while the site is still streaming this answer. */
  streaming?: boolean;
}

/**
 * One chat site. Pure DOM logic (no browser.* calls), testable on saved pages in happy-dom.
 * Selector lists are ordered: the first one that matches wins.
 */
export interface SiteAdapter {
  id: SiteId;
  /** Human name shown in the UI ("ChatGPT"). */
  name: string;
  /** Match patterns; also the optional host permissions asked for when the user enables the site. */
  matches: string[];
  /** Where the user types. */
  composer: Selector[];
  /** The button that sends (may change role, e.g. voice → send → stop). */
  sendButton: Selector[];
  /** The user and assistant turns on the page, in page order. */
  turns(root: ParentNode): Turn[];
  /** True when the composer is an edit of an earlier message, not a new prompt. Defaults to false. */
  isEditComposer?(composer: Element): boolean;
  /** Where and when the selectors were last checked against the live site. */
  checkedAgainst: { url: string; date: string }[];
}
