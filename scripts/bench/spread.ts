/** One figure measured several times: the median is the result, min and max show the spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** True when the spread is wide for this machine ((max − min) / median above {@link UNRELIABLE_SPREAD}): re-run on a quiet machine before reading it. */
  unreliable: boolean;
}

/** A figure whose runs differ by more than this share of their median is marked unreliable. */
export const UNRELIABLE_SPREAD = 0.25;

/** The spread of one figure's runs; null when no run produced a number. */
export function spreadOf(values: readonly (number | null | undefined)[]): Spread | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  const min = xs[0]!;
  const max = xs[xs.length - 1]!;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    median: round(median),
    min: round(min),
    max: round(max),
    runs: xs.length,
    unreliable: xs.length > 1 && median !== 0 && (max - min) / Math.abs(median) > UNRELIABLE_SPREAD,
  };
}

/** Every numeric figure of several whole runs, as its spread (figures that are not numbers keep the last run's value). */
export function spreads(runs: readonly Record<string, number | string | null>[]): Record<string, Spread | string | null> {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(
    names.map((name) => {
      const values = runs.map((r) => r[name]);
      const numeric = values.some((v) => typeof v === 'number');
      const last = values.at(-1);
      return [name, numeric ? spreadOf(values.map((v) => (typeof v === 'number' ? v : null))) : typeof last === 'string' ? last : null];
    }),
  );
}
