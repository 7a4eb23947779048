import type { RefusalVerdict, ValueFeatures } from '@/utils/core/analysis/types';
import type { ComparisonWithRuns, DashboardComparison } from '@/utils/core/dashboard/aggregate';
import type { Run } from '@/utils/core/runner/types';

/** A run of a provider/model in a language (null = the prompt as written). */
export function run(comparisonId: string, position: number, model: string, language: string | null, text: string, over: Partial<Run> = {}): Run {
  return {
    id: `${comparisonId}-${position}`,
    comparisonId,
    position,
    target: { providerId: model, providerKind: 'openai-compatible', providerLabel: `Lab ${model}`, baseUrl: 'http://127.0.0.1:1/v1', model, language },
    state: 'done',
    text,
    attempts: 1,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

/** A comparison created at `createdAt` with the given runs. */
export function item(id: string, createdAt: number, runs: (cid: string) => Run[], over: Partial<DashboardComparison> = {}): ComparisonWithRuns {
  return { comparison: { id, createdAt, prompt: `Prompt ${id}`, source: { kind: 'panel' }, ...over }, runs: runs(id) };
}

/**
 * A stand-in classifier that reads markers the fixtures put in answers: "[refuse]" → full refusal,
 * "[partial]" → partial refusal, "[unknown]" → no verdict, anything else → compliance. It records its calls.
 */
export function markerClassifier() {
  const calls: [string, string][] = [];
  const classify = (text: string, language: string): RefusalVerdict | null => {
    calls.push([text, language]);
    if (text.includes('[unknown]')) return null;
    const label = text.includes('[refuse]') ? 'full_refusal' : text.includes('[partial]') ? 'partial_refusal' : 'full_compliance';
    return { label, confidence: 0.9, evidence: [], basis: 'answer' };
  };
  return { classify, calls };
}

/** Stand-in value features from markers: "[balanced]", "[hedge]", "[moral]", "[disclaimer]", "[authority]"; "[unknown]" → none. */
export function markerFeatures(text: string): ValueFeatures | null {
  if (text.includes('[unknown]')) return null;
  const has = (m: string) => text.includes(`[${m}]`);
  return {
    balance: { value: has('balanced') ? 'balanced' : 'one_sided', evidence: [] },
    hedging: { score: has('hedge') ? 0.5 : 0, evidence: [] },
    moralizing: { score: has('moral') ? 0.4 : 0, evidence: [] },
    disclaimers: { count: has('disclaimer') ? 1 : 0, evidence: [] },
    stance: { value: 'neutral', evidence: [] },
    authority: { count: has('authority') ? 2 : 0, evidence: [] },
    framing: { value: 'none', evidence: [] },
  };
}
