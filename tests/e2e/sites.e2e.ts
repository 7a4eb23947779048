import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, registeredCapturePatterns, removeProfile, screenshot, type ExtensionBrowser } from './harness';
import { extensionWithAccess, siteServerUnavailable, startSiteServer, type SiteServer } from './site-server';

const unavailable = e2eUnavailable() ?? siteServerUnavailable();
if (unavailable) console.warn(`[e2e] sites skipped: ${unavailable}`);

const HOSTS = ['chatgpt.com', 'claude.ai'];
const PAGES = { 'chatgpt.com/': 'chatgpt.html', 'chatgpt.com/changed': 'chatgpt-changed.html', 'claude.ai/': 'claude.html' };
const modelReply = (p: string, model: string) => `${model} on “${p}”: an answer from the test endpoint.`;

/** Types into a site's contenteditable composer like a user. */
async function typeInto(page: Page, composer: string, text: string) {
  await page.locator(composer).click();
  await page.keyboard.type(text, { delay: 5 });
}

/** The text of the newest answer on the page once the site has finished writing it. */
async function finishedAnswer(page: Page, answer: string, streaming: string): Promise<string> {
  await page.locator(streaming).waitFor({ state: 'detached', timeout: 15_000 });
  return (await page.locator(answer).last().textContent()) ?? '';
}

