import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { test } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built Firefox add-on; PARALLAX_FIREFOX_EXTENSION_DIR points at another build (e.g. a deliberately broken one). */
export const FIREFOX_BUILD = process.env.PARALLAX_FIREFOX_EXTENSION_DIR
  ? resolve(process.env.PARALLAX_FIREFOX_EXTENSION_DIR)
  : join(ROOT, '.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');
/** The add-on's moz-extension:// host, fixed in advance through the extensions.webextensions.uuids pref. */
export const ADDON_UUID = '7d3c9a52-1f4e-4b8a-9c61-0e2f5a7b3d90';

/** Why the Firefox run cannot happen here, or null when it can. */
export function firefoxUnavailable(): string | null {
  if (!existsSync(FIREFOX)) return `no Firefox at ${FIREFOX} (apt-get install firefox-esr)`;
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) return `no built add-on at ${FIREFOX_BUILD} (npm run build:firefox)`;
  return null;
}

/** The parts of the built manifest the tests read. */
export interface BuiltManifest {
  browser_specific_settings: { gecko: { id: string; data_collection_permissions?: unknown } };
  sidebar_action?: Record<string, unknown>;
}

/** The built manifest (as Firefox reads it). */
export function builtManifest(): BuiltManifest {
  return JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as BuiltManifest;
}

export const addonId = (): string => builtManifest().browser_specific_settings.gecko.id;

/** The value, or a failure that says what was missing (instead of a non-null assertion). */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

/** moz-extension:// address of an add-on page, e.g. "sidepanel.html". */
export const extensionUrl = (path: string) => `moz-extension://${ADDON_UUID}/${path}`;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data: Buffer) => {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Packs the build into an .xpi (a zip, stored uncompressed): Firefox installs unpacked folders only as temporary
 * add-ons, which are gone after a restart; an .xpi installs permanently, as a user's does.
 */
export function packXpi(dir: string, out: string): string {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of filesUnder(dir)) {
    const name = Buffer.from(relative(dir, file).split(sep).join('/'));
    const data = readFileSync(file);
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, name, data);
    central.push(entry, name);
    offset += header.length + name.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...local, ...central, end]));
  return out;
}

/**
 * Firefox's own output, where the only record of errors in extension pages and the background page is (WebDriver
 * BiDi sends no console events for them): with the devtools.console.stdout prefs, `console.error: "…"` lines go to
 * stdout and `JavaScript error: <url>, line N: …` lines (uncaught errors and rejections) to stderr.
 */
export interface FirefoxLog {
  file: string;
  lines(): string[];
  /** Errors and warnings of Parallax itself: uncaught in any moz-extension:// page or script, or logged as "[parallax] …". */
  parallaxProblems(): string[];
}

function firefoxLog(file: string): FirefoxLog {
  const lines = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);
  return {
    file,
    lines,
    parallaxProblems: () =>
      lines().filter((line) => line.startsWith(`JavaScript error: moz-extension://${ADDON_UUID}/`) || /^console\.(error|warn): .*\[parallax\]/.test(line)),
  };
}

/** Firefox, started through a script that copies both of its output streams into the log (puppeteer reads stderr too). */
function loggingFirefox(dir: string, log: string): string {
  const script = join(dir, 'firefox-logged.sh');
  writeFileSync(script, `#!/bin/bash\nexec '${FIREFOX}' "$@" >>'${log}' 2> >(tee -a '${log}' >&2)\n`);
  chmodSync(script, 0o755);
  return script;
}

