import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

/** The declarativeNetRequest dynamic rules the extension has installed, read from its service worker. */
async function dynamicRules(browser: ExtensionBrowser): Promise<{ id: number; condition: { urlFilter?: string } }[]> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) return [];
  return worker.evaluate(async () => {
    const api = (
      globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<{ id: number; condition: { urlFilter?: string } }[]> } } }
    ).chrome;
    return api.declarativeNetRequest.getDynamicRules();
  });
}

async function removeRules(browser: ExtensionBrowser, ids: number[]): Promise<void> {
  await browser.context.serviceWorkers()[0]!.evaluate(async (removeRuleIds) => {
    const api = (globalThis as unknown as { chrome: { declarativeNetRequest: { updateDynamicRules(o: { removeRuleIds: number[] }): Promise<void> } } }).chrome;
    await api.declarativeNetRequest.updateDynamicRules({ removeRuleIds });
  }, ids);
}

/** Sends a prompt from a fresh panel and waits for its only run to settle; returns the run. */
async function compare(panel: Page, prompt: string) {
  await panel.getByLabel('Prompt to compare').fill(prompt);
  await panel.getByRole('button', { name: 'Compare' }).click();
  await expect.poll(() => panel.getByTestId('prompt-text').textContent(), { timeout: 10_000 }).toBe(prompt);
  const run = panel.getByTestId('run');
  await expect.poll(() => run.getAttribute('data-state'), { timeout: 20_000 }).toMatch(/^(done|failed)$/);
  return run;
}

describe.skipIf(unavailable)('a local server that rejects extension origins (like Ollama), in Chromium', () => {
  let ollama: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ollama = await startOpenAIServer({ rejectExtensionOrigins: true, reply: (p, m) => `${m} answers “${p}” from a local server.` });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await ollama?.close();
  });

  test('the comparison succeeds because the Origin header is removed; without the rule the error explains OLLAMA_ORIGINS', async () => {
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${ollama.url}/v1`, 'llama3.2', 'Ollama-like');
    const filter = `|${ollama.url}/`;
    await expect.poll(async () => (await dynamicRules(browser)).map((r) => r.condition.urlFilter), { timeout: 10_000 }).toEqual([filter]);

    const panel = await browser.openPage('sidepanel.html');
    const run = await compare(panel, 'Is a local model private?');
    expect(await run.getAttribute('data-state')).toBe('done');
    expect(await run.getByTestId('run-text').textContent()).toContain('llama3.2 answers “Is a local model private?” from a local server.');
    const served = ollama.requests.filter((r) => r.url === '/v1/chat/completions');
    expect(served.length).toBeGreaterThan(0);
    expect(served.every((r) => r.headers.origin === undefined)).toBe(true);
    await screenshot(panel, 'panel-local-origin-stripped');

    // Take the rule away: the server's origin check now refuses, and the user is told what to run.
    await removeRules(
      browser,
      (await dynamicRules(browser)).map((r) => r.id),
    );
    const before = ollama.requests.length;
    const again = await browser.openPage('sidepanel.html');
    const failed = await compare(again, 'And without the rule?');
    expect(await failed.getAttribute('data-state')).toBe('failed');
    expect(ollama.requests.slice(before).some((r) => r.headers.origin?.startsWith('chrome-extension://'))).toBe(true);
    const error = await failed.getByTestId('run-error').textContent();
    expect(error).toContain('403');
    expect(error).toContain('OLLAMA_ORIGINS="chrome-extension://*,moz-extension://*" ollama serve');
    await screenshot(again, 'panel-local-origin-403');

    // Removing the endpoint removes its rule.
    await settings.bringToFront();
    await settings.getByRole('button', { name: 'Remove Ollama-like' }).click();
    await addEndpoint(settings, 'http://localhost:11434/v1', 'llama3.2', 'Ollama default port');
    await expect.poll(async () => (await dynamicRules(browser)).map((r) => r.condition.urlFilter), { timeout: 10_000 }).toEqual(['|http://localhost:11434/']);
  });
});
