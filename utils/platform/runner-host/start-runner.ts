import { browser } from 'wxt/browser';
import { originOf } from '../messaging/senders';
import { getDb } from '../db/schema';
import { dexieRunStore } from '../db/run-store';
import { providerFor } from '../../core/providers/registry';
import { BROWSER_CONNECTIONS_PER_HTTP_HOST, createRunner, type Runner } from '../../core/runner/runner';
import { createLiveHub } from './live-hub';
import { webLlmHost } from '../../core/on-device/webllm-engine';
import { createBatchPump, type BatchPump } from '../../core/batches/pump';
import { dexieBatchStore } from '../db/batch-store';
import { hostTranslator, type SettingsSource } from './translator-for';
import { importInWorker, serveHistoryImport } from './import-service';

/**
 * Starts the runner in the current extension context (Chrome: the offscreen document; Firefox: the background
 * page): marks runs a previous runner left mid-stream as interrupted, serves live events to panels, and starts
 * whatever is queued. Call inside an entrypoint's main().
 */
export async function startRunnerHost(apiKeyFor: (providerId: string) => Promise<string | undefined>, settings?: SettingsSource): Promise<Runner> {
  const hub = createLiveHub(originOf(browser.runtime.getURL('/')));
  browser.runtime.onConnect.addListener((port) => hub.accept(port));
  // History imports are written here too (one writer), by a worker of this host.
  serveHistoryImport(importInWorker);
  const translation = hostTranslator(apiKeyFor, settings);
  const runner = createRunner({
    store: dexieRunStore(getDb()),
    providerFor,
    apiKeyFor,
    connectionsPerHttpHost: BROWSER_CONNECTIONS_PER_HTTP_HOST,
    get translator() {
      return translation.current(); // from settings, read as each run starts
    },
    onEvent: (event) => {
      hub.publish(event);
      batches.onEvent(event); // a settled answer lets its batch (probe set, survey) queue the next units
    },
  });
  const batches: BatchPump = createBatchPump(dexieBatchStore(getDb()), { now: Date.now, newId: () => crypto.randomUUID(), wake: () => runner.wake() });
  webLlmHost().subscribe((event) => hub.publish({ type: 'engine', event }));
  await translation.ready;
  await runner.recover();
  await batches.resumeAll(); // batches cut off by a closed browser ask their interrupted answers again
  await runner.wake();
  return runner;
}
