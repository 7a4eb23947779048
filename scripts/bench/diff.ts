import { MAX_CELLS, cachedReadableDiff, readableDiff } from '../../utils/core/text/diff';

/** Deterministic answer-like text: `n` words from a vocabulary, a sentence break every 12 words. */
function text(n: number, seed: number, vocab: number): string {
  let x = seed;
  return Array.from({ length: n }, (_, i) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return `w${x % vocab}${i % 12 === 11 ? '.\n' : ''}`;
  }).join(' ');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(f: () => unknown, reps = 7): number {
  f();
  return median(
    Array.from({ length: reps }, () => {
      const t = performance.now();
      f();
      return performance.now() - t;
    }),
  );
}

/**
 * The word diff of a column against the baseline: two answers of 1,000 and 1,900 words with every 9th word
 * changed (worst case for the shared start and end), two unrelated ones, and a cached re-render.
 */
export function benchDiff(): Record<string, number> {
  const results: Record<string, number> = {};
  for (const n of [1000, 1900]) {
    const a = text(n, 7, 3000);
    const b = a
      .split(' ')
      .map((w, i) => (i % 9 === 0 ? `x${i}` : w))
      .join(' ');
    results[`word_diff_${n}_words_ms`] = Math.round(time(() => readableDiff(a, b)) * 10) / 10;
  }
  const u = [text(1900, 1, 50_000), text(1900, 2, 50_000)] as const;
  results.word_diff_unrelated_ms = Math.round(time(() => readableDiff(u[0], u[1])) * 10) / 10;
  const a = text(1900, 3, 3000);
  const b = `${a} One more sentence.`;
  cachedReadableDiff(a, b);
  results.word_diff_rerender_ms = Math.round(time(() => cachedReadableDiff(a, b), 50) * 100) / 100;
  results.word_diff_max_table_mb = (MAX_CELLS * 2) / 2 ** 20;
  return results;
}
