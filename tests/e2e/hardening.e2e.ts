import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import type { Dialog, Page } from 'playwright-core';
import { HTML_PAYLOADS } from '../fixtures/xss-corpus';
import type { TestServer } from '../servers/http';
import { startOpenAIServer } from '../servers/openai';
import { SCREENSHOT_DIR, addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, storedIds, type ExtensionBrowser } from './harness';

/**
 * Hardening in a real Chromium: hostile text stays text everywhere it is shown, and answers survive the panel
 * closing, the extension reloading and the runner's host being killed.
 */

const unavailable = e2eUnavailable();
const EVIL_LABEL = '<img src=x onerror="window.__xss=1">';

/** In the page: everything under `selector` that could run code (elements, handlers, script URLs). */
const activeIn = (selector: string) => {
  const tags = [
    'script',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'base',
    'meta',
    'link',
    'style',
    'svg',
    'math',
    'img',
    'video',
    'audio',
    'source',
    'template',
    'noscript',
    'marquee',
    'x-card',
  ];
  const urls = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'poster'];
  const found: string[] = [];
  for (const root of Array.from(document.querySelectorAll(selector))) {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (tags.includes(tag)) found.push(`<${tag}>`);
      for (const name of el.getAttributeNames()) {
        // eslint-disable-next-line no-control-regex -- browsers ignore these characters inside a URL, so the check must too
        const value = (el.getAttribute(name) ?? '').replace(/[\u0000-\u0020\u200B-\u200D\uFEFF]/g, '').toLowerCase();
        if (/^on/i.test(name)) found.push(`${tag}[${name}]`);
        if (urls.includes(name) && /^(javascript|vbscript|data):/.test(value)) found.push(`${tag}[${name}=${value.slice(0, 30)}]`);
      }
    }
  }
  return found;
};

/** Saves what is on screen (a full-page shot of a 50,000-character page takes too long). */
async function shot(page: Page, name: string) {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.bringToFront();
  await page.screenshot({ path });
}

const states = (page: Page) => page.getByTestId('run').evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));

