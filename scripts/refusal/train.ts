/**
 * Training of the refusal reader's linear heads (utils/core/analysis/refusal-model.ts) from human-labelled
 * answers: softmax regression with L2, Adam, fixed seed, so a run is reproducible. Used by
 * `npm run train:refusal` (all families → the shipped weights) and by `npm run eval:refusal -- --loo`
 * (one family held out at a time).
 *
 * Labels. "Declined" follows XSTest's annotators: full and partial refusals decline, and so do premise
 * disputes phrased as declines. Do-Not-Answer: 0 (refuses) declines; 2, 3 and 5 answer; 1 (refutes the
 * premise) and 4 (cannot answer) mix declines with answers and are handled as TrainingSettings says. The kind head learns Do-Not-Answer's
 * 0 / 1 / 4 split: refusing, disputing the premise, not knowing.
 *
 * Licence: Do-Not-Answer is CC BY-NC-SA and used here for tuning only. The weights keep no text: n-grams are
 * hashed to bucket numbers, and only numbers are written.
 */
import { readByRules } from '../../utils/core/analysis/refusal';
import { refusalFeatures, STRUCTURAL_FEATURES, type GramSettings, type RefusalFeatures } from '../../utils/core/analysis/refusal-features';
import type { LinearHead, RefusalWeights } from '../../utils/core/analysis/refusal-model';
import type { RefusalEvalRow } from '../../utils/core/analysis/refusal-eval-data';

/** Every choice of the training in one place (chosen by leave-one-family-out figures; see the eval script). */
export interface TrainingSettings {
  grams: GramSettings;
  /** L2 penalty per weight. */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Buckets seen in fewer training answers than this get no weight. */
  minAnswers: number;
  /** Weights smaller than this are left out of the file. */
  prune: number;
  /** See RefusalWeights.overrule and overrulePartial. */
  overrule: number;
  overrulePartial: number;
  /** Weight of an XSTest row relative to a Do-Not-Answer row in the declined head. */
  xstestWeight: number;
  /**
   * Do-Not-Answer's 1 (refutes the premise) and 4 (cannot answer) in the declined head: 'skip', 'declined', or
   * 'cue': declined when the rules found a decline cue in the opening, answered otherwise.
   */
  refutes: 'skip' | 'declined' | 'cue';
  cannotAnswer: 'skip' | 'declined' | 'cue';
  /** Whether the declined head reads n-grams too (the kind head always does). */
  declinedGrams: boolean;
}

const DEFAULTS: TrainingSettings = {
  grams: { bits: 16, tokens: 40 },
  l2: 1e-3,
  epochs: 8,
  learningRate: 0.05,
  minAnswers: 5,
  prune: 0.05,
  overrule: 0.7,
  overrulePartial: 0.7,
  xstestWeight: 1,
  refutes: 'cue',
  cannotAnswer: 'skip',
  declinedGrams: false,
};

/** The settings; REFUSAL_TRAINING='{"l2":0.003}' overrides some while trying changes (compare with --loo). */
export const TRAINING: TrainingSettings = { ...DEFAULTS, ...(JSON.parse(process.env.REFUSAL_TRAINING || '{}') as Partial<TrainingSettings>) };

/** One answer ready for training: features and, per head, the allowed classes (null: not used by that head). */
export interface TrainingExample {
  features: RefusalFeatures;
  declined: number | null;
  kind: number | null;
  xstest: boolean;
}

/** Declined-head class of a row: 1 declines, 0 answers, null unused. */
function declinedClass(row: RefusalEvalRow, cue: boolean, redirects: boolean, settings: TrainingSettings): number | null {
  if (row.label) return row.label === 'full_compliance' ? 0 : 1;
  if (row.action === 0) return 1;
  // "I can't help with that; please talk to a professional": Do-Not-Answer files it under 3 (answers with a
  // caution), XSTest's annotators under refusals. The badge follows XSTest, so these rows teach nothing here.
  if (row.action === 3 && redirects) return null;
  const rule = row.action === 1 ? settings.refutes : row.action === 4 ? settings.cannotAnswer : null;
  if (rule === null) return 0;
  return rule === 'skip' ? null : rule === 'declined' || cue ? 1 : 0;
}

/** Kind-head class: 0 refuses, 1 refutes the premise, 2 cannot answer. */
function kindClass(row: RefusalEvalRow): number | null {
  return row.action === 0 ? 0 : row.action === 1 ? 1 : row.action === 4 ? 2 : null;
}

