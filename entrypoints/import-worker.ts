import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { getDb } from '@/utils/platform/db/schema';
import { serveImportWorker } from '@/utils/platform/runner-host/import-service';

/** The runner host's import worker (see importInWorker): reads, checks and stores one history import. */
export default defineUnlistedScript(() => serveImportWorker(self, getDb));
