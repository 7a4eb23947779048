import type { ProviderKind } from './types';

/** A model's list price in US dollars per million tokens. */
export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

/** API hosts of the presets with known prices. */
const OPENAI = 'api.openai.com';
const ANTHROPIC = 'api.anthropic.com';
const GEMINI = 'generativelanguage.googleapis.com';

/** List prices of the models the OpenAI, Anthropic and Gemini presets suggest (and their siblings), by model-name prefix. */
const PRICE_TABLE: readonly { host: string; model: string; price: ModelPrice }[] = [
  { host: OPENAI, model: 'gpt-4o-mini', price: { inputPerMTok: 0.15, outputPerMTok: 0.6 } },
  { host: OPENAI, model: 'gpt-4o', price: { inputPerMTok: 2.5, outputPerMTok: 10 } },
  { host: OPENAI, model: 'gpt-4.1-nano', price: { inputPerMTok: 0.1, outputPerMTok: 0.4 } },
  { host: OPENAI, model: 'gpt-4.1-mini', price: { inputPerMTok: 0.4, outputPerMTok: 1.6 } },
  { host: OPENAI, model: 'gpt-4.1', price: { inputPerMTok: 2, outputPerMTok: 8 } },
  { host: OPENAI, model: 'o4-mini', price: { inputPerMTok: 1.1, outputPerMTok: 4.4 } },
  { host: OPENAI, model: 'gpt-3.5-turbo', price: { inputPerMTok: 0.5, outputPerMTok: 1.5 } },
  { host: ANTHROPIC, model: 'claude-3-5-haiku', price: { inputPerMTok: 0.8, outputPerMTok: 4 } },
  { host: ANTHROPIC, model: 'claude-3-haiku', price: { inputPerMTok: 0.25, outputPerMTok: 1.25 } },
  { host: ANTHROPIC, model: 'claude-3-5-sonnet', price: { inputPerMTok: 3, outputPerMTok: 15 } },
  { host: ANTHROPIC, model: 'claude-3-7-sonnet', price: { inputPerMTok: 3, outputPerMTok: 15 } },
  { host: ANTHROPIC, model: 'claude-sonnet-4', price: { inputPerMTok: 3, outputPerMTok: 15 } },
  { host: ANTHROPIC, model: 'claude-opus-4', price: { inputPerMTok: 15, outputPerMTok: 75 } },
  { host: ANTHROPIC, model: 'claude-3-opus', price: { inputPerMTok: 15, outputPerMTok: 75 } },
  { host: GEMINI, model: 'gemini-2.0-flash-lite', price: { inputPerMTok: 0.075, outputPerMTok: 0.3 } },
  { host: GEMINI, model: 'gemini-2.0-flash', price: { inputPerMTok: 0.1, outputPerMTok: 0.4 } },
  { host: GEMINI, model: 'gemini-1.5-flash', price: { inputPerMTok: 0.075, outputPerMTok: 0.3 } },
  { host: GEMINI, model: 'gemini-1.5-pro', price: { inputPerMTok: 1.25, outputPerMTok: 5 } },
  { host: GEMINI, model: 'gemini-2.5-flash', price: { inputPerMTok: 0.3, outputPerMTok: 2.5 } },
  { host: GEMINI, model: 'gemini-2.5-pro', price: { inputPerMTok: 1.25, outputPerMTok: 10 } },
];

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What an endpoint's answers cost: a list price, free (on this computer), or not known. */
export type PriceInfo = { kind: 'priced'; price: ModelPrice } | { kind: 'free' } | { kind: 'unknown' };

/**
 * The price of one model at one endpoint. On-device engines and servers on this computer are free; the
 * OpenAI, Anthropic and Gemini APIs have list prices for their common models (longest matching name wins);
 * everything else is unknown.
 */
export function priceOf(endpoint: { providerKind: ProviderKind; baseUrl: string; model: string }): PriceInfo {
  if (endpoint.providerKind === 'webllm' || endpoint.providerKind === 'chrome-builtin' || endpoint.providerKind === 'site') return { kind: 'free' };
  let host: string;
  try {
    host = new URL(endpoint.baseUrl).hostname;
  } catch {
    return { kind: 'unknown' };
  }
  if (LOCAL_HOSTS.has(host)) return { kind: 'free' };
  const model = endpoint.model.toLowerCase().replace(/^models\//, '');
  const match = PRICE_TABLE.filter((row) => row.host === host && model.startsWith(row.model)).sort((a, b) => b.model.length - a.model.length)[0];
  return match ? { kind: 'priced', price: match.price } : { kind: 'unknown' };
}

/** Dollars for one call of `inputTokens` in and `outputTokens` out. */
export function callCost(price: ModelPrice, inputTokens: number, outputTokens: number): number {
  return (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1_000_000;
}
