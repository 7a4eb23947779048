import { describe, expect, test } from 'vitest';
import { indexPanels, niceTicks } from '@/utils/core/dashboard/index-chart';
import { scoreInstrument } from '@/utils/core/surveys/score';
import { referenceAt, VSM_REFERENCES } from '@/utils/core/surveys/vsm-references';
import { vsm2013 } from '@/utils/core/surveys/vsm2013';

const means = (list: number[]) => Object.fromEntries(list.map((m, i) => [`m${String(i + 1).padStart(2, '0')}`, m]));
const ref = (id: string) => VSM_REFERENCES.find((r) => r.id === id)!;

describe('published VSM vectors shown as reference marks', () => {
  test('the Masoud et al. vectors are what scoring their published item means gives (RESEARCH.md §3)', () => {
    expect(scoreInstrument(vsm2013(), means([1, 1, 2, 1, 1, 1, 1, 2, 3, 2, 1, 3, 1, 3, 5, 1, 3, 1, 1, 3, 2, 2, 3, 3.8]))).toEqual(ref('gpt-4-en').values);
    expect(scoreInstrument(vsm2013(), means([2, 2, 2.4, 2, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 2, 4, 4]))).toEqual(ref('gpt-3.5-en').values);
  });

  test("every vector has the six indices; a mark is drawn at the run's C", () => {
    for (const r of VSM_REFERENCES) expect(Object.keys(r.values)).toEqual(['PDI', 'IDV', 'MAS', 'UAI', 'LTO', 'IVR']);
    expect(referenceAt(ref('gemma-7b-it'), 'UAI', 0)).toBe(40);
    expect(referenceAt(ref('gemma-7b-it'), 'UAI', 50)).toBe(90);
    expect(referenceAt(ref('llama-2-7b-chat'), 'MAS', 50)).toBe(85);
    expect(referenceAt(ref('llama-2-7b-chat'), 'XYZ', 0)).toBeUndefined();
  });

  test("each panel's axis covers the run's intervals and the marks, on round ticks", () => {
    expect(niceTicks(-205, 40)).toEqual([-300, -200, -100, 0, 100]);
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 3.5)).toEqual([0, 1, 2, 3, 4]);
    const cell = {
      label: 'A · en',
      providerLabel: 'A',
      model: 'a',
      language: 'en',
      byPerson: {},
      answered: 1,
      refused: 0,
      unreadable: 0,
      failed: 0,
      indices: { UAI: { mean: 12, low: -8, high: 32, sd: 8, n: 5, refusals: 0 } },
    };
    const [uai] = indexPanels([cell], [{ id: 'UAI', name: 'Uncertainty avoidance' }], { UAI: 0 }, [ref('gemma-7b-it')]);
    expect(uai).toMatchObject({
      id: 'UAI',
      domain: [-20, 40],
      rows: [{ label: 'A · en', mean: 12, low: -8, high: 32, series: 0 }],
      marks: [{ reference: 'gemma-7b-it', value: 40 }],
    });
  });
});
