import { defineWxtModule } from 'wxt/modules';
import type { Plugin } from 'vite';

/** Preact's runtime as bundled (the package's `exports` points `preact` at dist/preact.mjs). */
const PREACT_RUNTIME = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;

/** Preact's one raw-HTML sink: `dangerouslySetInnerHTML` ends in `(<element>.innerHTML=<props>.__html)`. */
const RAW_HTML_SINK = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;

const REFUSAL = '(()=>{throw new TypeError("Parallax renders no raw HTML: dangerouslySetInnerHTML is compiled out")})()';

/**
 * Preact's runtime without its `dangerouslySetInnerHTML` sink, the only innerHTML assignment in the bundle
 * (Firefox's add-on linter flags it as UNSAFE_VAR_ASSIGNMENT). Parallax never passes raw HTML (the architecture
 * test forbids the prop in its source), so the branch becomes a loud error instead of an HTML parser. Throws when
 * the sink is not found exactly once: a Preact upgrade that moves it must fail the build, not ship it.
 */
export function withoutRawHtmlSink(source: string): string {
  const found = source.match(RAW_HTML_SINK)?.length ?? 0;
  if (found !== 1) throw new Error(`expected Preact's dangerouslySetInnerHTML sink once in preact.mjs, found it ${String(found)} times`);
  return source.replace(RAW_HTML_SINK, REFUSAL);
}

/** Applies {@link withoutRawHtmlSink} to Preact's runtime in every build (Chrome and Firefox). */
export default defineWxtModule({
  name: 'no-raw-html',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (_entrypoints, config) => {
      const plugin: Plugin = {
        name: 'parallax:no-raw-html',
        transform(code, id) {
          if (!PREACT_RUNTIME.test(id)) return undefined;
          try {
            return { code: withoutRawHtmlSink(code), map: null };
          } catch (err) {
            return this.error(err instanceof Error ? err.message : String(err));
          }
        },
      };
      config.plugins = [...(config.plugins ?? []), plugin];
    });
  },
});
