/**
 * Everything the panel shows about a comparison's differences, from its finished runs: each answer's refusal
 * verdict and value features, the divergence between answers, the outlier and the verdict sentence. Pure.
 */
import { languageName } from '../translate/languages';
import type { Comparison, Run } from '../runner/types';
import { outlier as findOutlier, similarityMatrix } from './divergence';
import { classifyRefusal } from './refusal';
import type { RefusalVerdict } from './types';
import { valueFeatures, type ValueAnalysis } from './values';
import { comparisonVerdict } from './verdict';

/** One answer's analysis. Spans index into `basis === 'answer' ? run.text : run.backTranslation.text`. */
export interface RunAnalysis {
  refusal: RefusalVerdict;
  values: ValueAnalysis;
}

/** A comparison's analysis; only runs with an answer take part. */
export interface ComparisonAnalysis {
  runs: Map<string, RunAnalysis>;
  /** Run ids in matrix order. */
  order: string[];
  /** Pairwise lexical similarity (0..1) of the answers, read in the reader's language where available. */
  matrix: number[][];
  /** The answer that stands apart, by run id. */
  outlierId: string | null;
  /** One or two sentences a teacher can read aloud. */
  verdict: string;
  /** Refusal outcome per language (null = as written), for the strip. */
  byLanguage: { language: string | null; name: string; refused: number; partial: number; complied: number }[];
}

/** The text a reader compares: the back-translation when there is one, else the answer. */
const readable = (run: Run) => (run.backTranslation?.text ? run.backTranslation.text : run.text);

/** Analyses one answer. */
export function analyseRun(run: Run, prompt?: string): RunAnalysis {
  const language = run.answerLanguage?.code ?? run.target.language ?? undefined;
  const backTranslation = run.backTranslation?.text || undefined;
  return {
    refusal: classifyRefusal(run.text, { language, backTranslation }),
    values: valueFeatures(run.text, { language, backTranslation, prompt: run.translatedPrompt || prompt, sourcePrompt: prompt }),
  };
}

/** Analyses every finished answer of a comparison (failed runs with partial text are left out). */
export function analyseComparison(comparison: Comparison, runs: Run[], cache?: Map<string, RunAnalysis & { key: string }>): ComparisonAnalysis {
  const answered = runs.filter((r) => r.state === 'done' && r.text.trim());
  const analysed = new Map<string, RunAnalysis>();
  for (const run of answered) {
    const key = `${run.text.length}:${run.backTranslation?.text.length ?? 0}`;
    const hit = cache?.get(run.id);
    const analysis = hit && hit.key === key ? hit : analyseRun(run, comparison.prompt);
    cache?.set(run.id, { ...analysis, key });
    analysed.set(run.id, analysis);
  }
  const matrix = similarityMatrix(answered.map(readable));
  const found = findOutlier(matrix);
  const outlierId = found ? answered[found.index]!.id : null;
  const verdictRuns = runs
    .filter((r) => r.state !== 'queued')
    .map((r) => ({
      label: `${r.target.providerLabel} ${r.target.model}${r.target.persona ? ` as ${r.target.persona.label}` : ''}${r.repetition ? ` #${r.repetition}` : ''}`,
      language: r.target.language,
      languageName: r.target.language ? languageName(r.target.language) : 'the original language',
      providerLabel: r.target.providerLabel,
      model: r.target.model,
      state: r.state,
      refusal: analysed.get(r.id)?.refusal,
      values: analysed.get(r.id)?.values,
    }));
  const outlierIndex = outlierId ? verdictRuns.findIndex((_, i) => runs.filter((r) => r.state !== 'queued')[i]!.id === outlierId) : -1;
  const verdict = comparisonVerdict({ runs: verdictRuns, outlier: found && outlierIndex >= 0 ? { index: outlierIndex, meanSimilarity: found.meanSimilarity } : null });

  const byLanguage = new Map<string | null, ComparisonAnalysis['byLanguage'][number]>();
  for (const run of answered) {
    const language = run.target.language;
    const row = byLanguage.get(language) ?? { language, name: language ? languageName(language) : 'As written', refused: 0, partial: 0, complied: 0 };
    const label = analysed.get(run.id)!.refusal.label;
    if (label === 'full_refusal') row.refused++;
    else if (label === 'partial_refusal') row.partial++;
    else row.complied++;
    byLanguage.set(language, row);
  }
  return { runs: analysed, order: answered.map((r) => r.id), matrix, outlierId, verdict, byLanguage: [...byLanguage.values()] };
}
