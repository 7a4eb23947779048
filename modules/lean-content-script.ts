import { defineWxtModule } from 'wxt/modules';
import type { Alias, Plugin } from 'vite';

/** `, label: '…'` after a selector's css (single-quoted, escapes allowed, one line). */
const SELECTOR_LABEL = /,\s*label:\s*'(?:[^'\\\n]|\\.)*'/g;

/** An adapter file under utils/core/sites (the registry and helpers hold no labels, so matching them is harmless). */
const SITE_FILE = /[\\/]utils[\\/]core[\\/]sites[\\/][\w-]+\.ts$/;

/**
 * Drops the `label` of every selector entry from an adapter's source: labels say which site variant a selector
 * was written for, for maintainers and `npm run inspect-page`; the content script never reads them.
 */
export function stripSelectorLabels(source: string): string {
  return source.replace(SELECTOR_LABEL, '');
}

/**
 * The capture content script runs on every page of the chat sites the user enabled, so it stays small (target
 * ≤ 30 KB). In content-script builds only:
 * - `wxt/browser` is WXT's plain `browser` (globalThis.browser or chrome), not webextension-polyfill (~10 KB):
 *   the script only calls `runtime.sendMessage` (a Promise natively in Chrome's MV3 and in Firefox) and answers
 *   with a synchronous sendResponse. Extension pages and the background keep the polyfill (the router's
 *   Promise-returning onMessage listener needs it on Chrome).
 * - selector labels are left out of the adapters (~5 KB).
 */
export default defineWxtModule({
  name: 'lean-content-script',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const resolve = (config.resolve ??= {});
      const existing: Alias[] = Array.isArray(resolve.alias)
        ? (resolve.alias as Alias[])
        : Object.entries(resolve.alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      // First match wins: this entry comes before the polyfill module's alias of the same name.
      resolve.alias = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...existing];
      const strip: Plugin = {
        name: 'parallax:strip-selector-labels',
        enforce: 'pre',
        transform: (code, id) => (SITE_FILE.test(id) ? { code: stripSelectorLabels(code), map: null } : undefined),
      };
      config.plugins = [...(config.plugins ?? []), strip];
    });
  },
});
