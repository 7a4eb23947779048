import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOpenAIServer } from '../servers/openai';
import { startAnthropicServer } from '../servers/anthropic';
import { startGeminiServer } from '../servers/gemini';
import type { TestServer } from '../servers/http';
import { e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';
import type { Page } from 'playwright-core';

const unavailable = e2eUnavailable();

/** Adds an endpoint of a given kind through the settings form, with a key. */
async function addKindEndpoint(settings: Page, kind: string, baseUrl: string, model: string, label: string, key: string) {
  await settings.getByLabel('Kind').selectOption(kind);
  await settings.getByLabel('Name (optional)').fill(label);
  await settings.getByLabel('Base URL').fill(baseUrl);
  await settings.getByLabel('Model', { exact: true }).fill(model);
  await settings.locator('input[name=apiKey]').fill(key);
  await settings.getByRole('button', { name: 'Add endpoint' }).click();
  await settings.getByTestId('endpoint-list').getByText(label).waitFor();
}

describe.skipIf(unavailable)('one comparison fans out to three providers, in Chromium', () => {
  let openai: TestServer;
  let anthropic: TestServer;
  let gemini: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const reply = (p: string, m: string) => `${m} thinks about “${p}” and answers at length. `.repeat(3);
    [openai, anthropic, gemini] = await Promise.all([
      startOpenAIServer({ reply, chunkDelayMs: 20 }),
      startAnthropicServer({ reply, chunkDelayMs: 20 }),
      startGeminiServer({ reply, chunkDelayMs: 20 }),
    ]);
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await Promise.all([openai?.close(), anthropic?.close(), gemini?.close()]);
  });

  test('two answers stream, the failing one shows its error, and all three are kept', async () => {
    const settings = await browser.openPage('options.html');
    await addKindEndpoint(settings, 'openai-compatible', `${openai.url}/v1`, 'gpt-test', 'OpenAI-style', 'sk-openai-test');
    await addKindEndpoint(settings, 'anthropic', `${anthropic.url}/v1`, 'claude-test', 'Anthropic-style', 'sk-ant-test');
    await addKindEndpoint(settings, 'gemini', `${gemini.url}/v1beta`, 'fail-401', 'Gemini with a bad key', 'bad-key');

    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill('Is it fair to tax inheritance?');
    await panel.getByRole('button', { name: 'Compare' }).click();
    const runs = panel.getByTestId('run');
    await expect.poll(() => runs.count(), { timeout: 10_000 }).toBe(3);
    await expect
      .poll(async () => (await runs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).join(','), { timeout: 20_000 })
      .toBe('done,done,failed');
    expect(await runs.nth(0).getByTestId('run-text').textContent()).toContain('gpt-test thinks about “Is it fair to tax inheritance?”');
    expect(await runs.nth(1).getByTestId('run-text').textContent()).toContain('claude-test thinks about “Is it fair to tax inheritance?”');
    const error = await runs.nth(2).getByTestId('run-error').textContent();
    expect(error).toMatch(/key .*rejected|401/i);
    expect(error).not.toContain('bad-key'); // the server echoed the key; it is never shown or kept
    await screenshot(panel, 'panel-fanout-three-providers');

    // Each vendor got its own key, in its own header.
    expect(openai.requests[0]!.headers.authorization).toBe('Bearer sk-openai-test');
    expect(anthropic.requests[0]!.headers['x-api-key']).toBe('sk-ant-test');
    expect(gemini.requests[0]!.headers['x-goog-api-key']).toBe('bad-key');

    await panel.reload();
    await expect
      .poll(async () => (await panel.getByTestId('run').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).join(','), { timeout: 10_000 })
      .toBe('done,done,failed');
  });
});
