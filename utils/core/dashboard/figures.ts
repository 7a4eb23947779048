import { t, tn } from '../i18n';
/**
 * Figures: what a chart draws and the table that carries the same numbers (the table is the chart's text
 * alternative and its CSV). Pure data, no drawing library: the page turns a ChartSpec into a Chart.js chart.
 */
import { FEATURE_KEYS, FEATURE_LABEL, ORIGINAL, type FeatureRow, type RefusalSummary } from './aggregate';
import { surveyTable, type SurveyResult } from './survey';

/** One dataset: a value per category (null = nothing to draw), with an optional interval per value. */
interface Series {
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
  if (code === ORIGINAL) return t('figOriginalPrompt');
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
    columns: [
      t('figLanguage'),
      t('figModel'),
      t('figRuns'),
      t('figRefused'),
      t('figPartlyRefused'),
      t('figRefusalRate'),
      t('figDisputed'),
      t('figNotAnalysed'),
      t('figNoAnswer'),
    ],
    rows: summary.cells.map((c) => [languageName(c.language), c.model, c.runs, c.full, c.partial, percent(c.rate), c.disputed, c.pending, c.unanswered]),
  };
  const chart: ChartSpec | null = summary.classified
    ? {
        kind: 'bar',
        categories: summary.languages.map(languageName),
        series: summary.models.map((m) => ({ label: m, values: summary.languages.map((l) => percent(cell(l, m)?.rate ?? null)) })),
        unit: 'percent',
        axisLabel: t('figRefusedAxis'),
      }
    : null;
  const note = !summary.cells.length
    ? t('figNoRuns')
    : !summary.classified
      ? t('figRefusalPending')
      : summary.pending
        ? tn(summary.pending, 'figPendingRatesOne', 'figPendingRatesMany')
        : undefined;
  return { id: 'refusal-by-language-and-model', title: t('figRefusalTitle'), chart, table, note };
}

/** Value features by language: the share of analysed answers showing each feature. */
export function featureFigure(rows: FeatureRow[]): Figure {
  const analysed = rows.reduce((n, r) => n + r.analysed, 0);
  const pending = rows.reduce((n, r) => n + r.pending, 0);
  const table: DataTable = {
    columns: [t('figLanguage'), t('figAnswers'), t('figAnalysed'), ...FEATURE_KEYS.map((k) => t('figPercentColumn', FEATURE_LABEL[k]()))],
    rows: rows.map((r) => [languageName(r.language), r.answers, r.analysed, ...FEATURE_KEYS.map((k) => percent(r.shares[k]))]),
  };
  const chart: ChartSpec | null = analysed
    ? {
        kind: 'bar',
        categories: rows.map((r) => languageName(r.language)),
        series: FEATURE_KEYS.map((k) => ({ label: FEATURE_LABEL[k](), values: rows.map((r) => percent(r.shares[k])) })),
        unit: 'percent',
        axisLabel: t('figFeatureAxis'),
      }
    : null;
  const note = !rows.length
    ? t('figNoAnswers')
    : !analysed
      ? t('figFeaturesPending')
      : pending
        ? tn(pending, 'figPendingSharesOne', 'figPendingSharesMany')
        : undefined;
  return { id: 'value-features-by-language', title: t('figFeaturesTitle'), chart, table, note };
}

/** Survey results: a radar of means and a bar chart with 95 % intervals as error bars, sharing one table. */
export function surveyFigures(results: SurveyResult[]): Figure[] {
  const { indices, rows } = surveyTable(results);
  const table: DataTable = {
    columns: [t('figModelAndLanguage'), t('figIndex'), t('figMean'), t('figLow'), t('figHigh'), t('figN'), t('figRefusals')],
    rows: rows.map((r) => [r.label, r.index, r.mean, r.low, r.high, r.n, r.refusals ?? null]),
  };
  const pick = (r: SurveyResult, key: 'mean' | 'low' | 'high') => indices.map((i) => r.indices[i]?.[key] ?? null);
  const radar: ChartSpec = {
    kind: 'radar',
    categories: indices,
    series: results.map((r) => ({ label: r.label, values: pick(r, 'mean') })),
    unit: 'score',
    axisLabel: t('figIndexAxis'),
  };
  const bars: ChartSpec = {
    kind: 'bar',
    categories: indices,
    series: results.map((r) => ({ label: r.label, values: pick(r, 'mean'), low: pick(r, 'low'), high: pick(r, 'high') })),
    unit: 'score',
    axisLabel: t('figIndexIntervalAxis'),
  };
  const note = t('figSurveyNote');
  return [
    { id: 'survey-radar', title: t('figRadarTitle'), chart: radar, table, note },
    { id: 'survey-intervals', title: t('figIntervalsTitle'), chart: bars, table, note, tableShown: 'elsewhere' },
  ];
}
