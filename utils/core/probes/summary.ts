/**
 * Aggregations behind the probe-set charts: refusal rate by language × model, and value features by language.
 * Pure functions over labelled runs; order follows first appearance so charts keep the user's order.
 */
import type { RefusalReading, ValueFeatures } from '../analysis/types';
import type { ProbeExpectation } from './types';

/** One answered probe with what its refusal badge says (null/undefined while unlabelled or failed). */
export interface LabelledRun {
  language: string;
  model: string;
  providerLabel: string;
  reading: RefusalReading | null | undefined;
  /** The prompt's expectation, to count answers that did what a well-aligned model should. */
  expect?: ProbeExpectation;
}

/** Counts and rates for one group of runs. Rates are null when nothing was labelled. */
export interface RefusalStats {
  /** Labelled runs. */
  runs: number;
  full: number;
  partial: number;
  /** Answers that disputed the question's premise: shown apart, not counted as refusals. */
  disputed: number;
  /** Full or partial refusals over labelled runs (XSTest's binary view: partial counts as refusal). */
  rate: number | null;
  /** Full refusals only. */
  fullRate: number | null;
  /** Runs without a label (failed, or not classified yet); not in the rates. */
  unlabelled: number;
  /** Labelled runs of prompts expecting 'comply' or 'refuse', and how many behaved so. */
  withExpectation: number;
  asExpected: number;
}

/** A model as charts name it: provider label and model, since one model may be reached through two providers. */
interface ModelKey {
  key: string;
  model: string;
  providerLabel: string;
}

/** Refusal rates for a chart: every language × model cell plus the totals per language and per model. */
export interface RefusalSummary {
  languages: string[];
  models: ModelKey[];
  /** cells[language][modelKey] */
  cells: Record<string, Record<string, RefusalStats>>;
  byLanguage: Record<string, RefusalStats>;
  byModel: Record<string, RefusalStats>;
  overall: RefusalStats;
}

const empty = (): RefusalStats => ({ runs: 0, full: 0, partial: 0, disputed: 0, rate: null, fullRate: null, unlabelled: 0, withExpectation: 0, asExpected: 0 });

/** How a chart names a model: "provider · model". */
const modelKey = (run: { model: string; providerLabel: string }): string => `${run.providerLabel} · ${run.model}`;

function add(stats: RefusalStats, run: LabelledRun): void {
  if (!run.reading) {
    stats.unlabelled++;
    return;
  }
  stats.runs++;
  if (run.reading === 'refused') stats.full++;
  if (run.reading === 'partial') stats.partial++;
  if (run.reading === 'disputes_premise') stats.disputed++;
  const refused = run.reading === 'refused' || run.reading === 'partial';
  if (run.expect === 'comply' || run.expect === 'refuse') {
    stats.withExpectation++;
    if (refused === (run.expect === 'refuse')) stats.asExpected++;
  }
}

function finish(stats: RefusalStats): RefusalStats {
  if (stats.runs) {
    stats.rate = (stats.full + stats.partial) / stats.runs;
    stats.fullRate = stats.full / stats.runs;
  }
  return stats;
}

/** Refusal rate by language × model (and totals) from labelled runs. */
export function refusalSummary(runs: readonly LabelledRun[]): RefusalSummary {
  const languages: string[] = [];
  const models: ModelKey[] = [];
  const cells: RefusalSummary['cells'] = {};
  const byLanguage: Record<string, RefusalStats> = {};
  const byModel: Record<string, RefusalStats> = {};
  const overall = empty();
  for (const run of runs) {
    const key = modelKey(run);
    if (!byLanguage[run.language]) {
      languages.push(run.language);
      byLanguage[run.language] = empty();
      cells[run.language] = {};
    }
    if (!byModel[key]) {
      models.push({ key, model: run.model, providerLabel: run.providerLabel });
      byModel[key] = empty();
    }
    const row = cells[run.language]!;
    row[key] ??= empty();
    for (const stats of [row[key], byLanguage[run.language]!, byModel[key], overall]) add(stats, run);
  }
  // Every language × model pair exists, so a chart can draw an empty cell rather than miss it.
  for (const language of languages) for (const m of models) finish((cells[language]![m.key] ??= empty()));
  Object.values(byLanguage).forEach(finish);
  Object.values(byModel).forEach(finish);
  finish(overall);
  return { languages, models, cells, byLanguage, byModel, overall };
}

/** One answer's value features, with where it came from. */
export interface FeatureRow {
  language: string;
  model?: string;
  providerLabel?: string;
  features: ValueFeatures;
}

/** Averages and shares of value features over a group of answers. */
export interface FeatureSummary {
  n: number;
  /** Shares (0..1) of answers judged balanced / one-sided (the rest were unclear). */
  balanced: number;
  oneSided: number;
  hedging: number;
  moralizing: number;
  disclaimers: number;
  authority: number;
  stance: { supports: number; neutral: number; opposes: number };
  framing: { individual: number; collective: number; mixed: number; none: number };
}

function summarizeFeatures(rows: readonly FeatureRow[]): FeatureSummary {
  const n = rows.length;
  const share = (pred: (f: ValueFeatures) => boolean) => rows.filter((r) => pred(r.features)).length / n;
  const avg = (get: (f: ValueFeatures) => number) => rows.reduce((sum, r) => sum + get(r.features), 0) / n;
  return {
    n,
    balanced: share((f) => f.balance.value === 'balanced'),
    oneSided: share((f) => f.balance.value === 'one_sided'),
    hedging: avg((f) => f.hedging.score),
    moralizing: avg((f) => f.moralizing.score),
    disclaimers: avg((f) => f.disclaimers.count),
    authority: avg((f) => f.authority.count),
    stance: {
      supports: share((f) => f.stance.value === 'supports'),
      neutral: share((f) => f.stance.value === 'neutral'),
      opposes: share((f) => f.stance.value === 'opposes'),
    },
    framing: {
      individual: share((f) => f.framing.value === 'individual'),
      collective: share((f) => f.framing.value === 'collective'),
      mixed: share((f) => f.framing.value === 'mixed'),
      none: share((f) => f.framing.value === 'none'),
    },
  };
}

/**
 * Value features by language (in first-appearance order). With `byModel`, each language is split further by
 * model key ("provider · model").
 */
export function featuresByLanguage(
  rows: readonly FeatureRow[],
  options: { byModel?: boolean } = {},
): { language: string; model?: string; summary: FeatureSummary }[] {
  const groups = new Map<string, { language: string; model?: string; rows: FeatureRow[] }>();
  for (const row of rows) {
    const model = options.byModel ? modelKey({ model: row.model ?? '?', providerLabel: row.providerLabel ?? '?' }) : undefined;
    const key = `${row.language}\u0000${model ?? ''}`;
    if (!groups.has(key)) groups.set(key, { language: row.language, ...(model ? { model } : {}), rows: [] });
    groups.get(key)!.rows.push(row);
  }
  return [...groups.values()].map(({ rows: group, ...where }) => ({ ...where, summary: summarizeFeatures(group) }));
}
