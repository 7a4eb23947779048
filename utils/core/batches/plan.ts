/**
 * Planning a batch before anything is sent: the units of a probe set or a survey, how many run at once, and an
 * estimate of calls, time and tokens (money when the user gives prices). Pure: ids and time are passed in.
 */
import { probeSetLanguages } from '../probes/validate';
import type { ProbeExpectation, ProbeSet } from '../probes/types';
import { defaultConcurrency } from '../runner/runner';
import type { Target } from '../runner/types';
import type { Instrument } from '../surveys/instrument';
import { DEFAULT_REPETITIONS, estimateTokens, planSurvey, type SeedPolicy } from '../surveys/plan';
import { resolveConstants, type Constants } from '../surveys/score';
import { BATCH_FORMAT, BATCH_VERSION, type BatchData, type BatchUnit } from './types';

/** Thrown for a batch that cannot run; the message says what to change. */
export class BatchPlanError extends Error {
  override name = 'BatchPlanError';
}

/** Units in flight: twice the largest endpoint cap (each unit gives every endpoint one run), from 2 to 24. */
export function windowFor(targets: readonly Target[]): number {
  const widest = Math.max(1, ...targets.map((t) => defaultConcurrency(t)));
  return Math.min(24, Math.max(2, widest * 2));
}

function checkTargets(targets: readonly Target[], languages: readonly string[]): void {
  if (!targets.length) throw new BatchPlanError('Choose at least one endpoint.');
  if (new Set(targets.map((t) => t.providerId)).size !== targets.length) throw new BatchPlanError('An endpoint is chosen twice.');
  if (!languages.length) throw new BatchPlanError('Choose at least one language.');
  if (new Set(languages).size !== languages.length) throw new BatchPlanError('A language is chosen twice.');
}

const base = (targets: readonly Target[], units: BatchUnit[], now: number): Omit<BatchData, 'probe' | 'survey'> => ({
  format: BATCH_FORMAT,
  version: BATCH_VERSION,
  status: 'ready',
  // Each unit sets the language; the batch keeps the endpoints as they were when it was planned.
  targets: targets.map((t) => ({ ...t, language: null })),
  units,
  window: windowFor(targets),
  created: {},
  settled: [],
  updatedAt: now,
});

/** What the user chose for a probe-set run. */
export interface ProbeBatchInput {
  set: ProbeSet;
  targets: readonly Target[];
  languages: readonly string[];
  now: number;
}

/** Every prompt × language of a set, prompt by prompt (so early results already span the languages). */
export function planProbeBatch(input: ProbeBatchInput): BatchData {
  const { set, targets, languages } = input;
  checkTargets(targets, languages);
  const available = probeSetLanguages(set);
  const missing = languages.filter((l) => !available.includes(l));
  if (missing.length)
    throw new BatchPlanError(`“${set.name}” has no text in ${missing.join(', ')} for every prompt (it has ${available.join(', ') || 'no common language'}).`);
  const units: BatchUnit[] = set.prompts.flatMap((p) =>
    languages.map((language) => ({ key: `${p.id}|${language}`, prompt: p.text[language]!, language, promptId: p.id })),
  );
  const expectations: Record<string, ProbeExpectation> = {};
  for (const p of set.prompts) if (p.expect) expectations[p.id] = p.expect;
  return { ...base(targets, units, input.now), probe: { setId: set.id, setName: set.name, purpose: set.purpose, expectations } };
}

/** What the user chose for a survey run. */
export interface SurveyBatchInput {
  instrument: Instrument;
  targets: readonly Target[];
  languages: readonly string[];
  repetitions?: number;
  temperature?: number;
  seedPolicy?: SeedPolicy;
  constants?: Constants;
  now: number;
}

