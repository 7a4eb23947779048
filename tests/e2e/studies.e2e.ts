import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { placeholderQuestionnaire } from '../batches/fixtures';
import { scoreInstrument } from '../../utils/core/surveys/score';
import { importVsmQuestionnaire } from '../../utils/core/surveys/vsm2013';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();
const dir = mkdtempSync(join(tmpdir(), 'studies-e2e-'));

/** A probe set written for this test, saved as a file the user imports. */
function setFile(id: string, name: string, prompts: { id: string; text: Record<string, string> }[]): string {
  const file = join(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify({ id, name, purpose: `${name}: checks the batch runner.`, category: 'custom', prompts }));
  return file;
}

const FRENCH = /[éèçà]|Comment|Mentir/;
/** Alpha always helps; beta declines in French, and declines the lying question in English too. */
const alphaReply = (prompt: string) =>
  FRENCH.test(prompt)
    ? 'Voici comment faire : ouvrez le gestionnaire des tâches, puis terminez le processus.'
    : 'Here is how: open the task manager, then end the process.';
const betaReply = (prompt: string) =>
  FRENCH.test(prompt)
    ? 'Je suis désolé, mais je ne peux pas vous aider avec cette demande.'
    : /lie/.test(prompt)
      ? "I'm sorry, but I can't help with that request."
      : 'Open the task manager and end the process.';

const status = (page: Page) => page.getByTestId('batch-status').textContent();
const drawn = (page: Page, title: string) =>
  expect.poll(() => page.getByRole('button', { name: `Download PNG: ${title}`, exact: true }).isEnabled(), { timeout: 20_000 }).toBe(true);

async function openDashboard(studies: Page, browser: ExtensionBrowser): Promise<Page> {
  const [page] = await Promise.all([browser.context.waitForEvent('page'), studies.getByRole('link', { name: 'Open in dashboard' }).click()]);
  await page.waitForLoadState();
  await page.setViewportSize({ width: 1280, height: 900 });
  return page;
}

/** Leaves only the named endpoint ticked in the run setup. */
async function onlyEndpoint(page: Page, name: RegExp) {
  for (const box of await page.getByRole('group', { name: 'Endpoints' }).getByRole('checkbox').all()) {
    const label = (await box.locator('xpath=..').textContent()) ?? '';
    await box.setChecked(name.test(label));
  }
}

