/**
 * The core loop as a user meets it, with three scripted models that disagree (one declines, one answers
 * one-sidedly and flips its stance in German, one gives both sides), each answering in the prompt's language:
 * what the badges, chips, verdict and dashboard say; and a prompt picked up on a chat page being asked with the
 * axes chosen in the panel.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from '../servers/http';
import { QUESTION, startDisagreeingServer } from '../servers/disagreeing';
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

/** Chooses the panel's languages by code (the picker's search box), replacing any chosen before. */
async function chooseLanguages(panel: Page, codes: string[]) {
  const composer = panel.getByTestId('language-composer');
  const picker = composer.locator('summary', { hasText: 'Languages' });
  if (!(await composer.getByRole('combobox', { name: 'Search languages' }).isVisible())) await picker.click();
  const clear = composer.getByRole('button', { name: 'Clear' });
  if (await clear.count()) await clear.click();
  const search = composer.getByRole('combobox', { name: 'Search languages' });
  for (const code of codes) {
    await search.fill(code);
    await search.press('Enter');
  }
  await search.fill('');
}

/** The state of every run column, in order. */
const states = (panel: Page) => panel.getByTestId('run').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));

/** Each column's name (aria-label), badge and chips, as a person reads them. */
async function cards(panel: Page): Promise<Record<string, { badge: string; chips: string[] }>> {
  return panel.getByTestId('run').evaluateAll((els) =>
    Object.fromEntries(
      els.map((e) => [
        e.getAttribute('aria-label') ?? '',
        {
          badge: e.querySelector('[data-testid=refusal-badge]')?.textContent ?? '',
          chips: [...e.querySelectorAll('[data-testid=value-chip]')].map((c) => c.textContent ?? ''),
        },
      ]),
    ),
  );
}

