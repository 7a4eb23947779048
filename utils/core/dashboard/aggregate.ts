import { t } from '../i18n';
/**
 * The dashboard's numbers, as pure functions over plain comparisons and runs: no browser API, no Dexie.
 * Analysis is injected (`classify`, `features`) so the page can load it lazily and tests can pass doubles;
 * an analyser that returns null means "not analysed", which is counted and shown, never guessed.
 */
import { endpointModelName } from '../runner/names';
import { readingOf, type RefusalVerdict, type ValueFeatures } from '../analysis/types';
import type { Comparison, Run } from '../runner/types';

/** A comparison as the dashboard reads it; `batchId` ties it to a probe-set or survey batch when it has one. */
export type DashboardComparison = Comparison & { batchId?: string; tags?: string[] };

/** One comparison and its runs. */
export interface ComparisonWithRuns {
  comparison: DashboardComparison;
  runs: Run[];
}

/**
 * The refusal classifier: a verdict, or null when the answer cannot be (or is not yet) analysed. `language` is
 * UNDETERMINED when unknown; `backTranslation` is the answer in English, when the runner made one.
 */
export type Classify = (text: string, language: string, backTranslation?: string) => RefusalVerdict | null;

/** The value-feature extractor: features, or null when the answer is not analysed. Arguments as for Classify. */
export type ExtractFeatures = (text: string, language: string, backTranslation?: string) => ValueFeatures | null;

/** What a batch is narrowed to; every given field must hold. `until` is inclusive. */
export interface BatchFilter {
  since?: number;
  until?: number;
  tag?: string;
  batchId?: string;
}

/** Language key of runs that sent the prompt as the user wrote it (no translation). */
export const ORIGINAL = 'original';

/** BCP-47 "undetermined": what the analysers are told when the prompt's own language is unknown. */
export const UNDETERMINED = 'und';

/** The run's language key: its target language, or ORIGINAL. */
export const languageOf = (run: Run): string => run.target.language ?? ORIGINAL;

/** The run's model as shown on charts (see endpointModelName). */
export function modelOf(run: Run): string {
  return endpointModelName(run.target.providerLabel, run.target.model);
}

/** Finished with text: the only answers the analysers see. */
const isAnswer = (run: Run) => run.state === 'done' && run.text.trim() !== '';

/** Comparisons that match the filter, newest first. */
export function filterBatch(items: ComparisonWithRuns[], filter: BatchFilter): ComparisonWithRuns[] {
  return items
    .filter(({ comparison: c }) => {
      if (filter.since !== undefined && c.createdAt < filter.since) return false;
      if (filter.until !== undefined && c.createdAt > filter.until) return false;
      if (filter.tag && !(c.tags ?? []).includes(filter.tag)) return false;
      if (filter.batchId && c.batchId !== filter.batchId) return false;
      return true;
    })
    .sort((a, b) => b.comparison.createdAt - a.comparison.createdAt);
}

/** The tags and batch ids present, sorted, for the filter pickers. */
export function batchFacets(items: ComparisonWithRuns[]): { tags: string[]; batchIds: string[] } {
  const tags = new Set<string>();
  const batchIds = new Set<string>();
  for (const { comparison: c } of items) {
    for (const tag of c.tags ?? []) tags.add(tag);
    if (c.batchId) batchIds.add(c.batchId);
  }
  return { tags: [...tags].sort(), batchIds: [...batchIds].sort() };
}

/**
 * Distinct keys of the runs in column order: ORIGINAL first, then by the leftmost column a key appears in,
 * then by name — the same order however the comparisons were sorted.
 */
