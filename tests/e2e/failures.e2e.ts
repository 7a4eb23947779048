import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../servers/http';
import {
  addEndpoint,
  e2eUnavailable,
  enableSite,
  launchWithExtension,
  registeredCapturePatterns,
  removeProfile,
  screenshot,
  startChatPage,
  type ExtensionBrowser,
} from './harness';

const unavailable = e2eUnavailable();

describe.skipIf(unavailable)('failures are shown and nothing is lost, in Chromium', () => {
  let chat: TestServer;
  let browser: ExtensionBrowser;
  let downUrl: string;

  beforeAll(async () => {
    chat = await startChatPage();
    // An endpoint that is down: a port that was just closed.
    const gone = await startServer((_r, res) => void res.end());
    downUrl = `${gone.url}/v1`;
    await gone.close();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await chat?.close();
  });

  test('the endpoint is down: the run says so clearly, offers retry, and the comparison is kept', async () => {
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, downUrl, 'any-model', 'Server that is down');
    await enableSite(settings, chat.url, 'http://127.0.0.1/*');
    await expect.poll(() => registeredCapturePatterns(browser), { timeout: 10_000 }).toEqual(['http://127.0.0.1/*']);

    const page = await browser.context.newPage();
    await page.goto(chat.url);
    await page.locator('#composer').fill('What is the capital of Australia?');
    await page.locator('#composer').press('Enter');

    const panel = await browser.openPage('sidepanel.html');
    // The chat page's own answer is a column too: read the endpoint's run by its name.
    const run = panel.locator('[data-testid="run"][aria-label^="any-model"]');
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
    const error = await run.getByTestId('run-error').textContent();
    expect(error).toContain(`Could not reach ${new URL(downUrl).host}`);
    expect(error).toContain('Is the server running');
    await expect.poll(() => run.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await screenshot(panel, 'panel-endpoint-down');

    await panel.reload();
    await panel.getByRole('tab', { name: /History/ }).click();
    const item = panel.getByTestId('history-item').first();
    await expect.poll(() => item.textContent()).toContain('What is the capital of Australia?');
    await expect.poll(() => item.textContent()).toContain('1 failed');
  });

  test('the panel prompt box starts a comparison too; an empty prompt cannot be sent', async () => {
    const panel = await browser.openPage('sidepanel.html');
    const button = panel.getByRole('button', { name: 'Compare' });
    expect(await button.isDisabled()).toBe(true);
    await panel.getByLabel('Prompt to compare').fill('<img src=x onerror="document.title=\'pwned\'"> <b>bold?</b>');
    await panel.getByLabel('Prompt to compare').press('Control+Enter');
    await expect
      .poll(() => panel.getByTestId('prompt-text').textContent(), { timeout: 10_000 })
      .toBe('<img src=x onerror="document.title=\'pwned\'"> <b>bold?</b>');
    // Shown as text: no element was created from it.
    expect(await panel.locator('.prompt-text img, .prompt-text b').count()).toBe(0);
    expect(await panel.title()).toBe('Parallax');
  });
});
