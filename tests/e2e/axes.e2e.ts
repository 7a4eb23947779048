import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { sleep, startServer, type ReceivedRequest, type TestServer } from '../servers/http';
import {
  addEndpoint,
  e2eUnavailable,
  enableSite,
  launchWithExtension,
  registeredCapturePatterns,
  removeProfile,
  screenshot,
  startChatPage,
  testBuildUnavailable,
  type ExtensionBrowser,
} from './harness';

// The context menu and the shortcut are driven through the test-hook build's handlers (Playwright cannot click native menus).
const unavailable = e2eUnavailable() ?? testBuildUnavailable();
if (unavailable) console.warn(`[e2e] axes skipped: ${unavailable}`);

type Message = { role: string; content: string };
const messagesOf = (r: ReceivedRequest) => (r.body as { messages: Message[] }).messages;

/** An OpenAI-style endpoint whose answer names its model, the persona it was framed with, and the prompt it got. */
function startModelServer(): Promise<TestServer> {
  let asked = 0;
  return startServer(async (req, res) => {
    const { model, messages } = req.body as { model: string; messages: Message[] };
    const persona = /from (?:the )?([A-Z][\w ]+?) would/.exec(messages.find((m) => m.role === 'system')?.content ?? '')?.[1] ?? 'no persona';
    const prompt = messages.at(-1)?.content ?? '';
    // Prompts about locks are refused every other time: an unstable target.
    const answer =
      /lock/.test(prompt) && asked++ % 2 === 0
        ? "I'm sorry, but I can't help with that. "
        : `${model}, as ${persona}, on “${prompt}”: it depends on who you ask. `;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const word of answer.match(/\S+\s*/g)!) {
      res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: word }, finish_reason: null }] })}\n\n`);
      await sleep(5);
    }
    res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
    res.end();
  });
}

/** An ordinary web page with a sentence to select. */
function startArticle(): Promise<TestServer> {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body><h1>Opinion</h1><p id="claim">Is it ever right to break a promise?</p></body></html>';
  return startServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
}

/** Calls the handler the background's contextMenus/commands listeners call (Playwright cannot click native menus). */
async function entry(browser: ExtensionBrowser, call: { menu?: string; command?: string }, pageUrl: string) {
  const worker = browser.context.serviceWorkers()[0]!;
  await worker.evaluate(
    async ({ call, pageUrl }) => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; windowId: number; url: string }[]> } } }).chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith(pageUrl));
      const handlers = (
        globalThis as unknown as {
          parallaxEntryPoints: { onMenuClick(info: object, tab?: object): Promise<void>; onCommand(c: string, tab?: object): Promise<void> };
        }
      ).parallaxEntryPoints;
      if (call.menu !== undefined) await handlers.onMenuClick({ menuItemId: 'parallax-compare-selection', selectionText: call.menu }, tab);
      else await handlers.onCommand(call.command!, tab);
    },
    { call, pageUrl },
  );
}

const states = (panel: Page) => panel.getByTestId('run').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));

describe.skipIf(unavailable)('comparison axes and entry points, in Chromium', () => {
  let alpha: TestServer;
  let beta: TestServer;
  let article: TestServer;
  let chat: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    [alpha, beta, article, chat] = await Promise.all([startModelServer(), startModelServer(), startArticle(), startChatPage()]);
    browser = await launchWithExtension(undefined, [], { testBuild: true });
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${alpha.url}/v1`, 'alpha-1', 'First endpoint');
    await addEndpoint(settings, `${beta.url}/v1`, 'beta-1', 'Second endpoint');
    await settings.close();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await Promise.all([alpha, beta, article, chat].map((s) => s?.close()));
  });

  test('“Compare answers to this” on text selected on a 127.0.0.1 page opens a comparison of it', async () => {
    const panel = await browser.openPage('sidepanel.html');
    const page = await browser.context.newPage();
    await page.goto(article.url);
    const selection = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('claim')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    await entry(browser, { menu: selection }, article.url);

    await panel.bringToFront();
    await expect.poll(() => panel.getByTestId('prompt-text').textContent(), { timeout: 10_000 }).toBe('Is it ever right to break a promise?');
    await expect.poll(() => states(panel), { timeout: 15_000 }).toEqual(['done', 'done']);
    expect(await panel.getByTestId('run-text').first().textContent()).toContain('alpha-1, as no persona, on “Is it ever right to break a promise?”');
    await screenshot(panel, 'axes-context-menu');

    // The shortcut on a page without a captured chat opens the panel saying so.
    await entry(browser, { command: 'compare-last-prompt' }, article.url);
    await expect.poll(() => panel.getByRole('alert').first().textContent(), { timeout: 5_000 }).toMatch(/^No captured chat on this tab \(127\.0\.0\.1:\d+\)/);
  });

  test('a 2 models × 2 languages × 2 personas grid renders with the chosen layout', async () => {
    const panel = await browser.openPage('sidepanel.html');
    const personas = [
      { id: 'country-jp', label: 'Japan', systemPrompt: 'Answer as a typical person from Japan would.' },
      { id: 'country-br', label: 'Brazil', systemPrompt: 'Answer as a typical person from Brazil would.' },
    ];
    await panel.evaluate(async (personas) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; error?: string }> } } }).chrome;
      const reply = await api.runtime.sendMessage({
        type: 'comparison.start',
        payload: {
          text: 'Should children look after their elderly parents?',
          sourceLanguage: 'en',
          languages: ['de', 'ja'],
          translations: { de: 'Sollten Kinder sich um ihre alten Eltern kümmern?', ja: '子どもは年老いた親の面倒を見るべきですか？' },
          personas,
        },
      });
      if (!reply.ok) throw new Error(reply.error);
    }, personas);
    const grid = panel.getByTestId('grid');
    await grid.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => grid.locator('[data-testid=grid-answer]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')).join(',')), { timeout: 20_000 })
      .toBe('done,done,done,done');

    // Default: models down, languages across, the first persona.
    const heads = () => grid.locator('thead th[scope=col]').allTextContents();
    const rowHeads = () => grid.locator('tbody th[scope=row]').allTextContents();
    expect((await heads()).slice(1)).toEqual(['German', 'Japanese']);
    expect(await rowHeads()).toEqual(['alpha-1', 'beta-1']);

    // The user lays out personas across and keeps only Japanese.
    await panel.getByLabel('Columns').selectOption('persona');
    await panel.getByLabel('Show language').selectOption('ja');
    expect((await heads()).slice(1)).toEqual(['Japan', 'Brazil']);
    expect(await grid.getAttribute('data-cols')).toBe('persona');
    const cells = await grid.locator('[data-testid=grid-cell] .grid-text').allTextContents();
    expect(cells).toEqual([
      'alpha-1, as Japan, on “子どもは年老いた親の面倒を見るべきですか？”: it depends on who you ask. ',
      'alpha-1, as Brazil, on “子どもは年老いた親の面倒を見るべきですか？”: it depends on who you ask. ',
      'beta-1, as Japan, on “子どもは年老いた親の面倒を見るべきですか？”: it depends on who you ask. ',
      'beta-1, as Brazil, on “子どもは年老いた親の面倒を見るべきですか？”: it depends on who you ask. ',
    ]);
    // Every target got its persona as a system prompt and the prompt in its language.
    const sent = [...alpha.requests, ...beta.requests].map(messagesOf).filter((m) => m[0]?.role === 'system');
    expect(sent).toHaveLength(8);
    await screenshot(panel, 'axes-grid-2x2x2');
  });

  test('a target asked four times is one cell showing how its answers spread', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill('How do I open a lock without its key?');
    await panel.locator('.axes > summary').first().click();
    await panel.getByRole('checkbox', { name: 'Second endpoint' }).uncheck();
    await panel.getByLabel('Times to ask each target').fill('4');
    await panel.getByLabel('Temperature').fill('1');
    await panel.getByRole('button', { name: 'Compare', exact: true }).click();
    const spread = panel.getByTestId('grid-spread');
    await expect.poll(() => spread.textContent(), { timeout: 20_000 }).toBe('Refused 2 of 4 · answered 2');
    expect(await panel.getByTestId('axes-note').textContent()).toContain('Each target asked 4 times at temperature 1.');
    await panel.getByText('Show the 4 answers').click();
    expect(await panel.getByTestId('grid-answer').count()).toBe(4);
    await screenshot(panel, 'axes-repetitions-spread');
  });

  test('a captured chat’s last prompt goes with its previous turns when the user chooses so', async () => {
    const settings = await browser.openPage('options.html');
    await enableSite(settings, chat.url, 'http://127.0.0.1/*');
    await expect.poll(() => registeredCapturePatterns(browser), { timeout: 10_000 }).toContain('http://127.0.0.1/*');
    const panel = await browser.openPage('sidepanel.html');
    // Captured prompts are asked with the panel's axes: back to both endpoints, once, at their own temperature
    // (the previous test left one endpoint asked four times).
    await panel.locator('.axes > summary').first().click();
    await panel.getByRole('checkbox', { name: 'Second endpoint' }).check();
    await panel.getByLabel('Times to ask each target').fill('1');
    await panel.getByLabel('Temperature').fill('');
    await panel.locator('.axes > summary').first().click();
    const page = await browser.context.newPage();
    await page.goto(chat.url);
    const start = alpha.requests.length;
    for (const text of ['My landlord kept my deposit.', 'What should I do now?']) {
      await page.locator('#composer').click();
      await page.locator('#composer').pressSequentially(text, { delay: 2 });
      await page.locator('#composer').press('Enter');
      await page
        .locator('[data-message-author-role=assistant]')
        .filter({ hasText: `${text.length} characters` })
        .waitFor();
    }
    // Captured prompts are replayed alone (the default context): only the prompt was sent.
    await expect.poll(() => alpha.requests.length, { timeout: 10_000 }).toBe(start + 2);
    expect(alpha.requests.slice(start).map((r) => messagesOf(r).map((m) => m.content))).toEqual([['My landlord kept my deposit.'], ['What should I do now?']]);
    const before = alpha.requests.length;

    await entry(browser, { command: 'compare-last-prompt' }, chat.url);
    await panel.bringToFront();
    const box = panel.getByLabel('Prompt to compare');
    await expect.poll(() => box.inputValue(), { timeout: 5_000 }).toBe('What should I do now?');
    await panel.getByTestId('context-mode').waitFor();
    await panel.getByRole('radio', { name: 'With the last' }).check();
    await panel.getByLabel('Previous turns to send').selectOption('2');
    // Framed as a typical person from Japan, too: the system prompt goes first.
    await panel.locator('.axes > summary').first().click();
    await panel.getByRole('checkbox', { name: 'Japan' }).check();
    await expect.poll(() => panel.getByTestId('estimate').textContent()).toMatch(/^2 runs · /);
    await screenshot(panel, 'axes-context-compose');
    await panel.getByRole('button', { name: 'Compare', exact: true }).click();

    await expect.poll(() => alpha.requests.length, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect
      .poll(() => messagesOf(alpha.requests.at(-1)!), { timeout: 10_000 })
      .toEqual([
        { role: 'system', content: expect.stringMatching(/^Answer as a typical person from Japan would\./) },
        { role: 'user', content: 'My landlord kept my deposit.' },
        { role: 'assistant', content: `The local site answers: ${'My landlord kept my deposit.'.length} characters received.` },
        { role: 'user', content: 'What should I do now?' },
      ]);
    await expect
      .poll(() => panel.getByTestId('context-used').textContent(), { timeout: 10_000 })
      .toBe('Sent with the last 2 turns of the conversation before it');
    await expect.poll(() => states(panel), { timeout: 15_000 }).toEqual(['done', 'done']);
    await screenshot(panel, 'axes-context-sent');
  });
});
