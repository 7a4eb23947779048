import { t, uiLanguage } from '../i18n';
import { callCost, priceOf } from '../providers/prices';
import type { ProviderConfig } from '../providers/types';
import { detectLanguage } from '../translate/detect';
import { catalogueCode, sameLanguage } from '../translate/languages';

/** The parts of a composition an estimate reads (a ComposeSpec fits). */
export interface EstimateSpec {
  text: string;
  languages?: readonly string[];
  sourceLanguage?: string;
  translations?: Record<string, string>;
  providerIds?: readonly string[];
  personas?: readonly { systemPrompt: string }[];
  repetitions?: number;
  context?: readonly { content: string }[];
}

/** Assumptions behind an estimate; the defaults are typical of a short answer. */
export interface EstimateAssumptions {
  /** Seconds one answer takes from an API, and from an engine on this computer. */
  remoteSeconds: number;
  onDeviceSeconds: number;
  /** Seconds one translation takes. */
  translationSeconds: number;
  /** Tokens in an answer. */
  outputTokens: number;
  /** Whether a translator is set up (without one, nothing is translated). */
  translator: boolean;
  /** Runs streaming at once over all endpoints (the runner's cap). */
  maxConcurrent: number;
}

const DEFAULT_ASSUMPTIONS: EstimateAssumptions = {
  remoteSeconds: 12,
  onDeviceSeconds: 30,
  translationSeconds: 4,
  outputTokens: 600,
  translator: true,
  maxConcurrent: 8,
};

/** What a composition will ask before it starts. */
export interface PlanEstimate {
  /** Answers asked for: endpoints × languages × personas × repetitions. */
  runs: number;
  /** Translations on top: the prompt and the context turns into each language, answers back into the reader's. */
  translations: number;
  /** Every model call: runs + translations. */
  calls: number;
  /** Rough wall-clock time with each endpoint's concurrency. */
  seconds: number;
  /** Cost of the answers at list prices (translations not priced), or 'unknown' when an endpoint's price is not known. */
  costUsd: number | 'unknown';
  /** Endpoints whose price is not known. */
  unpriced: string[];
}

const ON_DEVICE = new Set(['webllm', 'chrome-builtin']);
/** The runner's default per endpoint (runner.ts defaultConcurrency), repeated here to keep the panel bundle small. */
const concurrencyOf = (p: ProviderConfig) => (p.maxConcurrent && p.maxConcurrent > 0 ? p.maxConcurrent : ON_DEVICE.has(p.kind) ? 1 : 4);
/** About four characters per token in English; fewer in other scripts, so this errs low on cost. */
const tokensOf = (text: string) => Math.ceil(text.length / 4);

/** Counts, time and cost of a composition against the configured endpoints. Pure. */
export function estimatePlan(spec: EstimateSpec, providers: readonly ProviderConfig[], assumptions: Partial<EstimateAssumptions> = {}): PlanEstimate {
  const a = { ...DEFAULT_ASSUMPTIONS, ...assumptions };
  const chosen = spec.providerIds ? providers.filter((p) => spec.providerIds!.includes(p.id)) : [...providers];
  const languages: (string | null)[] = spec.languages?.length ? [...spec.languages] : [null];
  const personas = spec.personas?.length ? spec.personas : [null];
  const repetitions = Math.max(1, Math.floor(spec.repetitions ?? 1));
  const perProvider = languages.length * personas.length * repetitions;
  const runs = chosen.length * perProvider;

  const source = catalogueCode(spec.sourceLanguage) ?? spec.sourceLanguage ?? detectLanguage(spec.text).code ?? 'en';
  const foreign = languages.filter((l): l is string => !!l && !sameLanguage(l, source));
  const supplied = (l: string) => Object.entries(spec.translations ?? {}).some(([code, text]) => sameLanguage(code, l) && text.trim());
  const contextTurns = spec.context?.length ?? 0;
  // Translations are cached: the prompt and each context turn once per language; every foreign answer back once.
  const promptTranslations = a.translator ? foreign.filter((l) => !supplied(l)).length : 0;
  const contextTranslations = a.translator ? foreign.length * contextTurns : 0;
  const backTranslations = a.translator ? chosen.length * foreign.length * personas.length * repetitions : 0;
  const translations = promptTranslations + contextTranslations + backTranslations;

  // Each endpoint works through its runs in waves of its concurrency; all endpoints at once, under the runner's cap.
  const foreignShare = languages.length ? (a.translator ? foreign.length / languages.length : 0) : 0;
  const runSeconds = (p: ProviderConfig) => (ON_DEVICE.has(p.kind) ? a.onDeviceSeconds : a.remoteSeconds) + foreignShare * a.translationSeconds;
  const byEndpoint = chosen.map((p) => Math.ceil(perProvider / concurrencyOf(p)) * runSeconds(p));
  const overall = chosen.length ? Math.ceil(runs / a.maxConcurrent) * Math.min(...chosen.map(runSeconds)) : 0;
  const upFront = promptTranslations || contextTranslations ? a.translationSeconds * (1 + contextTurns) : 0;
  const seconds = runs ? Math.round(Math.max(overall, ...byEndpoint) + upFront) : 0;

  const inputTokens = tokensOf(spec.text) + (spec.context ?? []).reduce((n, t) => n + tokensOf(t.content), 0);
  const personaTokens = personas.reduce((n, p) => n + (p ? tokensOf(p.systemPrompt) : 0), 0) / personas.length;
  const unpriced: string[] = [];
  let cost = 0;
  for (const p of chosen) {
    const info = priceOf({ providerKind: p.kind, baseUrl: p.baseUrl, model: p.model });
    if (info.kind === 'unknown') unpriced.push(p.label);
    else if (info.kind === 'priced') cost += perProvider * callCost(info.price, inputTokens + personaTokens, a.outputTokens);
  }
  return { runs, translations, calls: runs + translations, seconds, costUsd: unpriced.length ? 'unknown' : cost, unpriced };
}

/** "about 2 min", "etwa 40 s": the duration in the UI language. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return t('studiesAboutSeconds', Math.max(1, Math.round(seconds)));
  if (seconds < 3600) return t('studiesAboutMinutes', Math.round(seconds / 60));
  return t('studiesAboutHours', Math.floor(seconds / 3600), Math.round((seconds % 3600) / 60));
}

/** "$0.004" → "< $0.01", "$1.20", "free", "price unknown", in the UI language's words and number format. */
export function formatCost(cost: number | 'unknown'): string {
  if (cost === 'unknown') return t('priceUnknown');
  if (cost === 0) return t('costFree');
  const dollars = (n: number) => new Intl.NumberFormat(uiLanguage(), { style: 'currency', currency: 'USD' }).format(n);
  return cost < 0.01 ? t('costUnderCent', dollars(0.01)) : dollars(cost);
}
