import { storage } from 'wxt/utils/storage';
import type { SelectorGroup } from '../../core/sites/types';

/** The latest selector check on one site whose adapter needs an update (sites that work are not listed). */
export interface SiteHealthReport {
  /** Adapter id; for user-added sites, "generic:" plus the page's origin. */
  key: string;
  /** What the user calls the site: "ChatGPT", or the host of a user-added site. */
  siteName: string;
  /** The page it was checked on. */
  url: string;
  /** Required selector groups that matched nothing, most important first. */
  missing: SelectorGroup[];
  /** When it was reported (ms since epoch). */
  at: number;
}

/**
 * Sites whose required selectors matched nothing on the last page checked, by {@link SiteHealthReport.key}.
 * In storage.session: extension pages and the background only (content scripts cannot read it), and gone when
 * the browser closes, so a fixed site is not reported stale the next day.
 */
export const siteHealthItem = storage.defineItem<Record<string, SiteHealthReport>>('session:siteHealth', { fallback: {} });

const IMPORTANCE: readonly SelectorGroup[] = ['composer', 'sendButton', 'userTurn', 'assistantTurn'];

/** Missing groups in order of what they break first: no composer means no prompt is picked up at all. */
export function byImportance(missing: readonly SelectorGroup[]): SelectorGroup[] {
  return IMPORTANCE.filter((g) => missing.includes(g));
}
