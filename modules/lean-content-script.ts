import { defineWxtModule } from 'wxt/modules';
import type { Alias } from 'vite';

/**
 * The capture content script runs on every page of the chat sites the user enabled, so it stays small (target
 * ≤ 30 KB). It only calls `runtime.sendMessage`, which returns a Promise natively in Chrome's MV3 and is native
 * `browser` in Firefox, so it needs no webextension-polyfill (~10 KB): in content-script builds only,
 * `wxt/browser` resolves to WXT's plain `browser` (globalThis.browser or chrome). Extension pages and the
 * background keep the polyfill (the router's Promise-returning onMessage listener needs it on Chrome).
 */
export default defineWxtModule({
  name: 'lean-content-script',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const resolve = (config.resolve ??= {});
      const existing: Alias[] = Array.isArray(resolve.alias)
        ? resolve.alias
        : Object.entries(resolve.alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      // First match wins: this entry comes before the polyfill module's alias of the same name.
      resolve.alias = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...existing];
    });
  },
});