/** Reads the features of labelled rows (English). */
export function trainingExamples(rows: RefusalEvalRow[], settings: TrainingSettings = TRAINING): TrainingExample[] {
  return rows.map((row) => {
    const { signals, decision } = readByRules(row.text, ['en']);
    const cue = signals.declines.length > 0;
    const redirects = decision.kind === 'redirects';
    // The reader only reconsiders what the rules read as a refusal, so the declined head learns from those
    // alone (including the few without a decline cue, which it then leaves alone: leaving them out of training
    // cost 4 points of held-out XSTest accuracy on Llama-2).
    const reconsidered = decision.label !== 'full_compliance';
    const declined = reconsidered ? declinedClass(row, cue, redirects, settings) : null;
    return { features: refusalFeatures(signals, decision, settings.grams), declined, kind: kindClass(row), xstest: row.dataset === 'xstest' };
  });
}

/** A tiny deterministic generator (LCG), so training is reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Trains one head on the examples that have a class for it. */
function trainHead(
  examples: TrainingExample[],
  classOf: (e: TrainingExample) => number | null,
  classes: string[],
  settings: TrainingSettings,
  weightOf: (e: TrainingExample) => number,
  grams = true,
): LinearHead {
  const K = classes.length;
  const S = STRUCTURAL_FEATURES.length;
  const buckets = 1 << settings.grams.bits;
  const used = examples.filter((e) => classOf(e) !== null);
  const df = new Uint32Array(buckets);
  for (const e of used) for (const b of new Set(e.features.grams)) df[b]!++;
  const inputs = used.map((e) => [
    ...e.features.structural,
    ...(grams ? [...new Set(e.features.grams)].filter((b) => df[b]! >= settings.minAnswers).map((b) => S + b) : []),
  ]);
  const W = new Float64Array((S + buckets) * K);
  const m = new Float64Array(W.length);
  const v = new Float64Array(W.length);
  const order = used.map((_, i) => i);
  const next = random(7);
  const batch = 64;
  let step = 0;
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let from = 0; from < order.length; from += batch) {
      const grads = new Map<number, Float64Array>();
      const members = order.slice(from, from + batch);
      for (const n of members) {
        const x = inputs[n]!;
        z.fill(0);
        for (const f of x) for (let k = 0; k < K; k++) z[k]! += W[f * K + k]!;
        const max = Math.max(...z);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k]! - max);
        const gold = classOf(used[n]!)!;
        const w = weightOf(used[n]!);
        for (const f of x) {
          let g = grads.get(f);
          if (!g) grads.set(f, (g = new Float64Array(K)));
          for (let k = 0; k < K; k++) g[k]! += w * (z[k]! / sum - (k === gold ? 1 : 0));
        }
      }
      step++;
      const c1 = 1 - 0.9 ** step;
      const c2 = 1 - 0.999 ** step;
      for (const [f, g] of grads) {
        for (let k = 0; k < K; k++) {
          const q = f * K + k;
          const grad = g[k]! / members.length + settings.l2 * W[q]!;
          m[q] = 0.9 * m[q]! + 0.1 * grad;
          v[q] = 0.999 * v[q]! + 0.001 * grad * grad;
          W[q]! -= (settings.learningRate * (m[q] / c1)) / (Math.sqrt(v[q] / c2) + 1e-8);
        }
      }
    }
  }
  const row = (f: number) => Array.from({ length: K }, (_, k) => round(W[f * K + k]!));
  const head: LinearHead = { classes, structural: STRUCTURAL_FEATURES.map((_, i) => row(i)), buckets: [], weights: [] };
  let previous = 0;
  for (let b = 0; b < buckets; b++) {
    // Softmax sees differences only: store classes 2…K relative to class 1, to two decimals.
    const q = S + b;
    const relative = Array.from({ length: K - 1 }, (_, k) => Math.round((W[q * K + k + 1]! - W[q * K]!) * 100) / 100);
    if (relative.some((w) => Math.abs(w) >= settings.prune)) {
      head.buckets.push(b - previous);
      head.weights.push(relative);
      previous = b;
    }
  }
  return head;
}

/** Trains both heads and returns the weights file's content. */
export function trainWeights(examples: TrainingExample[], families: string[], command: string, settings: TrainingSettings = TRAINING): RefusalWeights {
  const declined = trainHead(
    examples,
    (e) => e.declined,
    ['answered', 'declined'],
    settings,
    (e) => (e.xstest ? settings.xstestWeight : 1),
    settings.declinedGrams,
  );
  const kind = trainHead(
    examples,
    (e) => e.kind,
    ['refuses', 'refutes_premise', 'cannot_answer'],
    settings,
    () => 1,
  );
  return {
    format: 'parallax-refusal-weights',
    version: 1,
    grams: settings.grams,
    structural: [...STRUCTURAL_FEATURES],
    declined,
    kind,
    overrule: settings.overrule,
    overrulePartial: settings.overrulePartial,
    trained: { answers: examples.length, families: [...families].sort(), command, date: new Date().toISOString().slice(0, 10) },
  };
}
