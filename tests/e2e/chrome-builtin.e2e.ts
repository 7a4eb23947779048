import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

/**
 * Chromium here has the Prompt API (a `LanguageModel` global) but no model and no way to get one, so Chrome's
 * built-in model is tested for what it does on such a machine: the state is shown, nothing downloads, and a run
 * against it fails with a message the user can act on. A successful generation is never faked.
 */
describe.skipIf(unavailable)("Chrome's built-in model on a machine that cannot run it, in Chromium", () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
  });

  test('settings show the availability Chrome reports; a run fails with a classified message and starts no download', async () => {
    const settings = await browser.openPage('options.html');
    const reported = await settings.evaluate(async () => {
      const api = (globalThis as { LanguageModel?: { availability(o?: object): Promise<string> } }).LanguageModel;
      return api ? api.availability({ expectedInputs: [{ type: 'text' }], expectedOutputs: [{ type: 'text' }] }) : 'unsupported';
    });
    const status = settings.getByTestId('chrome-builtin-status');
    await expect.poll(() => status.getAttribute('data-availability'), { timeout: 10_000 }).toBe(reported === 'readily' ? 'available' : reported);
    expect(await status.textContent()).toMatch(/22 GB|Chrome 138|Download|downloading|ready/);
    await screenshot(settings, 'settings-chrome-builtin');
    if (reported === 'available') return; // a machine that can run it: nothing more to check without a real model

    // Add it as a target the way the settings page would once it is ready.
    await settings.evaluate(async () => {
      const storage = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, { providers: object[] }>>; set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local;
      const fallback = { providers: [], sites: [], customSitePatterns: [], paused: false, onboarded: true };
      const current = (await storage.get('settings')).settings ?? fallback;
      const provider = {
        id: 'nano',
        kind: 'chrome-builtin',
        label: "Chrome's built-in model (Gemini Nano)",
        baseUrl: '',
        model: 'gemini-nano',
        maxConcurrent: 1,
      };
      await storage.set({ settings: { ...current, providers: [...current.providers, provider] } });
    });
    await settings.getByTestId('endpoint-list').getByText("Chrome's built-in model (Gemini Nano)").waitFor();

    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill('Say hello.');
    await panel.getByRole('button', { name: 'Compare' }).click();
    const run = panel.getByTestId('run');
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
    const error = await run.getByTestId('run-error').textContent();
    expect(error).toMatch(reported === 'unavailable' ? /cannot run its built-in model|no built-in model API/ : /Download it in Settings|still downloading/);
    await screenshot(panel, 'panel-chrome-builtin-unavailable');

    // Nothing started a download.
    await settings.reload();
    await expect.poll(() => settings.getByTestId('chrome-builtin-status').getAttribute('data-availability'), { timeout: 10_000 }).toBe(reported);
  });
});
