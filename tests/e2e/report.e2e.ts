/**
 * The screens a teacher hands out or projects, from a real comparison: three models asked in English, German and
 * Japanese through the panel (a configured model translates, answers are translated back), one model refusing.
 * The HTML report is downloaded from History, opened and printed in Chromium; the dashboard shows it projected.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { ANSWERS, ASKED, PROMPT } from '../history/report-fixture';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, ROOT, screenshot, SCREENSHOT_DIR, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();
if (unavailable) console.warn(`[e2e] skipped: ${unavailable}`);

const MODELS = ['alpha', 'beta', 'gamma'] as const;
const LANGUAGES = [
  ['en', 'English'],
  ['de', 'German'],
  ['ja', 'Japanese'],
] as const;

/** Translates the prompt and the answers by lookup; answers each model in the language it is asked in. */
function reply(message: string, model: string): string {
  const ask = /^Translate from .*? \((\w+)\) into .*? \((\w+)\)\. Reply with the translation only\.\n\n([\s\S]*)$/.exec(message);
  if (ask) {
    const [, from, to, text] = ask as unknown as [string, string, string, string];
    if (from === 'en' && (to === 'de' || to === 'ja') && text === PROMPT) return ASKED[to];
    if (to === 'en') {
      if (Object.values(ASKED).includes(text)) return PROMPT;
      for (const byModel of Object.values(ANSWERS)) for (const [answer, english] of Object.values(byModel)) if (answer === text && english) return english;
    }
    return `[${to}] ${text}`;
  }
  const language = message === PROMPT ? 'en' : (Object.entries(ASKED).find(([, text]) => text === message)?.[0] as 'de' | 'ja' | undefined);
  return language && (MODELS as readonly string[]).includes(model) ? ANSWERS[language][model as (typeof MODELS)[number]][0] : `Not asked: ${message}`;
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  // The download keeps a random name; a browser reads a file as HTML by its name.
  const path = join(mkdtempSync(join(tmpdir(), 'report-')), file.suggestedFilename());
  copyFileSync(await file.path(), path);
  return path;
}

