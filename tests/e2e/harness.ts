import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type TestServer } from '../servers/http';

export const ROOT = resolve(import.meta.dirname ?? __dirname, '../..');
/** The built extension; PARALLAX_EXTENSION_DIR points at another build (e.g. one made apart from the shared .output). */
export const EXTENSION_DIR = process.env.PARALLAX_EXTENSION_DIR ? resolve(process.env.PARALLAX_EXTENSION_DIR) : join(ROOT, '.output/chrome-mv3');
/**
 * The same extension built with its test hooks (`npm run build:e2e`, i.e. `wxt build --mode e2e`): only tests that
 * must reach what a person reaches through native browser UI (the context menu) load it; the rest test the
 * production build.
 */
export const TEST_BUILD_DIR = process.env.PARALLAX_TEST_BUILD_DIR ? resolve(process.env.PARALLAX_TEST_BUILD_DIR) : join(ROOT, '.output/chrome-mv3-e2e');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why e2e cannot run here, or null when it can. */
export function e2eUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return `no built extension at ${EXTENSION_DIR} (npm run build:chrome)`;
  return null;
}

/** Why the test-hook build is missing, or null. Under CI=true it is never a reason to skip: the run fails instead. */
export function testBuildUnavailable(): string | null {
  if (process.env.CI === 'true' || existsSync(join(TEST_BUILD_DIR, 'manifest.json'))) return null;
  return `no test build at ${TEST_BUILD_DIR} (npm run build:e2e)`;
}

/** A Chromium with the built extension loaded, on a profile folder that survives relaunches. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** An extension page, e.g. "sidepanel.html". */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium with the extension (`testBuild`: the test-hook build); pass the same profileDir again to simulate closing and reopening. */
export async function launchWithExtension(
  profileDir = mkdtempSync(join(tmpdir(), 'parallax-profile-')),
  extraArgs: string[] = [],
  opts: { webgpu?: boolean; testBuild?: boolean } = {},
): Promise<ExtensionBrowser> {
  const dir = opts.testBuild ? TEST_BUILD_DIR : EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(opts.webgpu === false ? [] : ['--enable-unsafe-webgpu']),
      ...extraArgs,
    ],
    viewport: { width: 1000, height: 800 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    close: () => context.close(),
  };
}

/** Removes a profile folder made by launchWithExtension. */
export function removeProfile(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

/** Serves the local chat-like test page on 127.0.0.1. */
export function startChatPage(): Promise<TestServer> {
  const html = readFileSync(join(ROOT, 'tests/fixtures/chat-page.html'), 'utf8');
  return startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
}

/** Saves a screenshot of a page under test-results/screenshots (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.bringToFront();
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Adds an OpenAI-compatible endpoint through the settings page, as a user would. */
export async function addEndpoint(settings: Page, baseUrl: string, model: string, label: string) {
  await settings.getByLabel('Name (optional)').fill(label);
  await settings.getByLabel('Base URL').fill(baseUrl);
  await settings.getByLabel('Model', { exact: true }).fill(model);
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  await settings.getByTestId('endpoint-list').getByText(label, { exact: true }).first().waitFor();
}

/** Turns capture on for a site through the settings page. */
export async function enableSite(settings: Page, address: string, expectedPattern: string) {
  await settings.locator('input[name="site"]').fill(address);
  await settings.getByRole('button', { name: 'Enable' }).click();
  await settings.getByTestId('custom-sites').getByText(expectedPattern).waitFor();
}

/** Match patterns the capture script is registered on right now, read from the extension's service worker. */
export async function registeredCapturePatterns(browser: ExtensionBrowser): Promise<string[]> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) return [];
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } } }).chrome;
    return (await api.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
  });
}

/** Ids of stored comparisons, newest first, read from the extension's database in one of its pages. */
export const storedIds = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('parallax');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
    const all = await new Promise<{ id: string; createdAt: number }[]>((resolve) => {
      const req = db.transaction('comparisons').objectStore('comparisons').getAll();
      req.onsuccess = () => resolve(req.result as { id: string; createdAt: number }[]);
    });
    db.close();
    return all.sort((a, b) => b.createdAt - a.createdAt).map((c) => c.id);
  });
