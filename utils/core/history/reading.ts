/**
 * An exported comparison as a person reads it in the panel: each answer named, labelled (refusal badge, value
 * chips) with the spans of text that decided the labels, the back-translation beside the original, and the
 * verdict — for the exports (HTML report, CSV, Markdown). Pure: the same analysis the panel runs.
 */
import { analyseComparison, type ComparisonAnalysis, type RunAnalysis } from '../analysis/comparison';
import { readingOf, type EvidenceSpan, type RefusalReading } from '../analysis/types';
import { answeredInOtherLanguage } from '../translate/detect';
import { languageName } from '../translate/languages';
import { answerName, askedLanguage, modelName } from '../runner/names';
import type { ExportedAnswer, ExportedComparison } from '../runner/exported';
import type { Run } from '../runner/types';
import { t, uiLanguage } from '../i18n';
import { badgeText, valueChips, type ValueChip } from '../words/answers';
import { originLabel } from '../words/sources';
import { fromExported } from './import';

/** A piece of text with the labels it is evidence for (empty: plain text). */
export interface MarkedPiece {
  text: string;
  /** What the marked words decided, e.g. "Refused (refusal.cannot-help)"; empty when unmarked. */
  marks: string[];
}

/** One answer as read: its name, labels and evidence. */
export interface ReadAnswer {
  answer: ExportedAnswer;
  /** *model · language* (· persona) (#n), as the panel names it. */
  name: string;
  /** The model alone, as the panel names it. */
  model: string;
  /** The language it was asked in (code), when known. */
  asked: string | null;
  /** The analysis of a finished answer; absent for failed, interrupted or empty ones. */
  analysis?: RunAnalysis;
  reading?: RefusalReading;
  /** The refusal badge's words. */
  badge?: string;
  chips: ValueChip[];
  /** "Answered in English (asked in German)" when it came back in another language. */
  otherLanguage?: string;
  /** The answer and its back-translation in pieces, the evidence marked where the analysis read it. */
  original: MarkedPiece[];
  back: MarkedPiece[];
  outlier: boolean;
}

/** One comparison as read. */
export interface ReadComparison {
  comparison: ExportedComparison;
  /** Where it came from ("ChatGPT (chatgpt.com)", "From the study “…”"). */
  origin: string;
  verdict: string;
  byLanguage: ComparisonAnalysis['byLanguage'];
  answers: ReadAnswer[];
}

/** Splits text at every span edge; each piece lists the labels of the spans covering it. */
export function markPieces(text: string, spans: { start: number; end: number; mark: string }[]): MarkedPiece[] {
  const valid = spans
    .filter((s) => s.end > s.start && s.start < text.length)
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(s.end, text.length) }));
  const edges = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const pieces: MarkedPiece[] = [];
  for (const [i, from] of edges.slice(0, -1).entries()) {
    const to = edges[i + 1] ?? from;
    const marks = [...new Set(valid.filter((s) => s.start <= from && s.end >= to).map((s) => s.mark))];
    const last = pieces.at(-1);
    if (last && last.marks.join('\u0000') === marks.join('\u0000')) last.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), marks });
  }
  return pieces.length ? pieces : [{ text, marks: [] }];
}

/** The evidence of the labels shown, by the text it indexes into (the answer or its back-translation). */
function evidence(
  analysis: RunAnalysis,
  badge: string,
  chips: ValueChip[],
): Record<'answer' | 'back_translation', { start: number; end: number; mark: string }[]> {
  const out = { answer: [] as { start: number; end: number; mark: string }[], back_translation: [] as { start: number; end: number; mark: string }[] };
  const add = (basis: 'answer' | 'back_translation', spans: EvidenceSpan[], label: string) =>
    out[basis].push(...spans.map((s) => ({ start: s.start, end: s.end, mark: t('evidenceMark', label, s.rule) })));
  add(analysis.refusal.basis, analysis.refusal.evidence, badge);
  for (const chip of chips) add(analysis.values.basis, analysis.values[chip.id].evidence, chip.label);
  return out;
}

function readAnswer(
  answer: ExportedAnswer,
  run: Run,
  runs: Run[],
  language: string | undefined,
  analysis: RunAnalysis | undefined,
  outlierId: string | null,
): ReadAnswer {
  const asked = askedLanguage(run, language);
  const base = {
    answer,
    name: answerName(run, runs, language),
    model: modelName(
      run.target,
      runs.map((r) => r.target),
    ),
    asked,
    outlier: run.id === outlierId,
  };
  const detected = run.answerLanguage;
  const otherLanguage =
    run.state === 'done' && asked && detected?.code && answeredInOtherLanguage(asked, detected)
      ? t('answeredInAskedIn', languageName(detected.code, uiLanguage()), languageName(asked, uiLanguage()))
      : undefined;
  const backText = run.backTranslation?.text ?? '';
  if (!analysis)
    return {
      ...base,
      chips: [],
      original: markPieces(run.text, []),
      back: backText ? markPieces(backText, []) : [],
      ...(otherLanguage ? { otherLanguage } : {}),
    };
  const badge = badgeText(analysis.refusal);
  const chips = valueChips(analysis.values);
  const spans = evidence(analysis, badge, chips);
  return {
    ...base,
    analysis,
    reading: readingOf(analysis.refusal),
    badge,
    chips,
    ...(otherLanguage ? { otherLanguage } : {}),
    original: markPieces(run.text, spans.answer),
    back: backText ? markPieces(backText, spans.back_translation) : [],
  };
}

/** Reads an exported comparison: the analysis the panel shows, with names and words in the UI language. */
export function readExported(exported: ExportedComparison): ReadComparison {
  const { comparison, runs } = fromExported(exported);
  const analysis = analyseComparison(comparison, runs);
  return {
    comparison: exported,
    origin: originLabel(comparison, exported.study),
    verdict: analysis.verdict,
    byLanguage: analysis.byLanguage,
    // fromExported makes one run per answer, in the same order.
    answers: exported.answers.flatMap((answer, i) => {
      const run = runs[i];
      return run ? [readAnswer(answer, run, runs, comparison.language, analysis.runs.get(run.id), analysis.outlierId)] : [];
    }),
  };
}

/** A date and time in the UI language ("3 March 2026 at 14:05", "3. März 2026 um 14:05"). */
export function readableDate(iso: string | number | Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