describe.skipIf(unavailable)('three models that disagree, in English, German and Japanese', () => {
  let llm: TestServer;
  let chat: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    llm = await startDisagreeingServer();
    chat = await startChatPage();
    browser = await launchWithExtension();
    const settings = await browser.openPage('options.html#settings');
    for (const [label, model] of [
      ['Cautious', 'cautious'],
      ['Frank', 'frank'],
      ['Fair', 'fair'],
    ])
      await addEndpoint(settings, `${llm.url}/v1`, model!, label!);
    const section = settings.getByTestId('translation-settings');
    await section.getByLabel(/A model you set up/).check();
    await section.getByLabel('Translating endpoint').selectOption({ label: 'Fair' });
    await enableSite(settings, chat.url, 'http://127.0.0.1/*');
    for (let i = 0; i < 100 && (await registeredCapturePatterns(browser)).length === 0; i++) await settings.waitForTimeout(100);
    await settings.close();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await chat?.close();
    await llm?.close();
  });

  test('a "No" is an answer with its stance; the verdict names who declined and whose stance flips by language', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill(QUESTION);
    await chooseLanguages(panel, ['en', 'de', 'ja']);
    await panel.getByRole('button', { name: 'Compare' }).click();
    // Models × languages open in the grid; each answer's card is read in the columns view.
    const grid = panel.getByRole('checkbox', { name: 'Grid' });
    await grid.waitFor({ timeout: 15_000 });
    await grid.uncheck();
    await expect.poll(() => states(panel), { timeout: 60_000 }).toEqual(Array(9).fill('done'));
    await panel.getByTestId('verdict').waitFor();

    const read = await cards(panel);
    for (const language of ['English', 'German', 'Japanese']) {
      expect(read[`Cautious · ${language}`]?.badge, `Cautious · ${language}`).toMatch(/^Refused/);
      expect(read[`Frank · ${language}`]?.badge, `Frank · ${language}`).toBe('Answered');
      expect(read[`Frank · ${language}`]?.chips, `Frank · ${language}`).toContain('One-sided');
      expect(read[`Fair · ${language}`]?.badge, `Fair · ${language}`).toBe('Answered');
      expect(read[`Fair · ${language}`]?.chips, `Fair · ${language}`).toContain('Balanced');
    }
    expect(read['Frank · English']!.chips).toContain('Stance: against');
    expect(read['Frank · Japanese']!.chips).toContain('Stance: against');
    expect(read['Frank · German']!.chips).toContain('Stance: for');

    expect(await panel.getByTestId('verdict').textContent()).toBe(
      'Cautious declined in every language; Frank and Fair answered in every language. Frank changes its stance with the language: against in English and Japanese; for in German.',
    );
    for (const width of [360, 1280]) {
      await panel.setViewportSize({ width, height: 1100 });
      await screenshot(panel, `core-loop-columns-${width}`);
    }

    // The grid says the same: badges and chips per cell, the German and Japanese answers in English.
    await grid.check();
    const cell = (row: string, col: string) => panel.locator(`[data-testid=grid-cell][aria-label="${row}, ${col}"]`);
    expect(await cell('Frank', 'German').getByTestId('value-chip').allTextContents()).toContain('Stance: for');
    expect(await cell('Cautious', 'Japanese').getByTestId('grid-badge').textContent()).toMatch(/^Refused/);
    expect(await cell('Fair', 'Japanese').getByTestId('grid-text').textContent()).toContain('On one hand, supporters cite higher yields');
    await panel.getByRole('checkbox', { name: 'Show in English' }).uncheck();
    expect(await cell('Fair', 'Japanese').getByTestId('grid-text').textContent()).toContain('何を重視するかによります');
    await panel.getByRole('checkbox', { name: 'Show in English' }).check();
    for (const width of [360, 1280]) {
      await panel.setViewportSize({ width, height: 1100 });
      await screenshot(panel, `core-loop-grid-${width}`);
      expect(
        await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        `overflow at ${width}`,
      ).toBeLessThanOrEqual(1);
    }

    // The dashboard counts only real refusals: Cautious 100 % in each language, the others 0 %.
    const dashboard = await browser.openPage('dashboard.html');
    await dashboard.getByRole('button', { name: 'Batch summary' }).click();
    await expect.poll(() => dashboard.getByText('Loading the analysis…').count(), { timeout: 20_000 }).toBe(0);
    const rows = dashboard.locator('[data-testid=figure-refusal-by-language-and-model] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(9);
    const rates = Object.fromEntries(
      (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => c.textContent ?? '')))).map((c) => [
        `${c[1]} · ${c[0]}`,
        c[5],
      ]),
    );
    for (const language of ['English', 'Deutsch', '日本語']) {
      const key = (model: string) => Object.keys(rates).find((k) => k.startsWith(`${model} · `) && k.includes(language))!;
      expect(rates[key('Cautious')], `Cautious in ${language}`).toBe('100');
      expect(rates[key('Frank')], `Frank in ${language}`).toBe('0');
      expect(rates[key('Fair')], `Fair in ${language}`).toBe('0');
    }
    await dashboard.setViewportSize({ width: 1280, height: 1000 });
    await screenshot(dashboard, 'core-loop-dashboard-1280');
    await dashboard.close();
    await panel.close();
  });

  test('a prompt sent on the chat page is asked with the panel axes, and the panel follows each new capture', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await chooseLanguages(panel, ['en', 'de', 'ar']);
    // The summary says what will be asked, and that captured prompts are asked the same way.
    await expect.poll(() => panel.getByTestId('axes-summary').textContent()).toBe('3 endpoints × 3 languages');
    expect(await panel.getByTestId('capture-axes-note').textContent()).toBe('Prompts you send on 127.0.0.1 are asked the same way.');

    const page = await browser.context.newPage();
    await page.goto(chat.url);
    await panel
      .getByRole('checkbox', { name: 'Grid' })
      .uncheck()
      .catch(() => undefined);
    for (const [i, text] of [QUESTION, 'Is nuclear power a good idea?', 'Should homework be abolished?'].entries()) {
      await page.locator('#composer').fill(text);
      await page.locator('#composer').press('Enter');
      // The panel switches to the new comparison: the prompt on screen is the one just sent.
      await expect.poll(() => panel.getByTestId('prompt-text').textContent(), { timeout: 15_000 }).toBe(text);
      // 3 endpoints × English, German, Arabic, plus the site's own answer as the first column.
      await expect.poll(() => states(panel), { timeout: 60_000 }).toEqual(Array(10).fill('done'));
      const names = await panel.getByTestId('run').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      expect(names[0]).toMatch(/^On 127\.0\.0\.1/);
      expect(names.slice(1).sort()).toEqual(['Cautious', 'Fair', 'Frank'].flatMap((m) => ['Arabic', 'English', 'German'].map((l) => `${m} · ${l}`)).sort());
      if (i === 0) {
        const asked = llm.requests.map((r) => (r.body as { messages: { role: string; content: string }[] }).messages.at(-1)!.content);
        expect(asked).toContain('Sollten gentechnisch veränderte Lebensmittel verboten werden?');
        expect(asked).toContain('هل يجب حظر الأغذية المعدلة وراثيًا؟');
      }
    }
    for (const width of [360, 1280]) {
      await panel.setViewportSize({ width, height: 1100 });
      await screenshot(panel, `core-loop-capture-${width}`);
    }

    // While the user types, a new capture waits behind a bar instead of pulling the view away.
    await panel.getByLabel('Prompt to compare').fill('A question of my own');
    await page.locator('#composer').fill('Is coffee healthy?');
    await page.locator('#composer').press('Enter');
    const bar = panel.getByTestId('incoming');
    await bar.waitFor({ timeout: 15_000 });
    expect(await bar.textContent()).toMatch(/^New comparison from 127\.0\.0\.1/);
    expect(await panel.getByTestId('prompt-text').textContent()).toBe('Should homework be abolished?');
    await bar.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => panel.getByTestId('prompt-text').textContent()).toBe('Is coffee healthy?');
    expect(await panel.getByLabel('Prompt to compare').inputValue()).toBe('A question of my own');
    await page.close();
    await panel.close();
  });
});
