/**
 * Reading a batch record's `data` back: the shape is checked before the background acts on it, so a damaged or
 * foreign record fails with a reason instead of queuing nonsense.
 */
import { BATCH_FORMAT, BATCH_VERSION, type BatchData, type BatchStatus } from './types';

const STATUSES: readonly BatchStatus[] = ['ready', 'running', 'paused', 'cancelled', 'done'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
/** Limits of a batch plan: at most this many endpoints and prompts, prompts as long as any prompt may be. */
const MAX_TARGETS = 100;
const MAX_UNITS = 10_000;
const MAX_PROMPT = 1_000_000;

/** A value as it may be quoted in a reason: short text or a number, else its type (never its own toString). */
const shown = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 40) : typeof v === 'number' ? String(v) : typeof v);

/** The first problem with a batch's data, or null when it can be run. */
export function batchDataProblem(raw: unknown): string | null {
  if (!isRecord(raw)) return 'the batch has no plan';
  if (raw.format !== BATCH_FORMAT || raw.version !== BATCH_VERSION)
    return `the batch was written by another version of Parallax (${shown(raw.format)} ${shown(raw.version)})`;
  if (!STATUSES.includes(raw.status as BatchStatus)) return `unknown batch status "${shown(raw.status)}"`;
  if (!Array.isArray(raw.targets) || !raw.targets.length) return 'the batch has no endpoints';
  if (raw.targets.length > MAX_TARGETS) return 'the batch has too many endpoints';
  for (const t of raw.targets) {
    if (
      !isRecord(t) ||
      !isText(t.providerId) ||
      !isText(t.providerKind) ||
      !isText(t.model) ||
      !isText(t.baseUrl, 2048) ||
      (t.providerLabel !== undefined && !isText(t.providerLabel))
    )
      return 'an endpoint of the batch is incomplete';
  }
  if (!Array.isArray(raw.units) || !raw.units.length) return 'the batch has no prompts';
  if (raw.units.length > MAX_UNITS) return 'the batch has too many prompts';
  const keys = new Set<string>();
  for (const u of raw.units) {
    if (!isRecord(u) || !isText(u.key) || !isText(u.prompt, MAX_PROMPT) || !isText(u.language, 16)) return 'a prompt of the batch is incomplete';
    if (keys.has(u.key)) return `the batch lists "${u.key}" twice`;
    keys.add(u.key);
  }
  if (!Number.isInteger(raw.window) || (raw.window as number) < 1) return 'the batch has no window size';
  if (!isRecord(raw.created) || !Object.values(raw.created).every((v) => isText(v))) return 'the batch progress is damaged (created)';
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
