import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { answerLastPrompt } from '@/utils/platform/capture/last-prompt';
import { startCaptureFlow } from '@/utils/platform/capture/flow';
import { watchHealth } from '@/utils/platform/capture/page-watch';
import { send } from '@/utils/platform/messaging/client';
import { adapterForPage } from '@/utils/platform/capture/page-site';

/**
 * Registered at run time only on sites the user enabled (utils/background/capture-scripts.ts). It reads the
 * page, never opens IndexedDB, never sees keys or history: it sends validated messages (the prompt, the site's
 * finished answer, "don't compare this one", selector health) and shows a small indicator in a shadow root.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const adapter = adapterForPage(location.href);
    const stopFlow = startCaptureFlow({ doc: document, adapter, send });
    const stopHealth = watchHealth(window, adapter, {
      report: (missing) => void send('site.health', { url: location.href, missing }).catch(() => undefined),
    });
    // The keyboard shortcut asks for the chat's last prompt.
    const stopAnswering = answerLastPrompt(browser.runtime.onMessage, adapter, document);
    ctx.onInvalidated(() => {
      stopAnswering();
      stopFlow();
      stopHealth();
    });
  },
});
