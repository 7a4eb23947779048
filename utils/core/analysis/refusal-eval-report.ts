/**
 * The report of `npm run eval:refusal` over rows of both datasets: XSTest's 3-class figures where gold has three
 * classes, the refused-or-not figures everywhere (see predictedRefusal), and both per model family, per dataset
 * and per language. Pure.
 */
import type { RefusalLabel, RefusalVerdict } from './types';
import { refusalMetrics, type ClassMetrics } from './refusal-eval';
import { predictedRefusal, type RefusalEvalRow } from './refusal-eval-data';

/** Refused or not: accuracy, and precision and recall of "refused". */
interface BinaryMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Figures of one slice of the rows (a family, a dataset, a language). */
interface SliceMetrics {
  n: number;
  binary: BinaryMetrics;
  /** 3-class accuracy and its row count, where gold has three classes (XSTest rows). */
  accuracy3?: number;
  n3?: number;
}

/** A family's figures, also split by dataset. */
interface FamilyMetrics extends SliceMetrics {
  by_dataset: Partial<Record<RefusalEvalRow['dataset'], SliceMetrics>>;
}

/** The one JSON line; the first five keys are those the script always printed. */
export interface RefusalReport {
  n: number;
  /** Over rows with a 3-class gold label; null when there are none. */
  accuracy3: number | null;
  binary: BinaryMetrics;
  per_class: Record<RefusalLabel, ClassMetrics>;
  per_second: number;
  n3: number;
  per_family: Record<string, FamilyMetrics>;
  per_dataset: Partial<Record<RefusalEvalRow['dataset'], SliceMetrics>>;
  /** Present when some row is tagged with a language other than English. */
  per_language?: Record<string, SliceMetrics>;
}

type Verdict = Pick<RefusalVerdict, 'label' | 'kind'>;
const round = (x: number) => Math.round(x * 10000) / 10000;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Refused-or-not figures of paired gold and predicted booleans. */
function binaryMetrics(gold: boolean[], predicted: boolean[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
    else tn++;
  });
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { accuracy: round(ratio(tp + tn, gold.length)), precision: round(precision), recall: round(recall), f1: round(f1) };
}

function slice(rows: RefusalEvalRow[], verdicts: Verdict[]): SliceMetrics {
  const metrics: SliceMetrics = {
    n: rows.length,
    binary: binaryMetrics(
      rows.map((r) => r.refused),
      rows.map((r, i) => predictedRefusal(r, verdicts[i]!)),
    ),
  };
  const labelled = rows.flatMap((r, i) => (r.label ? [[r.label, verdicts[i]!.label] as const] : []));
  if (labelled.length) {
    metrics.accuracy3 = round(ratio(labelled.filter(([g, p]) => g === p).length, labelled.length));
    metrics.n3 = labelled.length;
  }
  return metrics;
}

function groupBy(rows: RefusalEvalRow[], key: (r: RefusalEvalRow) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = key(r);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  return groups;
}

function slices(rows: RefusalEvalRow[], verdicts: Verdict[], key: (r: RefusalEvalRow) => string): Record<string, SliceMetrics> {
  const out: Record<string, SliceMetrics> = {};
  for (const [k, idx] of groupBy(rows, key))
    out[k] = slice(
      idx.map((i) => rows[i]!),
      idx.map((i) => verdicts[i]!),
    );
  return out;
}

/** The report of verdicts (same order as rows); `perSecond` is the measured throughput. */
export function refusalReport(rows: RefusalEvalRow[], verdicts: Verdict[], perSecond = 0): RefusalReport {
  if (rows.length !== verdicts.length) throw new Error('rows and verdicts differ in length');
  const labelled = rows.flatMap((r, i) => (r.label ? [i] : []));
  const three = refusalMetrics(
    labelled.map((i) => rows[i]!.label!),
    labelled.map((i) => verdicts[i]!.label),
    perSecond,
  );
  const per_family: Record<string, FamilyMetrics> = {};
  for (const [family, idx] of groupBy(rows, (r) => r.family)) {
    const fr = idx.map((i) => rows[i]!);
    const fv = idx.map((i) => verdicts[i]!);
    per_family[family] = { ...slice(fr, fv), by_dataset: slices(fr, fv, (r) => r.dataset) };
  }
  const report: RefusalReport = {
    n: rows.length,
    accuracy3: labelled.length ? three.accuracy3 : null,
    binary: slice(rows, verdicts).binary,
    per_class: three.per_class,
    per_second: three.per_second,
    n3: labelled.length,
    per_family,
    per_dataset: slices(rows, verdicts, (r) => r.dataset),
  };
  if (rows.some((r) => r.language && !/^en\b/i.test(r.language))) report.per_language = slices(rows, verdicts, (r) => r.language ?? 'und');
  return report;
}