describe.skipIf(unavailable)('hardening, in Chromium', () => {
  let browser: ExtensionBrowser;
  let hostile: TestServer;
  const dialogs: string[] = [];
  const violations: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
    });
    return page;
  };
  const open = async (path: string) => watch(await browser.openPage(path));
  const xssSet = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

  beforeAll(async () => {
    const corpus = HTML_PAYLOADS.map((p) => p.text).join('\n\n');
    hostile = await startOpenAIServer({ reply: () => corpus, chunkDelayMs: 0 });
    browser = await launchWithExtension();
    browser.context.on('dialog', (d: Dialog) => void (dialogs.push(d.message()), d.dismiss().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await hostile?.close();
  });

  test(`${HTML_PAYLOADS.length} payloads as prompt, answers and endpoint name: inert in the panel, the history, the dashboard and the HTML report`, async () => {
    const settings = await open('options.html');
    await addEndpoint(settings, `${hostile.url}/v1`, 'model-a', EVIL_LABEL);
    await addEndpoint(settings, `${hostile.url}/v1`, 'model-b', 'Second model');
    await settings.close();

    const panel = await open('sidepanel.html');
    const prompt = HTML_PAYLOADS.map((p) => p.text).join('\n\n');
    await panel.getByLabel('Prompt to compare').fill(prompt);
    await panel.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => states(panel), { timeout: 90_000 }).toEqual(['done', 'done']);
    await expect.poll(() => panel.getByTestId('prompt-text').textContent()).toBe(prompt);
    expect(await panel.evaluate(activeIn, '.comparison')).toEqual([]);
    // The diff view renders the same text another way.
    await panel.getByLabel('Show differences from').selectOption({ index: 1 });
    expect(await panel.evaluate(activeIn, '.comparison')).toEqual([]);
    await panel.getByLabel('Show differences from').selectOption({ index: 0 });
    await shot(panel, 'hardening-xss-panel');

    await panel.getByRole('tab', { name: /History/ }).click();
    const row = panel.getByTestId('history-item').first();
    await expect.poll(() => row.textContent()).toContain('window.__xss');
    expect(await panel.evaluate(activeIn, '.history-view')).toEqual([]);
    const [report] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Report', exact: true }).click()]);
    const [markdown] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Markdown', exact: true }).click()]);
    // The Markdown export, rendered by a viewer that passes HTML through (marked), in a plain web page.
    const viewer = watch(await browser.context.newPage());
    await viewer.setContent(`<!doctype html><body>${marked.parse(readFileSync(await markdown.path(), 'utf8'), { async: false })}</body>`);
    await viewer.waitForTimeout(300);
    expect(await viewer.evaluate(activeIn, 'body')).toEqual([]);
    expect(await xssSet(viewer)).toBeUndefined();
    await viewer.close();
    expect(await xssSet(panel)).toBeUndefined();

    const [id] = await storedIds(panel);
    const dashboard = await open(`dashboard.html#comparison=${id}`);
    await expect.poll(() => dashboard.getByTestId('dashboard-prompt').textContent(), { timeout: 15_000 }).toBe(prompt);
    await expect.poll(() => dashboard.locator('.answer-text .md').count()).toBe(2);
    expect(await dashboard.evaluate(activeIn, 'main, .dash-section')).toEqual([]);
    expect(await xssSet(dashboard)).toBeUndefined();
    await shot(dashboard, 'hardening-xss-dashboard');

    const file = join(mkdtempSync(join(tmpdir(), 'parallax-report-')), 'report.html');
    copyFileSync(await report.path(), file);
    const reportPage = watch(await browser.context.newPage());
    await reportPage.goto(`file://${file}`);
    // An HTML parser drops NUL characters from text; everything else reads back as written.
    // eslint-disable-next-line no-control-regex -- an HTML parser drops NUL, the expected text must too
    expect(await reportPage.locator('.t').first().textContent()).toBe(prompt.replace(/\u0000/g, ''));
    expect(await reportPage.evaluate(activeIn, 'body')).toEqual([]);
    expect(await xssSet(reportPage)).toBeUndefined();

    // Nothing ran anywhere, and nothing even tried (a blocked inline handler would show as a CSP violation).
    await panel.waitForTimeout(500);
    for (const page of [panel, dashboard, reportPage]) expect(await xssSet(page)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await Promise.all([panel.close(), dashboard.close(), reportPage.close()]);
  }, 240_000); // 50,000 characters of hostile text rendered, diffed and exported several times over

  test('imported comparisons carrying payloads are listed as text', async () => {
    const comparisons = HTML_PAYLOADS.slice(0, 40).map((p, i) => ({
      id: `imported-${i}`,
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
      prompt: p.text,
      source: { kind: 'site', site: 'generic', siteName: p.text.slice(0, 30), url: 'http://127.0.0.1:9/chat' },
      tags: [p.text.slice(0, 20)],
      answers: [
        {
          runId: `imported-run-${i}`,
          provider: p.text.slice(0, 30),
          providerKind: 'openai-compatible',
          baseUrl: 'http://127.0.0.1:9/v1',
          model: 'm',
          language: null,
          state: 'done',
          text: p.text,
          attempts: 1,
        },
      ],
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'parallax-import-')), 'hostile.json');
    writeFileSync(file, JSON.stringify({ format: 'parallax-comparisons', version: 1, exportedAt: new Date().toISOString(), comparisons }));
    const panel = await open('sidepanel.html');
    await panel.getByRole('tab', { name: /History/ }).click();
    await panel.getByLabel('Import a JSON export').setInputFiles(file);
    await expect.poll(() => panel.getByTestId('import-report').textContent(), { timeout: 15_000 }).toContain('Imported 40 comparison(s)');
    await expect.poll(() => panel.getByTestId('history-item').count()).toBeGreaterThan(10);
    expect(await panel.evaluate(activeIn, '.history-view')).toEqual([]);
    await panel.getByTestId('history-item').nth(3).click();
    await expect.poll(() => states(panel)).toEqual(['done']);
    expect(await panel.evaluate(activeIn, '.comparison')).toEqual([]);
    expect(await xssSet(panel)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    await panel.close();
  });
});

describe.skipIf(unavailable)('answers survive the panel, the extension and the runner host going away, in Chromium', () => {
  let browser: ExtensionBrowser;
  let slow: TestServer;
  const LONG = (p: string) => `On “${p.slice(0, 40)}”: ${'one careful sentence after another, '.repeat(40)}The end.`;

  beforeAll(async () => {
    slow = await startOpenAIServer({ reply: LONG, chunkDelayMs: 60 });
    browser = await launchWithExtension();
    // Developer mode, as for anyone running an unpacked build: without it Chromium disables the extension on reload.
    const extensions = await browser.context.newPage();
    await extensions.goto('chrome://extensions');
    await extensions.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (
            globalThis as unknown as { chrome: { developerPrivate: { updateProfileConfiguration(c: object, done: () => void): void } } }
          ).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, resolve),
        ),
    );
    await extensions.close();
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${slow.url}/v1`, 'slow-model', 'Slow model');
    await settings.close();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await slow?.close();
  });

  /** Opens the panel once the extension is up again (after a reload its pages fail to load for a moment). */
  async function openPanel(): Promise<Page> {
    for (let tries = 0; ; tries++) {
      try {
        const page = await browser.openPage('sidepanel.html');
        await page.getByLabel('Prompt to compare').waitFor({ timeout: 3_000 });
        return page;
      } catch (err) {
        if (tries > 10) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Starts a slow answer from a fresh panel and waits until part of it is on screen and checkpointed. */
  async function startSlowAnswer(prompt: string) {
    const panel = await openPanel();
    await panel.getByLabel('Prompt to compare').fill(prompt);
    await panel.getByRole('button', { name: 'Compare' }).click();
    const run = panel.getByTestId('run');
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 15_000 }).toBe('streaming');
    await expect.poll(async () => ((await run.getByTestId('run-text').textContent()) ?? '').length, { timeout: 15_000 }).toBeGreaterThan(80);
    await panel.waitForTimeout(600); // a checkpoint is written every 250 ms
    return { panel, run };
  }

  test('closing the panel mid-answer: the answer streams on and is complete when the panel opens again', async () => {
    const { panel } = await startSlowAnswer('Explain tides');
    await panel.close();
    await new Promise((r) => setTimeout(r, 5_000));
    const reopened = await openPanel();
    const run = reopened.getByTestId('run');
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await run.getByTestId('run-text').textContent()).toBe(LONG('Explain tides'));
    await reopened.close();
  });

  test('reloading the extension mid-answer: the run is interrupted with its partial text, and a retry completes it', async () => {
    const { panel } = await startSlowAnswer('Explain seasons');
    const worker = browser.context.serviceWorkers()[0]!;
    await panel.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => browser.context.serviceWorkers().some((w) => w !== worker), { timeout: 15_000 }).toBe(true);
    const reopened = await openPanel();
    const run = reopened.getByTestId('run');
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 20_000 }).toBe('interrupted');
    const partial = (await run.getByTestId('run-text').textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(40);
    expect(LONG('Explain seasons').startsWith(partial)).toBe(true);
    expect(await run.getByTestId('run-error').textContent()).toContain('partial answer is kept');
    await run.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await run.getByTestId('run-text').textContent()).toBe(LONG('Explain seasons'));
    await reopened.close();
  });

  test('killing the runner host mid-answer: the open panel shows the run interrupted, and a retry completes it', async () => {
    const { panel, run } = await startSlowAnswer('Explain eclipses');
    const worker = browser.context.serviceWorkers().at(-1)!;
    await worker.evaluate(() => (globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }).chrome.offscreen.closeDocument());
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 20_000 }).toBe('interrupted');
    const partial = (await run.getByTestId('run-text').textContent()) ?? '';
    expect(partial.length).toBeGreaterThan(40);
    expect(LONG('Explain eclipses').startsWith(partial)).toBe(true);
    await screenshot(panel, 'hardening-runner-killed');
    await run.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await run.getByTestId('run-text').textContent()).toBe(LONG('Explain eclipses'));
    await panel.close();
  });
});

describe.skipIf(unavailable)('a very long prompt, in Chromium', () => {
  let browser: ExtensionBrowser;
  let llm: TestServer;
  beforeAll(async () => {
    llm = await startOpenAIServer({ reply: (p) => `Read ${p.length} characters.`, chunkDelayMs: 1 });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await llm?.close();
  });

  test('a 200,000-character prompt is shortened to the model and says so on the run', async () => {
    const settings = await browser.openPage('options.html');
    await addEndpoint(settings, `${llm.url}/v1`, 'llama3.2', 'Local llama');
    await settings.close();
    const panel = await browser.openPage('sidepanel.html');
    const long = `Begin. ${'The committee met again and read the whole report aloud. '.repeat(3600)}`.slice(0, 199_970) + ' What did they decide?';
    await panel.getByLabel('Prompt to compare').fill(long);
    await panel.getByRole('button', { name: 'Compare' }).click();
    const run = panel.getByTestId('run');
    await expect.poll(() => run.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await run.getByTestId('run-notice').textContent()).toMatch(
      /^Prompt shortened to fit llama3\.2's context \(kept the first [\d,]+ and last [\d,]+ characters\)\.$/,
    );
    const sent = (llm.requests.at(-1)?.body as { messages: { content: string }[] }).messages.at(-1)!.content;
    expect(sent.length).toBeLessThan(long.length);
    expect(sent.startsWith('Begin.') && sent.endsWith('What did they decide?')).toBe(true);
    await panel.setViewportSize({ width: 360, height: 700 });
    await screenshot(panel, 'hardening-long-prompt-notice');
    await panel.close();
  });
});
