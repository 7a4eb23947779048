import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ScoreError, resolveConstants, scoreInstrument, scoreRepetitions, type Answers } from '@/utils/core/surveys/score';
import { vsm2013, vsmItemId } from '@/utils/core/surveys/vsm2013';
import { sharedFixture } from '../support/shared';

const answersFrom = (means: number[]): Answers => Object.fromEntries(means.map((m, i) => [vsmItemId(i + 1), m]));

// Item means and indices (C = 0) as published by Masoud et al. 2023 (RESEARCH.md §3).
const WORKED: { name: string; means: number[]; indices: Record<string, number> }[] = [
  {
    name: 'GPT-4, English prompt',
    means: [1, 1, 2, 1, 1, 1, 1, 2, 3, 2, 1, 3, 1, 3, 5, 1, 3, 1, 1, 3, 2, 2, 3, 3.8],
    indices: { PDI: 0, IDV: 70, MAS: -35, UAI: -205, LTO: -105, IVR: 150 },
  },
  {
    name: 'GPT-3.5, English prompt',
    means: [2, 2, 2.4, 2, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 4, 4],
    indices: { PDI: -25, IDV: 35, MAS: -14, UAI: 0, LTO: 25, IVR: 35 },
  },
];

describe('VSM 2013 scoring', () => {
  test.each(WORKED)('reproduces the worked vector: $name', ({ means, indices }) => {
    expect(scoreInstrument(vsm2013(), answersFrom(means))).toEqual(indices);
  });

  const { path: research, present } = sharedFixture('RESEARCH.md', 'the cross-check against the worked VSM vectors');
  test.skipIf(!present)('matches every worked vector written in RESEARCH.md', () => {
    const text = readFileSync(research, 'utf8').replace(/\n\s+/g, ' ');
    const vectors = [
      ...text.matchAll(/prompt: (?:m01\.\.m24 = )?([\d.,]+) → PDI (−?-?\d+), IDV (−?-?\d+), MAS (−?-?\d+), UAI (−?-?\d+), LTO (−?-?\d+), IVR (−?-?\d+)/g),
    ];
    expect(vectors.length).toBeGreaterThanOrEqual(2);
    const num = (s: string) => Number(s.replace('−', '-'));
    for (const v of vectors) {
      const means = v[1]!.split(',').map(Number);
      expect(means).toHaveLength(24);
      const [PDI, IDV, MAS, UAI, LTO, IVR] = v.slice(2, 8).map((s) => num(s));
      expect(scoreInstrument(vsm2013(), answersFrom(means))).toEqual({ PDI, IDV, MAS, UAI, LTO, IVR });
    }
  });

  test('a model giving the same answer everywhere scores C on every index', () => {
    const same = answersFrom(Array(24).fill(3));
    expect(scoreInstrument(vsm2013(), same)).toEqual({ PDI: 0, IDV: 0, MAS: 0, UAI: 0, LTO: 0, IVR: 0 });
    expect(scoreInstrument(vsm2013(), same, resolveConstants(vsm2013(), {}, 50))).toEqual({ PDI: 50, IDV: 50, MAS: 50, UAI: 50, LTO: 50, IVR: 50 });
  });

  test('hand-computed: one item moved, per-index constants by id or short name', () => {
    const means = Array(24).fill(3);
    means[6] = 5; // m07 = 5 → PDI = 35 × (5 − 3) = 70
    means[17] = 1; // m18 = 1 → UAI = 40 × (1 − 3) = −80
    const scores = scoreInstrument(vsm2013(), answersFrom(means), { pdi: 10, ua: -20 });
    expect(scores).toEqual({ PDI: 80, IDV: 0, MAS: 0, UAI: -100, LTO: 0, IVR: 0 });
  });

  test('lists are averaged and refusals (null) left out of the mean', () => {
    const answers = answersFrom(Array(24).fill(3));
    answers.m04 = [4, 5, null, 4.5]; // mean 4.5 → IDV = 35 × (4.5 − 3) = 52.5
    expect(scoreInstrument(vsm2013(), answers).IDV).toBe(52.5);
  });

  test('missing items give an error naming them and the indices they break', () => {
    const answers = answersFrom(Array(24).fill(3));
    delete answers.m07;
    delete answers.m21;
    answers.m13 = [null, null];
    try {
      scoreInstrument(vsm2013(), answers);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScoreError);
      expect((err as ScoreError).missingItems).toEqual(['m07', 'm13', 'm21']);
      expect((err as Error).message).toBe('Missing answers for m07, m13, m21 (needed by PDI, UAI, LTO).');
    }
  });

  test.each([
    [{ m01: 6 }, 'Item m01: 6 outside the 1–5 scale.'],
    [{ m1: 3 }, 'Unknown item m1: vsm2013 has items m01–m24.'],
    [{ m02: 'three' }, 'Item m02: give a number or a list of numbers.'],
  ])('rejects bad answers %j', (bad, message) => {
    const answers = { ...answersFrom(Array(24).fill(3)), ...bad } as Answers;
    expect(() => scoreInstrument(vsm2013(), answers)).toThrow(message);
  });

  test('unknown constants are refused with the list of valid ones', () => {
    expect(() => resolveConstants(vsm2013(), { XYZ: 1 })).toThrow(/Unknown constant "XYZ": vsm2013 has PDI \(pd\), IDV \(ic\)/);
  });
});

describe('scoring over repetitions', () => {
  test('each complete repetition gives one value; refusals are counted, not averaged', () => {
    const base = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [vsmItemId(i + 1), 3])) as Record<string, number | null>;
    // PDI per repetition = 35 × (m07 − 3): 0, 35, 70; the fourth repetition refused m07.
    const reps = [{ ...base }, { ...base, m07: 4 }, { ...base, m07: 5 }, { ...base, m07: null }];
    const { PDI, IDV } = scoreRepetitions(vsm2013(), reps, { PDI: 50 });
    expect(PDI).toMatchObject({ mean: 85, n: 3, refusals: 1 });
    // sd = 35, se = 35/√3, t(2) = 4.303 → half-width 86.95
    expect(PDI!.low).toBeCloseTo(85 - 4.303 * (35 / Math.sqrt(3)), 6);
    expect(PDI!.high).toBeCloseTo(85 + 4.303 * (35 / Math.sqrt(3)), 6);
    expect(IDV).toMatchObject({ mean: 0, n: 4, refusals: 0, low: 0, high: 0 });
  });
});
