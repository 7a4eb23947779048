import type { ProviderConfig } from '../providers/types';
import type { Comparison, ComparisonSource, Run, Target } from './types';

/** Inputs of a new comparison. */
export interface PlanInput {
  prompt: string;
  source: ComparisonSource;
  providers: readonly ProviderConfig[];
  now: number;
  newId: () => string;
  /** Languages to ask in, each crossed with every provider; null = the prompt as written. Default: [null]. */
  languages?: readonly (string | null)[];
  /** The prompt's language (also the reader's); detected at run time when absent. */
  language?: string;
  /** Translations the user typed or edited, by language code. */
  translations?: Record<string, string>;
}

/** Whitespace-only prompts are not prompts. */
export function normalisePrompt(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** The targets of a comparison: each configured provider's default model in each language (provider by provider). */
export function targetsFor(providers: readonly ProviderConfig[], languages: readonly (string | null)[] = [null]): Target[] {
  return providers.flatMap((p) => languages.map((language) => ({
    providerId: p.id,
    providerKind: p.kind,
    providerLabel: p.label,
    baseUrl: p.baseUrl,
    model: p.model,
    language,
    ...(p.modelLib ? { modelLib: p.modelLib } : {}),
    ...(p.maxConcurrent ? { maxConcurrent: p.maxConcurrent } : {}),
    ...(p.temperature !== undefined ? { params: { temperature: p.temperature } } : {}),
  })));
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
  };
  const runs = targetsFor(input.providers, input.languages?.length ? input.languages : [null]).map(
    (target, position): Run => ({
      id: input.newId(),
      comparisonId: comparison.id,
      position,
      target,
      state: 'queued',
      text: '',
      attempts: 0,
      createdAt: input.now,
      updatedAt: input.now,
    }),
  );
  return { comparison, runs };
}
