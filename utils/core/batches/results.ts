/**
 * What a batch's runs add up to: progress while it runs and refusal rates of a probe set by language × model
 * (a survey's indices: survey-results.ts). Pure functions over the batch data and its runs.
 */
import { readingOf, type RefusalReading } from '../analysis/types';
import { refusalSummary, type LabelledRun, type RefusalSummary } from '../probes/summary';
import { isFinal } from '../runner/state';
import type { Run } from '../runner/types';
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
