/**
 * Every answer of a survey batch with the reading it counts with (the reader's, or a person's), in plan order:
 * the list behind "Needs your reading", the answers file, and the indices (results.ts).
 */
import type { Run } from '../runner/types';
import type { DataTable } from '../dashboard/figures';
import { scaleOf, type AnswerScale } from '../surveys/instrument';
import { answerReading, readAnswer, type AnswerReading } from '../surveys/hand-reading';
import type { ParsedAnswer } from '../surveys/parse-answer';
import { unitsByComparison } from './results';
import type { BatchData } from './types';

/** One finished answer of a survey, read. */
export interface SurveyAnswer extends AnswerReading {
  runId: string;
  providerId: string;
  /** "Provider · model", as the results name it. */
  model: string;
  language: string;
  itemId: string;
  repetition: number;
  /** The item as asked, in its language (empty when the instrument has no text in it). */
  item: string;
  scale: AnswerScale;
  text: string;
  /** What the reader says, also when a person decided (so the answers file shows both). */
  reader: ParsedAnswer;
}

/** "Provider · model" (just the model when the provider is named after it). */
export const modelLabel = (t: Run['target']): string => (t.providerLabel && t.providerLabel !== t.model ? `${t.providerLabel} · ${t.model}` : t.model);

/** Finished answers of the batch, endpoint by endpoint in plan order, then language, item and repetition. */
export function surveyAnswers(data: BatchData, runs: readonly Run[]): SurveyAnswer[] {
  const survey = data.survey;
  if (!survey) return [];
  const units = unitsByComparison(data);
  const order = new Map(data.units.map((u, i) => [u.key, i]));
  const endpoint = new Map(data.targets.map((t, i) => [t.providerId, i]));
  const out: (SurveyAnswer & { rank: number })[] = [];
  for (const run of runs) {
    const unit = units.get(run.comparisonId);
    if (!unit?.itemId || !unit.repetition || run.state !== 'done') continue;
    const scale = scaleOf(survey.instrument, unit.itemId);
    const reader = readAnswer(run.text, scale, unit.language);
    out.push({
      runId: run.id,
      providerId: run.target.providerId,
      model: modelLabel(run.target),
      language: unit.language,
      itemId: unit.itemId,
      repetition: unit.repetition,
      item: survey.instrument.items.find((it) => it.id === unit.itemId)?.text[unit.language] ?? '',
      scale,
      text: run.text,
      reader,
      ...answerReading(run, scale, unit.language),
      rank: (endpoint.get(run.target.providerId) ?? 0) * 1e9 + (order.get(unit.key) ?? 0),
    });
  }
  // Plan order is repetition first; the list reads better by endpoint, language, item, then repetition.
  return out
    .sort((a, b) => Math.floor(a.rank / 1e9) - Math.floor(b.rank / 1e9) || a.language.localeCompare(b.language) || a.itemId.localeCompare(b.itemId) || a.repetition - b.repetition)
    .map(({ rank: _rank, ...answer }) => answer);
}

/** Answers the reader could not read and no person has read yet. */
export const needsReading = (answers: readonly SurveyAnswer[]): SurveyAnswer[] => answers.filter((a) => a.by === 'reader' && 'invalid' in a.result);

const valueOf = (r: ParsedAnswer | AnswerReading['result']) => ('value' in r ? r.value : null);

/** The answers file: one row per answer with its reading, how it was read and who decided. */
export function surveyAnswersTable(answers: readonly SurveyAnswer[]): DataTable {
  return {
    columns: ['Model', 'Language', 'Item', 'Repetition', 'Answer', 'Value', 'Refused', 'Unreadable because', 'Read as', 'Decided by', 'Reader said'],
    rows: answers.map((a) => [
      a.model,
      a.language,
      a.itemId,
      a.repetition,
      a.text,
      valueOf(a.result),
      'refused' in a.result ? 'yes' : '',
      'invalid' in a.result ? a.result.invalid : '',
      'via' in a.result ? a.result.via : a.by === 'person' ? 'hand' : '',
      a.by,
      'value' in a.reader ? String(a.reader.value) : 'refused' in a.reader ? 'refused' : `unreadable: ${a.reader.invalid}`,
    ]),
  };
}
