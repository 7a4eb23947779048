import type { ProviderConfig } from '../providers/types';
import type { Comparison, ComparisonSource, Run, Target } from './types';

/** A framing of the question (third axis): its label and the system prompt that carries it. */
export interface PlanPersona {
  id: string;
  label: string;
  systemPrompt: string;
}

/** Axes of a comparison beyond endpoints: languages × personas, each target asked `repetitions` times. */
export interface PlanAxes {
  /** Languages to ask in, each crossed with every provider; null = the prompt as written. Default: [null]. */
  languages?: readonly (string | null)[];
  /** Framings, each crossed with every provider and language. Default: none (no system prompt). */
  personas?: readonly PlanPersona[];
  /** Each target asked this many times (default 1). */
  repetitions?: number;
  /** Sampling temperature for every target; overrides the endpoints' own. */
  temperature?: number;
}

/** Inputs of a new comparison. */
export interface PlanInput extends PlanAxes {
  prompt: string;
  source: ComparisonSource;
  providers: readonly ProviderConfig[];
  now: number;
  newId: () => string;
  /** The prompt's language (also the reader's); detected at run time when absent. */
  language?: string;
  /** Translations the user typed or edited, by language code. */
  translations?: Record<string, string>;
  /** Previous turns of the conversation, sent before the prompt (oldest first). */
  context?: readonly { role: 'user' | 'assistant'; content: string }[];
  /** The comparison this one asks again. */
  rerunOf?: string;
}

/** Whitespace-only (or invisible-only) prompts are not prompts. */
export function normalisePrompt(text: string): string {
  const prompt = text.replace(/\r\n?/g, '\n').trim();
  // Only invisible characters (zero-width spaces, direction marks): nothing to ask.
  return /[^\s\p{Cf}]/u.test(prompt) ? prompt : '';
}

/**
 * The targets of a comparison: each configured provider's default model in each language, framed by each persona
 * (provider by provider, then language, then persona).
 */
export function targetsFor(
  providers: readonly ProviderConfig[],
  languages: readonly (string | null)[] = [null],
  axes: Pick<PlanAxes, 'personas' | 'temperature'> = {},
): Target[] {
  const personas = axes.personas?.length ? axes.personas : [null];
  return providers.flatMap((p) =>
    languages.flatMap((language) =>
      personas.map((persona): Target => {
        const temperature = axes.temperature ?? p.temperature;
        const params = { ...(temperature !== undefined ? { temperature } : {}), ...(persona ? { systemPrompt: persona.systemPrompt } : {}) };
        return {
          providerId: p.id,
          providerKind: p.kind,
          providerLabel: p.label,
          baseUrl: p.baseUrl,
          model: p.model,
          language,
          ...(p.modelLib ? { modelLib: p.modelLib } : {}),
          ...(p.maxConcurrent ? { maxConcurrent: p.maxConcurrent } : {}),
          ...(Object.keys(params).length ? { params } : {}),
          ...(persona ? { persona: { id: persona.id, label: persona.label } } : {}),
        };
      }),
    ),
  );
}

/** A new comparison and its queued runs. Pure: ids and time are passed in. */
export function planComparison(input: PlanInput): { comparison: Comparison; runs: Run[] } {
  const prompt = normalisePrompt(input.prompt);
  if (!prompt) throw new Error('The prompt is empty.');
  const comparison: Comparison = {
    id: input.newId(),
    createdAt: input.now,
    prompt,
    source: input.source,
    ...(input.language ? { language: input.language } : {}),
    ...(input.translations && Object.keys(input.translations).length ? { translations: input.translations } : {}),
    ...(input.context?.length ? { context: input.context.map((t) => ({ role: t.role, content: t.content })), contextSent: input.context.length } : {}),
    ...(input.rerunOf ? { rerunOf: input.rerunOf } : {}),
  };
  const repetitions = Math.max(1, Math.floor(input.repetitions ?? 1));
  const targets = targetsFor(input.providers, input.languages?.length ? input.languages : [null], input);
  const runs = targets
    .flatMap((target) => Array.from({ length: repetitions }, (_, i) => ({ target, repetition: i + 1 })))
    .map(({ target, repetition }, position): Run => ({
      id: input.newId(),
      comparisonId: comparison.id,
      position,
      target,
      state: 'queued',
      text: '',
      attempts: 0,
      createdAt: input.now,
      updatedAt: input.now,
      ...(repetitions > 1 ? { repetition } : {}),
    }));
  return { comparison, runs };
}

/**
 * More runs for an existing comparison (asking held runs, or languages a translator could not reach before):
 * planned as a new comparison would be, then attached after the runs it already has.
 */
export function planMore(comparison: Comparison, existing: readonly Run[], input: Omit<PlanInput, 'prompt' | 'source'>): Run[] {
  const { runs } = planComparison({
    ...input,
    prompt: comparison.prompt,
    source: comparison.source,
    language: input.language ?? comparison.language,
    translations: comparison.translations,
  });
  const after = existing.reduce((max, r) => Math.max(max, r.position), -1) + 1;
  return runs.map((run, i) => ({ ...run, comparisonId: comparison.id, position: after + i }));
}
