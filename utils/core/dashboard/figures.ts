/**
 * Figures: what a chart draws and the table that carries the same numbers (the table is the chart's text
 * alternative and its CSV). Pure data, no drawing library: the page turns a ChartSpec into a Chart.js chart.
 */
import { FEATURE_KEYS, FEATURE_LABEL, ORIGINAL, type FeatureRow, type RefusalSummary } from './aggregate';
import { surveyTable, type SurveyResult } from './survey';

/** One dataset: a value per category (null = nothing to draw), with an optional interval per value. */
export interface Series {
  label: string;
  values: (number | null)[];
  low?: (number | null)[];
  high?: (number | null)[];
}

/** A chart, independent of the library that draws it. */
export interface ChartSpec {
  kind: 'bar' | 'radar';
  categories: string[];
  series: Series[];
  /** 'percent' fixes the value axis to 0–100 %. */
  unit: 'percent' | 'score';
  axisLabel: string;
}

/** A table cell: text, a number, or null for "no value". */
export type Cell = string | number | null;

/** Column names and rows. */
export interface DataTable {
  columns: string[];
  rows: Cell[][];
}

/** A chart with its table. `chart` is null when there is nothing to draw yet; `note` says why. */
export interface Figure {
  /** Stable id, also the downloaded files' base name. */
  id: string;
  title: string;
  chart: ChartSpec | null;
  table: DataTable;
  note?: string;
  /** The same table is already on screen with another figure (it is still this figure's CSV). */
  tableShown?: 'elsewhere';
}

/** "Deutsch (de)"; the prompt as written is "Original prompt". Native names come from Intl, no table needed. */
export function languageName(code: string): string {
  if (code === ORIGINAL) return 'Original prompt';
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** 0.4567 → 45.7 (percent, one decimal); null stays null. */
export const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

/** Refusal rate by language (categories) and model (series), with counts in the table. */
export function refusalFigure(summary: RefusalSummary): Figure {
  const cell = (l: string, m: string) => summary.cells.find((c) => c.language === l && c.model === m);
  const table: DataTable = {
    columns: ['Language', 'Model', 'Runs', 'Refused', 'Partly refused', 'Refusal rate (%)', 'Disputed the premise (not refusals)', 'Not analysed', 'No answer'],
    rows: summary.cells.map((c) => [languageName(c.language), c.model, c.runs, c.full, c.partial, percent(c.rate), c.disputed, c.pending, c.unanswered]),
  };
  const chart: ChartSpec | null = summary.classified
    ? {
        kind: 'bar',
        categories: summary.languages.map(languageName),
        series: summary.models.map((m) => ({ label: m, values: summary.languages.map((l) => percent(cell(l, m)?.rate ?? null)) })),
        unit: 'percent',
        axisLabel: 'Answers refused, fully or partly (%)',
      }
    : null;
  const note = !summary.cells.length
    ? 'No runs in this selection.'
    : !summary.classified
      ? 'Analysis pending: no answer has a refusal verdict yet.'
      : summary.pending
        ? `${summary.pending} answer(s) not analysed are left out of the rates.`
        : undefined;
  return { id: 'refusal-by-language-and-model', title: 'Refusal rate by language and model', chart, table, note };
}

/** Value features by language: the share of analysed answers showing each feature. */
export function featureFigure(rows: FeatureRow[]): Figure {
  const analysed = rows.reduce((n, r) => n + r.analysed, 0);
  const pending = rows.reduce((n, r) => n + r.pending, 0);
  const table: DataTable = {
    columns: ['Language', 'Answers', 'Analysed', ...FEATURE_KEYS.map((k) => `${FEATURE_LABEL[k]} (%)`)],
    rows: rows.map((r) => [languageName(r.language), r.answers, r.analysed, ...FEATURE_KEYS.map((k) => percent(r.shares[k]))]),
  };
  const chart: ChartSpec | null = analysed
    ? {
        kind: 'bar',
        categories: rows.map((r) => languageName(r.language)),
        series: FEATURE_KEYS.map((k) => ({ label: FEATURE_LABEL[k], values: rows.map((r) => percent(r.shares[k])) })),
        unit: 'percent',
        axisLabel: 'Answers showing the feature (%)',
      }
    : null;
  const note = !rows.length
    ? 'No answers in this selection.'
    : !analysed
      ? 'Analysis pending: no answer has value features yet.'
      : pending
        ? `${pending} answer(s) not analysed are left out of the shares.`
        : undefined;
  return { id: 'value-features-by-language', title: 'Value features by language', chart, table, note };
}

/** Survey results: a radar of means and a bar chart with 95 % intervals as error bars, sharing one table. */
export function surveyFigures(results: SurveyResult[]): Figure[] {
  const { indices, rows } = surveyTable(results);
  const table: DataTable = {
    columns: ['Model and language', 'Index', 'Mean', '95 % low', '95 % high', 'n', 'Refusals'],
    rows: rows.map((r) => [r.label, r.index, r.mean, r.low, r.high, r.n, r.refusals ?? null]),
  };
  const pick = (r: SurveyResult, key: 'mean' | 'low' | 'high') => indices.map((i) => r.indices[i]?.[key] ?? null);
  const radar: ChartSpec = { kind: 'radar', categories: indices, series: results.map((r) => ({ label: r.label, values: pick(r, 'mean') })), unit: 'score', axisLabel: 'Index score' };
  const bars: ChartSpec = {
    kind: 'bar',
    categories: indices,
    series: results.map((r) => ({ label: r.label, values: pick(r, 'mean'), low: pick(r, 'low'), high: pick(r, 'high') })),
    unit: 'score',
    axisLabel: 'Index score (mean, 95 % interval)',
  };
  const note = 'Means over repetitions; the table gives each 95 % interval and n.';
  return [
    { id: 'survey-radar', title: 'Survey indices by model and language (radar)', chart: radar, table, note },
    { id: 'survey-intervals', title: 'Survey indices with 95 % intervals', chart: bars, table, note, tableShown: 'elsewhere' },
  ];
}
