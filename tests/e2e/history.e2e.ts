import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';
import type { Page } from 'playwright-core';

const unavailable = e2eUnavailable();
const MODELS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
const XSS = '<img src=x onerror="document.title=`pwned`">';

async function downloadFrom(page: Page, button: string): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await download.path();
  return { path, name: download.suggestedFilename() };
}

const answersOn = (page: Page) =>
  page.getByTestId('run').evaluateAll((els) => els.map((e) => [e.getAttribute('data-state'), e.querySelector('[data-testid=run-text]')?.textContent ?? '']));

describe.skipIf(unavailable)('history: search, export, import, report — in Chromium', () => {
  let llm: TestServer;
  let browser: ExtensionBrowser;
  const reply = (p: string, m: string) => `${m} answers “${p}” with its own view ${XSS} — مرحبا 🌍`;

  beforeAll(async () => {
    llm = await startOpenAIServer({ reply, chunkDelayMs: 2 });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await llm?.close();
  });

  test('a comparison of 8 runs is found by search, exported, and imported into a fresh browser unchanged', async () => {
    const settings = await browser.openPage('options.html');
    for (const model of MODELS) await addEndpoint(settings, `${llm.url}/v1`, model, `Model ${model}`);
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill('Should cities ban cars?');
    await panel.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(async () => (await answersOn(panel)).map(([s]) => s).join(','), { timeout: 30_000 }).toBe(Array(8).fill('done').join(','));
    const original = await answersOn(panel);
    expect(await panel.title()).toBe('Parallax'); // the payload in every answer stayed text
    await screenshot(panel, 'panel-eight-runs');

    // A second comparison, so search has something to rule out.
    await panel.getByLabel('Prompt to compare').fill('What is the tallest mountain?');
    await panel.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(async () => (await answersOn(panel)).every(([s]) => s === 'done'), { timeout: 30_000 }).toBe(true);

    // Read to the end of the long comparison first: the history must still open on its rows.
    await panel.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await panel.getByRole('tab', { name: /History/ }).click();
    await expect
      .poll(() => panel.getByTestId('history-item').count(), { timeout: 10_000 })
      .toBe(2)
      .catch(async (err: unknown) => {
        await screenshot(panel, 'history-list-missing');
        console.error('[e2e] history list:', await panel.locator('main').innerText());
        throw err;
      });
    await panel.getByLabel('Search prompts and answers').fill('theta cities');
    await expect.poll(() => panel.getByTestId('history-item').count()).toBe(1);
    expect(await panel.getByTestId('history-item').textContent()).toContain('Should cities ban cars?');
    await panel.setViewportSize({ width: 360, height: 700 });
    await screenshot(panel, 'history-search-narrow');

    const json = await downloadFrom(panel, 'JSON');
    expect(json.name).toMatch(/^parallax-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(json.path, 'utf8'));
    expect(exported.comparisons).toHaveLength(1); // the filtered result
    expect(JSON.stringify(exported)).not.toMatch(/apiKey|sk-/);

    const report = await downloadFrom(panel, 'Report');
    expect(report.name).toMatch(/\.html$/);
    const reportFile = join(mkdtempSync(join(tmpdir(), 'report-')), report.name);
    copyFileSync(report.path, reportFile); // the download keeps a random name; a browser sniffs .html by name
    const reportPage = await browser.context.newPage();
    await reportPage.goto(`file://${reportFile}`);
    await expect.poll(() => reportPage.locator('article').count()).toBe(8);
    expect(await reportPage.locator('img, script').count()).toBe(0);
    expect(await reportPage.title()).toBe('Parallax report');
    await screenshot(reportPage, 'history-report');

    const fresh = await launchWithExtension();
    try {
      const freshPanel = await fresh.openPage('sidepanel.html');
      await freshPanel.getByRole('tab', { name: /History/ }).click();
      await freshPanel.getByRole('heading', { name: 'History is empty' }).waitFor();
      await freshPanel.locator('input[type=file]').setInputFiles(json.path);
      await expect.poll(() => freshPanel.getByTestId('import-report').textContent()).toContain('Imported 1 comparison');
      await freshPanel.getByTestId('history-item').click();
      await expect.poll(() => answersOn(freshPanel)).toEqual(original);
      // Importing the same file again adds nothing.
      await freshPanel.getByRole('tab', { name: /History/ }).click();
      await freshPanel.locator('input[type=file]').setInputFiles(json.path);
      await expect.poll(() => freshPanel.getByTestId('import-report').textContent()).toContain('Imported 0 comparison(s), 1 already here');
    } finally {
      await fresh.close();
      removeProfile(fresh.profileDir);
    }
  });

  test('delete asks nothing, and undo brings the comparison back', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByRole('tab', { name: /History/ }).click();
    await expect
      .poll(() => panel.getByTestId('history-item').count(), { timeout: 10_000 })
      .toBe(2)
      .catch(async (err: unknown) => {
        await screenshot(panel, 'history-list-missing');
        console.error('[e2e] history list:', await panel.locator('main').innerText());
        throw err;
      }); // a cold panel reads the history first
    await panel.getByRole('button', { name: /Delete “What is the tallest/ }).click();
    await expect.poll(() => panel.getByTestId('history-item').count()).toBe(1);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel.getByTestId('history-item').count()).toBe(2);
  });
});
