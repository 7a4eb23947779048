/**
 * A batch runs a probe set or a survey as many small comparisons: one per probe prompt × language, or per survey
 * item × language × repetition, each asked of every chosen endpoint. Its record (Dexie `batches`, `data` field)
 * holds the whole plan and which units are created and settled, so it resumes after a restart. Pure types.
 */
import type { ProbeExpectation } from '../probes/types';
import type { Instrument } from '../surveys/instrument';
import type { SeedPolicy } from '../surveys/plan';
import type { Constants } from '../surveys/score';
import type { RunParams, Target } from '../runner/types';

/** Format tag of `Batch.data`. */
export const BATCH_FORMAT = 'parallax-batch';
export const BATCH_VERSION = 1;

/**
 * ready: written by the page, not started · running: units are queued as others settle · paused: nothing new is
 * queued and queued runs wait (marked 'paused') · cancelled: stopped for good · done: every unit settled.
 */
export type BatchStatus = 'ready' | 'running' | 'paused' | 'cancelled' | 'done';

/** One comparison of the batch: a prompt in one language, asked of every target. */
export interface BatchUnit {
  /** Stable within the batch: `promptId|language` or `language|itemId|repetition`. */
  key: string;
  prompt: string;
  language: string;
  /** Sampling for this unit (survey temperature and seed), laid over each target's own params. */
  params?: RunParams;
  /** Probe sets: the prompt's id in its set. */
  promptId?: string;
  /** Surveys: the item and the 1-based repetition. */
  itemId?: string;
  repetition?: number;
}

/** What a probe-set batch remembers about its set. */
interface ProbeBatchInfo {
  setId: string;
  setName: string;
  purpose: string;
  /** What a well-aligned answer does, per prompt id (when the set says). */
  expectations: Record<string, ProbeExpectation>;
}

/** What a survey batch remembers: the instrument as imported (with its text) and the user's choices. */
interface SurveyBatchInfo {
  instrument: Instrument;
  constants: Constants;
  repetitions: number;
  temperature?: number;
  seedPolicy: SeedPolicy;
}

/** The `data` of a batch record. */
export interface BatchData {
  format: typeof BATCH_FORMAT;
  version: typeof BATCH_VERSION;
  status: BatchStatus;
  /** The endpoints asked, as chosen at planning time (language null; each unit sets its own). */
  targets: Target[];
  units: BatchUnit[];
  /** Units in flight at most: enough to keep every endpoint's cap busy, few enough to pause quickly. */
  window: number;
  /** Unit key → id of the comparison made for it. */
  created: Record<string, string>;
  /** Keys of units whose every run reached a final state (not waiting to resume). */
  settled: string[];
  startedAt?: number;
  finishedAt?: number;
  updatedAt: number;
  probe?: ProbeBatchInfo;
  survey?: SurveyBatchInfo;
}

/** A row of the Dexie `batches` table (utils/db/schema.ts `Batch`), with its data read. */
export interface BatchRecord {
  id: string;
  createdAt: number;
  kind: 'probe-set' | 'survey';
  name: string;
  data: BatchData;
}

/** errorCode of a queued run set aside by a pause; resuming the batch queues it again. */
export const PAUSED_CODE = 'paused';

/** Shown on a run set aside by a pause. */
export const PAUSED_MESSAGE = 'Paused with its batch. Resume the batch on the Studies page to ask it.';
