/**
 * A VSM 2013 run over two scripted endpoints × two languages, read the way researchers read answers: some answers
 * name two neighbouring options (the half point), some give a label only, some come after an AI disclaimer, some
 * refuse and two cannot be read. The indices must equal a hand computation from what the servers meant; the two
 * unreadable answers wait for a person, whose value changes the index, survives a reload and can be undone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

// A stand-in questionnaire written for this test: the VSM 2013 layout (24 items, shared scales above items 1, 11
// and 21, own options under 15–20) with placeholder items and labels of our own.
const LABELS = {
  en: ['of the highest importance', 'very important', 'of medium importance', 'of minor importance', 'of hardly any importance'],
  de: ['äußerst wichtig', 'sehr wichtig', 'mittelmäßig wichtig', 'wenig wichtig', 'unwichtig'],
};
type Lang = keyof typeof LABELS;
const ITEM = {
  en: (n: number) => `Placeholder statement number ${n} for testing the survey reader?`,
  de: (n: number) => `Platzhalteraussage Nummer ${n} zum Testen des Umfragelesers?`,
};

function questionnaire(lang: Lang): string {
  const options = LABELS[lang].map((l, i) => `${i + 1} = ${l}`);
  const lines: string[] = [];
  for (let n = 1; n <= 24; n++) {
    if (n === 1 || n === 11 || n === 21) lines.push('', ...options, '');
    lines.push(`${n}. ${ITEM[lang](n)}`);
    if (n >= 15 && n <= 20) lines.push(...options, '');
  }
  return lines.join('\n');
}

/** What the server meant: a value, a refusal (null), or an answer nobody can read without a person ('unread'). */
type Meant = number | null | 'unread';
const SERVERS = ['alpha', 'beta'] as const;
type Server = (typeof SERVERS)[number];
const key = (server: Server, lang: Lang, item: number, rep: number) => `${server}|${lang}|${item}|${rep}`;

/** Answers no reader can settle: Alpha's English m07 in repetition 1 (PDI) and Beta's German m13 in repetition 2 (LTO). */
const UNREAD: Record<string, string> = {
  [key('alpha', 'en', 7, 1)]: 'Either 1 or 4, it depends on the day.',
  [key('beta', 'de', 13, 2)]: 'Entweder 2 oder 5, das kommt darauf an.',
};
const REFUSED = new Set([key('beta', 'de', 11, 1), key('beta', 'de', 11, 2), key('alpha', 'en', 20, 2)]);
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The scripted answer and what it means, for one server, language, item and repetition. */
function script(server: Server, lang: Lang, n: number, rep: number): { text: string; meant: Meant } {
  const k = key(server, lang, n, rep);
  if (UNREAD[k]) return { text: UNREAD[k], meant: 'unread' };
  if (REFUSED.has(k))
    return { text: lang === 'en' ? 'As an AI, I cannot answer this question.' : 'Als KI kann ich diese Frage nicht beantworten.', meant: null };
  const s = SERVERS.indexOf(server);
  const l = lang === 'en' ? 0 : 1;
  const v = ((n * 7 + rep * 3 + s * 2 + l) % 5) + 1;
  const label = LABELS[lang][v - 1]!;
  switch ((n + rep + s + l) % 4) {
    case 0:
      return { text: String(v), meant: v };
    case 1: // a label only
      return { text: `${capital(label)}.`, meant: v };
    case 2: {
      // two neighbouring options, number and label first, then the other number
      const [a, b] = v < 5 ? [v, v + 1] : [v, v - 1];
      const text = lang === 'en' ? `I would choose ${a} (${LABELS.en[a - 1]}) or ${b}.` : `Ich würde ${a} (${LABELS.de[a - 1]}) oder ${b} wählen.`;
      return { text, meant: (a + b) / 2 };
    }
    default: // a value after a disclaimer
      return {
        text:
          lang === 'en'
            ? `As an AI, I have no personal preferences, but I would say (${v}) ${label}.`
            : `Als KI habe ich keine persönlichen Vorlieben, aber ich würde sagen: (${v}) ${label}.`,
        meant: v,
      };
  }
}

