/**
 * The learned part of the refusal reader: linear heads over the features of refusal-features.ts, with weights
 * trained by `npm run train:refusal` and shipped as numbers (refusal-weights.json). One head says whether the
 * answer declines (as XSTest's annotators count it), the other what kind of decline it is (refusing, disputing
 * the premise, not knowing). Pure: scoring is a few hundred multiply-adds.
 */
import { STRUCTURAL_FEATURES, type GramSettings, type RefusalFeatures } from './refusal-features';

/** A linear softmax over the structural features and hashed n-grams. */
export interface LinearHead {
  classes: string[];
  /** One row per structural feature (STRUCTURAL_FEATURES order), one weight per class. */
  structural: number[][];
  /** Hashed n-gram buckets that carry weight, ascending, each written as the gap from the one before. */
  buckets: number[];
  /** One row per bucket: the weights of classes 2…K relative to class 1 (softmax only sees differences). */
  weights: number[][];
}

/** The shipped weights file. */
export interface RefusalWeights {
  format: 'parallax-refusal-weights';
  version: 1;
  grams: GramSettings;
  /** The structural feature names the weights were trained with; a reader with other features refuses them. */
  structural: string[];
  /** classes: answered, declined. */
  declined: LinearHead;
  /** classes: refuses, refutes_premise, cannot_answer. */
  kind: LinearHead;
  /** Probability the model needs to overrule the rules' reading of "declined or not" (0.5: the model decides). */
  overrule: number;
  /** The same for the rules' partial refusals (a decline, then an answer), which need a surer model. */
  overrulePartial: number;
  /** How the weights were made: answers, families and the command. */
  trained: { answers: number; families: string[]; command: string; date: string };
}

/** A head ready to score: bucket → row. */
export interface CompiledHead {
  classes: string[];
  structural: number[][];
  rows: Map<number, number[]>;
}

/** The weights ready to score. */
export interface RefusalModel {
  grams: GramSettings;
  declined: CompiledHead;
  kind: CompiledHead;
  overrule: number;
  overrulePartial: number;
}

function compileHead(head: LinearHead, name: string): CompiledHead {
  if (head.structural.length !== STRUCTURAL_FEATURES.length)
    throw new Error(`refusal weights: ${name} has ${head.structural.length} structural rows, expected ${STRUCTURAL_FEATURES.length}`);
  if (head.buckets.length !== head.weights.length)
    throw new Error(`refusal weights: ${name} has ${head.buckets.length} buckets but ${head.weights.length} rows`);
  const rows = new Map<number, number[]>();
  let bucket = 0;
  head.buckets.forEach((gap, i) => {
    bucket += gap;
    rows.set(bucket, [0, ...head.weights[i]!]);
  });
  return { classes: head.classes, structural: head.structural, rows };
}

/** Checks the weights against this reader's features and indexes them. Throws on a mismatch. */
export function compileWeights(weights: RefusalWeights): RefusalModel {
  if (weights.format !== 'parallax-refusal-weights' || weights.version !== 1) throw new Error('refusal weights: unknown format');
  const names = STRUCTURAL_FEATURES.join(',');
  if (weights.structural.join(',') !== names) throw new Error('refusal weights were trained with other structural features; run npm run train:refusal');
  return {
    grams: weights.grams,
    declined: compileHead(weights.declined, 'declined'),
    kind: compileHead(weights.kind, 'kind'),
    overrule: weights.overrule,
    overrulePartial: weights.overrulePartial,
  };
}

/** Raw class scores of a head. */
export function headScores(head: CompiledHead, features: RefusalFeatures): number[] {
  const z = new Array<number>(head.classes.length).fill(0);
  for (const i of features.structural) {
    const row = head.structural[i]!;
    for (let k = 0; k < z.length; k++) z[k]! += row[k]!;
  }
  if (head.rows.size === 0) return z;
  for (const bucket of features.grams) {
    const row = head.rows.get(bucket);
    if (row) for (let k = 0; k < z.length; k++) z[k]! += row[k]!;
  }
  return z;
}

/** Softmax of scores. */
export function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}
