/**
 * Evaluation of the stance and balance readers against human labels: reading labelled rows, the metrics
 * `npm run eval:values` prints, and the figures it writes for the "Why?" view. Pure: the script and the tests
 * share it.
 */
import type { ClassMetrics } from './refusal-eval';
import type { ReaderAccuracy } from './accuracy/types';
import type { Stance, ValueFeatures } from './types';

/** Stance labels a file may carry; 'mixed' is scored as its own class only when some row is labelled so. */
const STANCE_LABELS = ['supports', 'opposes', 'neutral', 'mixed'] as const;
const BALANCE_LABELS = ['balanced', 'one_sided'] as const;
type BalanceLabel = (typeof BALANCE_LABELS)[number];

/** One labelled answer; a missing label is not scored. */
export interface ValuesRow {
  prompt: string;
  completion: string;
  language: string;
  stance?: Stance;
  balance?: BalanceLabel;
  /** Any extra column (e.g. model), for grouping. */
  extra: Record<string, string>;
}

/** Accuracy, and precision/recall/F1/gold count per label. */
export interface ReaderReport {
  n: number;
  accuracy: number;
  per_class: Record<string, ClassMetrics>;
}

/** The one-line report of `npm run eval:values`. */
export interface ValuesReport {
  stance: ReaderReport;
  balance: ReaderReport;
}

const oneOf = <T extends string>(labels: readonly T[], value: string): T | null => ((labels as readonly string[]).includes(value) ? (value as T) : null);

/**
 * Rows of a CSV in the eval:values format (columns prompt, completion, language, stance, balance). Throws with
 * the row number on an unknown label.
 */
export function valuesRows(records: Array<Record<string, string>>): ValuesRow[] {
  return records.map((record, i) => {
    const stanceText = (record.stance ?? '').trim().toLowerCase();
    const balanceText = (record.balance ?? '').trim().toLowerCase().replace('-', '_');
    const stance = stanceText ? oneOf(STANCE_LABELS, stanceText) : undefined;
    const balance = balanceText ? oneOf(BALANCE_LABELS, balanceText) : undefined;
    if (stance === null) throw new Error(`row ${i + 2}: stance "${record.stance}" is not one of supports, opposes, neutral, mixed (or empty)`);
    if (balance === null) throw new Error(`row ${i + 2}: balance "${record.balance}" is not one of balanced, one_sided (or empty)`);
    return { prompt: record.prompt ?? '', completion: record.completion ?? '', language: (record.language ?? '').trim(), stance, balance, extra: record };
  });
}

/**
 * Rows of the Do-Not-Answer file (columns prompt, completion, action): action 2 ("offers dual perspectives")
 * is balanced, action 1 ("refutes the opinion or premise", taking a side against it) is one-sided; other actions
 * (refusals, disclaimers, "cannot know", plain compliance) are not scored for balance. No stance labels.
 */
export function doNotAnswerRows(records: Array<Record<string, string>>): ValuesRow[] {
  return records.map((record, i) => {
    const action = (record.action ?? '').trim();
    if (!/^[0-5]$/.test(action)) throw new Error(`row ${i + 2}: action "${record.action}" is not 0–5`);
    const balance = action === '2' ? 'balanced' : action === '1' ? 'one_sided' : undefined;
    return { prompt: record.prompt ?? '', completion: record.completion ?? '', language: (record.language ?? '').trim() || 'en', balance, extra: record };
  });
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Accuracy and per-label metrics of predicted against gold (same order); `labels` are the classes reported. */
export function readerMetrics(gold: string[], predicted: string[], labels: readonly string[]): ReaderReport {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length');
  const n = gold.length;
  const correct = gold.filter((g, i) => g === predicted[i]).length;
  const per_class: Record<string, ClassMetrics> = {};
  for (const label of labels) {
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
    per_class[label] = { precision: round(p), recall: round(r), f1: round(p + r === 0 ? 0 : (2 * p * r) / (p + r)), n: tp + fn };
  }
  return { n, accuracy: round(ratio(correct, n)), per_class };
}

/** The readings of one answer that are scored. */
export type ValuesReading = Pick<ValueFeatures, 'stance' | 'balance'>;

/**
 * Scores every labelled row. Stance: when no row is labelled 'mixed', a 'mixed' reading counts as 'neutral'
 * (both take no side; three-class files do not tell them apart). Balance: an 'unclear' reading is a miss.
 */
export function evaluateValues(rows: ValuesRow[], read: (row: ValuesRow) => ValuesReading): ValuesReport {
  const readings = rows.map(read);
  const fourClasses = rows.some((r) => r.stance === 'mixed');
  const stanceOf = (s: Stance) => (s === 'mixed' && !fourClasses ? 'neutral' : s);
  const stanceRows = rows.flatMap((r, i) => (r.stance ? [[r.stance, stanceOf(readings[i]!.stance.value)] as const] : []));
  const balanceRows = rows.flatMap((r, i) => (r.balance ? [[r.balance, readings[i]!.balance.value] as const] : []));
  const stanceLabels = fourClasses ? STANCE_LABELS : STANCE_LABELS.filter((l) => l !== 'mixed');
  return {
    stance: readerMetrics(
      stanceRows.map(([g]) => g),
      stanceRows.map(([, p]) => p),
      stanceLabels,
    ),
    balance: readerMetrics(
      balanceRows.map(([g]) => g),
      balanceRows.map(([, p]) => p),
      BALANCE_LABELS,
    ),
  };
}

/** What a figure says about where it came from. */
export interface AccuracyMeta {
  dataset: string;
  heldOut: boolean;
  command: string;
  measured: string;
}

/** The ReaderAccuracy figures of a report, for the readers that scored at least one row. */
export function accuracyFigures(
  report: ValuesReport,
  rows: ValuesRow[],
  meta: AccuracyMeta,
  readers: ReadonlyArray<'stance' | 'balance'> = ['stance', 'balance'],
): ReaderAccuracy[] {
  const task = { stance: 'supports / opposes / neutral (mixed read as neutral)', balance: "balanced / one_sided ('unclear' counts as wrong)" };
  return readers
    .filter((reader) => report[reader].n > 0)
    .map((reader) => {
      const scored = rows.filter((r) => r[reader] !== undefined);
      const models = new Set(scored.map((r) => r.extra.model).filter(Boolean));
      const languages = [...new Set(scored.map((r) => r.language.toLowerCase().split(/[-_]/)[0]!).filter(Boolean))].sort();
      return { reader, task: task[reader], accuracy: report[reader].accuracy, answers: report[reader].n, models: models.size, languages, ...meta };
    });
}

/** Figures with the new ones replacing those of the same reader and dataset; ordered by reader, then dataset. */
export function mergeFigures(existing: ReaderAccuracy[], added: ReaderAccuracy[]): ReaderAccuracy[] {
  const key = (f: ReaderAccuracy) => `${f.reader}\u0000${f.dataset}`;
  const replaced = new Set(added.map(key));
  return [...existing.filter((f) => !replaced.has(key(f))), ...added].sort((a, b) => a.reader.localeCompare(b.reader) || a.dataset.localeCompare(b.dataset));
}
