import { browser } from 'wxt/browser';
import { originOf } from '@/utils/platform/messaging/senders';
import { send } from '@/utils/platform/messaging/client';
import { createRouter } from '@/utils/platform/messaging/router';
import { startRunnerHost } from '@/utils/platform/runner-host/start-runner';
import { engineHandlers } from '@/utils/platform/runner-host/engine-handlers';
import { translationHandlers } from '@/utils/platform/runner-host/translation-handlers';
import { hostTranslator, type SettingsSource } from '@/utils/platform/runner-host/translator-for';

import { provideWebLlm } from '@/utils/core/on-device/webllm-engine';
import { setEndpointPolicy } from '@/utils/core/providers/endpoint-fetch';
import { installMessagesWithoutI18nApi } from '@/utils/platform/runner-host/offscreen-messages';

// Errors written here (a refused redirect, …) are read in the panel: in the user's language, not as message names.
void installMessagesWithoutI18nApi((path) => browser.runtime.getURL(path as '/'));

// The on-device engine's ~6 MB bundle, loaded on first use only.
provideWebLlm(() => import('@mlc-ai/web-llm'));

// Chrome's runner host (see utils/background/runner-host.ts for why it lives here). Keys are asked of the
// background per run and kept nowhere.
const apiKeyFor = async (providerId: string) => (await send('runner.apiKey', { providerId })).apiKey || undefined;
// No permissions API here: the background says whether an endpoint's origin was granted, before every request.
setEndpointPolicy(async (url) => (await send('runner.endpoint', { url })).problem);
// An offscreen document has no storage API: settings come from the background, read again at every wake.
const settings: SettingsSource = { read: async () => (await send('runner.settings', {})).settings as Awaited<ReturnType<SettingsSource['read']>> };
const runner = startRunnerHost(apiKeyFor, settings);
const translation = hostTranslator(apiKeyFor, settings);

const route = createRouter(
  {
    ...engineHandlers(),
    ...translationHandlers(translation),
    'runner.wake': async () => {
      await translation.refresh();
      return { started: await (await runner).wake() };
    },
    'runner.cancel': async ({ runId }) => ({ cancelled: await (await runner).cancel(runId) }),
    'runner.cancelAll': async ({ comparisonId }) => ({ cancelled: await (await runner).cancelAll(comparisonId) }),
  },
  {
    context: () =>
      Promise.resolve({
        extensionId: browser.runtime.id,
        extensionOrigin: originOf(browser.runtime.getURL('/')),
        enabled: { sites: [], customSitePatterns: [] },
      }),
  },
);
// eslint-disable-next-line @typescript-eslint/no-misused-promises -- webextension-polyfill's contract: a listener answers by returning a promise (undefined leaves the message to others)
browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