/** Firefox ESR with the add-on, on a profile that survives relaunches. */
export interface FirefoxSession {
  browser: Browser;
  profileDir: string;
  log: FirefoxLog;
  /** Opens an add-on page in a new tab and waits until it has loaded. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** The tab showing an add-on page the add-on opened itself (e.g. the welcome guide). */
  findExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches headless Firefox ESR over WebDriver BiDi. With `install`, installs the built add-on permanently (a
 * first run); without, relaunches the profile as it was (the add-on and its data are still there).
 */
export async function launchFirefox(opts: { workDir: string; install: boolean }): Promise<FirefoxSession> {
  const profileDir = join(opts.workDir, 'profile');
  mkdirSync(profileDir, { recursive: true });
  const log = firefoxLog(join(opts.workDir, 'firefox.log'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: loggingFirefox(opts.workDir, log.file),
    headless: true,
    // Starting takes 10–15 s on a loaded 2-core machine; puppeteer's default gives up at 30 s.
    timeout: 90_000,
    userDataDir: profileDir,
    // Firefox 153 refuses to navigate to moz-extension:// over BiDi without it.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1000, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId()]: ADDON_UUID }),
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      // ESR accepts an unsigned .xpi with this (release Firefox does not).
      'xpinstall.signatures.required': false,
    },
  });
  if (opts.install) {
    const xpi = packXpi(FIREFOX_BUILD, join(opts.workDir, 'parallax.xpi'));
    // puppeteer's installExtension() installs a folder as a temporary add-on; a permanent one needs the raw command.
    const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } }).connection;
    await bidi.send('webExtension.install', { extensionData: { type: 'archivePath', path: xpi }, 'moz:permanent': true });
  }

  const loaded = async (page: Page, url: string) => {
    try {
      return await page.evaluate(() => [location.href, document.readyState]).then(([href, state]) => href === url && state === 'complete');
    } catch {
      return false; // between documents
    }
  };
  return {
    browser,
    profileDir,
    log,
    async openExtensionPage(path, viewport) {
      const page = await browser.newPage();
      if (viewport) await page.setViewport(viewport);
      const url = extensionUrl(path);
      // page.goto() never resolves for moz-extension:// pages: navigate, then watch the document.
      void page.goto(url).catch(() => undefined);
      await until(() => loaded(page, url), `${path} to load`);
      return page;
    },
    async findExtensionPage(path) {
      const url = extensionUrl(path);
      let found: Page | undefined;
      await until(async () => {
        for (const page of await browser.pages()) if (await loaded(page, url)) return Boolean((found = page));
        return false;
      }, `a tab showing ${path}`);
      return present(found, `a tab showing ${path}`);
    },
    close: () => browser.close(),
  };
}

/** A fresh work folder (profile, log, .xpi) for one run. */
export const newWorkDir = () => mkdtempSync(join(tmpdir(), 'parallax-firefox-'));
export const removeWorkDir = (dir: string) => {
  rmSync(dir, { recursive: true, force: true });
};

/** Polls until `check` is true (every 100 ms, 20 s by default); the error says what never happened. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out after ${String(timeoutMs)} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The text a person sees in the element (innerText: hidden parts left out), or null when there is none. */
export function textOf(page: Page, selector: string): Promise<string | null> {
  return page.evaluate((s) => document.querySelector<HTMLElement>(s)?.innerText ?? null, selector);
}

/** Every element matching the selector, by the text a person reads. */
export function textsOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((s) => [...document.querySelectorAll<HTMLElement>(s)].map((e) => e.innerText), selector);
}

/** The form control of the label that reads `label` (its first text, as a person reads it next to the field). */
async function fieldByLabel(page: Page, label: string): Promise<ElementHandle> {
  const handle = await page.evaluateHandle((text) => {
    for (const l of document.querySelectorAll('label')) {
      const own = [...l.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .trim();
      if (own === text) return l.control ?? l.querySelector('input, select, textarea');
    }
    return null;
  }, label);
  const element = handle.asElement();
  if (!element) throw new Error(`no field labelled "${label}"`);
  return element as ElementHandle;
}

/** Types into the field labelled `label`, key by key, as a person does. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = await fieldByLabel(page, label);
  await field.click({ count: 3 });
  await field.type(text);
}

/** Clicks the button (or tab) whose text is `name` exactly, or matches it. */
export async function clickButton(page: Page, name: string | RegExp, within = 'body'): Promise<void> {
  const pattern =
    typeof name === 'string' ? { source: `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' } : { source: name.source, flags: name.flags };
  const handle = await page.evaluateHandle(
    ({ source, flags }, scope) =>
      [...(document.querySelector(scope)?.querySelectorAll('button, [role=tab]') ?? [])].find((b) =>
        new RegExp(source, flags).test((b as HTMLElement).innerText.trim()),
      ) ?? null,
    pattern,
    within,
  );
  const button = handle.asElement() as ElementHandle | null;
  if (!button) throw new Error(`no button ${String(name)} in ${within}`);
  await button.click();
}

/** Saves a screenshot of the whole page under test-results/screenshots (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`) as `${string}.png`;
  await page.bringToFront();
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Where Firefox or the build is missing: prints the reason and skips the suite, except under CI=true, where CI
 * installs Firefox and builds the add-on, so a missing one is a failure (a test that says why), not a skip.
 */
export function firefoxSkipReason(): string | null {
  const reason = firefoxUnavailable();
  if (!reason) return null;
  if (process.env.CI === 'true') {
    test('Firefox and the built add-on are present', () => {
      throw new Error(reason);
    });
  } else console.warn(`[e2e-firefox] skipped: ${reason}`);
  return reason;
}
