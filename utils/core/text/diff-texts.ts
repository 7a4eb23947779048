import type { Run } from '../runner/types';
import { sameLanguage } from '../translate/languages';

/** The text a column shows: its answer, or the answer translated back into the reader's language. */
export interface ShownText {
  text: string;
  /** Its language, when known. */
  language?: string;
  /** True when it is the back-translation. */
  back: boolean;
}

/** Whether a run has an answer in the reader's language to show instead of the original. */
export function hasBackTranslation(run: Pick<Run, 'backTranslation' | 'state'>): boolean {
  return Boolean(run.backTranslation?.text) && run.state === 'done';
}

/** What a column shows: the back-translation when it is set to the reading language and has one, else the answer. */
export function shownText(run: Run, translated: boolean, live: string = run.text): ShownText {
  if (translated && hasBackTranslation(run)) return { text: run.backTranslation!.text, language: run.backTranslation!.language, back: true };
  const language = run.answerLanguage?.code ?? run.target.language ?? run.sourceLanguage ?? undefined;
  return { text: live, ...(language ? { language } : {}), back: false };
}

/**
 * The baseline's text to diff a column against: in the language the column shows when the baseline has a text in
 * it (its answer or its back-translation), so translated answers are compared in the reading language; else the
 * baseline as it is shown.
 */
export function baselineTextFor(column: ShownText, baseline: Run, baselineTranslated: boolean, baselineLive: string = baseline.text): string {
  const shown = shownText(baseline, baselineTranslated, baselineLive);
  const other = shownText(baseline, !baselineTranslated, baselineLive);
  if (!column.language) return shown.text;
  return [shown, other].find((v) => v.language && sameLanguage(v.language, column.language))?.text ?? shown.text;
}
