import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { startChatPage } from '../e2e/harness';
import {
  ROOT,
  clickButton,
  firefoxSkipReason,
  present,
  launchFirefox,
  newWorkDir,
  removeWorkDir,
  screenshot,
  textOf,
  textsOf,
  typeInto,
  until,
  type FirefoxSession,
} from './harness';

const skip = firefoxSkipReason();

/** The sidebar's width in Firefox, about: its page is looked at in a tab this wide. */
const SIDEBAR = { width: 420, height: 900 };
/** The model's column, named by the model a person reads on it (then the language, e.g. "test-model · English"). */
const MODEL_RUN = '[data-testid=run][aria-label^="test-model"]';

const runState = (page: Page, selector = MODEL_RUN) => page.evaluate((s) => document.querySelector(s)?.getAttribute('data-state') ?? null, selector);
const runText = (page: Page, selector = MODEL_RUN) => textOf(page, `${selector} [data-testid=run-text]`);

describe.skipIf(skip)('Firefox ESR: the built add-on, first run to restart', () => {
  let llm: TestServer;
  let chat: TestServer;
  let workDir: string;
  let firefox: FirefoxSession;
  const typed = 'Should a city ban cars from its centre? Answer in two sentences.';
  const captured = 'Is it ever right to break a promise? مرحبا 🌍';
  const reply = (prompt: string, model: string) =>
    `Answer from ${model}: you asked “${prompt}”. Both sides have reasons worth weighing here. `.repeat(3).trim();

  beforeAll(async () => {
    llm = await startOpenAIServer({ reply, chunkDelayMs: 30 });
    chat = await startChatPage();
    workDir = newWorkDir();
    firefox = await launchFirefox({ workDir, install: true });
  });
  afterAll(async () => {
    await firefox.close().catch(() => undefined);
    if (workDir && existsSync(join(workDir, 'firefox.log'))) {
      // Kept for reading after a failure: everything Firefox printed over both runs.
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      copyFileSync(join(workDir, 'firefox.log'), join(ROOT, 'test-results/firefox.log'));
    }
    if (workDir) removeWorkDir(workDir);
    await llm.close();
    await chat.close();
  });

  test('installing opens the welcome guide, which speaks of what Firefox has', async () => {
    const welcome = await firefox.findExtensionPage('options.html#welcome');
    await until(async () => (await textOf(welcome, '#welcome')) === 'Welcome to Parallax', 'the welcome heading');
    const guide = present(await textOf(welcome, 'section[aria-labelledby=welcome]'), 'section[aria-labelledby=welcome]');
    expect(guide).toContain('sidebar');
    expect(guide).not.toMatch(/side panel|WebGPU|Chrome|Edge/);
    // What Firefox lacks is explained, not offered: no WebGPU model picker, no Chrome's built-in model.
    const onDevice = present(await textOf(welcome, 'section[aria-labelledby=on-device]'), 'section[aria-labelledby=on-device]');
    expect(onDevice).toContain('Firefox');
    expect(await welcome.$('section[aria-labelledby=chrome-builtin]')).toBeNull();
    // Translation defaults to one Firefox can do, and Chrome's translator is not offered.
    const translation = present(await textOf(welcome, '[data-testid=translation-settings]'), '[data-testid=translation-settings]');
    expect(translation).not.toContain('Chrome');
    expect(
      await welcome.evaluate(() => (document.querySelector('input[name=translation-engine]:checked')?.parentElement as HTMLElement | null)?.innerText),
    ).toBe('None: I type or edit every translation myself');
    // Nothing on the page reads as an error.
    expect(await textsOf(welcome, '.form-error')).toEqual([]);
  });

  test('the user adds a local endpoint and turns capture on for the chat page', async () => {
    const settings = await firefox.findExtensionPage('options.html#welcome');
    await typeInto(settings, 'Name (optional)', 'Local test model');
    await typeInto(settings, 'Base URL', `${llm.url}/v1`);
    await typeInto(settings, 'Model', 'test-model');
    await clickButton(settings, 'Add endpoint');
    await until(async () => ((await textOf(settings, '[data-testid=endpoint-list]')) ?? '').includes('Local test model'), 'the endpoint in the list');
    await typeInto(settings, 'Another chat site (its composer and send button are found automatically)', chat.url);
    await clickButton(settings, 'Enable');
    await until(async () => ((await textOf(settings, '[data-testid=custom-sites]')) ?? '').includes('http://127.0.0.1/*'), 'the site in the list');
    await until(async () => ((await textOf(settings, 'section[aria-labelledby=welcome]')) ?? '').includes('✓ Add a model'), 'the guide to tick off the model');
    expect(await textsOf(settings, '.form-error')).toEqual([]);
    await screenshot(settings, 'firefox-settings');
  });

  test('a prompt typed in the sidebar page streams from the local server and is stored', async () => {
    const panel = await firefox.openExtensionPage('sidepanel.html', SIDEBAR);
    const box = await panel.waitForSelector('#prompt-input');
    await present(box, 'the prompt box').type(typed);
    await clickButton(panel, 'Compare');
    // Streaming: part of the answer is on screen before the run is done.
    await until(async () => (await runState(panel)) === 'streaming' && ((await runText(panel)) ?? '').length > 0, 'part of the answer while it streams');
    await until(async () => (await runState(panel)) === 'done', 'the answer to finish');
    expect(await runText(panel)).toBe(reply(typed, 'test-model'));
    const sent = llm.requests.filter((r) => r.url.endsWith('/chat/completions'));
    expect(sent).toHaveLength(1);
    expect((present(sent[0], 'the request').body as { messages: { content: string }[] }).messages.at(-1)?.content).toBe(typed);
    expect(await textsOf(panel, '.form-error, [data-testid=run-error]')).toEqual([]);
    await screenshot(panel, 'firefox-sidebar');
  });

  test('after Firefox is closed and started again on the same profile, History lists the comparison and opens it', async () => {
    await firefox.close();
    firefox = await launchFirefox({ workDir, install: false });
    const panel = await firefox.openExtensionPage('sidepanel.html', SIDEBAR);
    await clickButton(panel, /^History\s+1$/);
    await until(async () => ((await textOf(panel, '[data-testid=history-item]')) ?? '').includes(typed), 'the comparison in History');
    await screenshot(panel, 'firefox-history');
    await present(await panel.$('[data-testid=history-item]'), 'a history item').click();
    await until(async () => (await runText(panel)) === reply(typed, 'test-model'), 'the stored answer');
    expect(await runState(panel)).toBe('done');
  });

  test('a prompt sent on the chat page on 127.0.0.1 is captured and compared', async () => {
    const panel = await firefox.openExtensionPage('sidepanel.html', SIDEBAR);
    const page = await firefox.browser.newPage();
    await page.goto(chat.url);
    const composer = await page.waitForSelector('#composer');
    await present(composer, 'the chat composer').type(captured);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-message-author-role=user]');

    await until(async () => (await textOf(panel, '[data-testid=prompt-text]')) === captured, 'the captured prompt in the panel');
    await until(async () => (await runState(panel)) === 'done', 'the model to answer the captured prompt');
    expect(await runText(panel)).toBe(reply(captured, 'test-model'));
    // The page's own answer has a column of its own.
    const site = `[data-testid=run][aria-label^="On ${new URL(chat.url).host}"]`;
    await until(async () => (await runText(panel, site)) === `The local site answers: ${String(captured.length)} characters received.`, "the site's answer");
  });

  test('the dashboard and Studies render', async () => {
    const dashboard = await firefox.openExtensionPage('dashboard.html');
    await until(async () => (await textOf(dashboard, '[data-testid=dashboard-prompt]')) === captured, 'the latest comparison on the dashboard');
    await until(
      async () => (await textsOf(dashboard, '[data-testid=answer]')).some((a) => a.includes(reply(captured, 'test-model').slice(0, 40))),
      "the model's answer on the dashboard",
    );
    await screenshot(dashboard, 'firefox-dashboard');
    const studies = await firefox.openExtensionPage('studies.html');
    await until(async () => (await textsOf(studies, '[role=tab]')).length === 2, 'the Studies tabs');
    expect(await textsOf(studies, '.form-error')).toEqual([]);
    await screenshot(studies, 'firefox-studies');
  });

  test('Firefox printed no Parallax error or warning over both runs', () => {
    expect(firefox.log.parallaxProblems()).toEqual([]);
  });
});
