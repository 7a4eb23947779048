import type { ListedModel, ModelRef } from '../../core/on-device/webllm-engine';
import type { WebGpuStatus } from '../../core/on-device/webgpu';
import { modelUrlProblem } from '../../core/on-device/model-source';
import { arrayOf, empty, id, isObject, optional, str, type Validator } from './validate';
import { MAX_PROMPT_CHARS } from './limits';
import { CAPTURE_ROLES, CAPTURE_VALIDATORS, contextTurns, type CaptureMessages, type ContextTurn } from './protocol-capture';
import { COMPOSE_ROLES, COMPOSE_VALIDATORS, type ComposeMessages } from './protocol-compose';
import { BATCH_ROLES, BATCH_VALIDATORS, type BatchMessages } from './protocol-batch';
import { HISTORY_ROLES, HISTORY_VALIDATORS, type HistoryMessages } from './protocol-history';
import { ENDPOINT_ROLES, ENDPOINT_VALIDATORS, type EndpointMessages } from './protocol-endpoints';

/** What the on-device engine host reports to the settings page. */
export interface EngineInfo {
  webgpu: WebGpuStatus;
  /** Chat and embedding models this device can run, and the custom models asked about. */
  models: ListedModel[];
  defaultModel: string | null;
  /** The embedding model offered first for divergence by meaning. */
  defaultEmbeddingModel: string | null;
  /** The chat model loaded. */
  loadedModel: string | null;
  /** Every model loaded (chat and embedding). */
  loadedModels: string[];
  loadingModel: string | null;
}

/** Texts one `engine.embed` may carry (the panel sends each answer's opening part). */
const MAX_EMBED_TEXTS = 64;
const MAX_EMBED_CHARS = 20_000;

/**
 * The one message map of Parallax. Every message is `{ type, payload }`; every reply is a {@link Reply}.
 * `from` says which contexts may send it; the router enforces it (see senders.ts) and validates the payload.
 */
export interface ProtocolMap extends CaptureMessages, ComposeMessages, BatchMessages, HistoryMessages, EndpointMessages {
  /** A content script picked up a prompt the user sent on a chat page. */
  'prompt.captured': {
    from: 'content';
    /** `context`: the conversation's previous turns on the page (at most the last 10), kept with the comparison. */
    payload: { text: string; url: string; via: 'enter' | 'button' | 'form'; context?: ContextTurn[] };
    /**
     * `ignored`: nothing was stored ('paused': capture is paused; 'rate': too many prompts from this tab in a minute).
     * `notice`: what the page indicator should say instead of the plain "picked this up" (refusals, runs held).
     */
    reply: { comparisonId: string | null; ignored?: 'paused' | 'rate'; notice?: string };
  };
  /** Ask a failed, interrupted or finished run again. */
  'run.retry': { from: 'ui'; payload: { runId: string }; reply: { runId: string } };
  /** Stop a queued or streaming run (partial text kept). */
  'run.cancel': { from: 'ui'; payload: { runId: string }; reply: { runId: string } };
  /** Stop every queued or streaming run of a comparison. */
  'comparison.cancel': { from: 'ui'; payload: { comparisonId: string }; reply: { cancelled: number } };
  /** Make sure the runner is up (the panel sends this when it opens). */
  'runner.ensure': { from: 'ui'; payload: Record<string, never>; reply: { ready: true } };
  /** On-device engine (answered by the runner host page): WebGPU, models this device can run, what is loaded. */
  'engine.info': { from: 'ui'; payload: { custom?: ModelRef[] }; reply: EngineInfo };
  /** Download (if needed) and load a model; progress arrives as live 'engine' events. */
  'engine.load': { from: 'ui'; payload: ModelRef; reply: { started: true } };
  /** Stop a download or load in progress. */
  'engine.cancel': { from: 'ui'; payload: Record<string, never>; reply: { cancelled: true } };
  /** Delete a downloaded model from the cache (and forget its library's recorded hash). */
  'engine.delete': { from: 'ui'; payload: ModelRef; reply: { deleted: true } };
  /** Free a loaded model's GPU memory (its download stays). */
  'engine.unload': { from: 'ui'; payload: { modelId: string }; reply: { unloaded: true } };
  /** Embed texts with a downloaded on-device embedding model (divergence by meaning): nothing leaves the machine. */
  'engine.embed': { from: 'ui'; payload: ModelRef & { texts: string[] }; reply: { vectors: number[][] } };
  /** Background → runner host: there is queued work. */
  'runner.wake': { from: 'background'; payload: Record<string, never>; reply: { started: number } };
  /** Background → runner host: cancel one run. */
  'runner.cancel': { from: 'background'; payload: { runId: string }; reply: { cancelled: boolean } };
  /** Background → runner host: cancel every unfinished run of a comparison. */
  'runner.cancelAll': { from: 'background'; payload: { comparisonId: string }; reply: { cancelled: number } };
  /** Runner host → background: the API key of a provider (never sent to a content script). */
  'runner.apiKey': { from: 'runner'; payload: { providerId: string }; reply: { apiKey: string } };
  /** Runner host → background: may a request go to this URL (loopback, or an origin the user granted)? `problem` says why not. */
  'runner.endpoint': { from: 'runner'; payload: { url: string }; reply: { problem: string | null } };
  /** Runner host → background: the settings (no keys). Chrome's offscreen document has no storage API. */
  'runner.settings': { from: 'runner'; payload: Record<string, never>; reply: { settings: unknown } };
}

