import type { RunState } from './state';
import type { Comparison, ComparisonSource, Run, RunParams } from './types';

/** Name and version of the comparison export format (history export, `npm run compare`). */
export const EXPORT_FORMAT = 'parallax-comparisons';
export const EXPORT_VERSION = 1;

/** One answer as exported: what produced it and what came back. Never carries a key. */
export interface ExportedAnswer {
  runId: string;
  provider: string;
  providerKind: string;
  baseUrl: string;
  model: string;
  language: string | null;
  params?: RunParams;
  state: RunState;
  text: string;
  error?: string;
  errorCode?: string;
  attempts: number;
  startedAt?: string;
  finishedAt?: string;
  usage?: Run['usage'];
  /** Language runs: the prompt's language, how it was translated, the prompt as sent, the answer's language and the answer translated back. */
  sourceLanguage?: string;
  translation?: Run['translation'];
  translatedPrompt?: string;
  answerLanguage?: Run['answerLanguage'];
  backTranslation?: Run['backTranslation'];
  /** Axes and what was sent: the persona, which repetition, the exact messages. */
  persona?: { id: string; label: string };
  repetition?: number;
  messages?: Run['messages'];
  /** The built-in refusal label and any judge verdicts. */
  refusal?: Run['refusal'];
  refusalKind?: Run['refusalKind'];
  judge?: Run['judge'];
  /** A survey answer a person read by hand (value or refusal, who decided and when). */
  surveyReading?: Run['surveyReading'];
}

/** One comparison as exported. */
export interface ExportedComparison {
  id: string;
  createdAt: string;
  prompt: string;
  source: ComparisonSource;
  /** The language the prompt is written in (catalogue code), when known. */
  language?: string;
  /** The Studies run (batch) this comparison is one unit of, and that study's name when it is still stored. */
  batchId?: string;
  study?: string;
  tags?: string[];
  note?: string;
  answers: ExportedAnswer[];
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** A comparison and its runs in the export shape (runs in column order); `study` names its batch. */
export function toExported(comparison: Comparison, runs: Run[], study?: string): ExportedComparison {
  return {
    id: comparison.id,
    createdAt: new Date(comparison.createdAt).toISOString(),
    prompt: comparison.prompt,
    source: comparison.source,
    ...(comparison.language ? { language: comparison.language } : {}),
    ...(comparison.batchId ? { batchId: comparison.batchId, ...(study ? { study } : {}) } : {}),
    ...(comparison.tags?.length ? { tags: comparison.tags } : {}),
    ...(comparison.note ? { note: comparison.note } : {}),
    answers: [...runs]
      .sort((a, b) => a.position - b.position)
      .map((r) => ({
        runId: r.id,
        provider: r.target.providerLabel,
        providerKind: r.target.providerKind,
        baseUrl: r.target.baseUrl,
        model: r.target.model,
        language: r.target.language,
        ...(r.target.params ? { params: r.target.params } : {}),
        state: r.state,
        text: r.text,
        ...(r.error ? { error: r.error, errorCode: r.errorCode } : {}),
        attempts: r.attempts,
        startedAt: iso(r.startedAt),
        finishedAt: iso(r.finishedAt),
        ...(r.usage ? { usage: r.usage } : {}),
        ...(r.sourceLanguage ? { sourceLanguage: r.sourceLanguage } : {}),
        ...(r.translation ? { translation: r.translation, translatedPrompt: r.translatedPrompt } : {}),
        ...(r.answerLanguage ? { answerLanguage: r.answerLanguage } : {}),
        ...(r.backTranslation ? { backTranslation: r.backTranslation } : {}),
        ...(r.target.persona ? { persona: r.target.persona } : {}),
        ...(r.repetition ? { repetition: r.repetition } : {}),
        ...(r.messages ? { messages: r.messages } : {}),
        ...(r.refusal ? { refusal: r.refusal } : {}),
        ...(r.refusalKind ? { refusalKind: r.refusalKind } : {}),
        ...(r.judge?.length ? { judge: r.judge } : {}),
        ...(r.surveyReading ? { surveyReading: r.surveyReading } : {}),
      })),
  };
}
