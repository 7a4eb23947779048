import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { getDb } from '@/utils/platform/db/schema';
import { serveExportWorker } from '@/utils/platform/db/export-file';

/** The side panel's export worker (see exportInWorker): reads the history and writes the file. Reads only. */
export default defineUnlistedScript(() => serveExportWorker(self, getDb));
