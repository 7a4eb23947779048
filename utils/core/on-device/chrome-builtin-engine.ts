import { ProviderError } from '../providers/errors';

/** Chrome's availability states for its built-in model (Prompt API), plus 'unsupported' when there is no API. */
export type BuiltinAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** What the settings page shows about Chrome's built-in model. */
export interface BuiltinStatus {
  availability: BuiltinAvailability | 'unsupported';
  /** One sentence a user can act on. */
  message: string;
}

/** A `downloadprogress` event: `loaded` is a fraction (0–1) in current Chrome; older builds sent bytes and `total`. */
export interface DownloadProgressLike extends Event {
  loaded: number;
  total?: number;
}

/** A message in `initialPrompts`. */
export interface LanguageModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The options of `LanguageModel.create()` used here. */
export interface LanguageModelCreateOptions {
  expectedInputs?: { type: 'text'; languages?: string[] }[];
  expectedOutputs?: { type: 'text'; languages?: string[] }[];
  initialPrompts?: LanguageModelMessage[];
  /** Deprecated for web pages, still honoured for extensions in some Chrome builds. */
  temperature?: number;
  topK?: number;
  signal?: AbortSignal;
  monitor?: (monitor: EventTarget) => void;
}

/** A prompt session (`LanguageModel` instance). */
export interface LanguageModelSession {
  promptStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  destroy(): void;
}

/** Sampling limits from `LanguageModel.params()` (extensions only, being phased out). */
interface LanguageModelParams {
  defaultTopK: number;
  maxTopK: number;
  defaultTemperature: number;
  maxTemperature: number;
}

/** The static side of Chrome's `LanguageModel` global, as far as Parallax uses it. */
export interface LanguageModelApi {
  availability(options?: LanguageModelCreateOptions): Promise<string>;
  create(options?: LanguageModelCreateOptions): Promise<LanguageModelSession>;
  params?(): Promise<LanguageModelParams | null>;
}

/** Text in, text out: passed to availability() and create() alike, so both answer the same question. */
export const TEXT_IO: Pick<LanguageModelCreateOptions, 'expectedInputs' | 'expectedOutputs'> = {
  expectedInputs: [{ type: 'text' }],
  expectedOutputs: [{ type: 'text' }],
};

/** Chrome's `LanguageModel` in this context (a window: extension page or offscreen document), if there is one. */
export function languageModelApi(scope: object = globalThis): LanguageModelApi | undefined {
  const api = (scope as { LanguageModel?: Partial<LanguageModelApi> }).LanguageModel;
  return api && typeof api.availability === 'function' && typeof api.create === 'function' ? (api as LanguageModelApi) : undefined;
}

/** Maps what availability() returned (including the names of early builds) to the four states. */
export function normaliseAvailability(value: unknown): BuiltinAvailability {
  switch (value) {
    case 'available':
    case 'readily':
      return 'available';
    case 'downloadable':
    case 'after-download':
      return 'downloadable';
    case 'downloading':
      return 'downloading';
    default:
      return 'unavailable';
  }
}

export const STATUS_MESSAGES: Record<BuiltinStatus['availability'], string> = {
  unsupported:
    "This browser has no built-in model API. Chrome's built-in model (Gemini Nano) needs desktop Chrome 138 or later on Windows, macOS, Linux or a Chromebook Plus.",
  unavailable:
    'Chrome says this device cannot run its built-in model. It needs about 22 GB of free disk space and a GPU with more than 4 GB of memory (or 16 GB of RAM and 4 CPU cores); chrome://on-device-internals shows the reason.',
  downloadable:
    "Chrome's built-in model is not downloaded yet. Download it in Settings → Chrome's built-in model (a one-time download of a few GB), then retry.",
  downloading: "Chrome is still downloading its built-in model. Follow the download in Settings → Chrome's built-in model, then retry.",
  available: "Chrome's built-in model is downloaded and ready.",
};

