import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Extension pages' CSP is strict, permissions are minimal, and no shipped file evaluates strings as code. */

const ROOT = resolve(__dirname, '../..');
const BUILDS = [
  ...new Set(
    [process.env.PARALLAX_EXTENSION_DIR, join(ROOT, '.output/chrome-mv3'), join(ROOT, '.output/firefox-mv2')]
      .filter((d): d is string => Boolean(d))
      .map((d) => resolve(d)),
  ),
].filter((d) => existsSync(join(d, 'manifest.json')));
if (!BUILDS.length) console.info('[csp] no built extension (npm run build): only wxt.config.ts is checked');

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  content_scripts?: unknown[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
}

/** The manifest wxt.config.ts produces for a browser. */
async function configured(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const config = (await import('../../wxt.config')).default as { manifest: Manifest | ((env: object) => Manifest | Promise<Manifest>) };
  const env = { browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' };
  return typeof config.manifest === 'function' ? config.manifest(env) : config.manifest;
}

const extensionPagesCsp = (m: Manifest) =>
  typeof m.content_security_policy === 'string' ? m.content_security_policy : m.content_security_policy?.extension_pages;

/** Directive name → sources. */
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );

/** Permissions Parallax needs (nothing that reads tabs, history, cookies or traffic; contextMenus adds no install warning). */
const ALLOWED_PERMISSIONS = ['storage', 'unlimitedStorage', 'scripting', 'contextMenus', 'sidePanel', 'offscreen', 'declarativeNetRequestWithHostAccess'];
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

function checkManifest(m: Manifest, where: string) {
  const csp = extensionPagesCsp(m);
  expect(csp, `${where} sets a CSP`).toBeTruthy();
  const d = directives(csp!);
  // Scripts only from the extension itself; WebAssembly may compile (WebLLM), strings may not become code.
  expect(d.get('script-src'), where).toBeDefined();
  for (const source of d.get('script-src')!) expect(["'self'", "'wasm-unsafe-eval'"], `${where}: script-src ${source}`).toContain(source);
  expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'|'strict-dynamic'/);
  expect(
    d.get('object-src')?.every((s) => ["'self'", "'none'"].includes(s)),
    `${where}: object-src`,
  ).toBe(true);
  for (const name of ['script-src-elem', 'script-src-attr', 'worker-src', 'default-src']) {
    for (const source of d.get(name) ?? []) expect(source, `${where}: ${name} ${source}`).not.toMatch(/^(https?:|\*|data:|blob:|'unsafe-)/);
  }
  // Minimal permissions: remote origins are optional, asked for when the user adds an endpoint or a site.
  for (const p of m.permissions ?? [])
    expect([...ALLOWED_PERMISSIONS, ...(m.manifest_version === 2 ? LOOPBACK : [])], `${where}: permission ${p}`).toContain(p);
  for (const h of m.host_permissions ?? []) expect(LOOPBACK, `${where}: host permission ${h}`).toContain(h);
  expect([...(m.optional_host_permissions ?? []), ...(m.optional_permissions ?? [])].sort(), where).toEqual(['http://*/*', 'https://*/*']);
  // Nothing is exposed to web pages, and capture scripts are registered at run time on enabled sites only.
  expect(m.web_accessible_resources ?? [], where).toEqual([]);
  expect(m.externally_connectable, where).toBeUndefined();
  expect(m.content_scripts ?? [], where).toEqual([]);
}

describe('manifest', () => {
  test.each(['chrome', 'firefox'] as const)('wxt.config.ts for %s: strict extension-page CSP and minimal permissions', async (browser) => {
    checkManifest(await configured(browser), `wxt.config.ts (${browser})`);
  });

  test.skipIf(!BUILDS.length)('the built manifests say the same', () => {
    for (const dir of BUILDS) checkManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest, relative(ROOT, dir) || dir);
  });

  test('the checks themselves refuse a loose CSP', () => {
    const loose: Manifest = {
      manifest_version: 3,
      content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval' https://cdn.example; object-src 'self'" },
    };
    expect(() => checkManifest(loose, 'loose')).toThrow();
  });
});

/** Code that turns a string into code: eval, Function(...) with or without new, string timers, javascript: URLs. */
const STRING_TO_CODE =
  /(?<![\w$.])(?:eval\s*\(|\(\s*0\s*,\s*eval\s*\)|(?:new\s+)?Function\s*\(\s*["'`]|new\s+Function\s*\(|set(?:Timeout|Interval)\s*\(\s*["'`])/;

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : /\.(m?js)$/.test(name) ? [path] : [];
  });
}

describe('built output', () => {
  test('the pattern finds string-to-code in its many spellings, and not look-alikes', () => {
    for (const bad of ['eval("1")', 'x=(0,eval)("1")', 'new Function("return 1")', 'new Function(a,b)', 'Function("return this")()', 'setTimeout("go()", 1)'])
      expect(STRING_TO_CODE.test(bad), bad).toBe(true);
    for (const fine of ['mod.getFunction("vm_load")', 'devtools.inspectedWindow.eval', 'retrieval(', 'isFunction(x)', 'setTimeout(() => go(), 1)'])
      expect(STRING_TO_CODE.test(fine), fine).toBe(false);
  });

  test.skipIf(!BUILDS.length)('no shipped script evaluates strings as code', () => {
    for (const dir of BUILDS) {
      const files = jsFiles(dir);
      expect(files.length, dir).toBeGreaterThan(3);
      const offenders = files.filter((f) => STRING_TO_CODE.test(readFileSync(f, 'utf8'))).map((f) => relative(dir, f));
      expect(offenders, dir).toEqual([]);
    }
  });
});
