import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
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
if (unavailable) console.warn(`[e2e] skipped: ${unavailable}`);

/** Waits until the background has registered the capture script on the pattern. */
async function captureRegistered(browser: ExtensionBrowser, pattern: string) {
  await expect.poll(() => registeredCapturePatterns(browser), { timeout: 10_000 }).toContain(pattern);
}

/** Sends a prompt on the local chat page the way a user does: type, then Enter. */
async function sendOnChatPage(page: Page, text: string) {
  const composer = page.locator('#composer');
  await composer.click();
  await composer.pressSequentially(text, { delay: 5 });
  await composer.press('Enter');
  await page.locator('[data-message-author-role=user]').last().waitFor();
}

describe.skipIf(unavailable)('foundation: capture → run → panel → history, in Chromium', () => {
  let llm: TestServer;
  let chat: TestServer;
  let browser: ExtensionBrowser;
  const prompt = 'Is it ever right to break a promise? Answer in two sentences. مرحبا 🌍';
  const longReply = (p: string, model: string) =>
    `Answer from ${model}: you asked “${p}”. ` + 'Promises bind us because others rely on them, yet some promises should yield to greater harms. '.repeat(4);

  beforeAll(async () => {
    llm = await startOpenAIServer({ reply: longReply, chunkDelayMs: 40 });
    chat = await startChatPage();
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await llm?.close();
    await chat?.close();
  });

  test('first run opens the guide; the user adds an endpoint and enables the site', async () => {
    const welcome = await expect
      .poll(() => browser.context.pages().find((p) => p.url().includes('options.html')), { timeout: 10_000 })
      .toBeTruthy()
      .then(() => browser.context.pages().find((p) => p.url().includes('options.html'))!);
    await welcome.getByRole('heading', { name: 'Welcome to Parallax' }).waitFor();
    await addEndpoint(welcome, `${llm.url}/v1`, 'test-model', 'Local test model');
    await enableSite(welcome, chat.url, 'http://127.0.0.1/*');
    await expect.poll(() => welcome.getByText('✓ Add a model').count()).toBe(1);
    await screenshot(welcome, 'settings-welcome');
    await captureRegistered(browser, 'http://127.0.0.1/*');
  });

  test('a prompt sent on the chat page streams into the panel', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'No comparison yet' }).waitFor();
    const page = await browser.context.newPage();
    await page.goto(chat.url);
    await sendOnChatPage(page, prompt);

    await panel.bringToFront();
    await expect.poll(() => panel.getByTestId('prompt-text').textContent(), { timeout: 10_000 }).toBe(prompt);
    // The model's column; the page's own answer gets a column of its own (first, "On 127.0.0.1:…").
    const run = panel.locator('[data-testid=run][aria-label^="test-model · "]');
    // Streaming: part of the answer is on screen before the run is done.
    await expect
      .poll(async () => (await run.getAttribute('data-state')) === 'streaming' && ((await run.getByTestId('run-text').textContent()) ?? '').length > 0, {
        timeout: 10_000,
        interval: 20,
      })
      .toBe(true);
    await screenshot(panel, 'panel-streaming');
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    expect(await run.getByTestId('run-text').textContent()).toBe(longReply(prompt, 'test-model'));
    await expect.poll(() => run.textContent()).toContain('Local test model');
    const site = panel.getByTestId('run').first();
    await expect.poll(() => site.getAttribute('aria-label'), { timeout: 10_000 }).toMatch(new RegExp(`^On ${new URL(chat.url).host.replace(/\./g, '\\.')}`));
    expect(await site.getByTestId('run-text').textContent()).toBe(`The local site answers: ${prompt.length} characters received.`);
    await screenshot(panel, 'panel-done');

    // The endpoint received exactly the prompt the user typed, once.
    const sent = llm.requests.filter((r) => r.url.endsWith('/chat/completions'));
    expect(sent).toHaveLength(1);
    expect((sent[0]!.body as { messages: { content: string }[] }).messages.at(-1)?.content).toBe(prompt);

    // A reloaded panel lists it in history and opens it again with its answer.
    await panel.reload();
    await panel.getByRole('tab', { name: /History/ }).click();
    const item = panel.getByTestId('history-item').first();
    await expect.poll(() => item.textContent()).toContain(prompt);
    await expect.poll(() => item.textContent()).toContain('2 answers');
    await screenshot(panel, 'panel-history');
    await item.click();
    await expect.poll(() => panel.getByTestId('run-text').last().textContent()).toBe(longReply(prompt, 'test-model'));
  });

  test('after the browser is closed and reopened, the comparison is in history with its answer', async () => {
    const profile = browser.profileDir;
    await browser.close();
    browser = await launchWithExtension(profile);
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByRole('tab', { name: /History/ }).click();
    const item = panel.getByTestId('history-item').first();
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain(prompt);
    await item.click();
    await expect.poll(() => panel.getByTestId('run-text').last().textContent()).toBe(longReply(prompt, 'test-model'));
    expect(await panel.getByTestId('run').last().getAttribute('data-state')).toBe('done');
  });

  test('a Shift+Enter line break is not a send; an empty composer sends nothing', async () => {
    const before = llm.requests.length;
    const page = await browser.context.newPage();
    await page.goto(chat.url);
    const composer = page.locator('#composer');
    await composer.click();
    await composer.press('Enter'); // empty
    await composer.pressSequentially('first line');
    await composer.press('Shift+Enter');
    await page.waitForTimeout(500);
    expect(llm.requests.length).toBe(before);
  });
});
