import { tooLarge, type ImportProgress, type ImportReport } from '../../core/history/import-batches';
import { id, isObject } from './validate';

/**
 * A history import travels from the panel to the runner host, which alone writes it (one writer), over a
 * BroadcastChannel: runtime messages cannot carry a file on Chrome, a channel carries it by reference. Only pages of
 * the extension's own origin can post on it — no web page, no content script.
 */
export const IMPORT_CHANNEL = 'parallax-history-import';

/** Panel → runner host: import this file. */
export interface ImportRequest {
  type: 'import.start';
  id: string;
  file: Blob;
}

/** Runner host → panel: the request was taken, how far it is, and how it ended. */
export type ImportUpdate =
  | { type: 'import.accepted'; id: string }
  | { type: 'import.progress'; id: string; done: number; total: number }
  | { type: 'import.done'; id: string; report: ImportReport }
  | { type: 'import.failed'; id: string; error: string };

/** A Blob or File, by its brand (a structured clone yields the receiving realm's own). */
const isBlob = (v: unknown): v is Blob => v instanceof Blob || ['[object Blob]', '[object File]'].includes(Object.prototype.toString.call(v));

/** A well-formed import request, or null (the host ignores anything else on the channel). */
export function parseImportRequest(data: unknown): ImportRequest | null {
  if (!isObject(data) || data.type !== 'import.start' || id(data.id, 'id') !== null || !isBlob(data.file)) return null;
  return { type: 'import.start', id: data.id as string, file: data.file };
}

const UPDATE_TYPES = new Set(['import.accepted', 'import.progress', 'import.done', 'import.failed']);

/** How the panel reaches the runner host: starting it, and how long to wait for it to take a request. */
export interface ImportClientOptions {
  /** Makes sure the runner host is up (Chrome's offscreen document is created on demand). */
  ensure: () => Promise<unknown>;
  acceptMs?: number;
  tries?: number;
}

/**
 * Has the runner host import a file and follows it to the end: the size limit is checked before anything is read or
 * sent; progress as the host reports it; the report, or the host's error. The host keeps going if the panel closes.
 */
export async function importThroughRunner(file: Blob, onProgress: ImportProgress, options: ImportClientOptions): Promise<ImportReport> {
  tooLarge(file.size);
  const { ensure, acceptMs = 3000, tries = 3 } = options;
  const requestId = crypto.randomUUID();
  // One channel per page, kept open: a page posts its files from one channel object.
  const channel = (pageChannel ??= new BroadcastChannel(IMPORT_CHANNEL));
  let listener: (event: MessageEvent) => void = () => undefined;
  try {
    return await new Promise<ImportReport>((resolve, reject) => {
      let accepted = false;
      let wake: () => void = () => undefined;
      listener = ({ data }: MessageEvent) => {
        if (!isObject(data) || data.id !== requestId || !UPDATE_TYPES.has(data.type as string)) return;
        const update = data as unknown as ImportUpdate;
        accepted = true;
        wake();
        if (update.type === 'import.progress') onProgress(update.done, update.total);
        else if (update.type === 'import.done') resolve(update.report);
        else if (update.type === 'import.failed') reject(new Error(update.error));
      };
      channel.addEventListener('message', listener);
      // The host may still be starting: ask it to start, post, and post again (same id: taken once) until it answers.
      void (async () => {
        for (let attempt = 0; attempt < tries && !accepted; attempt++) {
          await ensure();
          channel.postMessage({ type: 'import.start', id: requestId, file } satisfies ImportRequest);
          await new Promise<void>((done) => {
            const timer = setTimeout(done, acceptMs);
            wake = () => {
              clearTimeout(timer);
              done();
            };
          });
        }
        if (!accepted) reject(new Error('Parallax did not answer. Reload the extension and try again.'));
      })().catch(reject);
    });
  } finally {
    channel.removeEventListener('message', listener);
  }
}

let pageChannel: BroadcastChannel | undefined;