/** Availability of the built-in model, with a message. Never starts a download. */
export async function chromeBuiltinStatus(api: LanguageModelApi | undefined = languageModelApi()): Promise<BuiltinStatus> {
  if (!api) return { availability: 'unsupported', message: STATUS_MESSAGES.unsupported };
  try {
    const availability = normaliseAvailability(await api.availability(TEXT_IO));
    return { availability, message: STATUS_MESSAGES[availability] };
  } catch (err) {
    const error = classifyChromeBuiltinError(err);
    return { availability: 'unavailable', message: error.message };
  }
}

/** Progress as a fraction 0–1, whichever way the event reports it. */
export function progressFraction(event: { loaded: number; total?: number }): number {
  const total = typeof event.total === 'number' && event.total > 1 ? event.total : 1;
  const fraction = event.loaded / total;
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}

/**
 * Downloads Chrome's built-in model (or follows a download already under way). Call it from a click: Chrome
 * only starts the download with a user gesture. Aborting stops waiting; Chrome may finish the download anyway.
 */
export async function downloadChromeBuiltin(
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
  api: LanguageModelApi | undefined = languageModelApi(),
): Promise<void> {
  if (!api) throw new ProviderError('unsupported', STATUS_MESSAGES.unsupported);
  try {
    // No await before create(): the click's user activation must still be there.
    const session = await api.create({
      ...TEXT_IO,
      signal,
      monitor: (m) => m.addEventListener('downloadprogress', (e) => onProgress(progressFraction(e as DownloadProgressLike))),
    });
    session.destroy();
    onProgress(1);
  } catch (err) {
    throw classifyChromeBuiltinError(err, signal);
  }
}

const nameOf = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && typeof (err as { name?: unknown }).name === 'string' ? (err as { name: string }).name : undefined;

/** Turns what the Prompt API threw (DOMExceptions by name) into a {@link ProviderError} a user can act on. */
export function classifyChromeBuiltinError(err: unknown, signal?: AbortSignal): ProviderError {
  if (err instanceof ProviderError) return err;
  if (signal?.aborted) {
    return nameOf(signal.reason) === 'TimeoutError'
      ? new ProviderError('timeout', "Chrome's built-in model did not answer in time. Try again.")
      : new ProviderError('aborted', 'Cancelled.');
  }
  const raw = err instanceof Error ? err.message : String(err);
  const detail = raw ? ` (${raw.slice(0, 200)})` : '';
  switch (nameOf(err)) {
    case 'AbortError':
      return new ProviderError('aborted', 'Cancelled.');
    case 'TimeoutError':
      return new ProviderError('timeout', "Chrome's built-in model did not answer in time. Try again.");
    case 'NotAllowedError':
      return new ProviderError(
        'forbidden',
        `Chrome did not allow its built-in model${detail}. It may be turned off by a policy or in chrome://flags, or the download has not been started: start it in Settings → Chrome's built-in model.`,
      );
    case 'NotSupportedError':
      return new ProviderError(
        'unsupported',
        `Chrome's built-in model cannot handle this request${detail}: the language or an option is not supported, or this device cannot run the model. Check chrome://on-device-internals, or pick another model.`,
      );
    case 'QuotaExceededError':
      return new ProviderError(
        'bad_request',
        `The prompt is too long for Chrome's built-in model (its context window is small)${detail}. Shorten it and try again.`,
      );
    case 'NotReadableError':
      return new ProviderError('blocked', `Chrome withheld the built-in model's answer: its filter judged the output harmful or unreliable${detail}.`);
    case 'InvalidStateError':
      return new ProviderError('bad_response', `Chrome's built-in model session was closed before the answer finished${detail}. Try again.`);
    default:
      return new ProviderError('bad_response', `Chrome's built-in model failed${detail}. Try again; if it keeps failing, check chrome://on-device-internals.`);
  }
}
