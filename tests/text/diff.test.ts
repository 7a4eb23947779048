import { describe, expect, test } from 'vitest';
import { sameShare, wordDiff } from '@/utils/core/text/diff';

const join = (parts: { kind: string; text: string }[], kinds: string[]) => parts.filter((p) => kinds.includes(p.kind)).map((p) => p.text).join('');

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
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    expect(words(join(parts, ['same', 'added']))).toEqual(words(other));
    expect(words(join(parts, ['same', 'removed']))).toEqual(words(base));
  });

  test('identical texts are all the same; share 1', () => {
    const parts = wordDiff('مرحبا بالعالم 🌍', 'مرحبا بالعالم 🌍');
    expect(parts).toEqual([{ kind: 'same', text: 'مرحبا بالعالم 🌍' }]);
    expect(sameShare(parts)).toBe(1);
  });

  test('unrelated texts share nothing', () => {
    expect(sameShare(wordDiff('alpha beta gamma', 'delta epsilon'))).toBe(0);
  });

  test('very long answers are diffed by line', () => {
    const long = Array.from({ length: 5000 }, (_, i) => `word${i}${i % 10 === 0 ? '\n' : ' '}`).join('');
    const parts = wordDiff(long, long.replace('word4000', 'changed'));
    const added = parts.filter((p) => p.kind === 'added');
    expect(added).toHaveLength(1);
    expect(added[0]!.text).toContain('changed');
    expect(added[0]!.text).toContain('word3991'); // the whole line, not the word
  });
});
