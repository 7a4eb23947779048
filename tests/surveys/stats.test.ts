import { describe, expect, test } from 'vitest';
import { mean, sampleSd, summarize, tCritical95 } from '@/utils/core/surveys/stats';

describe('stats', () => {
  test.each([
    [1, 12.706],
    [4, 2.776],
    [30, 2.042],
    [40, 2.021],
    [120, 1.98],
    [100000, 1.96],
  ])('t critical value for df %i is %f', (df, t) => {
    expect(tCritical95(df)).toBeCloseTo(t, 3);
  });

  test('t values fall as df grows, and interpolate between anchors', () => {
    const values = [1, 2, 5, 10, 29, 30, 35, 50, 90, 200, 1000].map(tCritical95);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!);
    expect(tCritical95(50)).toBeGreaterThan(2.0);
    expect(tCritical95(50)).toBeLessThan(2.021);
  });

  test('five repetitions 1..5: mean 3, interval 3 ± 2.776 × √2.5/√5', () => {
    const s = summarize([1, 2, 3, 4, 5]);
    const half = (2.776 * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 10);
    expect(s.low).toBeCloseTo(3 - half, 10);
    expect(s.high).toBeCloseTo(3 + half, 10);
    expect(s).toMatchObject({ n: 5, refusals: 0 });
  });

  test('refusals are left out of the mean and counted', () => {
    expect(summarize([2, null, 4, null])).toMatchObject({ mean: 3, n: 2, refusals: 2 });
    expect(summarize([2, 4], 3)).toMatchObject({ n: 2, refusals: 3 });
  });

  test('one value has no interval; none has no mean', () => {
    expect(summarize([3])).toEqual({ mean: 3, low: null, high: null, sd: null, n: 1, refusals: 0 });
    expect(summarize([null])).toEqual({ mean: null, low: null, high: null, sd: null, n: 0, refusals: 1 });
  });

  test('identical values give a zero-width interval', () => {
    expect(summarize([2, 2, 2])).toMatchObject({ mean: 2, low: 2, high: 2, sd: 0 });
    expect(mean([])).toBeNaN();
    expect(sampleSd([7])).toBe(0);
  });

  test('degrees of freedom below 1 are an error', () => {
    expect(() => tCritical95(0)).toThrow('degrees of freedom must be at least 1 (got 0)');
  });
});