export type MessageType = keyof ProtocolMap;
export type Payload<K extends MessageType> = ProtocolMap[K]['payload'];
export type ReplyData<K extends MessageType> = ProtocolMap[K]['reply'];
export type SenderRole = ProtocolMap[MessageType]['from'];

/** A message on the wire. */
export interface Message<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}

/** Every reply: data, or an error written for the user. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export type { LiveEvent } from '../../core/runner/types';

export const LIVE_PORT = 'parallax-live';

export { MAX_PROMPT_CHARS } from './limits';

/** A model address: https:, or http: on this machine (model code must not cross a network unprotected). */
const url = (v: unknown, name: string) =>
  v === undefined ? null : (str(v, name, 2048) ?? (modelUrlProblem(v as string) ? `${name} must be an https: address (or http: on this computer)` : null));
const modelRef: Validator = (p) =>
  !isObject(p)
    ? 'payload must be an object'
    : (str(p.modelId, 'modelId', 200) ??
      url(p.modelUrl, 'modelUrl') ??
      url(p.modelLib, 'modelLib') ??
      optional(p.integrity, (v) => str(v, 'integrity', 200)) ??
      optional(p.kind, (v) => (v === 'chat' || v === 'embedding' ? null : 'kind must be chat or embedding')));

/** Which role may send each message type. */
export const SENDER_ROLE: { [K in MessageType]: ProtocolMap[K]['from'] } = {
  ...CAPTURE_ROLES,
  ...COMPOSE_ROLES,
  ...BATCH_ROLES,
  ...HISTORY_ROLES,
  ...ENDPOINT_ROLES,
  'prompt.captured': 'content',
  'run.retry': 'ui',
  'run.cancel': 'ui',
  'comparison.cancel': 'ui',
  'runner.ensure': 'ui',
  'engine.info': 'ui',
  'engine.load': 'ui',
  'engine.cancel': 'ui',
  'engine.delete': 'ui',
  'engine.unload': 'ui',
  'engine.embed': 'ui',
  'runner.wake': 'background',
  'runner.cancel': 'background',
  'runner.cancelAll': 'background',
  'runner.apiKey': 'runner',
  'runner.endpoint': 'runner',
  'runner.settings': 'runner',
};

const VALIDATORS: { [K in MessageType]: Validator } = {
  ...CAPTURE_VALIDATORS,
  ...COMPOSE_VALIDATORS,
  ...BATCH_VALIDATORS,
  ...HISTORY_VALIDATORS,
  ...ENDPOINT_VALIDATORS,
  'prompt.captured': (p) =>
    !isObject(p)
      ? 'payload must be an object'
      : (str(p.text, 'text', MAX_PROMPT_CHARS) ??
        str(p.url, 'url', 8192) ??
        (['enter', 'button', 'form'].includes(p.via as string) ? null : 'via is not a known send method') ??
        optional(p.context, contextTurns)),
  'run.retry': (p) => (!isObject(p) ? 'payload must be an object' : id(p.runId, 'runId')),
  'run.cancel': (p) => (!isObject(p) ? 'payload must be an object' : id(p.runId, 'runId')),
  'comparison.cancel': (p) => (!isObject(p) ? 'payload must be an object' : id(p.comparisonId, 'comparisonId')),
  'runner.ensure': empty,
  'engine.info': (p) => (!isObject(p) ? 'payload must be an object' : optional(p.custom, (v) => arrayOf(v, 'custom', 50, (item) => modelRef(item)))),
  'engine.load': (p) => modelRef(p),
  'engine.cancel': empty,
  'engine.delete': (p) => modelRef(p),
  'engine.unload': (p) => (!isObject(p) ? 'payload must be an object' : str(p.modelId, 'modelId', 200)),
  'engine.embed': (p) => modelRef(p) ?? arrayOf((p as { texts?: unknown }).texts, 'texts', MAX_EMBED_TEXTS, (t, name) => str(t, name, MAX_EMBED_CHARS)),
  'runner.wake': empty,
  'runner.cancel': (p) => (!isObject(p) ? 'payload must be an object' : id(p.runId, 'runId')),
  'runner.cancelAll': (p) => (!isObject(p) ? 'payload must be an object' : id(p.comparisonId, 'comparisonId')),
  'runner.apiKey': (p) => (!isObject(p) ? 'payload must be an object' : id(p.providerId, 'providerId')),
  'runner.endpoint': (p) => (!isObject(p) ? 'payload must be an object' : str(p.url, 'url', 8192)),
  'runner.settings': empty,
};

/** Narrows an unknown value to a known message, or says why it is not one. */
export function parseMessage(raw: unknown): { ok: true; message: Message } | { ok: false; error: string } {
  if (!isObject(raw)) return { ok: false, error: 'message must be an object' };
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(VALIDATORS, type)) return { ok: false, error: `unknown message type ${JSON.stringify(type)}` };
  const error = VALIDATORS[type as MessageType](raw.payload);
  return error ? { ok: false, error: `${type}: ${error}` } : { ok: true, message: { type: type as MessageType, payload: raw.payload as Payload<MessageType> } };
}
