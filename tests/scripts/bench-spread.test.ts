import { describe, expect, test } from 'vitest';
import { spreadOf, spreads } from '@/scripts/bench/spread';

describe('the bench reports each figure with its spread', () => {
  test('the median of the runs, with the lowest and highest', () => {
    expect(spreadOf([20.6, 67, 34.2])).toEqual({ median: 34.2, min: 20.6, max: 67, runs: 3, unreliable: true });
    expect(spreadOf([1.04, 1.05, 1.06])).toMatchObject({ median: 1.05, unreliable: false });
    expect(spreadOf([10, 12])).toMatchObject({ median: 11, runs: 2 });
  });

  test('a run that produced no number (NaN, null) is left out; with none the figure is n/a', () => {
    expect(spreadOf([Number.NaN, 12, null])).toMatchObject({ median: 12, runs: 1, unreliable: false });
    expect(spreadOf([Number.NaN, null])).toBeNull();
  });

  test('whole runs become one spread per numeric figure; text figures keep the last value', () => {
    const out = spreads([
      { fanout_ratio: 1.04, note: 'a' },
      { fanout_ratio: 1.71, note: 'b' },
      { fanout_ratio: 1.09, note: 'c' },
    ]);
    expect(out.fanout_ratio).toMatchObject({ median: 1.09, min: 1.04, max: 1.71, unreliable: true });
    expect(out.note).toBe('c');
  });
});
