/**
 * Survey results as the dashboard charts them: per label (a model × language), per index, the mean over
 * repetitions with its 95 % interval and n. The survey runner produces this shape; a file in it can also be
 * loaded by hand. Pure: no browser API.
 */

/** One index's result: mean over repetitions, its 95 % interval, and how many repetitions counted. */
export interface IndexResult {
  mean: number;
  low: number;
  high: number;
  n: number;
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

/**
 * Checks parsed JSON against the shape: an array of results (or `{ results: [...] }`), every index with finite
 * numbers, low ≤ mean ≤ high and a whole n ≥ 0. Throws an error that says where the file is wrong.
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
      const { mean, low, high, n } = (value ?? {}) as Record<string, unknown>;
      if (!isNumber(mean) || !isNumber(low) || !isNumber(high) || !isNumber(n)) throw new Error(`${where} (${label}), ${name}: mean, low, high and n must be numbers`);
      if (low > mean || mean > high) throw new Error(`${where} (${label}), ${name}: the interval must hold the mean (low ≤ mean ≤ high)`);
      if (n < 0 || !Number.isInteger(n)) throw new Error(`${where} (${label}), ${name}: n must be a whole number ≥ 0`);
      checked[name] = { mean, low, high, n };
    }
    if (!Object.keys(checked).length) throw new Error(`${where} (${label}) has no indices`);
    return { label, indices: checked };
  });
}