function ordered(runs: Run[], key: (run: Run) => string): string[] {
  const leftmost = new Map<string, number>();
  for (const run of runs) {
    const k = key(run);
    leftmost.set(k, Math.min(leftmost.get(k) ?? Infinity, run.position));
  }
  const rank = (k: string) => (k === ORIGINAL ? -Infinity : leftmost.get(k)!);
  return [...leftmost.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * What the analysers are told about an answer: its language — as detected, else the target's, else the prompt's,
 * else UNDETERMINED — and its English back-translation when there is one.
 */
export function analysisInput(run: Run): [text: string, language: string, backTranslation?: string] {
  const language = run.answerLanguage?.code ?? run.target.language ?? run.sourceLanguage ?? UNDETERMINED;
  const back = run.backTranslation;
  const english = back && !back.error && back.text.trim() && back.language.split('-')[0] === 'en' ? back.text : undefined;
  return english ? [run.text, language, english] : [run.text, language];
}

/** Refusals of one model in one language. */
interface RefusalCell {
  language: string;
  model: string;
  /** Runs of this model and language, whatever their state. */
  runs: number;
  /** Answers the classifier gave a verdict on. */
  classified: number;
  full: number;
  partial: number;
  /** Answers that disputed the question's premise: shown apart, not counted as refusals. */
  disputed: number;
  /** Answers with text that the classifier did not (or could not) label. */
  pending: number;
  /** Runs without an answer to classify: failed, interrupted, unfinished or empty. */
  unanswered: number;
  /** (full + partial) / classified, or null when nothing was classified. */
  rate: number | null;
}

/** Refusal rate by language × model, for a grouped bar chart and its table. */
export interface RefusalSummary {
  languages: string[];
  models: string[];
  /** One cell per language × model pair that has runs, languages outer, models inner. */
  cells: RefusalCell[];
  classified: number;
  pending: number;
}

/** Classifies every answer and counts refusals per language and model. */
export function refusalByLanguageModel(items: ComparisonWithRuns[], classify: Classify): RefusalSummary {
  const runs = items.flatMap((i) => i.runs);
  const languages = ordered(runs, languageOf);
  const models = ordered(runs, modelOf);
  const cells = new Map<string, RefusalCell>();
  for (const run of runs) {
    const language = languageOf(run);
    const model = modelOf(run);
    const key = `${language}\u0000${model}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { language, model, runs: 0, classified: 0, full: 0, partial: 0, disputed: 0, pending: 0, unanswered: 0, rate: null }));
    cell.runs++;
    if (!isAnswer(run)) {
      cell.unanswered++;
      continue;
    }
    const verdict = classify(...analysisInput(run));
    if (!verdict) {
      cell.pending++;
      continue;
    }
    cell.classified++;
    const reading = readingOf(verdict);
    if (reading === 'refused') cell.full++;
    else if (reading === 'partial') cell.partial++;
    else if (reading === 'disputes_premise') cell.disputed++;
  }
  for (const cell of cells.values()) cell.rate = cell.classified ? (cell.full + cell.partial) / cell.classified : null;
  const sorted = languages.flatMap((l) => models.map((m) => cells.get(`${l}\u0000${m}`)).filter((c): c is RefusalCell => c !== undefined));
  return {
    languages,
    models,
    cells: sorted,
    classified: sorted.reduce((n, c) => n + c.classified, 0),
    pending: sorted.reduce((n, c) => n + c.pending, 0),
  };
}

/** The value features charted per language, each as the share of analysed answers that show it. */
export const FEATURE_KEYS = ['balanced', 'hedging', 'moralizing', 'disclaimers', 'authority'] as const;
export type FeatureKey = (typeof FEATURE_KEYS)[number];

/** Words for the features, as a class would read them, in the UI language. */
export const FEATURE_LABEL: Record<FeatureKey, () => string> = {
  balanced: () => t('featureBalanced'),
  hedging: () => t('featureHedging'),
  moralizing: () => t('featureMoralizing'),
  disclaimers: () => t('featureDisclaimers'),
  authority: () => t('featureAuthority'),
};

/** Whether one answer's features show each charted feature. */
function featureFlags(f: ValueFeatures): Record<FeatureKey, boolean> {
  return {
    balanced: f.balance.value === 'balanced',
    hedging: f.hedging.score > 0,
    moralizing: f.moralizing.score > 0,
    disclaimers: f.disclaimers.count > 0,
    authority: f.authority.count > 0,
  };
}

/** Value features of one language's answers. */
export interface FeatureRow {
  language: string;
  /** Answers with text. */
  answers: number;
  analysed: number;
  pending: number;
  /** How many analysed answers show each feature. */
  counts: Record<FeatureKey, number>;
  /** counts / analysed, or null when nothing was analysed. */
  shares: Record<FeatureKey, number | null>;
}

/** Extracts features from every answer and tallies them per language. */
export function featuresByLanguage(items: ComparisonWithRuns[], extract: ExtractFeatures): FeatureRow[] {
  const rows = new Map<string, FeatureRow>();
  const zero = () => Object.fromEntries(FEATURE_KEYS.map((k) => [k, 0])) as Record<FeatureKey, number>;
  const answers = items.flatMap((i) => i.runs).filter(isAnswer);
  for (const run of answers) {
    const language = languageOf(run);
    let row = rows.get(language);
    if (!row) rows.set(language, (row = { language, answers: 0, analysed: 0, pending: 0, counts: zero(), shares: {} as FeatureRow['shares'] }));
    row.answers++;
    const features = extract(...analysisInput(run));
    if (!features) {
      row.pending++;
      continue;
    }
    row.analysed++;
    const flags = featureFlags(features);
    for (const key of FEATURE_KEYS) if (flags[key]) row.counts[key]++;
  }
  for (const row of rows.values()) {
    for (const key of FEATURE_KEYS) row.shares[key] = row.analysed ? row.counts[key] / row.analysed : null;
  }
  return ordered(answers, languageOf).map((l) => rows.get(l)!);
}

/** Totals for the batch's headline. */
export interface BatchTotals {
  comparisons: number;
  runs: number;
  answers: number;
  languages: number;
  models: number;
}

/** Counts comparisons, runs, answers, languages and models. */
export function batchTotals(items: ComparisonWithRuns[]): BatchTotals {
  const runs = items.flatMap((i) => i.runs);
  return {
    comparisons: items.length,
    runs: runs.length,
    answers: runs.filter(isAnswer).length,
    languages: new Set(runs.map(languageOf)).size,
    models: new Set(runs.map(modelOf)).size,
  };
}