/** Screenshots at a phone's and a laptop's width, in the light and the dark. */
async function shots(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `${name}-${width}-${colorScheme}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(1);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe.skipIf(unavailable)('the report and the projector, from a comparison in three languages — in Chromium', () => {
  let llm: TestServer;
  let browser: ExtensionBrowser;
  let panel: Page;
  let verdict = '';

  beforeAll(async () => {
    llm = await startOpenAIServer({ reply, chunkDelayMs: 2 });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await llm?.close();
  });

  test('three models asked in English, German and Japanese from the panel, answers translated back', async () => {
    const settings = await browser.openPage('options.html#settings');
    for (const [i, model] of MODELS.entries()) await addEndpoint(settings, `${llm.url}/v1`, model, `Lab ${'ABC'[i]}`);
    const section = settings.getByTestId('translation-settings');
    await section.scrollIntoViewIfNeeded();
    await section.getByLabel(/A model you set up/).check();
    await section
      .getByLabel('Translating endpoint')
      .selectOption({ label: (await section.getByLabel('Translating endpoint').locator('option', { hasText: 'Lab A' }).textContent())! });
    await settings.close();

    panel = await browser.openPage('sidepanel.html');
    await panel.setViewportSize({ width: 1280, height: 900 });
    await panel.getByLabel('Prompt to compare').fill(PROMPT);
    const composer = panel.getByTestId('language-composer');
    await composer.locator('summary', { hasText: 'Languages' }).click();
    const search = composer.getByRole('combobox', { name: 'Search languages' });
    for (const code of ['en', 'de', 'ja']) {
      await search.fill(code);
      await search.press('Enter');
    }
    await search.fill('');
    await panel.getByRole('button', { name: 'Compare' }).click();
    // Nine answers open as a grid; the columns show each answer whole.
    await panel.getByRole('checkbox', { name: 'Grid' }).uncheck();
    const runs = panel.getByTestId('run');
    await expect.poll(() => runs.count(), { timeout: 15_000 }).toBe(9);
    await expect
      .poll(async () => (await runs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).join(','), { timeout: 60_000 })
      .toBe(Array(9).fill('done').join(','));
    // Every German and Japanese answer translated back before the report is made.
    await expect.poll(() => panel.getByTestId('run-back-text').count(), { timeout: 30_000 }).toBe(6);
    verdict = (await panel.getByTestId('verdict').textContent()) ?? '';
    console.info(`[e2e] the panel's verdict: ${verdict}`);
    expect(verdict).toMatch(/beta/);
  });

  test('the HTML report: the verdict, every answer named and labelled, back-translations beside originals, readable dates; printed to PDF', async () => {
    await panel.getByRole('tab', { name: /History/ }).click();
    await expect.poll(() => panel.getByTestId('history-item').count()).toBe(1);
    const path = await download(panel, 'Report');
    expect(path).toMatch(/parallax-\d{4}-\d{2}-\d{2}\.html$/);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);

    const report = await browser.context.newPage();
    const blocked: string[] = [];
    report.on('request', (r) => !r.url().startsWith('file:') && blocked.push(r.url()));
    await report.setViewportSize({ width: 1280, height: 900 });
    await report.goto(`file://${path}`);
    expect(await report.title()).toBe('Parallax report');
    expect(await report.locator('script, img, link, iframe').count()).toBe(0);
    expect(await report.locator('.top .m').first().textContent()).toMatch(
      /^1 comparison · made [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2}\s?[AP]M with Parallax$/,
    );
    expect(await report.locator('section h2').textContent()).toBe(PROMPT);
    expect(await report.locator('section time').textContent()).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2}\s?[AP]M$/);
    expect(await report.locator('body').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}|comparison\(s\)/);
    // The verdict is the panel's, word for word.
    expect(await report.locator('section .vl').textContent()).toBe('What differs');
    expect(await report.locator('section .vt').textContent()).toBe(verdict);

    const cards = report.locator('article');
    const names = await cards.locator('h3').allTextContents();
    expect(names.sort()).toEqual(MODELS.flatMap((m) => LANGUAGES.map(([, name]) => `${m} · ${name}`)).sort());
    const card = (name: string) => cards.filter({ has: report.locator('h3', { hasText: new RegExp(`^${name}$`) }) });
    for (const [, language] of LANGUAGES) {
      expect(await card(`beta · ${language}`).locator('.badge').textContent(), `beta · ${language}`).toBe('Refused');
      expect(await card(`alpha · ${language}`).locator('.badge').textContent(), `alpha · ${language}`).toMatch(/^Answered/);
    }
    expect(await card('gamma · English').locator('.chip').allTextContents()).toContain('Balanced');
    // The words that decided "Refused" are marked, each naming the label and its rule.
    const marks = card('beta · English').locator('mark');
    expect(await marks.allTextContents()).toEqual(["I'm sorry", "I can't help"]);
    expect(await marks.first().getAttribute('title')).toMatch(/^Refused — rule refusal\./);
    // German and Japanese: the original beside its translation back into English, both labelled.
    for (const [code, language] of [
      ['de', 'German'],
      ['ja', 'Japanese'],
    ] as const) {
      const pair = card(`beta · ${language}`).locator('.pair .o');
      expect(await pair.locator('.l').allTextContents()).toEqual([`Original · ${language}`, 'Translated back into English by alpha']);
      expect(await pair.nth(0).locator('.t').textContent()).toBe(ANSWERS[code].beta[0]);
      expect(await pair.nth(1).locator('.t').textContent()).toBe(ANSWERS[code].beta[1]);
      expect(await card(`alpha · ${language}`).locator('.sent').textContent()).toBe(`Prompt sent in ${language}: ${ASKED[code]}`);
      const [left, right] = await pair.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
      expect(right!.left, 'side by side at this width').toBeGreaterThan(left!.left);
    }
    await shots(report, 'report');

    // Printed once: A4, each comparison on its own page, answers stacked with originals beside translations.
    await report.emulateMedia({ media: 'print' });
    await report.setViewportSize({ width: 794, height: 1123 });
    const stacked = await cards.evaluateAll((els) => els.slice(0, 3).map((e) => e.getBoundingClientRect().left));
    expect(new Set(stacked).size).toBe(1); // one answer per row on paper
    await screenshot(report, 'report-print-media');
    await report.emulateMedia({ media: null }); // page.pdf() prints with print media unless screen is emulated
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdfPath = join(ROOT, 'test-results', 'report.pdf');
    const pdf = await report.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.info(`[e2e] report printed to ${pdfPath}: ${pages} pages`);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
    expect(blocked).toEqual([]); // nothing was fetched
    writeFileSync(join(ROOT, 'test-results', 'report.html'), html);
    await report.close();
  });

  test('the projector: the verdict on top, names by model · language, German and Japanese beside their back-translation', async () => {
    const page = await browser.openPage('dashboard.html');
    await expect.poll(() => page.getByTestId('dashboard-prompt').textContent(), { timeout: 15_000 }).toBe(PROMPT);
    await page.getByRole('button', { name: 'Projector' }).click();
    await expect.poll(() => page.getByTestId('dashboard-verdict').textContent(), { timeout: 15_000 }).toBe(verdict);
    const answers = page.getByTestId('answer');
    expect((await answers.getByTestId('answer-name').allTextContents()).sort()).toEqual(
      MODELS.flatMap((m) => LANGUAGES.map(([, name]) => `${m} · ${name}`)).sort(),
    );
    const answer = (name: string) => page.getByRole('article', { name, exact: true });
    for (const [code, language] of [
      ['de', 'German'],
      ['ja', 'Japanese'],
    ] as const) {
      const card = answer(`beta · ${language}`);
      expect(await card.getByTestId('refusal-badge').textContent()).toBe('Refused');
      expect(await card.locator('.answer-label').allTextContents()).toEqual([`Original · ${language}`, 'Translated back into English by alpha']);
      expect(await card.getByTestId('answer-back-text').textContent()).toBe(ANSWERS[code].beta[1]);
      expect(await card.getByTestId('answer-text').textContent()).toBe(ANSWERS[code].beta[0]);
    }
    expect(await answer('gamma · English').getByTestId('value-chip').allTextContents()).toContain('Balanced');
    await shots(page, 'projector');
    await page.close();
  });
});
