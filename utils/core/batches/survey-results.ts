/**
 * A survey's indices per endpoint × language: each repetition is one respondent; its answers count with their
 * reading (the reader's, or a person's); refusals are counted and left out of the means; unreadable answers and
 * failed runs are missing. Pure functions over the batch data and its runs.
 */
import { isFinal } from '../runner/state';
import type { Run } from '../runner/types';
import { scoreRepetitions, type Repetition } from '../surveys/score';
import type { Summary } from '../surveys/stats';
import { isWaiting } from './orchestrate';
import { unitsByComparison } from './results';
import { modelLabel, surveyAnswers } from './survey-answers';
import type { BatchData } from './types';

/** One model × language of a survey. */
export interface SurveyCell {
  /** "Provider · model · language", as charts and files name it. */
  label: string;
  providerLabel: string;
  model: string;
  language: string;
  /** Per index: mean over repetitions, 95 % interval, n, refusals. */
  indices: Record<string, Summary>;
  /** Per index: answers to its items that a person read by hand (they count in it). */
  byPerson: Record<string, number>;
  /** Answers read as a value, as a refusal, and not readable at all (not yet read by a person). */
  answered: number;
  refused: number;
  unreadable: number;
  /** Runs that failed or were cancelled (no answer to read). */
  failed: number;
}

/** Survey indices per endpoint × language, in plan order. */
export function surveyResults(data: BatchData, runs: readonly Run[]): SurveyCell[] {
  const survey = data.survey;
  if (!survey) return [];
  const languages = [...new Set(data.units.map((u) => u.language))];
  const key = (providerId: string, language: string) => `${providerId}\u0000${language}`;
  const groups = new Map<string, { cell: SurveyCell; repetitions: Map<number, Repetition>; byPerson: Set<string> }>();
  for (const target of data.targets)
    for (const language of languages) {
      const cell: SurveyCell = {
        label: `${modelLabel(target)} · ${language}`,
        providerLabel: target.providerLabel,
        model: target.model,
        language,
        indices: {},
        byPerson: {},
        answered: 0,
        refused: 0,
        unreadable: 0,
        failed: 0,
      };
      groups.set(key(target.providerId, language), { cell, repetitions: new Map(), byPerson: new Set() });
    }
  const units = unitsByComparison(data);
  for (const run of runs) {
    const unit = units.get(run.comparisonId);
    if (unit?.itemId && isFinal(run.state) && run.state !== 'done' && !isWaiting(run)) {
      const group = groups.get(key(run.target.providerId, unit.language));
      if (group) group.cell.failed++;
    }
  }
  for (const answer of surveyAnswers(data, runs)) {
    const group = groups.get(key(answer.providerId, answer.language));
    if (!group) continue;
    const repetition = group.repetitions.get(answer.repetition) ?? {};
    group.repetitions.set(answer.repetition, repetition);
    const { result } = answer;
    if ('invalid' in result) {
      group.cell.unreadable++;
      continue;
    }
    repetition[answer.itemId] = 'value' in result ? result.value : null;
    if ('value' in result) group.cell.answered++;
    else group.cell.refused++;
    if (answer.by === 'person') group.byPerson.add(`${answer.itemId}|${answer.repetition}`);
  }
  return [...groups.values()].map(({ cell, repetitions, byPerson }) => {
    const ordered = [...repetitions.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    const counted = (itemIds: string[]) => [...byPerson].filter((k) => itemIds.includes(k.split('|')[0]!)).length;
    const people = Object.fromEntries(survey.instrument.indices.map((x) => [x.id, counted(x.terms.map((t) => t.item))]));
    return { ...cell, indices: scoreRepetitions(survey.instrument, ordered, survey.constants), byPerson: people };
  });
}

/** The dashboard's survey shape ({label, indices: {mean, low, high, n, refusals}}) of survey cells. */
export function dashboardSurveyResults(
  cells: readonly SurveyCell[],
): { label: string; indices: Record<string, { mean: number | null; low: number | null; high: number | null; n: number; refusals: number }> }[] {
  return cells.map((c) => ({
    label: c.label,
    indices: Object.fromEntries(Object.entries(c.indices).map(([id, s]) => [id, { mean: s.mean, low: s.low, high: s.high, n: s.n, refusals: s.refusals }])),
  }));
}