/** The VSM 2013 formulas written out again (RESEARCH.md §3), C = 0. */
const FORMULAS: Record<string, [number, number, number][]> = {
  PDI: [
    [35, 7, 2],
    [25, 20, 23],
  ],
  IDV: [
    [35, 4, 1],
    [35, 9, 6],
  ],
  MAS: [
    [35, 5, 3],
    [35, 8, 10],
  ],
  UAI: [
    [40, 18, 15],
    [25, 21, 24],
  ],
  LTO: [
    [40, 13, 14],
    [25, 19, 22],
  ],
  IVR: [
    [35, 12, 11],
    [40, 17, 16],
  ],
};

/** Mean over repetitions of an index, each repetition counting when all four of its items have a value. */
function handIndex(server: Server, lang: Lang, index: string, hand: Record<string, number> = {}): number | null {
  const values: number[] = [];
  for (const rep of [1, 2]) {
    const item = (n: number) => {
      const k = key(server, lang, n, rep);
      const meant = k in hand ? hand[k]! : script(server, lang, n, rep).meant;
      return typeof meant === 'number' ? meant : null;
    };
    const terms = FORMULAS[index]!.map(([w, a, b]) => [w, item(a), item(b)] as const);
    if (terms.every(([, a, b]) => a !== null && b !== null)) values.push(terms.reduce((sum, [w, a, b]) => sum + w * (a! - b!), 0));
  }
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

const CELLS = { alpha: 'Alpha server · alpha-7b', beta: 'Beta server · beta-8b' };
const shown = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10) / 10));
const meanCell = (page: Page, server: Server, lang: Lang, index: string) =>
  page.locator(`tr[data-index="${index}"][data-cell="${CELLS[server]} · ${lang}"] [data-testid=index-mean]`);

