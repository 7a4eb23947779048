import { MatchPattern } from 'wxt/utils/match-patterns';
import { chatgpt } from './chatgpt';
import { claude } from './claude';
import { copilot } from './copilot';
import { deepseek } from './deepseek';
import { gemini } from './gemini';
import { generic } from './generic';
import { grok } from './grok';
import { huggingchat } from './huggingchat';
import { meta } from './meta';
import { mistral } from './mistral';
import { perplexity } from './perplexity';
import { poe } from './poe';
import type { SiteAdapter, SiteId } from './types';

/** Every site adapter, specific sites first; the generic adapter is the fallback for user-added sites. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [chatgpt, claude, gemini, copilot, perplexity, mistral, deepseek, grok, poe, huggingchat, meta, generic];

/** The adapter with this id. */
export function siteById(id: string): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((a) => a.id === id);
}

/**
 * Where match patterns reach, as a person reads it: "chatgpt.com", "huggingface.co/chat", "x.com/i/grok"; each
 * place once, in order ("huggingface.co/chat" and "huggingface.co/chat/*" are the same place to a reader).
 */
export function patternPlaces(patterns: readonly string[]): string[] {
  const places = patterns.map((p) => {
    const m = /^[a-z*]+:\/\/(?:\*\.)?([^/]+)(\/.*)?$/.exec(p);
    if (!m) return p;
    const path = (m[2] ?? '').replace(/\*$/, '').replace(/\/+$/, '');
    return `${m[1]}${path}`;
  });
  return [...new Set(places)];
}

/** Whether any of the match patterns matches the URL (invalid patterns never match). */
export function urlMatches(url: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    try {
      return new MatchPattern(p).includes(url);
    } catch {
      return false;
    }
  });
}

/**
 * The adapter for a page: a specific site whose patterns match, else the generic adapter.
 * The content script only runs on pages the user enabled, so it needs no settings to decide.
 */
export function adapterForUrl(url: string): SiteAdapter {
  return SITE_ADAPTERS.find((a) => a.id !== generic.id && urlMatches(url, a.matches)) ?? generic;
}

/** Enabled-site settings as seen by the background when checking a sender. */
export interface EnabledSites {
  sites: SiteId[];
  /** Match patterns the user enabled the generic adapter on. */
  customSitePatterns: string[];
}

/** All match patterns capture runs on: enabled specific sites plus the user's custom patterns. */
export function enabledPatterns(enabled: EnabledSites): string[] {
  const specific = enabled.sites.flatMap((id) => (id === generic.id ? [] : (siteById(id)?.matches ?? [])));
  return [...new Set([...specific, ...enabled.customSitePatterns])];
}

/** The enabled adapter that owns a URL, or null when capture is not enabled there. */
export function enabledAdapterForUrl(url: string, enabled: EnabledSites): SiteAdapter | null {
  const specific = SITE_ADAPTERS.find((a) => a.id !== generic.id && enabled.sites.includes(a.id) && urlMatches(url, a.matches));
  if (specific) return specific;
  return urlMatches(url, enabled.customSitePatterns) ? generic : null;
}
