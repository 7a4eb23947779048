import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchSubmits } from '@/utils/capture/submit';
import { adapterForUrl } from '@/utils/sites/registry';

/**
 * Registered at run time only on sites the user enabled (utils/background/capture-scripts.ts). It reads the
 * page, never opens IndexedDB, never sees keys or history: it sends one validated message per prompt.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const adapter = adapterForUrl(location.href);
    const stop = watchSubmits(document, adapter, (prompt) => {
      browser.runtime
        .sendMessage({ type: 'prompt.captured', payload: { text: prompt.text, url: location.href, via: prompt.via } })
        .catch((err: unknown) => console.warn('[parallax] could not hand the prompt over', err));
    });
    ctx.onInvalidated(stop);
  },
});
