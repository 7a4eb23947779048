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

/** The selector lists whose absence on a supported page means the adapter needs an update. */
export type SelectorGroup = 'composer' | 'sendButton' | 'userTurn' | 'assistantTurn';

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
 * One chat site, described by data only (no browser.* calls), so it is testable on saved pages in happy-dom.
 * Every selector list is ordered: structure, ids and data-testid first, localized labels last. For turns, the
 * first selector that matches anything on the page wins, so two page variants are never mixed.
 */
export interface SiteAdapter {
  id: SiteId;
  /** Human name shown in the UI ("ChatGPT"). */
  name: string;
  /** Match patterns; also the optional host permissions asked for when the user enables the site. */
  matches: string[];
  /** Where the user types a new prompt. */
  composer: Selector[];
  /** The button that sends (may change role, e.g. voice → send → stop). */
  sendButton: Selector[];
  /** Elements that each hold one message the user sent. */
  userTurn: Selector[];
  /** Elements that each hold one answer. */
  assistantTurn: Selector[];
  /** Inside a turn, where its text is (first match); the whole turn when none matches. */
  turnText?: Selector[];
  /** CSS for parts of a turn that are not its text (timestamps, reasoning panes); buttons are always dropped. */
  turnNoise?: string;
  /** Present anywhere on the page while an answer is still being written (stop button, streaming flag). */
  streaming: Selector[];
  /** A composer inside one of these is editing an earlier message: not a new prompt. */
  editing: Selector[];
  /** Groups that must match on every page of the site; a miss is reported as "capture needs an update". */
  requiredSelectors: SelectorGroup[];
  /** Where and when the selectors were last checked against the live site or a page saved from it. */
  checkedAgainst: { url: string; date: string }[];
}
