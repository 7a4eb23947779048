/**
 * Summary statistics over repetitions: mean, a 95 % interval from the t distribution (small n is the normal
 * case: 5 repetitions), n and the number of refusals.
 */

/** Two-sided 95 % critical values of Student's t for 1–30 degrees of freedom. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
/** Beyond 30: [df, t] anchors, interpolated linearly in 1/df (exact to the third decimal). */
const T95_TAIL: [number, number][] = [
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
  [Infinity, 1.96],
];

/** The two-sided 95 % critical value of t with `df` degrees of freedom. */
export function tCritical95(df: number): number {
  if (!(df >= 1)) throw new Error(`degrees of freedom must be at least 1 (got ${df})`);
  const whole = Math.floor(df);
  if (whole <= 30) return T95[whole - 1]!;
  for (let i = 1; i < T95_TAIL.length; i++) {
    const [hiDf, hiT] = T95_TAIL[i]!;
    const [loDf, loT] = T95_TAIL[i - 1]!;
    if (whole <= hiDf) {
      const x = (1 / loDf - 1 / whole) / (1 / loDf - 1 / hiDf);
      return loT + (hiT - loT) * x;
    }
  }
  return 1.96;
}

/** Arithmetic mean; NaN for an empty list. */
export function mean(values: readonly number[]): number {
  if (!values.length) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let sq = 0;
  for (const v of values) sq += (v - m) ** 2;
  return Math.sqrt(sq / (values.length - 1));
}

/** What a chart and a table show for one measured quantity. */
export interface Summary {
  /** null when nothing was measured. */
  mean: number | null;
  /** 95 % interval of the mean; null below two values (no spread to estimate). */
  low: number | null;
  high: number | null;
  sd: number | null;
  /** Values that entered the mean. */
  n: number;
  /** Answers that were refusals (excluded from the mean, counted here). */
  refusals: number;
}

/**
 * Summarise repeated measurements. `values` may hold `null` for a refusal; refusals are excluded from the mean
 * and counted. Extra refusals counted elsewhere can be added with `extraRefusals`.
 */
export function summarize(values: readonly (number | null)[], extraRefusals = 0): Summary {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const refusals = values.filter((v) => v === null).length + extraRefusals;
  const n = numbers.length;
  if (!n) return { mean: null, low: null, high: null, sd: null, n: 0, refusals };
  const m = mean(numbers);
  if (n < 2) return { mean: m, low: null, high: null, sd: null, n, refusals };
  const sd = sampleSd(numbers);
  const half = tCritical95(n - 1) * (sd / Math.sqrt(n));
  return { mean: m, low: m - half, high: m + half, sd, n, refusals };
}
