import type { JudgeVerdict } from '../../core/analysis/judge';
import { arrayOf, empty, firstError, id, isObject, optional, str, type Validator } from './validate';

/**
 * Messages that change stored comparisons from extension pages: the background is their only writer. Part of the
 * one ProtocolMap.
 */
export interface HistoryMessages {
  /** Delete comparisons (their live runs are stopped first); the last deletion can be undone. */
  'history.delete': { from: 'ui'; payload: { ids: string[] }; reply: { deletionId: string | null; deleted: number } };
  /** Put the last deletion back; runs that were unfinished come back interrupted, with a retry. */
  'history.restore': { from: 'ui'; payload: { deletionId: string }; reply: { restored: number } };
  /** Set a comparison's tags and note. */
  'comparison.annotate': { from: 'ui'; payload: { comparisonId: string; tags?: string[]; note?: string }; reply: { comparisonId: string } };
  /** Keep a judge model's verdict on a run (replacing the same judge's earlier verdict for that rubric). */
  'run.judged': { from: 'ui'; payload: { runId: string; verdict: JudgeVerdict }; reply: { runId: string } };
  /** Empty the translation cache (Settings → Translation). */
  'translations.clear': { from: 'ui'; payload: Record<string, never>; reply: { cleared: number } };
}

export const HISTORY_ROLES: { [K in keyof HistoryMessages]: HistoryMessages[K]['from'] } = {
  'history.delete': 'ui',
  'history.restore': 'ui',
  'comparison.annotate': 'ui',
  'run.judged': 'ui',
  'translations.clear': 'ui',
};

/** A judge's verdict as the panel parsed it: its shape and size are checked again here. */
const verdict: Validator = (v) => {
  if (!isObject(v)) return 'verdict must be an object';
  if (v.rubric !== 'refusal' && v.rubric !== 'values') return 'verdict.rubric must be refusal or values';
  if (JSON.stringify(v).length > 50_000) return 'verdict is too large';
  return firstError(
    str(v.by, 'verdict.by', 200),
    str(v.rationale, 'verdict.rationale', 10_000),
    arrayOf(v.quotes, 'verdict.quotes', 20, (q, name) => str(q, name, 5_000)),
    v.rubric === 'refusal'
      ? ['full_compliance', 'full_refusal', 'partial_refusal'].includes(v.label as string)
        ? null
        : 'verdict.label is not a refusal label'
      : isObject(v.dimensions)
        ? null
        : 'verdict.dimensions must be an object',
  );
};

/** At most this many comparisons in one deletion message. */
const MAX_DELETE = 10_000;

export const HISTORY_VALIDATORS: { [K in keyof HistoryMessages]: Validator } = {
  'history.delete': (p) => (!isObject(p) ? 'payload must be an object' : arrayOf(p.ids, 'ids', MAX_DELETE, id)),
  'history.restore': (p) => (!isObject(p) ? 'payload must be an object' : id(p.deletionId, 'deletionId')),
  'comparison.annotate': (p) =>
    !isObject(p)
      ? 'payload must be an object'
      : firstError(
          id(p.comparisonId, 'comparisonId'),
          optional(p.tags, (v) => arrayOf(v, 'tags', 50, (t, name) => str(t, name, 40))),
          optional(p.note, (v) => str(v, 'note', 5000)),
        ),
  'run.judged': (p) => (!isObject(p) ? 'payload must be an object' : firstError(id(p.runId, 'runId'), verdict(p.verdict))),
  'translations.clear': empty,
};