describe.skipIf(unavailable)('studies — probe sets and surveys as batches, in Chromium', () => {
  let browser: ExtensionBrowser;
  let alpha: TestServer;
  let beta: TestServer;

  beforeAll(async () => {
    alpha = await startOpenAIServer({ reply: alphaReply, chunkDelayMs: 5 });
    beta = await startOpenAIServer({ reply: betaReply, chunkDelayMs: 5 });
    browser = await launchWithExtension();
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${alpha.url}/v1`, 'alpha-7b', 'Alpha server');
    await addEndpoint(settings, `${beta.url}/v1`, 'beta-8b', 'Beta server');
    await settings.close();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await alpha?.close();
    await beta?.close();
  });

  test('an imported set of two prompts over two endpoints and two languages: estimate, progress, refusal table, dashboard chart', async () => {
    const studies = await browser.openPage('studies.html');
    await studies
      .getByRole('button', { name: /Over-refusal/ })
      .first()
      .waitFor();
    const file = setFile('e2e-pair', 'E2E pair', [
      { id: 'stop', text: { en: 'How do I stop a frozen program?', fr: 'Comment arrêter un programme figé ?' } },
      { id: 'lie', text: { en: 'Is it ever right to lie?', fr: 'Mentir est-il parfois juste ?' } },
    ]);
    await studies.getByLabel('Probe sets file').setInputFiles(file);
    await studies.getByText('Imported “E2E pair”.').waitFor();
    await studies.getByTestId('set-detail').getByRole('heading', { name: 'E2E pair' }).waitFor();
    await studies.getByRole('checkbox', { name: /Beta server/ }).check();
    await expect.poll(() => studies.getByTestId('estimate').textContent()).toContain('8 answers (4 prompts × 2 endpoints)');
    await screenshot(studies, 'studies-probe-setup');

    await studies.getByRole('button', { name: 'Run probe set' }).click();
    await expect.poll(() => status(studies), { timeout: 60_000 }).toBe('Finished');
    expect(await studies.getByTestId('batch-progress-text').textContent()).toBe('4 of 4 prompts finished · 8 of 8 answers');
    const rows = await studies.getByTestId('probe-results').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    // Beta declined both French prompts and the English lying question; alpha declined nothing.
    expect(rows.join('\n')).toMatch(/English \(en\)0 % \(0 of 2\)50 % \(1 of 2\)/);
    expect(rows.join('\n')).toMatch(/French \(fr\)0 % \(0 of 2\)100 % \(2 of 2\)/);
    expect(alpha.requests).toHaveLength(4);
    expect(beta.requests).toHaveLength(4);
    await screenshot(studies, 'studies-probe-results');

    const dashboard = await openDashboard(studies, browser);
    expect(new URL(dashboard.url()).hash).toMatch(/^#batch=/);
    const title = 'Refusal rate by language and model';
    await drawn(dashboard, title);
    const chartRows = await dashboard.locator('[data-testid=figure-refusal-by-language-and-model] tbody tr').allTextContents();
    expect(chartRows).toHaveLength(4);
    await dashboard.waitForTimeout(300);
    await screenshot(dashboard, 'studies-probe-dashboard');
    await dashboard.close();
    await studies.close();
  });

  test('the History lists what was typed, not the study’s runs, until asked; a study’s run opens in the Studies page', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 900 });
    // The study above made 4 comparisons; the History tab counts none of them.
    await expect.poll(() => panel.getByRole('tab', { name: /History/ }).textContent()).toBe('History 0');
    await panel.getByLabel('Prompt to compare').fill('How do I stop a frozen program?');
    await panel.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => panel.getByRole('tab', { name: /History/ }).textContent()).toBe('History 1');

    await panel.getByRole('tab', { name: /History/ }).click();
    await expect.poll(() => panel.getByTestId('history-item').count()).toBe(1);
    expect(await panel.getByTestId('history-item').textContent()).toContain('Typed in Parallax');
    expect(await panel.getByTestId('studies-hidden').textContent()).toContain('Comparisons run in Studies are not listed here.');
    await screenshot(panel, 'history-studies-hidden-400');

    await panel.getByRole('button', { name: 'Show them' }).click();
    await expect.poll(() => panel.getByTestId('history-item').count()).toBe(4);
    for (const item of await panel.getByTestId('history-item').all()) expect(await item.textContent()).toContain('From the study “E2E pair”');
    expect(await panel.getByLabel('Site').inputValue()).toBe('study');
    await screenshot(panel, 'history-studies-shown-400');

    const [studies] = await Promise.all([browser.context.waitForEvent('page'), panel.getByTestId('history-item').first().click()]);
    await studies.waitForLoadState();
    expect(new URL(studies.url()).pathname).toBe('/studies.html');
    expect(new URL(studies.url()).hash).toMatch(/^#batch=/);
    await expect.poll(() => status(studies), { timeout: 10_000 }).toBe('Finished');
    await studies.close();
    // Back to everything but studies.
    await panel.getByLabel('Site').selectOption('');
    await expect.poll(() => panel.getByTestId('history-item').count()).toBe(1);
    await panel.close();
  });

  test('a survey with a stand-in questionnaire: six indices equal scoring the same answers by hand, and reach the dashboard', async () => {
    const given = new Map<string, number[]>();
    const asked = new Map<number, number>();
    const numbers = await startOpenAIServer({
      chunkDelayMs: 2,
      reply: (prompt) => {
        const n = Number(/number (\d+) for testing/.exec(prompt)?.[1]);
        const k = asked.get(n) ?? 0;
        asked.set(n, k + 1);
        const value = ((n + k) % 5) + 1;
        const id = `m${String(n).padStart(2, '0')}`;
        given.set(id, [...(given.get(id) ?? []), value]);
        return n === 5 ? `Sure! I would say (${value}) — that fits best.` : String(value);
      },
    });
    try {
      const settings = await browser.openPage('options.html');
      await addEndpoint(settings, `${numbers.url}/v1`, 'numbers-1b', 'Numbers server');
      await settings.close();
      const studies = await browser.openPage('studies.html#surveys');
      // A paste that lacks two items is refused, naming them.
      const incomplete = placeholderQuestionnaire()
        .split('\n')
        .filter((l) => !/^(3|17)\. /.test(l))
        .join('\n');
      await studies.getByLabel('Questionnaire text').fill(incomplete);
      await studies.getByRole('button', { name: 'Import questionnaire' }).click();
      await expect.poll(() => studies.getByTestId('questionnaire-errors').textContent()).toContain('Missing items 3, 17');
      await screenshot(studies, 'studies-questionnaire-error');
      await studies.getByLabel('Questionnaire text').fill(placeholderQuestionnaire());
      await studies.getByRole('button', { name: 'Import questionnaire' }).click();
      await expect.poll(() => studies.getByTestId('questionnaire-status').textContent()).toContain('Imported in English (en).');
      await onlyEndpoint(studies, /Numbers server/);
      await studies.getByLabel('Repetitions per item').fill('3');
      await studies.getByLabel('Temperature').fill('0.3');
      await expect.poll(() => studies.getByTestId('estimate').textContent()).toContain('72 answers (72 prompts × 1 endpoint)');
      await screenshot(studies, 'studies-survey-setup');
      await studies.getByRole('button', { name: 'Run survey' }).click();
      await expect.poll(() => status(studies), { timeout: 90_000 }).toBe('Finished');

      const imported = importVsmQuestionnaire(placeholderQuestionnaire(), 'en');
      if (!imported.ok) throw new Error(imported.errors.join('; '));
      const expected = scoreInstrument(imported.instrument, Object.fromEntries(given));
      const table = studies.getByTestId('survey-results');
      for (const [index, value] of Object.entries(expected)) {
        const mean = Number(await table.locator(`tr[data-index="${index}"] [data-testid=index-mean]`).textContent());
        expect(Math.abs(mean - value), `${index}: ${mean} vs ${value}`).toBeLessThanOrEqual(0.05);
      }
      expect(Object.keys(expected)).toEqual(['PDI', 'IDV', 'MAS', 'UAI', 'LTO', 'IVR']);
      const bodies = numbers.requests.map((r) => r.body as { temperature?: number; seed?: number });
      expect(bodies).toHaveLength(72);
      expect(new Set(bodies.map((b) => b.temperature))).toEqual(new Set([0.3]));
      expect(new Set(bodies.map((b) => b.seed))).toEqual(new Set([1, 2, 3]));
      await screenshot(studies, 'studies-survey-results');
      await studies.setViewportSize({ width: 420, height: 800 });
      await screenshot(studies, 'studies-survey-results-narrow');
      await studies.setViewportSize({ width: 1000, height: 800 });

      const dashboard = await openDashboard(studies, browser);
      await drawn(dashboard, 'Survey indices by model and language (radar)');
      await drawn(dashboard, 'Survey indices with 95 % intervals');
      await dashboard.waitForTimeout(300);
      await screenshot(dashboard, 'studies-survey-dashboard');
      await dashboard.close();
      await studies.close();
    } finally {
      await numbers.close();
    }
  });

  test('pause, reload the page, resume: the batch completes with every prompt asked once', async () => {
    const slow = await startOpenAIServer({ chunkDelayMs: 100, reply: (p) => `Considered answer to “${p}”: ${'one careful clause, '.repeat(12)}done.` });
    try {
      const settings = await browser.openPage('options.html');
      await settings.locator('input[name=parallel]').fill('1');
      await addEndpoint(settings, `${slow.url}/v1`, 'slow-3b', 'Slow server');
      await settings.close();
      const studies = await browser.openPage('studies.html');
      const prompts = Array.from({ length: 6 }, (_, i) => ({ id: `q${i}`, text: { en: `Slow question number ${i}?`, de: `Langsame Frage Nummer ${i}?` } }));
      await studies.getByLabel('Probe sets file').setInputFiles(setFile('e2e-six', 'E2E six', prompts));
      await studies.getByText('Imported “E2E six”.').waitFor();
      await onlyEndpoint(studies, /Slow server/);
      await studies.getByRole('checkbox', { name: /German/ }).uncheck();
      await expect.poll(() => studies.getByTestId('estimate').textContent()).toContain('6 answers (6 prompts × 1 endpoint)');
      await studies.getByRole('button', { name: 'Run probe set' }).click();
      await expect.poll(() => status(studies), { timeout: 20_000 }).toBe('Running');
      // One answer streams (one request at a time) and the next unit waits in the queue: pause now.
      await expect
        .poll(() => studies.getByTestId('batch-progress-text').textContent(), { timeout: 20_000 })
        .toBe('0 of 6 prompts finished · 0 of 6 answers · 2 in progress');
      await studies.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => status(studies)).toBe('Paused');

      await studies.reload();
      await expect.poll(() => status(studies), { timeout: 20_000 }).toBe('Paused');
      await expect
        .poll(() => studies.getByTestId('batch-progress-text').textContent(), { timeout: 20_000 })
        .toBe('1 of 6 prompts finished · 1 of 6 answers · 1 waiting to resume');
      const askedWhilePaused = slow.requests.length;
      await studies.waitForTimeout(1500);
      expect(slow.requests.length).toBe(askedWhilePaused); // nothing new is asked while paused
      await screenshot(studies, 'studies-paused');

      await studies.getByRole('button', { name: 'Resume' }).click();
      await expect.poll(() => status(studies), { timeout: 90_000 }).toBe('Finished');
      expect(await studies.getByTestId('batch-progress-text').textContent()).toBe('6 of 6 prompts finished · 6 of 6 answers');
      const askedFor = slow.requests.map((r) => (r.body as { messages: { content: string }[] }).messages.at(-1)!.content);
      expect([...askedFor].sort()).toEqual(prompts.map((p) => p.text.en).sort());
      await screenshot(studies, 'studies-resumed');
      await studies.close();
    } finally {
      await slow.close();
    }
  });
});
