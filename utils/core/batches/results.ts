/**
 * What a batch's runs add up to: progress while it runs, refusal rates of a probe set by language × model, and
 * the indices of a survey per model × language (answers parsed, refusals counted and left out of the means).
 * Pure functions over the batch data and its runs.
 */
import { readingOf, type RefusalReading } from '../analysis/types';
import { refusalSummary, type LabelledRun, type RefusalSummary } from '../probes/summary';
import { isFinal } from '../runner/state';
import type { Run } from '../runner/types';
import { scaleOf } from '../surveys/instrument';
import { parseAnswer } from '../surveys/parse-answer';
import { scoreRepetitions, type Repetition } from '../surveys/score';
import type { Summary } from '../surveys/stats';
import { isWaiting, unitSettled } from './orchestrate';
import type { BatchData, BatchUnit } from './types';

/** How far a batch is. */
export interface BatchProgress {
  /** Units planned, created (comparisons made) and settled (every answer final). */
  units: number;
  created: number;
  settled: number;
  /** Answers planned: units × endpoints. */
  calls: number;
  done: number;
  /** Answers that failed or were cancelled. */
  failed: number;
  /** Answers being asked or queued right now. */
  active: number;
  /** Answers set aside by a pause or cut off by a closed browser, asked again on resume. */
  waiting: number;
}

/** Comparison id → the unit it was made for. */
export function unitsByComparison(data: BatchData): Map<string, BatchUnit> {
  const byKey = new Map(data.units.map((u) => [u.key, u]));
  const out = new Map<string, BatchUnit>();
  for (const [key, id] of Object.entries(data.created)) {
    const unit = byKey.get(key);
    if (unit) out.set(id, unit);
  }
  return out;
}

/** Progress from the runs of the batch's comparisons (live, not the batch's own bookkeeping). */
export function batchProgress(data: BatchData, runs: readonly Run[]): BatchProgress {
  const byComparison = new Map<string, Run[]>();
  for (const run of runs) byComparison.set(run.comparisonId, [...(byComparison.get(run.comparisonId) ?? []), run]);
  const created = Object.values(data.created);
  const progress: BatchProgress = {
    units: data.units.length,
    created: created.length,
    settled: created.filter((id) => unitSettled(byComparison.get(id) ?? [])).length,
    calls: data.units.length * data.targets.length,
    done: 0,
    failed: 0,
    active: 0,
    waiting: 0,
  };
  for (const run of runs) {
    if (run.state === 'done') progress.done++;
    else if (isWaiting(run)) progress.waiting++;
    else if (isFinal(run.state)) progress.failed++;
    else progress.active++;
  }
  return progress;
}

/** The refusal label of an answer: the one stored when it finished, else the classifier's (when given). */
export type LabelOf = (run: Run) => RefusalReading | null | undefined;

/** The reading stored with a finished run (label and kind from when it finished). */
const storedLabel: LabelOf = (run) => (run.refusal ? readingOf({ label: run.refusal, kind: run.refusalKind }) : null);

/** Refusal rate by language × model of a probe-set batch (answers that did not finish are counted apart). */
export function probeRefusals(data: BatchData, runs: readonly Run[], labelOf: LabelOf = storedLabel): RefusalSummary {
  const units = unitsByComparison(data);
  const order = new Map(data.units.map((u, i) => [u.key, i]));
  const rank = (run: Run) => order.get(units.get(run.comparisonId)?.key ?? '') ?? Infinity;
  const rows: LabelledRun[] = [];
  // In plan order, endpoint by endpoint: the table's rows and columns follow the user's choices, not storage order.
  for (const run of [...runs].sort((a, b) => rank(a) - rank(b) || a.position - b.position)) {
    const unit = units.get(run.comparisonId);
    if (!unit) continue;
    const expect = unit.promptId ? data.probe?.expectations[unit.promptId] : undefined;
    rows.push({
      language: unit.language,
      model: run.target.model,
      providerLabel: run.target.providerLabel,
      reading: run.state === 'done' && run.text.trim() ? labelOf(run) : null,
      ...(expect ? { expect } : {}),
    });
  }
  return refusalSummary(rows);
}

/** One model × language of a survey. */
export interface SurveyCell {
  /** "Provider · model · language", as charts and files name it. */
  label: string;
  providerLabel: string;
  model: string;
  language: string;
  /** Per index: mean over repetitions, 95 % interval, n, refusals. */
  indices: Record<string, Summary>;
  /** Answers read as a value, as a refusal, and not readable at all. */
  answered: number;
  refused: number;
  unreadable: number;
  /** Runs that failed or were cancelled (no answer to read). */
  failed: number;
}

/**
 * Survey indices per endpoint × language (in plan order). Each repetition is one respondent: its items are read
 * with parseAnswer; a refusal is a null (counted, not averaged); an unreadable answer or a failed run is missing.
 */
export function surveyResults(data: BatchData, runs: readonly Run[]): SurveyCell[] {
  const survey = data.survey;
  if (!survey) return [];
  const units = unitsByComparison(data);
  const languages = [...new Set(data.units.map((u) => u.language))];
  const groups = new Map<string, { cell: SurveyCell; repetitions: Map<number, Repetition> }>();
  for (const target of data.targets)
    for (const language of languages) {
      const model = target.providerLabel && target.providerLabel !== target.model ? `${target.providerLabel} · ${target.model}` : target.model;
      groups.set(`${target.providerId}\u0000${language}`, {
        cell: { label: `${model} · ${language}`, providerLabel: target.providerLabel, model: target.model, language, indices: {}, answered: 0, refused: 0, unreadable: 0, failed: 0 },
        repetitions: new Map(),
      });
    }
  for (const run of runs) {
    const unit = units.get(run.comparisonId);
    const group = unit && groups.get(`${run.target.providerId}\u0000${unit.language}`);
    if (!unit?.itemId || !unit.repetition || !group) continue;
    if (run.state !== 'done') {
      if (isFinal(run.state) && !isWaiting(run)) group.cell.failed++;
      continue;
    }
    const parsed = parseAnswer(run.text, scaleOf(survey.instrument, unit.itemId), unit.language);
    const repetition = group.repetitions.get(unit.repetition) ?? {};
    group.repetitions.set(unit.repetition, repetition);
    if ('value' in parsed) {
      repetition[unit.itemId] = parsed.value;
      group.cell.answered++;
    } else if ('refused' in parsed) {
      repetition[unit.itemId] = null;
      group.cell.refused++;
    } else group.cell.unreadable++;
  }
  return [...groups.values()].map(({ cell, repetitions }) => {
    const ordered = [...repetitions.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
    return { ...cell, indices: scoreRepetitions(survey.instrument, ordered, survey.constants) };
  });
}

/** The dashboard's survey shape ({label, indices: {mean, low, high, n, refusals}}) of survey cells. */
export function dashboardSurveyResults(cells: readonly SurveyCell[]): { label: string; indices: Record<string, { mean: number | null; low: number | null; high: number | null; n: number; refusals: number }> }[] {
  return cells.map((c) => ({
    label: c.label,
    indices: Object.fromEntries(Object.entries(c.indices).map(([id, s]) => [id, { mean: s.mean, low: s.low, high: s.high, n: s.n, refusals: s.refusals }])),
  }));
}
