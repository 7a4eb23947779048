import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

describe.skipIf(unavailable)('a run cut off by a closed browser, in Chromium', () => {
  let llm: TestServer;
  let browser: ExtensionBrowser;
  const reply = (p: string) => `On “${p}”: ` + 'one careful sentence after another, '.repeat(30);

  beforeAll(async () => {
    llm = await startOpenAIServer({ reply, chunkDelayMs: 60 });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await llm?.close();
  });

  test('keeps its partial answer, shows it as interrupted after reopening, and a retry completes it', async () => {
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${llm.url}/v1`, 'slow-model', 'Slow model');
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill('Explain patience');
    await panel.getByRole('button', { name: 'Compare' }).click();
    const run = panel.getByTestId('run');
    // Wait until a checkpoint has certainly been written (checkpoints every 250 ms).
    await expect.poll(async () => ((await run.getByTestId('run-text').textContent()) ?? '').length, { timeout: 15_000 }).toBeGreaterThan(80);
    await panel.waitForTimeout(600);

    const profile = browser.profileDir;
    await browser.close(); // the browser closes mid-answer
    browser = await launchWithExtension(profile);
    const reopened = await browser.openPage('sidepanel.html');
    const cut = reopened.getByTestId('run');
    await expect.poll(() => cut.getAttribute('data-state'), { timeout: 15_000 }).toBe('interrupted');
    const partial = (await cut.getByTestId('run-text').textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(40);
    expect(reply('Explain patience').startsWith(partial)).toBe(true);
    expect(await cut.getByTestId('run-error').textContent()).toContain('partial answer is kept');
    await reopened.setViewportSize({ width: 360, height: 640 }); // the side panel's narrow width
    await screenshot(reopened, 'panel-interrupted-narrow');

    await cut.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => cut.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await cut.getByTestId('run-text').textContent()).toBe(reply('Explain patience'));
  });
});
