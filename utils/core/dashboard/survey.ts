/**
 * Survey results as the dashboard charts them: per label (a model × language), per index, the mean over
 * repetitions with its 95 % interval and n. utils/surveys' `scoreRepetitions` output fits as `indices` (its
 * extra fields are ignored); a file in this shape can also be loaded by hand. Pure: no browser API.
 */

/**
 * One index's result: mean over repetitions (null when nothing was measured), its 95 % interval (null below two
 * values), how many repetitions counted, and optionally how many answers were refusals.
 */
interface IndexResult {
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
  refusals?: number;
}

/** One model × language's survey result. */
export interface SurveyResult {
  label: string;
  indices: Record<string, IndexResult>;
}

/** One row of the survey table: a label's result on one index. */
export interface SurveyRow extends IndexResult {
  label: string;
  index: string;
}

/** Indices in first-seen order, and one row per label × index that has a result. */
export function surveyTable(results: SurveyResult[]): { indices: string[]; labels: string[]; rows: SurveyRow[] } {
  const indices = [...new Set(results.flatMap((r) => Object.keys(r.indices)))];
  const rows = results.flatMap((r) => indices.filter((i) => r.indices[i]).map((index) => ({ label: r.label, index, ...r.indices[index]! })));
  return { indices, labels: results.map((r) => r.label), rows };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => isNumber(v) && v >= 0 && Number.isInteger(v);

/**
 * Checks parsed JSON against the shape: an array of results (or `{ results: [...] }`); per index a finite mean
 * or null, low and high both finite (low ≤ mean ≤ high) or both null, a whole n ≥ 0 and optional whole
 * refusals. Throws an error that says where the file is wrong.
 */
export function parseSurveyResults(json: unknown): SurveyResult[] {
  const list = Array.isArray(json) ? json : (json as { results?: unknown } | null)?.results;
  if (!Array.isArray(list)) throw new Error('Expected a list of results: [{ "label": …, "indices": { … } }]');
  if (list.length === 0) throw new Error('The file has no results');
  return list.map((item, i) => {
    const where = `Result ${i + 1}`;
    const { label, indices } = (item ?? {}) as { label?: unknown; indices?: unknown };
    if (typeof label !== 'string' || !label.trim()) throw new Error(`${where} has no label`);
    if (!indices || typeof indices !== 'object' || Array.isArray(indices)) throw new Error(`${where} (${label}) has no indices`);
    const checked: Record<string, IndexResult> = {};
    for (const [name, value] of Object.entries(indices)) {
      const at = `${where} (${label}), ${name}`;
      const { mean, low, high, n, refusals } = (value ?? {}) as Record<string, unknown>;
      if (!(isNumber(mean) || mean === null)) throw new Error(`${at}: mean must be a number (or null when nothing was measured)`);
      const interval = isNumber(low) && isNumber(high);
      if (!interval && !(low === null && high === null)) throw new Error(`${at}: low and high must both be numbers, or both null`);
      if (interval && (mean === null || low > mean || mean > high)) throw new Error(`${at}: the interval must hold the mean (low ≤ mean ≤ high)`);
      if (!isCount(n)) throw new Error(`${at}: n must be a whole number ≥ 0`);
      if (refusals !== undefined && !isCount(refusals)) throw new Error(`${at}: refusals must be a whole number ≥ 0`);
      checked[name] = { mean, low: interval ? low : null, high: interval ? high : null, n, ...(refusals !== undefined ? { refusals } : {}) };
    }
    if (!Object.keys(checked).length) throw new Error(`${where} (${label}) has no indices`);
    return { label, indices: checked };
  });
}