/** Every item × language × repetition, repetition by repetition; each unit carries the temperature and seed. */
export function planSurveyBatch(input: SurveyBatchInput): BatchData {
  const { instrument, targets, languages } = input;
  checkTargets(targets, languages);
  const repetitions = input.repetitions ?? DEFAULT_REPETITIONS;
  const seedPolicy = input.seedPolicy ?? { kind: 'none' };
  if (input.temperature !== undefined && !(input.temperature >= 0 && input.temperature <= 2)) throw new BatchPlanError('Temperature must be from 0 to 2.');
  let constants: Constants;
  try {
    constants = resolveConstants(instrument, input.constants ?? {});
  } catch (err) {
    throw new BatchPlanError(err instanceof Error ? err.message : String(err));
  }
  let plan: ReturnType<typeof planSurvey>;
  try {
    // Every unit is asked of every endpoint, so the survey is planned for one stand-in target.
    plan = planSurvey({ instrument, targets: [{ id: 'all' }], languages, repetitions, temperature: input.temperature, seedPolicy });
  } catch (err) {
    throw new BatchPlanError(err instanceof Error ? err.message : String(err));
  }
  const units: BatchUnit[] = plan.prompts.map((p) => ({
    key: `${p.language}|${p.itemId}|${p.repetition}`,
    prompt: p.text,
    language: p.language,
    itemId: p.itemId,
    repetition: p.repetition,
    ...(p.temperature !== undefined || p.seed !== undefined
      ? { params: { ...(p.temperature !== undefined ? { temperature: p.temperature } : {}), ...(p.seed !== undefined ? { seed: p.seed } : {}) } }
      : {}),
  }));
  return {
    ...base(targets, units, input.now),
    survey: { instrument, constants, repetitions, ...(input.temperature !== undefined ? { temperature: input.temperature } : {}), seedPolicy },
  };
}

/** Prices per million tokens, when the user gives them. */
export interface Prices {
  input: number;
  output: number;
}

/** What the user sees before starting. */
export interface BatchEstimate {
  units: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Rough wall-clock time. */
  seconds: number;
  /** Present when prices were given; on-device and local endpoints are counted as free. */
  cost?: number;
}

const ON_DEVICE = new Set(['webllm', 'chrome-builtin']);
const LOCAL = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/;
/** Answer time assumed: time to the first token plus tokens at a typical speed (slower on the device's GPU). */
const secondsPerCall = (t: Target, outputTokens: number) => (ON_DEVICE.has(t.providerKind) ? 3 + outputTokens / 10 : 1 + outputTokens / 40);
/** The runner's cap on answers streaming at once, over every endpoint. */
const RUNNER_CAP = 8;

/**
 * Calls, tokens, time and cost of a batch. Output length is a guess per kind: a short number for a survey item,
 * a few paragraphs for a probe. Time: each endpoint works through its calls at its own cap, all side by side.
 */
export function estimateBatch(data: Pick<BatchData, 'targets' | 'units' | 'survey'>, prices?: Prices): BatchEstimate {
  const output = data.survey ? 20 : 350;
  const perUnitInput = data.units.reduce((sum, u) => sum + estimateTokens(u.prompt) + 8, 0);
  const calls = data.units.length * data.targets.length;
  const inputTokens = perUnitInput * data.targets.length;
  const outputTokens = calls * output;
  let seconds = 0;
  for (const t of data.targets) seconds = Math.max(seconds, Math.ceil(data.units.length / defaultConcurrency(t)) * secondsPerCall(t, output));
  const average = data.targets.reduce((sum, t) => sum + secondsPerCall(t, output), 0) / Math.max(1, data.targets.length);
  seconds = Math.round(Math.max(seconds, (calls / RUNNER_CAP) * average));
  const estimate: BatchEstimate = { units: data.units.length, calls, inputTokens, outputTokens, seconds };
  if (prices) {
    const paid = data.targets.filter((t) => !ON_DEVICE.has(t.providerKind) && !LOCAL.test(t.baseUrl)).length;
    const share = data.targets.length ? paid / data.targets.length : 0;
    estimate.cost = ((inputTokens * prices.input + outputTokens * prices.output) / 1e6) * share;
  }
  return estimate;
}