describe.skipIf(unavailable)('capture on real chat-site host names, in Chromium', () => {
  let llm: TestServer;
  let sites: SiteServer;
  let ext: ReturnType<typeof extensionWithAccess>;
  let browser: ExtensionBrowser;
  let panel: Page;
  let settings: Page;

  const comparisons = () =>
    panel.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('parallax');
          open.onsuccess = () => {
            const count = open.result.transaction('comparisons').objectStore('comparisons').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error ?? new Error('IndexedDB request failed'));
          };
          open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
        }),
    );

  beforeAll(async () => {
    llm = await startOpenAIServer({ reply: modelReply, chunkDelayMs: 10 });
    sites = await startSiteServer(HOSTS, PAGES);
    // Every pattern of the two adapters: turning a site on asks for all of them (chatgpt.com and chat.openai.com).
    ext = extensionWithAccess(['https://chatgpt.com/*', 'https://chat.openai.com/*', 'https://claude.ai/*']);
    browser = await launchWithExtension(undefined, [...sites.chromiumArgs, ...ext.chromiumArgs]);
    // The copy with access to the sites is the one loaded.
    const granted = await browser.context.serviceWorkers()[0]!.evaluate(
      (origins) => {
        const api = (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome;
        return api.permissions.contains({ origins });
      },
      HOSTS.map((h) => `https://${h}/*`),
    );
    expect(granted).toBe(true);
    panel = await browser.openPage('sidepanel.html');
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    ext?.remove();
    await sites?.close();
    await llm?.close();
  });

  test('the user adds a model and turns ChatGPT on; capture is registered there only', async () => {
    settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${llm.url}/v1`, 'site-test-model', 'Local test model');
    await settings.getByLabel('ChatGPT', { exact: true }).check();
    await expect.poll(() => registeredCapturePatterns(browser), { timeout: 10_000 }).toContain('https://chatgpt.com/*');
    expect(await settings.getByLabel('ChatGPT', { exact: true }).isChecked()).toBe(true);
    expect(await registeredCapturePatterns(browser)).not.toContain('https://claude.ai/*');
  });

  test('a site that is not enabled picks up nothing', async () => {
    const before = await comparisons();
    const page = await browser.context.newPage();
    await page.goto('https://claude.ai/new');
    await typeInto(page, '[data-testid="chat-input"]', 'Nobody should see this prompt');
    await page.getByRole('button', { name: 'Send message' }).click();
    await finishedAnswer(page, '.font-claude-response', '[data-is-streaming="true"]');
    await page.waitForTimeout(1000);
    expect(await page.locator('parallax-indicator').count()).toBe(0);
    expect(await comparisons()).toBe(before);
    expect(llm.requests.some((r) => JSON.stringify(r.body ?? '').includes('Nobody should see'))).toBe(false);
    await page.close();
  });

  test("on ChatGPT: the prompt is picked up, the page shows the indicator, and the site's answer is the first column", async () => {
    const prompt = 'Is it ever right to break a promise?';
    const page = await browser.context.newPage();
    await page.goto('https://chatgpt.com/');
    await typeInto(page, '#prompt-textarea', prompt);
    await page.keyboard.press('Enter');

    const indicator = page.locator('parallax-indicator');
    await indicator.waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForTimeout(300);
    const box = (await indicator.boundingBox())!;
    const composer = (await page.locator('form').boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.x + box.width).toBeGreaterThan(900); // the right-hand corner
    expect(box.y + box.height <= composer.y || box.x >= composer.x + composer.width).toBe(true); // not over the composer
    await screenshot(page, 'site-chatgpt-indicator');

    const shown = await finishedAnswer(page, '[data-message-author-role="assistant"] .markdown', '[data-testid="stop-button"]');
    expect(shown).toContain(prompt);

    await panel.bringToFront();
    await expect.poll(() => panel.getByTestId('prompt-text').textContent(), { timeout: 10_000 }).toBe(prompt);
    const columns = panel.getByTestId('run');
    await expect.poll(() => columns.count(), { timeout: 15_000 }).toBe(2);
    expect(await columns.first().getAttribute('aria-label')).toBe('On ChatGPT');
    expect(await columns.first().getByTestId('run-text').textContent()).toBe(shown);
    expect(await columns.first().getByRole('button', { name: 'Retry' }).count()).toBe(0);
    await expect.poll(() => columns.nth(1).getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    expect(await columns.nth(1).getByTestId('run-text').textContent()).toBe(modelReply(prompt, 'site-test-model'));
    expect(await panel.locator('.comparison .meta').textContent()).toContain('ChatGPT (chatgpt.com)');
    await screenshot(panel, 'site-chatgpt-panel');
    // The model was asked the prompt alone: the page's earlier turns are kept, not sent.
    const asked = llm.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1)!.body as { messages: { content: string }[] };
    expect(asked.messages.map((m) => m.content)).toEqual([prompt]);
    await page.close();
  });

  test('at 1280 × 800 the indicator keeps clear of ChatGPT’s composer and its Stop button, in a conversation and in a new chat', async () => {
    type Box = { left: number; top: number; right: number; bottom: number };
    type Sample = { indicator: Box | null; form: Box | null; stop: Box | null; newChat: boolean };
    const overlap = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
    for (const path of ['/', '/new']) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`https://chatgpt.com${path}`);
      await typeInto(page, '#prompt-textarea', `Where does the indicator go on ${path}?`);
      await page.keyboard.press('Enter');
      await page.locator('parallax-indicator').waitFor({ state: 'attached', timeout: 10_000 });
      // Boxes read two frames after asking, so a move the page made before is one the indicator has seen.
      const sample = () =>
        page.evaluate(
          () =>
            new Promise<Sample>((resolve) =>
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  const box = (el: Element | null) =>
                    el ? (({ left, top, right, bottom }) => ({ left, top, right, bottom }))(el.getBoundingClientRect()) : null;
                  resolve({
                    indicator: box(document.querySelector('parallax-indicator')),
                    form: box(document.querySelector('form')),
                    stop: box(document.querySelector('[data-testid="stop-button"]')),
                    newChat: document.body.classList.contains('new-chat'),
                  });
                }),
              ),
            ),
        );
      const samples: Sample[] = [];
      for (let i = 0; i < 16; i++) {
        samples.push(await sample());
        if (i === 10) await screenshot(page, `site-chatgpt-indicator-1280${path === '/new' ? '-new-chat' : ''}`);
        await page.waitForTimeout(100);
      }
      const shown = samples.filter((s) => s.indicator && s.form);
      expect(shown.length).toBeGreaterThan(8);
      for (const s of shown) {
        expect(overlap(s.indicator!, s.form!), `over the composer: ${JSON.stringify(s)}`).toBe(false);
        if (s.stop) expect(overlap(s.indicator!, s.stop), `over Stop: ${JSON.stringify(s)}`).toBe(false);
      }
      // Seen with Stop showing and the composer at the bottom (where it covered Stop before); on /new, also mid-page.
      expect(shown.some((s) => s.stop && !s.newChat && s.form!.bottom > 700)).toBe(true);
      if (path === '/new') expect(shown.some((s) => s.newChat)).toBe(true);
      await page.close();
    }
  });

  test('"Don\'t compare" on the page removes the comparison', async () => {
    const before = await comparisons();
    const page = await browser.context.newPage();
    await page.goto('https://chatgpt.com/');
    await typeInto(page, '#prompt-textarea', 'Please forget this one');
    await page.keyboard.press('Enter');
    const indicator = page.locator('parallax-indicator');
    await indicator.waitFor({ state: 'attached', timeout: 10_000 });
    await expect.poll(comparisons, { timeout: 10_000 }).toBe(before + 1);
    // The shadow root is closed to the page (and to test selectors): click the button where it is drawn.
    const box = (await indicator.boundingBox())!;
    await page.mouse.click(box.x + box.width - 40, box.y + box.height / 2);
    await expect.poll(comparisons, { timeout: 10_000 }).toBe(before);
    await screenshot(page, 'site-chatgpt-removed');
    await finishedAnswer(page, '[data-message-author-role="assistant"] .markdown', '[data-testid="stop-button"]');
    await page.waitForTimeout(2000);
    expect(await comparisons()).toBe(before); // the site's answer did not bring it back
    await panel.bringToFront();
    await expect.poll(() => panel.getByTestId('prompt-text').textContent()).not.toBe('Please forget this one');
    await page.close();
  });

  test('a ChatGPT page whose composer changed: the panel says capture there needs an update', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://chatgpt.com/changed');
    await panel.bringToFront();
    const notice = panel.getByTestId('site-health');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('Capture on ChatGPT needs an update: the composer was not found. Prompts there are not picked up.');
    await screenshot(panel, 'site-health-notice');
    // Back on a page the adapter understands, the notice goes away.
    await page.goto('https://chatgpt.com/');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  test('once Claude is enabled too, its send button and its own answer work the same way', async () => {
    await settings.bringToFront();
    await settings.getByLabel('Claude', { exact: true }).check();
    await expect.poll(() => registeredCapturePatterns(browser), { timeout: 10_000 }).toContain('https://claude.ai/*');
    const prompt = 'Name one river in Africa.';
    const page = await browser.context.newPage();
    await page.goto('https://claude.ai/new');
    await typeInto(page, '[data-testid="chat-input"]', prompt);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('parallax-indicator').waitFor({ state: 'attached', timeout: 10_000 });
    const shown = await finishedAnswer(page, '.font-claude-response', '[data-is-streaming="true"]');
    await panel.bringToFront();
    await expect.poll(() => panel.getByTestId('prompt-text').textContent(), { timeout: 10_000 }).toBe(prompt);
    const first = panel.getByTestId('run').first();
    await expect.poll(() => first.getAttribute('aria-label'), { timeout: 15_000 }).toBe('On Claude');
    expect(await first.getByTestId('run-text').textContent()).toBe(shown);
    await screenshot(panel, 'site-claude-panel');
    await page.close();
  });
});
