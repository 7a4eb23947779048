import type { ImportProgress, ImportReport } from '@/utils/core/history/import-batches';
import type { ExportReply, ExportedFile, ExportRequest, ExportWorkerMessage } from '@/utils/platform/db/export-file';
import { t } from '@/utils/core/i18n';
import { importThroughRunner } from '@/utils/platform/messaging/history-import';
import { send } from '@/utils/platform/messaging/client';

/** How the panel's history imports and exports: the runner host writes imports, a worker reads exports. */
export interface HistoryTransfers {
  importFile: (file: Blob, onProgress: ImportProgress) => Promise<ImportReport>;
  exportFile: (request: ExportRequest) => Promise<ExportedFile>;
}

/** Imports through the runner host (the one writer), which it starts if need be. */
export const importInRunner = (file: Blob, onProgress: ImportProgress) => importThroughRunner(file, onProgress, { ensure: () => send('runner.ensure', {}) });

/**
 * Builds an export in a worker (/export-worker.js): reading tens of thousands of answers and writing them out takes
 * a second or more, and the panel stays responsive meanwhile. The worker only reads the database.
 */
export function exportInWorker(request: ExportRequest): Promise<ExportedFile> {
  const worker = new Worker('/export-worker.js');
  return new Promise<ExportedFile>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ExportReply>) => (data.ok ? resolve(data.file) : reject(new Error(data.error)));
    worker.onerror = (event) => reject(new Error(event.message || 'The export stopped unexpectedly.'));
    worker.postMessage({ ...request, locale: t('uiLocale') } satisfies ExportWorkerMessage);
  }).finally(() => worker.terminate());
}
