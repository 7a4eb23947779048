import { describe, expect, test } from 'vitest';
import { MAX_CELLS, MIN_SHARED, cachedReadableDiff, readableDiff, sameShare, wordDiff } from '@/utils/core/text/diff';

const join = (parts: { kind: string; text: string }[], kinds: string[]) =>
  parts
    .filter((p) => kinds.includes(p.kind))
    .map((p) => p.text)
    .join('');
const words = (t: string) => t.split(/\s+/).filter(Boolean);

/** Deterministic filler text: `n` words from a vocabulary of `vocab` (seeded, so unrelated seeds share few words). */
function text(n: number, seed: number, vocab = 5000): string {
  let x = seed;
  return Array.from({ length: n }, (_, i) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return `w${x % vocab}${i % 12 === 11 ? '.\n' : ''}`;
  }).join(' ');
}

describe('wordDiff', () => {
  test('marks what the other answer adds and leaves out', () => {
    const parts = wordDiff('Nuclear power is safe and clean.', 'Nuclear power is mostly safe but not clean.');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['mostly', 'but not']);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['and']);
  });

  test('same and added parts hold the other words; same and removed hold the base words', () => {
    const base = 'One two  three\nfour';
    const other = 'One 2 three\nfour five';
    const parts = wordDiff(base, other);
    expect(words(join(parts, ['same', 'added']))).toEqual(words(other));
    expect(words(join(parts, ['same', 'removed']))).toEqual(words(base));
    // The other answer reads as it was written, spacing included.
    expect(join(parts, ['same', 'added'])).toBe(other);
  });

  test('identical texts are all the same; share 1', () => {
    const parts = wordDiff('مرحبا بالعالم 🌍', 'مرحبا بالعالم 🌍');
    expect(parts).toEqual([{ kind: 'same', text: 'مرحبا بالعالم 🌍' }]);
    expect(sameShare(parts)).toBe(1);
  });

  test('unrelated texts share nothing', () => {
    expect(sameShare(wordDiff('alpha beta gamma', 'delta epsilon'))).toBe(0);
  });

  test('long similar answers are still diffed word by word (the shared start and end are set aside)', () => {
    const long = text(5000, 1);
    const all = long.split(' ');
    const changed = all.map((w, i) => (i === 2500 ? w.replace(/^w\d+/, 'changed') : w)).join(' ');
    const parts = wordDiff(long, changed);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['changed']);
    expect(parts.filter((p) => p.kind === 'removed')).toHaveLength(1);
  });

  test('long answers that differ throughout are compared by line, within the memory bound', () => {
    const a = text(3000, 1);
    const b = a
      .split('\n')
      .map((line, i) => (i % 2 ? line : `${line} extra${i}`))
      .join('\n');
    // Word units: ~3000 × ~3100 cells, past the 4 M bound; by line: ~250 × 250.
    expect(3000 * 3000).toBeGreaterThan(MAX_CELLS);
    const parts = wordDiff(a, b);
    const added = parts.filter((p) => p.kind === 'added');
    expect(added.length).toBeGreaterThan(10);
    expect(added.every((p) => p.text.includes('\n') || p === parts.at(-1))).toBe(true); // whole lines
    expect(join(parts, ['same', 'added'])).toBe(b);
  });
});

describe('readableDiff: a diff only when there is one worth reading', () => {
  test('related answers: the diff, with the share of words in common', () => {
    const result = readableDiff('Coffee is healthy in moderation for most adults.', 'Coffee is mostly healthy in moderation.');
    expect(result.kind).toBe('diff');
    // Punctuation marks count as words: 6 in common of 9 + 7.
    expect(result.shared).toBeCloseTo((2 * 6) / (9 + 7), 5);
  });

  test(`unrelated answers (under ${MIN_SHARED * 100} % of words in common): too different, no diff computed`, () => {
    const a = 'Paris is the capital of France and has been for centuries.';
    const b = 'Photosynthesis turns light, water and carbon dioxide into sugar.';
    const result = readableDiff(a, b);
    expect(result.kind).toBe('too-different');
    expect(result.shared).toBeLessThan(MIN_SHARED);
  });

  test('two long unrelated answers are ruled out at once (bag of words), however long', () => {
    const result = readableDiff(text(1900, 1, 50_000), text(1900, 2, 50_000));
    expect(result).toMatchObject({ kind: 'too-different' });
  });

  test('same words in another order: the bag allows it, the diff finds little in order, and says too different', () => {
    const a = 'one two three four five six seven eight nine ten';
    const b = a.split(' ').reverse().join(' ');
    expect(readableDiff(a, b).kind).toBe('too-different');
  });

  test('cached: the same pair is diffed once, the same object returned', () => {
    const a = text(400, 3);
    const b = `${a} And one more sentence.`;
    const first = cachedReadableDiff(a, b);
    expect(cachedReadableDiff(a, b)).toBe(first);
    expect(cachedReadableDiff(b, a)).not.toBe(first);
  });
});
