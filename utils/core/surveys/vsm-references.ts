/**
 * Published VSM 2013 index values of models, drawn as reference marks beside a run's results: numbers only, each
 * with its source and the constant C it was computed with (RESEARCH.md §3). C only shifts a score, so a mark is
 * drawn at the run's own C: published − its C + the run's C.
 */

/**
 * Where published vectors come from (the page names them in its language): 'seed-example' is the example that
 * motivated Parallax (one run per model); 'masoud-2023' is Masoud et al. 2023, Cultural Alignment Test (mean of 5 seeds).
 */
type ReferenceSource = 'seed-example' | 'masoud-2023';

/** One published vector. */
export interface ReferenceVector {
  id: string;
  /** The model as the source names it. */
  model: string;
  /** Where the numbers come from. */
  source: ReferenceSource;
  /** The constant C the source used for every index. */
  constant: number;
  /** Index id → published value. */
  values: Record<string, number>;
}

export const VSM_REFERENCES: readonly ReferenceVector[] = [
  {
    id: 'gemma-7b-it',
    model: 'gemma-7b-it',
    source: 'seed-example',
    constant: 50,
    values: { PDI: 25, IDV: 50, MAS: 50, UAI: 90, LTO: 50, IVR: 50 },
  },
  {
    id: 'llama-2-7b-chat',
    model: 'Llama-2-7b-chat',
    source: 'seed-example',
    constant: 0,
    values: { PDI: 0, IDV: 0, MAS: 35, UAI: 100, LTO: 0, IVR: 0 },
  },
  {
    id: 'gpt-4-en',
    model: 'GPT-4, English prompt',
    source: 'masoud-2023',
    constant: 0,
    values: { PDI: 0, IDV: 70, MAS: -35, UAI: -205, LTO: -105, IVR: 150 },
  },
  {
    id: 'gpt-3.5-en',
    model: 'GPT-3.5, English prompt',
    source: 'masoud-2023',
    constant: 0,
    values: { PDI: -25, IDV: 35, MAS: -14, UAI: 0, LTO: 25, IVR: 35 },
  },
];

/** A reference's value of an index at the run's constant, or undefined when the source gives none. */
export function referenceAt(reference: ReferenceVector, index: string, runConstant: number): number | undefined {
  const published = reference.values[index];
  return published === undefined ? undefined : published - reference.constant + runConstant;
}
