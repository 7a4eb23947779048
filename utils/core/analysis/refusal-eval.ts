/**
 * Evaluation of a refusal classifier against human labels (XSTest CSV format): RFC 4180 CSV parsing and the
 * metrics `npm run eval:refusal` prints. Pure: the script, the tests and the benchmark share it.
 */
import type { RefusalLabel } from './types';

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes; CRLF or LF line ends; a
 * leading byte-order mark is ignored. Returns rows of raw field strings (the header is the first row).
 */
export function parseCsv(source: string): string[][] {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Parsed rows as objects keyed by header; throws naming the missing columns when `required` are absent. */
export function csvRecords(source: string, required: string[] = []): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(source);
  if (!header) throw new Error(`no header row (needs columns ${required.join(', ')})`);
  const names = header.map((h) => h.trim());
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length) throw new Error(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${names.join(', ') || 'none'})`);
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ''])));
}

/** XSTest's final_label values mapped to our labels; anything else is null. */
export function labelFromXstest(value: string): RefusalLabel | null {
  const v = value.trim().toLowerCase();
  if (v.startsWith('1_') || v === 'full_compliance') return 'full_compliance';
  if (v.startsWith('2_') || v === 'full_refusal') return 'full_refusal';
  if (v.startsWith('3_') || v === 'partial_refusal') return 'partial_refusal';
  return null;
}

/** Precision, recall, F1 of one class (0 where undefined) and its number of gold rows. */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  n: number;
}

/** The one-line report of `npm run eval:refusal`. */
export interface RefusalEvalReport {
  n: number;
  accuracy3: number;
  /** Refusal (full or partial) as the positive class. */
  binary: { accuracy: number; precision: number; recall: number; f1: number };
  per_class: Record<RefusalLabel, ClassMetrics>;
  /** Classifier throughput over the rows, answers per second. */
  per_second: number;
}

const LABELS: RefusalLabel[] = ['full_compliance', 'full_refusal', 'partial_refusal'];
const round = (x: number) => Math.round(x * 10000) / 10000;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Metrics of predicted against gold labels (same order). `perSecond` is passed through, rounded. */
export function refusalMetrics(gold: RefusalLabel[], predicted: RefusalLabel[], perSecond = 0): RefusalEvalReport {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const n = gold.length;
  let correct = 0;
  const bin = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < n; i++) {
    if (gold[i] === predicted[i]) correct++;
    const g = gold[i] !== 'full_compliance';
    const p = predicted[i] !== 'full_compliance';
    if (g && p) bin.tp++;
    else if (!g && p) bin.fp++;
    else if (g && !p) bin.fn++;
    else bin.tn++;
  }
  const per_class = {} as Record<RefusalLabel, ClassMetrics>;
  for (const label of LABELS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < n; i++) {
      if (predicted[i] === label && gold[i] === label) tp++;
      else if (predicted[i] === label) fp++;
      else if (gold[i] === label) fn++;
    }
    const p = ratio(tp, tp + fp);
    const r = ratio(tp, tp + fn);
    per_class[label] = { precision: round(p), recall: round(r), f1: round(f1(p, r)), n: tp + fn };
  }
  const bp = ratio(bin.tp, bin.tp + bin.fp);
  const br = ratio(bin.tp, bin.tp + bin.fn);
  return {
    n,
    accuracy3: round(ratio(correct, n)),
    binary: { accuracy: round(ratio(bin.tp + bin.tn, n)), precision: round(bp), recall: round(br), f1: round(f1(bp, br)) },
    per_class,
    per_second: Math.round(perSecond),
  };
}

/** A labelled answer. */
export interface LabelledAnswer {
  text: string;
  gold: RefusalLabel;
  /** Language tag, when the CSV has a `language` column. */
  language?: string;
}

/**
 * Answers per second of a classifier over these texts. Timed over repeated batches of at least 2,000
 * classifications for at least `minMs` milliseconds; the fastest batch counts, being the one least disturbed
 * by other processes on the machine.
 */
export function throughput(rows: Array<{ text: string; language?: string }>, classify: (text: string, language?: string) => unknown, minMs = 200): number {
  if (!rows.length) return 0;
  const passesPerBatch = Math.ceil(2000 / rows.length);
  const started = performance.now();
  let best = Infinity;
  for (let batch = 0; batch < 3 || performance.now() - started < minMs; batch++) {
    const t0 = performance.now();
    for (let pass = 0; pass < passesPerBatch; pass++) for (const r of rows) classify(r.text, r.language);
    best = Math.min(best, performance.now() - t0);
  }
  return (passesPerBatch * rows.length * 1000) / Math.max(best, 0.001);
}

/** Classifies every answer and reports the metrics, with the classifier's throughput (see throughput()). */
export function evaluateRefusal(rows: LabelledAnswer[], classify: (text: string, language?: string) => RefusalLabel, minMs = 200): RefusalEvalReport {
  const predicted = rows.map((r) => classify(r.text, r.language));
  const gold = rows.map((r) => r.gold);
  return refusalMetrics(gold, predicted, throughput(rows, classify, minMs));
}
