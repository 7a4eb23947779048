import { browser } from 'wxt/browser';
import type { ProviderConfig, ProviderKind } from '../../core/providers/types';
import { localOriginOf } from '../../core/providers/local-endpoint';
import type { Settings } from '../storage/settings';

/**
 * Ollama (and other local servers with an origin check) answer 403 to any request whose Origin header is
 * `chrome-extension://…`. On Chrome, a declarativeNetRequest rule per configured local endpoint removes the
 * Origin header from this extension's own requests to it. Removing (rather than rewriting it to the endpoint's
 * origin) also works for LAN addresses, which Ollama's default allow-list does not name: a request without
 * Origin is not a cross-origin request to it. Firefox's build has no such rules; the settings page and the
 * error message explain OLLAMA_ORIGINS instead.
 */

/** The dynamic rule ids this module owns: [FIRST_RULE_ID, FIRST_RULE_ID + MAX_RULES). */
export const FIRST_RULE_ID = 41_000;
export const MAX_RULES = 200;

/** Provider kinds that talk HTTP to a base URL (on-device engines do not). */
const HTTP_KINDS: readonly ProviderKind[] = ['openai-compatible', 'anthropic', 'gemini'];

/** A declarativeNetRequest rule, as far as these rules use it. */
export interface OriginRule {
  id: number;
  priority: number;
  action: { type: 'modifyHeaders'; requestHeaders: { header: string; operation: 'remove' }[] };
  condition: { urlFilter: string; initiatorDomains: string[]; resourceTypes: string[] };
}

/** Distinct origins of the configured endpoints that are local servers, in settings order. */
export function localEndpointOrigins(providers: readonly ProviderConfig[]): string[] {
  const origins = providers.filter((p) => HTTP_KINDS.includes(p.kind)).map((p) => localOriginOf(p.baseUrl));
  return [...new Set(origins.filter((o): o is string => o !== null))];
}

/** The rule with `id` that removes the Origin header from this extension's requests to `origin`. */
function originRule(id: number, origin: string, extensionId: string): OriginRule {
  return {
    id,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
    // `|` anchors the filter at the start of the URL, and the trailing `/` stops :11434 matching :114340.
    condition: { urlFilter: `|${origin}/`, initiatorDomains: [extensionId], resourceTypes: ['xmlhttprequest', 'other'] },
  };
}

/** One rule per local origin: requests this extension makes to it leave without an Origin header. */
export function localOriginRules(providers: readonly ProviderConfig[], extensionId: string): OriginRule[] {
  return localEndpointOrigins(providers)
    .slice(0, MAX_RULES)
    .map((origin, i) => originRule(FIRST_RULE_ID + i, origin, extensionId));
}

/** The session rule for a local server being tried before it is saved ("Test connection"): one at a time. */
export const TRIAL_RULE_ID = FIRST_RULE_ID + MAX_RULES;

/** The slice of chrome.declarativeNetRequest's session rules used here (they end with the browser session). */
export interface SessionRules {
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: OriginRule[] }): Promise<void>;
}

/**
 * Lets a local server not yet in the settings be reached as a saved one would be: a session rule removes the
 * Origin header from this extension's requests to `origin` (replacing the previous trial's). Nothing to do where
 * the browser has no declarativeNetRequest (Firefox): the server must allow the extension itself.
 */
export async function allowLocalOriginForTrial(origin: string, dnr: SessionRules | null = defaultDnr()): Promise<void> {
  if (!dnr?.updateSessionRules) return;
  await dnr.updateSessionRules({ removeRuleIds: [TRIAL_RULE_ID], addRules: [originRule(TRIAL_RULE_ID, origin, browser.runtime.id)] });
}

/** The slice of chrome.declarativeNetRequest used here. */
interface DynamicRules {
  getDynamicRules(): Promise<{ id: number }[]>;
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: OriginRule[] }): Promise<void>;
}

const ours = (id: number) => id >= FIRST_RULE_ID && id < FIRST_RULE_ID + MAX_RULES;

/**
 * Replaces this module's rules with those the settings call for. Call it at start-up and whenever settings
 * change. Returns the origins covered; none where the browser has no declarativeNetRequest (Firefox).
 */
export function syncLocalOriginRules(settings: Settings, dnr: DynamicRules | null = defaultDnr()): Promise<string[]> {
  // One update at a time: two interleaved read-then-replace updates would add the same rule id twice.
  const next = queue.then(async () => {
    if (!dnr) return [];
    const rules = localOriginRules(settings.providers, browser.runtime.id);
    const stale = (await dnr.getDynamicRules()).map((r) => r.id).filter(ours);
    await dnr.updateDynamicRules({ removeRuleIds: stale, addRules: rules });
    return rules.map((r) => r.condition.urlFilter.slice(1, -1));
  });
  queue = next.catch(() => undefined);
  return next;
}

let queue: Promise<unknown> = Promise.resolve();

function defaultDnr(): (DynamicRules & SessionRules) | null {
  return (browser as unknown as { declarativeNetRequest?: DynamicRules & SessionRules }).declarativeNetRequest ?? null;
}
