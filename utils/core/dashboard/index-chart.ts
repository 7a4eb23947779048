/**
 * What the Studies page's index chart draws: per index, each model × language's mean with its 95 % interval on
 * one axis, and published values as reference marks at the run's constant. Pure data; the page draws it.
 */
import type { SurveyCell } from '../batches/survey-results';
import { referenceAt, type ReferenceVector } from '../surveys/vsm-references';

/** One model × language on one index. */
interface IndexRow {
  label: string;
  /** Position of the endpoint among the run's endpoints (its colour). */
  series: number;
  mean: number | null;
  low: number | null;
  high: number | null;
}

/** One index: its axis, rows and reference marks. */
export interface IndexPanel {
  id: string;
  name: string;
  domain: [number, number];
  ticks: number[];
  rows: IndexRow[];
  marks: { reference: string; value: number }[];
}

/** Round steps (1, 2, 2.5, 5 × 10ⁿ) giving about `count` ticks over [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  const last = Math.ceil(hi / step - 1e-9) * step;
  for (let v = Math.floor(lo / step + 1e-9) * step; v <= last + step * 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6 + 0);
  return out;
}

/**
 * Panels in index order. The axis spans every mean and shown mark (and 0), and intervals as far as half that span
 * again on either side (two repetitions give intervals wider than any score; the table has their ends), rounded
 * out to ticks. `constants` are the run's C per index; `references` the marks to show.
 */
export function indexPanels(
  cells: readonly SurveyCell[],
  indices: readonly { id: string; name: string }[],
  constants: Record<string, number>,
  references: readonly ReferenceVector[],
): IndexPanel[] {
  const providers = [...new Set(cells.map((c) => `${c.providerLabel}\u0000${c.model}`))];
  return indices.map(({ id, name }) => {
    const rows = cells.map((c): IndexRow => {
      const s = c.indices[id];
      return {
        label: c.label,
        series: providers.indexOf(`${c.providerLabel}\u0000${c.model}`),
        mean: s?.mean ?? null,
        low: s?.low ?? null,
        high: s?.high ?? null,
      };
    });
    const marks = references.flatMap((r) => {
      const value = referenceAt(r, id, constants[id] ?? 0);
      return value === undefined ? [] : [{ reference: r.id, value }];
    });
    const core = [0, ...rows.map((r) => r.mean).filter((v): v is number => v !== null), ...marks.map((m) => m.value)];
    const [coreLo, coreHi] = [Math.min(...core), Math.max(...core)];
    const reach = (coreHi - coreLo || Math.max(1, Math.abs(coreHi))) / 2;
    const lows = rows.map((r) => r.low).filter((v): v is number => v !== null);
    const highs = rows.map((r) => r.high).filter((v): v is number => v !== null);
    const lo = Math.min(coreLo, Math.max(Math.min(coreLo, ...lows), coreLo - reach));
    const hi = Math.max(coreHi, Math.min(Math.max(coreHi, ...highs), coreHi + reach));
    const ticks = niceTicks(lo, hi);
    return { id, name, domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks, rows, marks };
  });
}
