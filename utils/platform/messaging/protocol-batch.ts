import type { BatchStatus } from '../../core/batches/types';
import { batchDataProblem } from '../../core/batches/validate';
import type { HandChoice } from '../../core/surveys/hand-reading';
import { firstError, id, isObject, str, type Validator } from './validate';

/** What a batch message did: the batch's status now, runs queued (or queued again), runs stopped or set aside. */
export interface BatchReply {
  status: BatchStatus;
  queued: number;
  stopped: number;
}

/** Messages of batches (probe sets and surveys): start, pause, resume, cancel, and reading survey answers by hand. Part of the one {@link ProtocolMap}. */
export interface BatchMessages {
  /** Save a batch the Studies page planned (status ready): its data is checked here; 'batch.start' runs it. */
  'batch.create': { from: 'ui'; payload: { id: string; kind: 'probe-set' | 'survey'; name: string; data: unknown }; reply: { batchId: string } };
  /** Start a saved batch (status ready). */
  'batch.start': { from: 'ui'; payload: { batchId: string }; reply: BatchReply };
  /** Queue nothing more and set queued runs aside; answers streaming now finish. */
  'batch.pause': { from: 'ui'; payload: { batchId: string }; reply: BatchReply };
  /** Continue a paused batch: set-aside runs are queued again, then new units. */
  'batch.resume': { from: 'ui'; payload: { batchId: string }; reply: BatchReply };
  /** Stop a batch for good (answers so far are kept). */
  'batch.cancel': { from: 'ui'; payload: { batchId: string }; reply: BatchReply };
  /**
   * A person's reading of a finished survey answer (a value on its item's scale, half points allowed, or a
   * refusal), stored on the run with who decided; `null` takes it back (the reader's verdict counts again).
   */
  'survey.read': { from: 'ui'; payload: { runId: string; reading: HandChoice | null }; reply: { runId: string } };
}

/** Which role may send each of these messages. */
export const BATCH_ROLES: { [K in keyof BatchMessages]: BatchMessages[K] extends { from: infer F } ? F : never } = {
  'batch.create': 'ui',
  'batch.start': 'ui',
  'batch.pause': 'ui',
  'batch.resume': 'ui',
  'batch.cancel': 'ui',
  'survey.read': 'ui',
};

const batchId: Validator = (p) =>
  !isObject(p) ? 'payload must be an object' : (id(p.batchId, 'batchId') ?? (Object.keys(p).length === 1 ? null : 'payload has unknown fields'));

const handChoice = (v: unknown): string | null => {
  if (v === null) return null;
  if (!isObject(v)) return 'reading must be { value }, { refused: true } or null';
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'refused') return v.refused === true ? null : 'refused must be true';
  if (keys.length === 1 && keys[0] === 'value') return typeof v.value === 'number' && Number.isFinite(v.value) ? null : 'value must be a number';
  return 'reading must be { value }, { refused: true } or null';
};
const surveyRead: Validator = (p) =>
  !isObject(p)
    ? 'payload must be an object'
    : (id(p.runId, 'runId') ?? handChoice(p.reading) ?? (Object.keys(p).length === 2 ? null : 'payload has unknown fields'));

/** Payload validators of these messages. */
export const BATCH_VALIDATORS: { [K in keyof BatchMessages]: Validator } = {
  'batch.create': (p) =>
    !isObject(p)
      ? 'payload must be an object'
      : firstError(
          id(p.id, 'id'),
          p.kind === 'probe-set' || p.kind === 'survey' ? null : 'kind must be probe-set or survey',
          str(p.name, 'name', 200),
          batchDataProblem(p.data),
        ),
  'batch.start': batchId,
  'batch.pause': batchId,
  'batch.resume': batchId,
  'batch.cancel': batchId,
  'survey.read': surveyRead,
};
