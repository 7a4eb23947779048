import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { getDb } from '@/utils/platform/db/schema';
import { serveImportWorker } from '@/utils/platform/runner-host/import-service';
import type { WorkerScope } from '@/utils/platform/worker-scope';

/** The runner host's import worker (see importInWorker): reads, checks and stores one history import. */
export default defineUnlistedScript(() => serveImportWorker(self as unknown as WorkerScope, getDb));
