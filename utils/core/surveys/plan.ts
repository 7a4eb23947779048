/**
 * A survey run plan: instrument × targets × languages × N repetitions, one independent prompt per item, plus
 * a cost and time estimate shown before anything is sent.
 */
import type { Instrument } from './instrument';
import { instrumentLanguages, scaleOf } from './instrument';
import { itemPrompt } from './prompt-template';

/** Repetitions per item when the user does not choose (Masoud et al. averaged five). */
export const DEFAULT_REPETITIONS = 5;

/** Who answers: any configured model (its runner target id and a label for messages). */
interface SurveyTarget {
  id: string;
  label?: string;
}

/** How seeds are set: none, the same seed every time, or base + repetition number (varies, reproducibly). */
export type SeedPolicy = { kind: 'none' } | { kind: 'fixed'; seed: number } | { kind: 'per-repetition'; base: number };

/** What the user chose before starting. */
export interface SurveyPlanInput {
  instrument: Instrument;
  targets: readonly SurveyTarget[];
  languages: readonly string[];
  /** Default 5 (as in the literature). */
  repetitions?: number;
  temperature?: number;
  seedPolicy?: SeedPolicy;
  /** Answer instructions per language overriding the built-in ones ({min}/{max} placeholders). */
  instructions?: Record<string, string>;
}

/** One prompt to send: one item, to one target, in one language, in one repetition. */
interface SurveyPrompt {
  /** Stable key for persisting and resuming: target|language|item|repetition. */
  key: string;
  targetId: string;
  language: string;
  itemId: string;
  /** 1-based. */
  repetition: number;
  text: string;
  temperature?: number;
  seed?: number;
}

/** The plan and its size. */
export interface SurveyPlan {
  instrumentId: string;
  prompts: SurveyPrompt[];
  counts: { items: number; targets: number; languages: number; repetitions: number; calls: number };
}

/** Thrown for a plan that cannot run; the message says what to change. */
export class SurveyPlanError extends Error {
  override name = 'SurveyPlanError';
}

const seedFor = (policy: SeedPolicy | undefined, repetition: number): number | undefined =>
  !policy || policy.kind === 'none' ? undefined : policy.kind === 'fixed' ? policy.seed : policy.base + repetition - 1;

/** Build every prompt of a survey run, in the order they are sent (repetition by repetition). */
export function planSurvey(input: SurveyPlanInput): SurveyPlan {
  const { instrument, targets, languages } = input;
  const repetitions = input.repetitions ?? DEFAULT_REPETITIONS;
  if (!Number.isInteger(repetitions) || repetitions < 1 || repetitions > 1000) throw new SurveyPlanError('Repetitions must be a whole number from 1 to 1000.');
  if (!targets.length) throw new SurveyPlanError('Choose at least one model.');
  if (new Set(targets.map((t) => t.id)).size !== targets.length) throw new SurveyPlanError('A model is chosen twice.');
  if (!languages.length) throw new SurveyPlanError('Choose at least one language.');
  const available = instrumentLanguages(instrument);
  const untexted = languages.filter((l) => !available.includes(l));
  if (untexted.length) {
    const have = available.length ? `it has ${available.join(', ')}` : 'import the questionnaire text first';
    throw new SurveyPlanError(`${instrument.name} has no text in ${untexted.join(', ')} (${have}).`);
  }
  const noInstruction = languages.filter((l) => itemPrompt('x', instrument.scales[0]!, l, input.instructions?.[l]) === null);
  if (noInstruction.length)
    throw new SurveyPlanError(
      `No answer instruction for ${noInstruction.join(', ')}: add one ("Answer with one number from {min} to {max} only.") in that language.`,
    );

  const prompts: SurveyPrompt[] = [];
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    const seed = seedFor(input.seedPolicy, repetition);
    for (const target of targets)
      for (const language of languages)
        for (const item of instrument.items) {
          prompts.push({
            key: `${target.id}|${language}|${item.id}|${repetition}`,
            targetId: target.id,
            language,
            itemId: item.id,
            repetition,
            text: itemPrompt(item.text[language]!, scaleOf(instrument, item.id), language, input.instructions?.[language])!,
            ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
            ...(seed !== undefined ? { seed } : {}),
          });
        }
  }
  return {
    instrumentId: instrument.id,
    prompts,
    counts: { items: instrument.items.length, targets: targets.length, languages: languages.length, repetitions, calls: prompts.length },
  };
}

/** Rough token count: one per CJK/Thai character, one per two other non-Latin letters, one per four other characters. */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const ch of text) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(ch)) tokens += 1;
    else if (/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) tokens += 0.5;
    else tokens += 0.25;
  }
  return Math.ceil(tokens);
}

/** Assumptions of an estimate. */
export interface EstimateOptions {
  /** Seconds one call takes (first token to last). */
  latencySeconds: number;
  /** Parallel calls per target (its endpoint cap); targets run side by side. Default 1. */
  concurrency?: number | Record<string, number>;
  /** Tokens a model writes per answer. Default 20 (a number, sometimes a sentence). */
  outputTokensPerCall?: number;
  /** Chat-format overhead per call. Default 8. */
  overheadTokensPerCall?: number;
  /** Prices per million tokens, to estimate money. */
  pricePerMillion?: { input: number; output: number };
}

/** What the user sees before starting. */
export interface SurveyEstimate {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** Wall-clock estimate: the slowest target's batches × latency. */
  seconds: number;
  /** Present when prices were given. */
  cost?: number;
}

/** Estimate calls, tokens, time (and cost) of a plan. */
export function estimateSurvey(plan: SurveyPlan, options: EstimateOptions): SurveyEstimate {
  const output = options.outputTokensPerCall ?? 20;
  const overhead = options.overheadTokensPerCall ?? 8;
  const perTarget = new Map<string, number>();
  let inputTokens = 0;
  for (const p of plan.prompts) {
    inputTokens += estimateTokens(p.text) + overhead;
    perTarget.set(p.targetId, (perTarget.get(p.targetId) ?? 0) + 1);
  }
  const concurrencyOf = (id: string) => {
    const c = typeof options.concurrency === 'number' ? options.concurrency : options.concurrency?.[id];
    return Math.max(1, Math.floor(c ?? 1));
  };
  let seconds = 0;
  for (const [id, calls] of perTarget) seconds = Math.max(seconds, Math.ceil(calls / concurrencyOf(id)) * options.latencySeconds);
  const outputTokens = plan.prompts.length * output;
  const estimate: SurveyEstimate = { calls: plan.prompts.length, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, seconds };
  if (options.pricePerMillion) estimate.cost = (inputTokens * options.pricePerMillion.input + outputTokens * options.pricePerMillion.output) / 1e6;
  return estimate;
}
