/**
 * Scoring: each index is a linear combination of item means plus a user-set constant C.
 */
import type { Instrument } from './instrument';
import { scaleOf } from './instrument';
import { mean, summarize, type Summary } from './stats';

/** Answers per item: one mean, or the list of answers to average. `null` in a list marks a refusal. */
export type Answers = Record<string, number | readonly (number | null)[]>;

/** Constants per index id (e.g. `{ PDI: 50 }`); missing ones use the instrument's default (0 for VSM). */
export type Constants = Record<string, number>;

/** Thrown for answers that cannot be scored; the message says what to fix. */
export class ScoreError extends Error {
  constructor(
    message: string,
    /** Items without a usable answer. */
    readonly missingItems: string[] = [],
  ) {
    super(message);
    this.name = 'ScoreError';
  }
}

/** Index values rounded to 6 decimals, so 35 × (2 − 2.4) prints as −14, not −14.000000000000002. */
const tidy = (value: number) => Math.round(value * 1e6) / 1e6 + 0;

/** Items the instrument's formulas need, in item order. */
function requiredItems(instrument: Instrument): string[] {
  const used = new Set(instrument.indices.flatMap((x) => x.terms.map((t) => t.item)));
  return instrument.items.map((it) => it.id).filter((id) => used.has(id));
}

/**
 * Resolve user constants against the instrument: keys may be index ids (any case) or the constants' short
 * names ("pd" for C(pd)). `all` sets every index not named. Unknown keys throw.
 */
export function resolveConstants(instrument: Instrument, given: Constants = {}, all?: number): Constants {
  const out: Constants = {};
  for (const x of instrument.indices) out[x.id] = all ?? x.constant.default;
  for (const [key, value] of Object.entries(given)) {
    const target = instrument.indices.find((x) => x.id.toLowerCase() === key.toLowerCase() || x.constant.name.toLowerCase() === key.toLowerCase());
    if (!target)
      throw new ScoreError(`Unknown constant "${key}": ${instrument.id} has ${instrument.indices.map((x) => `${x.id} (${x.constant.name})`).join(', ')}.`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ScoreError(`Constant "${key}" must be a number.`);
    out[target.id] = value;
  }
  return out;
}

/** Mean answer per item, checking ids and ranges. Items whose every answer was refused are left out. */
function itemMeans(instrument: Instrument, answers: Answers): Record<string, number> {
  const ids = new Set(instrument.items.map((it) => it.id));
  const unknown = Object.keys(answers).filter((id) => !ids.has(id));
  if (unknown.length) {
    const span = `${instrument.items[0]?.id}–${instrument.items[instrument.items.length - 1]?.id}`;
    throw new ScoreError(`Unknown item${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: ${instrument.id} has items ${span}.`);
  }
  const means: Record<string, number> = {};
  for (const [id, raw] of Object.entries(answers)) {
    const list = typeof raw === 'number' ? [raw] : Array.isArray(raw) ? raw : null;
    if (!list) throw new ScoreError(`Item ${id}: give a number or a list of numbers.`);
    const numbers = list.filter((v): v is number => v !== null);
    if (numbers.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
      throw new ScoreError(`Item ${id}: every answer must be a number (or null for a refusal).`);
    const { points } = scaleOf(instrument, id);
    const min = points[0]!.value;
    const max = points[points.length - 1]!.value;
    const outside = numbers.filter((v) => v < min || v > max);
    if (outside.length) throw new ScoreError(`Item ${id}: ${outside.join(', ')} outside the ${min}–${max} scale.`);
    if (numbers.length) means[id] = mean(numbers);
  }
  return means;
}

/**
 * Score one set of answers: per index `sum(weight × item mean) + C`. Missing items (or items only refused)
 * throw a ScoreError naming them and the indices that need them.
 */
export function scoreInstrument(instrument: Instrument, answers: Answers, constants: Constants = {}): Record<string, number> {
  const means = itemMeans(instrument, answers);
  const missing = requiredItems(instrument).filter((id) => means[id] === undefined);
  if (missing.length) {
    const affected = instrument.indices.filter((x) => x.terms.some((t) => missing.includes(t.item))).map((x) => x.id);
    throw new ScoreError(`Missing answers for ${missing.join(', ')} (needed by ${affected.join(', ')}).`, missing);
  }
  const c = resolveConstants(instrument, constants);
  const out: Record<string, number> = {};
  for (const x of instrument.indices) out[x.id] = tidy(x.terms.reduce((sum, t) => sum + t.weight * means[t.item]!, 0) + c[x.id]!);
  return out;
}

/** One repetition's parsed answers: a number, or null when the model refused that item. */
export type Repetition = Record<string, number | null | undefined>;

/**
 * Per index over repetitions: each repetition that answered all of an index's items gives one value; the
 * summary has their mean, 95 % interval and n. Refusals of the index's items are counted, not averaged.
 */
export function scoreRepetitions(instrument: Instrument, repetitions: readonly Repetition[], constants: Constants = {}): Record<string, Summary> {
  const c = resolveConstants(instrument, constants);
  const out: Record<string, Summary> = {};
  for (const x of instrument.indices) {
    const values: number[] = [];
    let refusals = 0;
    for (const rep of repetitions) {
      const answers = x.terms.map((t) => rep[t.item]);
      refusals += answers.filter((a) => a === null).length;
      if (answers.every((a) => typeof a === 'number')) values.push(tidy(x.terms.reduce((sum, t, i) => sum + t.weight * (answers[i] as number), 0) + c[x.id]!));
    }
    out[x.id] = summarize(values, refusals);
  }
  return out;
}
