/**
 * Everything the panel shows about a comparison's differences, from its finished runs: each answer's refusal
 * verdict and value features, the divergence between answers, the outlier and the verdict sentence. Pure.
 */
import type { Comparison, Run } from '../runner/types';
import { outlier as findOutlier, similarityMatrix } from './divergence';
import { classifyRefusal } from './refusal';
import type { RefusalVerdict } from './types';
import { valueFeatures, type ValueAnalysis } from './values';
import { readingOf } from './types';
import type { VerdictRun } from './verdict';
import { verdictText } from './verdict-text';
import { answerName, askedLanguage, languageLabel, voiceKey, voiceName } from '../runner/names';

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
  /** Refusal outcome per language asked in (null = unknown), for the strip; premise disputes apart from refusals. */
  byLanguage: { language: string | null; name: string; refused: number; partial: number; disputed: number; complied: number }[];
}

/** The text a reader compares: the back-translation when there is one, else the answer. */
const readable = (run: Run) => (run.backTranslation?.text ? run.backTranslation.text : run.text);

/** Analyses one answer. */
export function analyseRun(run: Run, prompt?: string): RunAnalysis {
  const language = run.answerLanguage?.code ?? run.target.language ?? undefined;
  const backTranslation = run.backTranslation?.text || undefined;
  const refusal = classifyRefusal(run.text, { language, backTranslation });
  const values = valueFeatures(run.text, { language, backTranslation, prompt: run.translatedPrompt || prompt, sourcePrompt: prompt });
  // An answer that declines outright presents no side and qualifies no claim: neither balance nor hedging applies.
  const declined = readingOf(refusal) === 'refused' && refusal.label === 'full_refusal';
  return { refusal, values: declined ? { ...values, balance: { value: 'unclear', evidence: [] }, hedging: { score: 0, evidence: [] } } : values };
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
  const asked = runs.filter((r) => r.state !== 'queued');
  const verdictRuns: VerdictRun[] = asked.map((r) => {
    const analysis = analysed.get(r.id);
    const language = askedLanguage(r, comparison.language);
    return {
      name: answerName(r, runs, comparison.language),
      voiceKey: voiceKey(r.target),
      voice: voiceName(
        r,
        runs.map((p) => p.target),
      ),
      language,
      languageName: languageLabel(language),
      state: r.state,
      ...(analysis ? { reading: readingOf(analysis.refusal), stance: analysis.values.stance.value, balance: analysis.values.balance.value } : {}),
    };
  });
  const outlierIndex = outlierId ? asked.findIndex((r) => r.id === outlierId) : -1;
  const verdict = verdictText({ runs: verdictRuns, outlier: outlierIndex >= 0 ? outlierIndex : null });

  const byLanguage = new Map<string | null, ComparisonAnalysis['byLanguage'][number]>();
  for (const run of answered) {
    const language = askedLanguage(run, comparison.language);
    const row = byLanguage.get(language) ?? { language, name: languageLabel(language), refused: 0, partial: 0, disputed: 0, complied: 0 };
    const reading = readingOf(analysed.get(run.id)!.refusal);
    if (reading === 'refused') row.refused++;
    else if (reading === 'partial') row.partial++;
    else if (reading === 'disputes_premise') row.disputed++;
    else row.complied++;
    byLanguage.set(language, row);
  }
  return { runs: analysed, order: answered.map((r) => r.id), matrix, outlierId, verdict, byLanguage: [...byLanguage.values()] };
}