describe.skipIf(unavailable)('a VSM run read like researchers read it, in Chromium', () => {
  let browser: ExtensionBrowser;
  const servers: TestServer[] = [];

  beforeAll(async () => {
    for (const server of SERVERS) {
      servers.push(
        await startOpenAIServer({
          chunkDelayMs: 1,
          reply: (prompt, _model, body) => {
            const lang: Lang = /Platzhalteraussage/.test(prompt) ? 'de' : 'en';
            const n = Number(/(?:number|Nummer) (\d+)/.exec(prompt)?.[1]);
            const rep = (body as { seed?: number }).seed ?? 0; // first seed 1: repetition r has seed r
            return script(server, lang, n, rep).text;
          },
        }),
      );
    }
    browser = await launchWithExtension();
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${servers[0]!.url}/v1`, 'alpha-7b', 'Alpha server');
    await addEndpoint(settings, `${servers[1]!.url}/v1`, 'beta-8b', 'Beta server');
    await settings.close();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    for (const s of servers) await s.close();
  });

  test('indices equal a hand computation; unreadable answers wait for a person, whose value changes the index', async () => {
    const studies = await browser.openPage('studies.html#surveys');
    await studies.getByLabel('Questionnaire text').fill(questionnaire('en'));
    await studies.getByRole('button', { name: 'Import questionnaire' }).click();
    await expect.poll(() => studies.getByTestId('questionnaire-status').textContent()).toContain('Imported in English (en).');
    await studies.getByRole('button', { name: 'Add another language' }).click();
    await studies.getByLabel('Language of this text').selectOption('de');
    await studies.getByLabel('Questionnaire text').fill(questionnaire('de'));
    await studies.getByRole('button', { name: 'Import questionnaire' }).click();
    await expect.poll(() => studies.getByTestId('questionnaire-status').textContent()).toContain('German (de)');

    await studies.getByRole('checkbox', { name: /Beta server/ }).check();
    await studies.getByRole('checkbox', { name: /German/ }).check();
    await studies.getByLabel('Repetitions per item').fill('2');
    await expect.poll(() => studies.getByTestId('estimate').textContent()).toContain('192 answers (96 prompts × 2 endpoints)');
    await studies.getByRole('button', { name: 'Run survey' }).click();
    await expect.poll(() => studies.getByTestId('batch-status').textContent(), { timeout: 240_000 }).toBe('Finished');

    // Every index of every model × language equals the hand computation from what the servers meant.
    for (const server of SERVERS)
      for (const lang of ['en', 'de'] as const)
        for (const index of Object.keys(FORMULAS)) {
          await expect
            .poll(() => meanCell(studies, server, lang, index).textContent(), { message: `${server} ${lang} ${index}` })
            .toBe(shown(handIndex(server, lang, index)));
        }
    // The unreadable answers are listed for a person, with the item, its scale and the answer.
    const cards = studies.getByTestId('to-read');
    await expect.poll(() => cards.count()).toBe(2);
    const m07 = cards.filter({ hasText: 'm07 · Alpha server · alpha-7b · English · repetition 1' });
    await expect.poll(() => m07.textContent()).toContain('Placeholder statement number 7 for testing the survey reader?');
    expect(await m07.textContent()).toContain('Scale: 1 = of the highest importance · 2 = very important');
    expect(await m07.locator('blockquote').textContent()).toBe(UNREAD[key('alpha', 'en', 7, 1)]);
    expect(await m07.textContent()).toContain('Reader: names two options that are not neighbours (1 and 4)');
    expect(await cards.filter({ hasText: 'm13 · Beta server · beta-8b · German · repetition 2' }).locator('blockquote').textContent()).toBe(
      UNREAD[key('beta', 'de', 13, 2)],
    );

    // Alpha's English PDI counts one repetition until the person reads m07 of repetition 1 as 2.5.
    const before = handIndex('alpha', 'en', 'PDI');
    const after = handIndex('alpha', 'en', 'PDI', { [key('alpha', 'en', 7, 1)]: 2.5 });
    expect(after).not.toBe(before);
    await m07.getByRole('button', { name: '2.5 — between 2 and 3' }).click();
    await expect.poll(() => meanCell(studies, 'alpha', 'en', 'PDI').textContent()).toBe(shown(after));
    await expect.poll(() => cards.count()).toBe(1);
    expect(await studies.locator('tr[data-index="PDI"][data-cell="Alpha server · alpha-7b · en"] [data-testid=index-by-person]').textContent()).toBe('1');
    expect(await studies.getByTestId('by-person-note').textContent()).toContain('1 answer you read by hand counts in these indices');

    // Stored with the run: still there after a reload.
    await studies.reload();
    await expect.poll(() => meanCell(studies, 'alpha', 'en', 'PDI').textContent()).toBe(shown(after));
    const readByYou = studies.getByTestId('read-by-you');
    await readByYou.locator('summary').click();
    expect(await readByYou.textContent()).toContain('m07 · Alpha server · alpha-7b · English · repetition 1: 2.5');

    // Undo: the reader's verdict counts again.
    await studies.getByRole('button', { name: 'Undo your reading of m07 · Alpha server · alpha-7b · English · repetition 1' }).click();
    await expect.poll(() => meanCell(studies, 'alpha', 'en', 'PDI').textContent()).toBe(shown(before));
    await expect.poll(() => studies.getByTestId('to-read').count()).toBe(2);

    // Beta's German m13 read as a refusal: LTO keeps the same mean but counts one more refusal.
    const m13 = studies.getByTestId('to-read').filter({ hasText: 'm13 · Beta server · beta-8b · German · repetition 2' });
    await m13.getByRole('button', { name: 'Refused' }).click();
    await expect.poll(() => studies.getByTestId('to-read').count()).toBe(1);
    const lto = studies.locator('tr[data-index="LTO"][data-cell="Beta server · beta-8b · de"]');
    expect(await lto.locator('td').nth(4).textContent()).toBe('1');

    // The chart: six panels, the run's rows, published values as marks.
    const chart = studies.getByTestId('index-chart');
    expect(await chart.locator('.index-panel').count()).toBe(6);
    expect(await chart.locator('[data-index=UAI] .ref-mark').count()).toBe(4);
    for (const width of [1280, 360]) {
      await studies.setViewportSize({ width, height: 900 });
      await studies.evaluate(() => window.scrollTo(0, 0)); // the sticky top bar stays on top of a full-page shot
      await screenshot(studies, `survey-reading-${width}`);
    }
    const overflow = await studies.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'nothing wider than a 360 px screen').toBeLessThanOrEqual(0);
    await studies.close();
  }, 300_000); // 192 answers on a shared 2-core machine
});
