import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

/** The settings page Chrome opens on first install (the welcome guide). */
async function welcomePage(browser: ExtensionBrowser): Promise<Page> {
  const find = () => browser.context.pages().find((p) => p.url().includes('options.html'));
  await expect.poll(find, { timeout: 10_000 }).toBeTruthy();
  return find()!;
}

describe.skipIf(unavailable)('the UI follows the browser language, in Chromium', () => {
  let browser: ExtensionBrowser;
  let llm: TestServer;
  beforeAll(async () => {
    llm = await startOpenAIServer({ reply: () => 'Promises matter because others rely on them.' });
    browser = await launchWithExtension(undefined, ['--lang=de']);
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await llm?.close();
  });

  test('a German browser shows the panel and history in German', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Noch kein Vergleich' }).waitFor();
    await panel.getByRole('tab', { name: /Verlauf/ }).click();
    await panel.getByRole('heading', { name: 'Der Verlauf ist leer' }).waitFor();
    expect(await panel.getByRole('searchbox').getAttribute('placeholder')).toBe('Prompts und Antworten durchsuchen…');
    await screenshot(panel, 'panel-history-german');
  });

  test('the settings page is German, and a German user adds an endpoint through it', async () => {
    const settings = await welcomePage(browser);
    await settings.getByRole('heading', { name: 'Parallax-Einstellungen' }).waitFor();
    await settings.getByRole('heading', { name: 'Willkommen bei Parallax' }).waitFor();
    expect(await settings.title()).toBe('Parallax-Einstellungen');
    expect(await settings.evaluate(() => document.documentElement.lang)).toBe('de');
    await settings.getByLabel('Name (optional)').fill('Testmodell');
    await settings.getByLabel('Basis-URL').fill(`${llm.url}/v1`);
    await settings.getByLabel('Modell', { exact: true }).fill('test-model');
    await settings.getByRole('button', { name: 'Endpunkt hinzufügen' }).click();
    await settings.getByTestId('endpoint-list').getByText('Testmodell').waitFor();
    await settings.getByText('„Testmodell“ hinzugefügt.').waitFor();
    // The guide's step ticks off, its link text translated inside the whole sentence.
    await expect.poll(() => settings.getByText('✓ Fügen Sie ein Modell hinzu').count()).toBe(1);
    await settings.getByRole('link', { name: 'Modelle auf dem Gerät' }).waitFor();
    await screenshot(settings, 'settings-german');
  });

  test('a comparison column speaks German: its state, its pin and copy buttons, the language flag, the toolbar', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt zum Vergleichen').fill('Darf man ein Versprechen brechen?');
    await panel.getByRole('button', { name: 'Vergleichen', exact: true }).click();
    // Named model · language, the language in German.
    const run = panel.locator('[data-testid=run][aria-label="test-model · Deutsch"]');
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    await run.locator('.badge.state-done').filter({ hasText: 'Fertig' }).waitFor();
    await run.getByRole('button', { name: 'Kopieren' }).waitFor();
    await run.getByRole('button', { name: 'test-model · Deutsch nach vorne heften' }).waitFor();
    // Language names follow the UI language too: the English answer to a German prompt is flagged in German.
    expect(await run.getByTestId('answer-language-flag').textContent()).toBe('Geantwortet auf Englisch (gefragt auf Deutsch)');
    expect(await panel.getByRole('toolbar', { name: 'Wie Antworten angezeigt werden' }).textContent()).toContain('Formatiert');
    await screenshot(panel, 'panel-comparison-german');
  });
});
