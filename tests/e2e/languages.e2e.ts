import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { ReceivedRequest, TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, storedIds, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();
if (unavailable) console.warn(`[e2e] skipped: ${unavailable}`);

const PROMPT = 'Should a doctor always tell a patient the truth?';

/** The prompt in each language, written for this test (not machine output). */
const PROMPT_IN: Record<string, string> = {
  de: 'Sollte ein Arzt einem Patienten immer die Wahrheit sagen?',
  ar: 'هل يجب على الطبيب أن يقول الحقيقة للمريض دائمًا؟',
  ja: '医者は患者に常に真実を伝えるべきですか？',
};
/** What each translation says when translated back: the Japanese one lost most of the question (drift). */
const ROUND_TRIP: Record<string, string> = {
  de: PROMPT,
  ar: 'Must a doctor always tell the patient the truth?',
  ja: 'Doctors talk.',
};
/** The answer the model gives in each language, and its translation into English. */
const ANSWER_IN: Record<string, [answer: string, english: string]> = {
  de: [
    'Ja, in den meisten Fällen. Ehrlichkeit schafft Vertrauen zwischen Arzt und Patient, aber sie sollte mit Mitgefühl ausgesprochen werden.',
    'Yes, in most cases. Honesty builds trust between doctor and patient, but it should be spoken with compassion.',
  ],
  ar: [
    'نعم، في أغلب الأحيان. الصدق يبني الثقة بين الطبيب والمريض، ولكن يجب قوله برحمة.',
    'Yes, most of the time. Honesty builds trust between the doctor and the patient, but it should be said with mercy.',
  ],
  ja: [
    '多くの場合はそうです。正直さは医師と患者の信頼を築きますが、思いやりを持って伝えるべきです。',
    'In many cases, yes. Honesty builds trust between doctors and patients, but it should be told with care.',
  ],
};

/** A deterministic translator-and-answerer: a lookup table for the prompt and answers, "[lang] answer" otherwise. */
function reply(message: string): string {
  const ask = /^Translate from .*? \((\w+)\) into .*? \((\w+)\)\. Reply with the translation only\.\n\n([\s\S]*)$/.exec(message);
  if (ask) {
    const [, from, to, text] = ask as unknown as [string, string, string, string];
    if (from === 'en' && PROMPT_IN[to] && text === PROMPT) return `Here is the translation:\n\n${PROMPT_IN[to]}`;
    if (to === 'en') {
      const prompt = Object.entries(PROMPT_IN).find(([, t]) => t === text)?.[0];
      if (prompt) return ROUND_TRIP[prompt]!;
      const answer = Object.values(ANSWER_IN).find(([a]) => a === text);
      if (answer) return `"${answer[1]}"`;
    }
    return `[${to}] ${text}`;
  }
  const language = Object.entries(PROMPT_IN).find(([, t]) => t === message)?.[0];
  return language ? ANSWER_IN[language]![0] : '[en] answer';
}

const isTranslation = (r: ReceivedRequest, from: string) =>
  (r.body as { messages?: { role: string; content: string }[] }).messages?.some(
    (m) => m.role === 'user' && m.content.startsWith(`Translate from `) && m.content.includes(`(${from}) into`),
  );

describe.skipIf(unavailable)('languages: one question in German, Arabic and Japanese, read back in English', () => {
  let llm: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    llm = await startOpenAIServer({ reply: (prompt) => reply(prompt), chunkDelayMs: 5 });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await llm?.close();
  });

  test('settings: a configured model translates; Chrome’s translator shows its state and downloads nothing by itself', async () => {
    const settings = await browser.openPage('options.html#settings');
    await addEndpoint(settings, `${llm.url}/v1`, 'polyglot-1', 'Local polyglot');
    const section = settings.getByTestId('translation-settings');
    await section.scrollIntoViewIfNeeded();
    const chromeState = await section.getByTestId('chrome-translator-status').textContent();
    console.info(`[e2e] Chrome's translator in this Chromium: ${chromeState}`);
    expect(chromeState).toMatch(/not in this browser|ready, \d+ to download, \d+ not available/);
    await section.getByLabel(/A model you set up/).check();
    await expect.poll(() => section.getByLabel('Translating endpoint').inputValue()).not.toBe('');
    expect(await section.getByLabel('Translating endpoint').locator('option:checked').textContent()).toContain('Local polyglot');
    await settings.setViewportSize({ width: 800, height: 900 });
    await screenshot(settings, 'languages-settings-800');
    await settings.close();
  });

  test('compose in three languages, review the translations, compare, read back-translated, Arabic right to left', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill(PROMPT);
    const composer = panel.getByTestId('language-composer');
    await composer.locator('summary', { hasText: 'Languages' }).click();
    const search = composer.getByRole('combobox', { name: 'Search languages' });
    for (const code of ['de', 'ar', 'ja']) {
      await search.fill(code);
      await search.press('Enter');
    }
    await search.fill('');
    expect(await composer.getByTestId('chosen-languages').textContent()).toBe('Deutsch, العربية, 日本語');
    expect(await composer.getByTestId('translation-engine').textContent()).toContain('Translated by polyglot-1 on Local polyglot.');

    // Review: each translation in its box, in its direction; the Japanese one drifted in the round trip.
    await composer.getByRole('button', { name: 'Review translations' }).click();
    const item = (code: string) => panel.locator(`[data-testid=review-item][data-code=${code}]`);
    for (const code of ['de', 'ar', 'ja']) await expect.poll(() => item(code).getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');
    for (const code of ['de', 'ar', 'ja']) expect(await item(code).locator('textarea').inputValue()).toBe(PROMPT_IN[code]); // preamble removed
    expect(await direction(item('ar').locator('textarea'))).toBe('rtl');
    expect(await direction(item('de').locator('textarea'))).toBe('ltr');
    expect(await item('ja').getByTestId('review-drift').textContent()).toContain('The meaning may have drifted.');
    expect(await item('de').getByTestId('review-drift').count()).toBe(0);
    await panel.setViewportSize({ width: 360, height: 900 });
    await screenshot(panel, 'languages-review-360');
    const translationsBeforeCompare = llm.requests.filter((r) => isTranslation(r, 'en')).length;

    await panel.getByRole('button', { name: 'Compare' }).click();
    const runs = panel.getByTestId('run');
    await expect.poll(() => runs.count(), { timeout: 10_000 }).toBe(3);
    await expect
      .poll(async () => (await runs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).join(','), { timeout: 30_000 })
      .toBe('done,done,done');

    // The runs reused the reviewed translations from the cache: no prompt was translated again.
    expect(llm.requests.filter((r) => isTranslation(r, 'en')).length).toBe(translationsBeforeCompare);
    const asked = llm.requests.map((r) => (r.body as { messages: { role: string; content: string }[] }).messages.at(-1)!.content);
    for (const code of ['de', 'ar', 'ja']) expect(asked).toContain(PROMPT_IN[code]);

    const column = (i: number) => runs.nth(i);
    const names = await runs.evaluateAll((els) => els.map((e) => e.querySelector('[data-testid=run-language]')?.textContent));
    expect(names).toEqual(['Deutsch · de', 'العربية · ar', '日本語 · ja']);
    // Shown back-translated into English, the original one click away.
    for (const [i, code] of ['de', 'ar', 'ja'].entries()) {
      await expect.poll(() => column(i).getByTestId('run-back-text').textContent(), { timeout: 10_000 }).toBe(ANSWER_IN[code]![1]);
    }
    expect(await panel.getByTestId('reading-toggle').isChecked()).toBe(true);
    await expect.poll(() => column(2).getByTestId('run-drift').count(), { timeout: 10_000 }).toBe(1);
    expect(await column(0).getByTestId('run-drift').count()).toBe(0);
    expect(await column(1).getByTestId('answer-language-flag').count()).toBe(0);

    for (const width of [360, 1280]) {
      await panel.setViewportSize({ width, height: 1000 });
      await screenshot(panel, `languages-back-translated-${width}`);
    }

    // The Arabic column's original answer and the prompt it was sent, right to left.
    await column(1).getByRole('button', { name: 'Show original' }).click();
    const arabic = column(1).getByTestId('run-text');
    expect(await arabic.textContent()).toBe(ANSWER_IN.ar![0]);
    expect(await direction(arabic)).toBe('rtl');
    await column(1).getByTestId('prompt-sent').locator('summary').click();
    expect(await column(1).getByTestId('prompt-sent-text').textContent()).toBe(PROMPT_IN.ar);
    expect(await direction(column(1).getByTestId('prompt-sent-text'))).toBe('rtl');
    expect(await column(1).getByTestId('prompt-sent').textContent()).toContain('Translated by polyglot-1.');
    // Fonts: each script's own stack first (Japanese Han drawn as Japanese), falling back to the shared one.
    const fontOf = (l: Locator) => l.evaluate((el) => getComputedStyle(el).fontFamily);
    expect(await fontOf(column(2).locator('[data-testid=run-language] [lang=ja]'))).toMatch(/^"?Noto Sans CJK JP"?,.*Hiragino Sans.*sans-serif$/);
    expect(await arabic.getAttribute('lang')).toBe('ar');
    expect(await fontOf(arabic)).toMatch(/^"?Noto Sans Arabic"?,/);
    await panel.setViewportSize({ width: 1280, height: 1000 });
    await screenshot(panel, 'languages-arabic-original-1280');

    // Everything shown as it came, with one switch.
    await panel.getByTestId('reading-toggle').uncheck();
    expect(await column(0).getByTestId('run-text').textContent()).toBe(ANSWER_IN.de![0]);
    expect(await column(2).getByTestId('run-text').textContent()).toBe(ANSWER_IN.ja![0]);
    await panel.setViewportSize({ width: 360, height: 1000 });
    await screenshot(panel, 'languages-original-360');
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  test("Chrome's translator without the pack: nothing starts, one message says why, and translating with a model asks it", async () => {
    const settings = await browser.openPage('options.html#settings');
    const section = settings.getByTestId('translation-settings');
    await section.getByLabel(/Chrome's on-device translator/).check();
    await section.getByTestId('chrome-translator-pairs').waitFor();
    await section.locator('summary', { hasText: 'Language packs' }).click();
    const downloadable = await section.locator('[data-testid=pair][data-to=downloadable]').first().getAttribute('data-code');
    if (!downloadable) {
      console.warn('[e2e] no downloadable language pack in this Chromium: skipped');
      return;
    }
    await settings.setViewportSize({ width: 800, height: 900 });
    await screenshot(settings, 'languages-chrome-packs-800');

    const panel = await browser.openPage('sidepanel.html');
    const before = (await storedIds(panel)).length;
    await panel.getByLabel('Prompt to compare').fill('Is it fair to tax inheritance?');
    const composer = panel.getByTestId('language-composer');
    await composer.locator('summary', { hasText: 'Languages' }).click();
    await composer.getByRole('button', { name: 'Clear' }).click();
    const search = composer.getByRole('combobox', { name: 'Search languages' });
    await search.fill(downloadable);
    await search.press('Enter');
    expect(await composer.getByTestId('translation-engine').textContent()).toContain("Translated by Chrome's on-device translator.");
    const requests = llm.requests.length;
    await panel.getByRole('button', { name: 'Compare' }).click();

    // One message, with the ways out; no run was started and nothing was asked or downloaded.
    const problem = panel.getByTestId('translator-problem');
    await problem.waitFor({ timeout: 10_000 });
    const message = await problem.locator('p').first().textContent();
    console.info(`[e2e] Compare with a pack not downloaded: ${message}`);
    expect(message).toMatch(/^The translator cannot translate into .+ yet \(.+: language pack not downloaded\)\. Nothing was asked\.$/);
    expect(await problem.getByRole('button', { name: 'Download and ask' }).count()).toBe(1);
    expect((await storedIds(panel)).length).toBe(before);
    expect(llm.requests.length).toBe(requests);
    await panel.setViewportSize({ width: 360, height: 900 });
    await screenshot(panel, 'languages-translator-problem-360');

    // The model way: the translator becomes the configured model and the comparison starts, translated by it.
    await problem.getByRole('button', { name: 'Translate with Local polyglot and ask' }).click();
    await expect.poll(() => panel.getByTestId('run').first().getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
    expect(await panel.getByTestId('translator-problem').count()).toBe(0);
    await settings.reload();
    expect(
      await settings
        .getByTestId('translation-settings')
        .getByLabel(/Chrome's on-device translator/)
        .isChecked(),
    ).toBe(false);
  });
});

/** The computed text direction of an element. */
function direction(locator: Locator): Promise<string> {
  return locator.evaluate((el) => getComputedStyle(el).direction);
}
