import { browser } from 'wxt/browser';
import { originOf } from '@/utils/platform/messaging/senders';
import { defineBackground } from 'wxt/utils/define-background';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import { captureHandlers } from '@/utils/platform/background/capture-handlers';
import { batchHandlers } from '@/utils/platform/background/batch-handlers';
import { historyHandlers } from '@/utils/platform/background/history-handlers';
import { endpointHandlers } from '@/utils/platform/background/endpoint-handlers';
import { syncCaptureScripts } from '@/utils/platform/background/capture-scripts';
import { registerEntryPoints } from '@/utils/platform/background/entry-points';
import { syncLocalOriginRules } from '@/utils/platform/background/local-origin';
import { inProcessRunnerHost, offscreenRunnerHost } from '@/utils/platform/runner-host/runner-host';
import { getDb } from '@/utils/platform/db/schema';
import { createRouter } from '@/utils/platform/messaging/router';
import { noEngineHandlers } from '@/utils/platform/runner-host/engine-handlers';
import { translationHandlers } from '@/utils/platform/runner-host/translation-handlers';
import { hostTranslator } from '@/utils/platform/runner-host/translator-for';
import { apiKeysItem, enabledSitesOf, settingsItem } from '@/utils/platform/storage/settings';
import { applyRetention, retentionItem } from '@/utils/platform/db/retention';
import { setEndpointPolicy } from '@/utils/core/providers/endpoint-fetch';
import { permissionPolicy } from '@/utils/platform/endpoint-access';
import { restrictStorageToExtension } from '@/utils/platform/storage/access-level';

/** The background is a thin router: listeners here, handlers in utils/background. It keeps no state of its own. */
export default defineBackground(() => {
  // Endpoint calls made here (Firefox's runner and translator) reach only loopback and origins the user granted.
  setEndpointPolicy(permissionPolicy);
  // Keys and settings: extension pages and workers only, never content scripts (Chrome; Firefox has no access levels).
  void restrictStorageToExtension();
  const runner = browser.offscreen ? offscreenRunnerHost() : inProcessRunnerHost(async (providerId) => (await apiKeysItem.getValue())[providerId]);

  // On Chrome the offscreen runner host answers engine messages; Firefox has no on-device engine.
  const core = backgroundHandlers({ db: getDb(), runner });
  const handlers = {
    ...core,
    ...captureHandlers({ db: getDb(), runner }, core),
    ...batchHandlers({ db: getDb(), runner }),
    ...historyHandlers({ db: getDb(), runner }),
    ...endpointHandlers(),
    ...(browser.offscreen ? {} : noEngineHandlers()),
    ...(browser.offscreen ? {} : translationHandlers(hostTranslator(async (id) => (await apiKeysItem.getValue())[id]))),
  };
  const route = createRouter(handlers, {
    answerAll: true,
    context: async () => ({
      extensionId: browser.runtime.id,
      extensionOrigin: originOf(browser.runtime.getURL('/')),
      enabled: enabledSitesOf(await settingsItem.getValue()),
    }),
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill's contract: a listener answers by returning a promise (undefined leaves the message to others)
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  registerEntryPoints(async (spec) => (await core['comparison.start']!(spec, {})).comparisonId);

  const sync = () =>
    settingsItem
      .getValue()
      .then(syncCaptureScripts)
      .catch((err: unknown) => console.error('[parallax] capture registration failed', err));
  settingsItem.watch(() => void sync());
  // Local servers such as Ollama reject the extension's Origin header: strip it for the endpoints configured.
  const syncLocal = () =>
    settingsItem
      .getValue()
      .then((s) => syncLocalOriginRules(s))
      .catch((err: unknown) => console.error('[parallax] local-server rules failed', err));
  settingsItem.watch(() => void syncLocal());
  void syncLocal();
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void sync();
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });

  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  } else {
    // Firefox (MV2): the toolbar button toggles the sidebar.
    const firefox = browser as unknown as { sidebarAction?: { toggle(): Promise<void> }; browserAction?: typeof browser.action };
    (browser.action ?? firefox.browserAction)?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
  }

  // History older than the user's retention period goes when the browser starts and when the period changes.
  const prune = () =>
    retentionItem
      .getValue()
      .then((days) => applyRetention(getDb(), days))
      .catch((err: unknown) => console.error('[parallax] retention failed', err));
  retentionItem.watch(() => void prune());
  void prune();

  void sync();
  void runner
    .ensure()
    .then(() => runner.wake())
    .catch((err: unknown) => console.error('[parallax] runner start failed', err));
});
