import type { RefusalReading } from '@/utils/core/analysis/types';
import { languageLabel, modelName } from '@/utils/core/runner/names';
import type { Run } from '@/utils/core/runner/types';
import { t } from '@/utils/core/i18n';

/** What runs of a comparison can differ in. Repetitions are never laid out: they collapse into one cell. */
export type Axis = 'model' | 'language' | 'persona';
export const AXES: readonly Axis[] = ['model', 'language', 'persona'];
export const AXIS_LABEL: Record<Axis, string> = { model: t('filterModel'), language: t('filterLanguage'), persona: t('axisPersona') };

/** One value along an axis. */
export interface AxisValue {
  key: string;
  label: string;
}

/** A run's value along an axis. */
function valueOf(run: Run, axis: Axis): AxisValue {
  const { target } = run;
  if (axis === 'model') return { key: `${target.providerId}|${target.model}`, label: modelName(target) };
  if (axis === 'language') return { key: target.language ?? '', label: target.language ? languageLabel(target.language) : t('asWrittenAxis') };
  return { key: target.persona?.id ?? '', label: target.persona?.label ?? t('noPersona') };
}

/** The distinct values along an axis, in run order. */
export function valuesOf(runs: readonly Run[], axis: Axis): AxisValue[] {
  const seen = new Map<string, AxisValue>();
  for (const run of [...runs].sort((a, b) => a.position - b.position)) {
    const value = valueOf(run, axis);
    if (!seen.has(value.key)) seen.set(value.key, value);
  }
  return [...seen.values()];
}

/** Axes along which the runs differ. */
export function varyingAxes(runs: readonly Run[]): Axis[] {
  return AXES.filter((axis) => valuesOf(runs, axis).length > 1);
}

/** True when some target was asked more than once. */
function isRepeated(runs: readonly Run[]): boolean {
  return runs.some((r) => (r.repetition ?? 1) > 1);
}

/**
 * True when two axes really cross: there are more distinct targets than values along any one axis. Three models
 * each asked in its own language differ along one line, not a grid.
 */
export function isCrossed(runs: readonly Run[]): boolean {
  const targets = new Set(runs.map((r) => AXES.map((axis) => valueOf(r, axis).key).join('\u0000'))).size;
  return targets > Math.max(1, ...AXES.map((axis) => valuesOf(runs, axis).length));
}

/** The grid is worth showing when the axes cross, or a target was asked several times. */
export function wantsGrid(runs: readonly Run[]): boolean {
  return isRepeated(runs) || isCrossed(runs);
}

/** Which axes go down, across, and which one is filtered to a single value. */
export interface GridChoice {
  rows: Axis;
  /** null: a single column (only one axis varies). */
  cols: Axis | null;
  /** The third axis's chosen value (its key), when it varies too. */
  filter?: string;
}

/** The layout to start from: the first two varying axes (model down, language across, when they vary). */
export function defaultChoice(runs: readonly Run[]): GridChoice {
  const varying = varyingAxes(runs);
  const [rows = 'model', cols = null] = varying;
  const third = AXES.find((a) => a !== rows && a !== cols && varying.includes(a));
  return { rows, cols, ...(third ? { filter: valuesOf(runs, third)[0]!.key } : {}) };
}

/** The axis not laid out, when it varies. */
export function filteredAxis(runs: readonly Run[], choice: GridChoice): Axis | null {
  return varyingAxes(runs).find((a) => a !== choice.rows && a !== choice.cols) ?? null;
}

/** The grid's rows, columns and the runs of each cell (repetitions of a target share a cell, in order). */
export function gridOf(runs: readonly Run[], choice: GridChoice) {
  const third = filteredAxis(runs, choice);
  const shown = third && choice.filter !== undefined ? runs.filter((r) => valueOf(r, third).key === choice.filter) : [...runs];
  const rows = valuesOf(shown, choice.rows);
  const cols = choice.cols ? valuesOf(shown, choice.cols) : [{ key: '', label: '' }];
  const cells = new Map<string, Run[]>();
  for (const run of shown) {
    const key = `${valueOf(run, choice.rows).key}\u0000${choice.cols ? valueOf(run, choice.cols).key : ''}`;
    cells.set(key, [...(cells.get(key) ?? []), run]);
  }
  for (const list of cells.values()) list.sort((a, b) => (a.repetition ?? 1) - (b.repetition ?? 1) || a.position - b.position);
  return { rows, cols, cell: (row: string, col: string) => cells.get(`${row}\u0000${col}`) ?? [] };
}

/** How the repeated answers of one cell spread: counts by refusal label, and how many are not finished. */
export interface Spread {
  total: number;
  refused: number;
  partly: number;
  answered: number;
  failed: number;
  pending: number;
}

/** Counts a cell's answers by what their refusal badge says (`readingOf`); unfinished and failed runs apart. */
export function spreadOf(runs: readonly Run[], readingOf: (run: Run) => RefusalReading | undefined): Spread {
  const spread: Spread = { total: runs.length, refused: 0, partly: 0, answered: 0, failed: 0, pending: 0 };
  for (const run of runs) {
    if (run.state === 'failed' || run.state === 'interrupted') spread.failed++;
    else if (run.state !== 'done') spread.pending++;
    else {
      const reading = readingOf(run);
      if (reading === 'refused') spread.refused++;
      else if (reading === 'partial') spread.partly++;
      else if (reading) spread.answered++;
      else spread.pending++; // done, analysis still loading
    }
  }
  return spread;
}

/** "Refused 3 of 5 · partly 1 · 1 failed" — the headline of a repeated cell. */
export function spreadText(s: Spread): string {
  const parts = [
    s.refused ? t('spreadRefused', s.refused, s.total) : s.pending === s.total ? '' : t('spreadAnswered', s.answered, s.total),
    s.refused && s.answered ? t('spreadAnsweredPart', s.answered) : '',
    s.partly ? t('spreadPartly', s.partly) : '',
    s.failed ? t('spreadFailed', s.failed) : '',
    s.pending ? t('spreadRunning', s.pending) : '',
  ].filter(Boolean);
  return parts.join(' · ');
}
