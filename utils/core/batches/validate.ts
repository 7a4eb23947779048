/**
 * Reading a batch record's `data` back: the shape is checked before the background acts on it, so a damaged or
 * foreign record fails with a reason instead of queuing nonsense.
 */
import { BATCH_FORMAT, BATCH_VERSION, type BatchData, type BatchStatus } from './types';

const STATUSES: readonly BatchStatus[] = ['ready', 'running', 'paused', 'cancelled', 'done'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The first problem with a batch's data, or null when it can be run. */
export function batchDataProblem(raw: unknown): string | null {
  if (!isRecord(raw)) return 'the batch has no plan';
  if (raw.format !== BATCH_FORMAT || raw.version !== BATCH_VERSION) return `the batch was written by another version of Parallax (${String(raw.format)} ${String(raw.version)})`;
  if (!STATUSES.includes(raw.status as BatchStatus)) return `unknown batch status "${String(raw.status)}"`;
  if (!Array.isArray(raw.targets) || !raw.targets.length) return 'the batch has no endpoints';
  for (const t of raw.targets) {
    if (!isRecord(t) || !isText(t.providerId) || !isText(t.providerKind) || !isText(t.model) || typeof t.baseUrl !== 'string') return 'an endpoint of the batch is incomplete';
  }
  if (!Array.isArray(raw.units) || !raw.units.length) return 'the batch has no prompts';
  const keys = new Set<string>();
  for (const u of raw.units) {
    if (!isRecord(u) || !isText(u.key) || !isText(u.prompt) || !isText(u.language)) return 'a prompt of the batch is incomplete';
    if (keys.has(u.key)) return `the batch lists "${u.key}" twice`;
    keys.add(u.key);
  }
  if (!Number.isInteger(raw.window) || (raw.window as number) < 1) return 'the batch has no window size';
  if (!isRecord(raw.created) || !Object.values(raw.created).every(isText)) return 'the batch progress is damaged (created)';
  if (!Array.isArray(raw.settled) || !raw.settled.every((k) => typeof k === 'string' && keys.has(k))) return 'the batch progress is damaged (settled)';
  if (typeof raw.updatedAt !== 'number') return 'the batch has no update time';
  if (raw.survey !== undefined && (!isRecord(raw.survey) || !isRecord(raw.survey.instrument))) return 'the survey of the batch is incomplete';
  return null;
}

/** The batch's data, or an Error saying why it cannot be used. Returns a copy the caller may change. */
export function readBatchData(raw: unknown): BatchData {
  const problem = batchDataProblem(raw);
  if (problem) throw new Error(`This batch cannot be run: ${problem}.`);
  return structuredClone(raw) as BatchData;
}
