import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { CAPTURE_RATE } from '../../utils/core/sites/capture-limits';
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

/**
 * A chat page cannot spend the user's keys: in Chromium, events a page script makes are really untrusted, so its
 * synthetic Enter, `.click()` and `requestSubmit()` pick up nothing, while the user's own key presses still do; a
 * burst of real sends is cut off with a notice the user can read; a page that hides the indicator gets nothing.
 */

const unavailable = e2eUnavailable();

/** What a screen reader would read on the page, closed shadow roots included (the indicator lives in one). */
async function spokenText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: string }; role?: { value?: string } }[] };
  await cdp.detach();
  return nodes
    .filter((n) => n.role?.value === 'StaticText')
    .map((n) => n.name?.value ?? '')
    .join(' ');
}

describe.skipIf(unavailable)("only the user's own sends are picked up, in Chromium", () => {
  let chat: TestServer;
  let llm: TestServer;
  let browser: ExtensionBrowser;
  let panel: Page;

  const stored = () =>
    panel.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('parallax');
          open.onsuccess = () => {
            const all = open.result.transaction('comparisons').objectStore('comparisons').getAll();
            all.onsuccess = () => resolve((all.result as { prompt: string }[]).map((c) => c.prompt));
            all.onerror = () => reject(all.error ?? new Error('IndexedDB request failed'));
          };
          open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
        }),
    );

  beforeAll(async () => {
    [chat, llm] = await Promise.all([startChatPage(), startOpenAIServer({ reply: (p) => `An answer to ${p.length} characters.`, chunkDelayMs: 5 })]);
    browser = await launchWithExtension();
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${llm.url}/v1`, 'paid-model', 'Paid endpoint');
    await enableSite(settings, chat.url, 'http://127.0.0.1/*');
    for (let i = 0; i < 100 && !(await registeredCapturePatterns(browser)).includes('http://127.0.0.1/*'); i++) await settings.waitForTimeout(100);
    await settings.close();
    panel = await browser.openPage('sidepanel.html');
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await Promise.all([chat?.close(), llm?.close()]);
  });

  test('a page script sending 100 prompts by Enter, click and requestSubmit picks up nothing; the user pressing Enter does', async () => {
    const page = await browser.context.newPage();
    await page.goto(chat.url);
    await page.waitForTimeout(500); // the content script is in
    const sentByPage = await page.evaluate(async () => {
      const composer = document.getElementById('composer') as HTMLTextAreaElement;
      const form = document.getElementById('composer-form') as HTMLFormElement;
      const button = document.querySelector<HTMLButtonElement>('[data-testid="send-button"]')!;
      let sent = 0;
      for (let i = 0; i < 100; i++) {
        composer.value = `Write a long essay, number ${i} by Enter`;
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- a real Enter press carries keyCode 13, which chat sites read
        composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true, composed: true }));
        composer.value = `Write a long essay, number ${i} by click`;
        button.click();
        composer.value = `Write a long essay, number ${i} by requestSubmit`;
        form.requestSubmit();
        sent += 3;
        await new Promise((r) => setTimeout(r, 5));
      }
      return sent;
    });
    expect(sentByPage).toBe(300);
    // The site itself took them all (its thread shows them); Parallax took none.
    expect(await page.locator('[data-message-author-role="user"]').count()).toBeGreaterThanOrEqual(200);
    await page.waitForTimeout(1500);
    expect(await stored()).toEqual([]);
    expect(await page.locator('parallax-indicator').count()).toBe(0);
    expect(llm.requests.length).toBe(0);

    await page.locator('#composer').click();
    await page.keyboard.type('Is it ever right to break a promise?');
    await page.keyboard.press('Enter');
    await page.locator('parallax-indicator').waitFor({ state: 'attached', timeout: 10_000 });
    await expect.poll(() => stored(), { timeout: 10_000 }).toEqual(['Is it ever right to break a promise?']);
    await expect.poll(() => spokenText(page)).toContain('Parallax picked this up');
    await expect.poll(() => llm.requests.length, { timeout: 15_000 }).toBe(1);
    await page.close();
  });

  test(`a burst of real sends: ${CAPTURE_RATE.max} a minute are picked up, the next is refused with a notice on the page and in the panel`, async () => {
    const page = await browser.context.newPage();
    await page.goto(chat.url);
    await page.waitForTimeout(500);
    const before = (await stored()).length;
    for (let i = 1; i <= CAPTURE_RATE.max + 1; i++) {
      await page.locator('#composer').click();
      await page.keyboard.type(`Quick question ${i}?`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(250);
    }
    await expect.poll(async () => (await stored()).length - before, { timeout: 10_000 }).toBe(CAPTURE_RATE.max);
    await expect
      .poll(() => spokenText(page), { timeout: 5000 })
      .toMatch(
        new RegExp(
          `Parallax did not pick this up: more than ${CAPTURE_RATE.max} prompts in a minute came from this tab\\. It picks up prompts again in \\d+ s\\.`,
        ),
      );
    expect(await stored()).not.toContain(`Quick question ${CAPTURE_RATE.max + 1}?`);
    await screenshot(page, 'capture-rate-limited-page');

    await panel.bringToFront();
    const notice = panel.locator('.notice[role="alert"]');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain(`Parallax stopped picking up prompts on ${new URL(chat.url).host} for a minute: more than ${CAPTURE_RATE.max} were sent from that tab`);
    await screenshot(panel, 'capture-rate-limited-panel');
    await page.close();
  });

  test('a page that hides the indicator gets nothing picked up, and the panel says why', async () => {
    const page = await browser.context.newPage();
    await page.goto(chat.url);
    await page.waitForTimeout(500);
    // The page's stylesheet cannot beat the indicator's important inline styles, so it uses a script.
    await page.evaluate(() => {
      const style = document.head.appendChild(document.createElement('style'));
      style.textContent = 'parallax-indicator { display: none !important; opacity: 0 !important; }';
      new MutationObserver(() => {
        for (const el of document.querySelectorAll<HTMLElement>('parallax-indicator')) el.style.setProperty('opacity', '0', 'important');
      }).observe(document.documentElement, { childList: true });
    });
    const before = await stored();
    await page.locator('#composer').click();
    await page.keyboard.type('Nobody can see that this was picked up');
    await page.keyboard.press('Enter');
    await panel.bringToFront();
    await expect
      .poll(() => panel.locator('.notice[role="alert"]').textContent(), { timeout: 10_000 })
      .toContain(`Parallax stopped picking up prompts on ${new URL(chat.url).host}: the page hid or covered Parallax's indicator`);
    expect(await stored()).toEqual(before);
    await page.close();
  });

  test('a page stylesheet alone cannot hide it: the prompt is picked up and the indicator is seen', async () => {
    const page = await browser.context.newPage();
    await page.goto(chat.url);
    await page.waitForTimeout(500);
    await page.addStyleTag({
      content: 'parallax-indicator { display: none !important; visibility: hidden !important; opacity: 0 !important; transform: scale(0) !important; }',
    });
    await page.locator('#composer').click();
    await page.keyboard.type('Styled away?');
    await page.keyboard.press('Enter');
    await expect.poll(() => stored(), { timeout: 10_000 }).toContain('Styled away?');
    const box = await page.locator('parallax-indicator').boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    await screenshot(page, 'capture-indicator-styled');
    await page.close();
  });
});
