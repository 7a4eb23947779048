import type { ImportProgress, ImportReport } from '../../core/history/import-batches';
import { importBlob } from '../db/import-write';
import type { ParallaxDB } from '../db/schema';
import { IMPORT_CHANNEL, parseImportRequest, type ImportUpdate } from '../messaging/history-import';
import type { WorkerScope } from '../worker-scope';

/** Runs one import: in a worker in the extension, in-process in tests. */
export type RunImport = (file: Blob, onProgress: ImportProgress) => Promise<ImportReport>;

/**
 * The runner host's side of history imports: takes requests from panels on the import channel, one at a time, and
 * reports progress and the outcome to the panel that asked. Returns a function that stops serving.
 */
export function serveHistoryImport(run: RunImport): () => void {
  const channel = new BroadcastChannel(IMPORT_CHANNEL);
  const post = (update: ImportUpdate) => channel.postMessage(update);
  let current: string | null = null;
  channel.onmessage = ({ data }: MessageEvent) => {
    const request = parseImportRequest(data);
    if (!request) return;
    if (request.id === current) {
      post({ type: 'import.accepted', id: current }); // asked again while starting
      return;
    }
    if (current) {
      post({ type: 'import.failed', id: request.id, error: 'Another import is under way. Try again when it has finished.' });
      return;
    }
    const id = (current = request.id);
    post({ type: 'import.accepted', id });
    run(request.file, (done, total) => post({ type: 'import.progress', id, done, total }))
      .then(
        (report) => post({ type: 'import.done', id, report }),
        (err: unknown) => post({ type: 'import.failed', id, error: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => (current = null));
  };
  return () => channel.close();
}

/** Messages between the runner host and its import worker. */
type WorkerReply = { type: 'progress'; done: number; total: number } | { type: 'done'; report: ImportReport } | { type: 'failed'; error: string };

/**
 * Imports in a worker the runner host starts for the purpose (/import-worker.js): reading, parsing and writing stay
 * off the host's own thread, so answers stream on while a large file is imported.
 */
export const importInWorker: RunImport = (file, onProgress) => {
  const worker = new Worker('/import-worker.js');
  return new Promise<ImportReport>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      if (data.type === 'progress') onProgress(data.done, data.total);
      else if (data.type === 'done') resolve(data.report);
      else reject(new Error(data.error));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'The import stopped unexpectedly; nothing was imported.'));
    worker.postMessage({ file });
  }).finally(() => worker.terminate());
};

/** The import worker's side: imports the file it is sent into `db` and reports back. */
export function serveImportWorker(scope: WorkerScope, db: () => ParallaxDB): void {
  scope.onmessage = ({ data }: MessageEvent<{ file: Blob }>) => {
    const reply = (message: WorkerReply) => scope.postMessage(message);
    importBlob(db(), data.file, (done, total) => reply({ type: 'progress', done, total })).then(
      (report) => reply({ type: 'done', report }),
      (err: unknown) => reply({ type: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
  };
}
