import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import { startServer, type TestServer } from '../servers/http';
import {
  e2eUnavailable,
  enableSite,
  launchWithExtension,
  registeredCapturePatterns,
  removeProfile,
  screenshot,
  startChatPage,
  type ExtensionBrowser,
} from './harness';

/**
 * The user's keys in a real Chromium: a content script (what a compromised page renderer would run as) cannot
 * read storage.local; an endpoint address rewritten in storage is refused before anything is sent; a keyed
 * request that is redirected does not carry its key on.
 */

const unavailable = e2eUnavailable();
const KEY = 'sk-e2e-secret-0123456789';
const EVIL_HOST = 'keys.evil.test';

/** Adds an OpenAI-compatible endpoint with a key through the settings page. */
async function addKeyedEndpoint(settings: Page, baseUrl: string, label: string) {
  await settings.getByLabel('Name (optional)').fill(label);
  await settings.getByLabel('Base URL').fill(baseUrl);
  await settings.getByLabel('Model', { exact: true }).fill('m');
  await settings.getByLabel(/^API key/).fill(KEY);
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  await settings.getByTestId('endpoint-list').getByText(label, { exact: true }).first().waitFor();
}

/** Asks a prompt from the panel's prompt box and returns the error of the named endpoint's run once it failed. */
async function askAndFail(panel: Page, prompt: string, endpoint: string): Promise<string> {
  await panel.getByLabel('Prompt to compare').fill(prompt);
  await panel.getByLabel('Prompt to compare').press('Control+Enter');
  // By its endpoint: the panel may still show the previous comparison's failed run for a moment.
  const run = panel.getByTestId('run').filter({ hasText: endpoint }).first();
  await expect.poll(() => run.getAttribute('data-state'), { timeout: 20_000 }).toBe('failed');
  return (await run.getByTestId('run-error').textContent()) ?? '';
}

describe.skipIf(unavailable)('API keys stay with the endpoints the user chose, in Chromium', () => {
  let chat: TestServer;
  let llm: TestServer;
  let evil: TestServer;
  let target: TestServer;
  let redirecting: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    [chat, llm, evil, target] = await Promise.all([
      startChatPage(),
      startOpenAIServer({ reply: () => 'An honest answer.' }),
      // Would gladly take any key: answers CORS preflights and records what arrives.
      startOpenAIServer({ reply: () => 'Thanks for the key.' }),
      startOpenAIServer({ reply: () => 'Redirected here.' }),
    ]);
    redirecting = await startServer((req, res) => void res.writeHead(307, { location: `${target.url}${req.url}` }).end());
    browser = await launchWithExtension(undefined, [`--host-resolver-rules=MAP ${EVIL_HOST} 127.0.0.1:${evil.port}`]);
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await Promise.all([chat, llm, evil, target, redirecting].map((s) => s?.close()));
  });

  test('a content script cannot read storage.local: neither keys nor endpoint addresses', async () => {
    const settings = await browser.openPage('options.html');
    await addKeyedEndpoint(settings, `${llm.url}/v1`, 'Keyed endpoint');
    await enableSite(settings, chat.url, 'http://127.0.0.1/*');
    for (let i = 0; i < 100 && !(await registeredCapturePatterns(browser)).length; i++) await settings.waitForTimeout(100);
    await settings.close();

    const page = await browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    await page.goto(chat.url);
    await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')), { timeout: 10_000 }).toBe(true);
    const world = contexts.findLast((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'))!;
    // In Parallax's content-script world: the runtime is there, storage.local is not to be had.
    const { result } = (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `(async () => {
        const runtime = typeof chrome.runtime?.sendMessage === 'function';
        try { return { runtime, read: JSON.stringify(await chrome.storage.local.get(null)) }; }
        catch (e) { return { runtime, refused: String(e && e.message || e) }; }
      })()`,
    })) as { result: { value: { runtime: boolean; read?: string; refused?: string } } };
    expect(result.value.runtime).toBe(true);
    expect(result.value.read).toBeUndefined();
    expect(result.value.refused).toMatch(/access|not allowed|undefined/i);
    // And even read from a trusted context, the stored keys are ciphertext.
    const stored = await browser.context
      .serviceWorkers()[0]!
      .evaluate(async () =>
        JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome.storage.local.get(null)),
      );
    expect(stored).toContain('"sealed"');
    expect(stored).not.toContain(KEY);
    await page.close();
  });

  test('an endpoint address rewritten in storage is refused at run time; the other server never hears of it', async () => {
    // What a script that can write storage.local (Firefox's content scripts can) would do: aim the keyed endpoint elsewhere.
    await browser.context.serviceWorkers()[0]!.evaluate(async (to) => {
      const local = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, { providers: { baseUrl: string }[] }>>; set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local;
      const { settings } = await local.get('settings');
      settings!.providers[0]!.baseUrl = to;
      await local.set({ settings });
    }, `http://${EVIL_HOST}:${evil.port}/v1`);
    const panel = await browser.openPage('sidepanel.html');
    const error = await askAndFail(panel, 'Where does my key go?', 'Keyed endpoint');
    expect(error).toBe(
      `Parallax may not send requests to ${EVIL_HOST}:${evil.port}: you did not allow that address. Add the endpoint again in Settings to allow it, or check that its address was not changed.`,
    );
    expect(evil.requests).toEqual([]);
    await screenshot(panel, 'key-safety-rewritten-address');
    await panel.close();
  });

  test('a keyed request that is redirected is stopped: the key is not sent on', async () => {
    const settings = await browser.openPage('options.html');
    await addKeyedEndpoint(settings, `${redirecting.url}/v1`, 'Redirecting endpoint');
    // Ask only the redirecting one.
    await browser.context.serviceWorkers()[0]!.evaluate(async () => {
      const local = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, { providers: { label: string }[] }>>; set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local;
      const { settings } = await local.get('settings');
      settings!.providers = settings!.providers.filter((p) => p.label === 'Redirecting endpoint');
      await local.set({ settings });
    });
    await settings.close();
    const panel = await browser.openPage('sidepanel.html');
    const error = await askAndFail(panel, 'Follow me?', 'Redirecting endpoint');
    // A browser does not let the extension read where a stopped redirect pointed: the message names the endpoint only.
    expect(error).toBe(
      `${new URL(redirecting.url).host} answered with a redirect. Parallax does not send your API key on to another address: put the address the endpoint really answers at in Settings.`,
    );
    expect(redirecting.requests.length).toBeGreaterThan(0);
    expect(target.requests).toEqual([]);
    await panel.close();
  });
});
