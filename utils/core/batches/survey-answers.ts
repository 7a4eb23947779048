/**
 * Every answer of a survey batch with the reading it counts with (the reader's, or a person's), in plan order:
 * the list behind "Needs your reading", the answers file, and the indices (results.ts).
 */
import { endpointModelName } from '../runner/names';
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
export const modelLabel = (t: Run['target']): string => endpointModelName(t.providerLabel, t.model);

/** Finished answers of the batch: endpoint by endpoint (as chosen), then language (as planned), item, repetition. */
export function surveyAnswers(data: BatchData, runs: readonly Run[]): SurveyAnswer[] {
  const survey = data.survey;
  if (!survey) return [];
  const units = unitsByComparison(data);
  const out: SurveyAnswer[] = [];
  for (const run of runs) {
    const unit = units.get(run.comparisonId);
    if (!unit?.itemId || !unit.repetition || run.state !== 'done') continue;
    const scale = scaleOf(survey.instrument, unit.itemId);
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
      reader: readAnswer(run.text, scale, unit.language),
      ...answerReading(run, scale, unit.language),
    });
  }
  const rank = (list: readonly string[]) => new Map(list.map((v, i) => [v, i]));
  const endpoints = rank(data.targets.map((t) => t.providerId));
  const languages = rank([...new Set(data.units.map((u) => u.language))]);
  const items = rank(survey.instrument.items.map((it) => it.id));
  const by = (order: Map<string, number>, key: string) => order.get(key) ?? order.size;
  return out.sort(
    (a, b) =>
      by(endpoints, a.providerId) - by(endpoints, b.providerId) ||
      by(languages, a.language) - by(languages, b.language) ||
      by(items, a.itemId) - by(items, b.itemId) ||
      a.repetition - b.repetition,
  );
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
