import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startOpenAIServer } from '../servers/openai';
import { startServer, type TestServer } from '../servers/http';
import { join } from 'node:path';
import { SCREENSHOT_DIR, e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';
import { extensionWithAccess } from './site-server';

const unavailable = e2eUnavailable();
if (unavailable) console.warn(`[e2e] settings-ux skipped: ${unavailable}`);

const KEY = 'sk-e2e-0123456789abcdef';
/** A made-up remote API host, resolved to a local server: prompts to it "leave the device" as far as Parallax knows. */
const REMOTE_HOST = 'api.parallax-remote.test';

/** Answers: the "related" model agrees with the baseline's words, the "unrelated" one talks of something else. */
const reply = (_prompt: string, model: string) =>
  model === 'unrelated-1'
    ? 'Photosynthesis turns light, water and carbon dioxide into sugar and oxygen inside the leaves of green plants.'
    : model === 'related-1'
      ? 'Tea is healthy in moderation for most adults, and green tea is a good choice.'
      : 'Tea is healthy in moderation for most adults.';

/** What storage.local holds for the API keys, read from an extension page (checks only): sealed, never the keys. */
const storedKeys = (page: Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return JSON.stringify((await api.storage.local.get('apiKeys')).apiKeys ?? {});
  });

describe.skipIf(unavailable)('endpoint settings, where prompts go, and the word diff, in Chromium', () => {
  let ollama: TestServer;
  let keyed: TestServer;
  let remote: TestServer;
  let refusedPort: number;
  let browser: ExtensionBrowser;
  let settings: Page;
  let ext: ReturnType<typeof extensionWithAccess>;

  beforeAll(async () => {
    // Like Ollama: an extension's Origin header gets 403, so "Test connection" only works if Parallax strips it.
    ollama = await startOpenAIServer({
      models: ['llama3.2:latest', 'qwen2.5:7b', 'gemma3:4b'],
      ollamaTags: true,
      rejectExtensionOrigins: true,
      reply,
      chunkDelayMs: 5,
    });
    keyed = await startOpenAIServer({ models: ['gpt-test-mini', 'gpt-test'], requireKey: KEY, reply, chunkDelayMs: 5 });
    remote = await startOpenAIServer({ models: ['related-1', 'unrelated-1'], reply, chunkDelayMs: 5 });
    const gone = await startServer(() => undefined);
    refusedPort = gone.port;
    await gone.close();
    // Headless Chromium shows no permission prompt: the grant a user gives for the remote host is made ahead.
    ext = extensionWithAccess([`http://${REMOTE_HOST}/*`]);
    browser = await launchWithExtension(undefined, [...ext.chromiumArgs, `--host-resolver-rules=MAP ${REMOTE_HOST} 127.0.0.1:${remote.port}`]);
    settings = await browser.openPage('options.html');
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    ext?.remove();
    await Promise.all([ollama, keyed, remote].map((s) => s?.close()));
  });

  const form = () => settings.locator('form', { has: settings.getByRole('heading', { name: 'Add an endpoint' }) });
  const result = () => form().getByTestId('connection-result');

  test('Test connection on a local server that rejects extensions: connected, the model list offered', async () => {
    await form().getByLabel('Base URL').fill(`${ollama.url}/v1`);
    await form().getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result().textContent(), { timeout: 15_000 }).toBe('Connected: 3 models');
    expect(await form().getByLabel('Model', { exact: true }).inputValue()).toBe('llama3.2:latest');
    expect(
      await form()
        .getByTestId('model-options')
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['llama3.2:latest', 'qwen2.5:7b', 'gemma3:4b']);
    // The server saw no extension Origin (it would have answered 403).
    const asked = ollama.requests.filter((r) => r.url === '/v1/models');
    expect(asked.length).toBe(1);
    expect(asked[0]!.headers.origin).toBeUndefined();
    await settings.setViewportSize({ width: 1280, height: 900 });
    await screenshot(settings, 'settings-test-connection-1280');
  });

  test('a wrong key, and a server that is not running: each says what to do', async () => {
    await form().getByLabel('Base URL').fill(`${keyed.url}/v1`);
    await form()
      .getByLabel(/^API key/)
      .fill('sk-wrong-key-00000000');
    await form().getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result().getAttribute('data-code'), { timeout: 15_000 }).toBe('auth');
    expect(await result().textContent()).toContain(`The key was refused by 127.0.0.1:${keyed.port}. Check the API key`);
    expect(await result().textContent()).not.toContain('sk-wrong-key');

    await form().getByLabel('Base URL').fill(`http://127.0.0.1:${refusedPort}/v1`);
    await form().getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result().getAttribute('data-code'), { timeout: 15_000 }).toBe('network');
    expect(await result().textContent()).toBe(
      `Could not connect to 127.0.0.1:${refusedPort}. Is the server running, and is the address (with its port) right?`,
    );
  });

  test('with the right key: connected; the endpoint is added and can be tested with its saved key', async () => {
    await form().getByLabel('Base URL').fill(`${keyed.url}/v1`);
    await form()
      .getByLabel(/^API key/)
      .fill(KEY);
    await form().getByLabel('Model', { exact: true }).fill('');
    await form().getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => result().textContent(), { timeout: 15_000 }).toBe('Connected: 2 models');
    await form().getByLabel('Name (optional)').fill('Keyed server');
    await form().getByRole('button', { name: 'Add endpoint' }).click();
    const list = settings.getByTestId('endpoint-list');
    await list.getByText('Keyed server').waitFor();
    expect(await list.locator('li', { hasText: 'Keyed server' }).getByTestId('endpoint-destination').textContent()).toBe(' · on this device');
    const before = keyed.requests.length;
    await list.getByRole('button', { name: 'Test Keyed server' }).click();
    await expect.poll(() => list.getByTestId('connection-result').textContent(), { timeout: 15_000 }).toBe('Connected: 2 models');
    expect(keyed.requests.slice(before).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`]);
  });

  test('removing an endpoint offers Undo, which brings it back with its key', async () => {
    const list = settings.getByTestId('endpoint-list');
    await list.getByRole('button', { name: 'Remove Keyed server' }).click();
    const toast = settings.getByTestId('undo-toast');
    await toast.waitFor();
    expect(await toast.textContent()).toBe('Removed “Keyed server”.Undo');
    expect(await settings.getByTestId('endpoint-list').count()).toBe(0);
    // Focus moves to Undo once the toast has rendered (a frame later on a loaded machine).
    await expect.poll(() => settings.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    await settings.setViewportSize({ width: 360, height: 800 });
    await screenshot(settings, 'settings-undo-360');
    // The toast is fixed to the window: seen as the user sees it, not in the full-page picture.
    await settings.screenshot({ path: join(SCREENSHOT_DIR, 'settings-undo-360-window.png') });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await list.getByText('Keyed server').waitFor();
    expect(await list.textContent()).toContain('key saved');
    // The key came back with it: testing the endpoint sends it again (and storage holds it sealed only).
    const before = keyed.requests.length;
    await list.getByRole('button', { name: 'Test Keyed server' }).click();
    await expect.poll(() => list.getByTestId('connection-result').textContent(), { timeout: 15_000 }).toBe('Connected: 2 models');
    expect(keyed.requests.slice(before).map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`]);
    const stored = await storedKeys(settings);
    expect(stored).toContain('"sealed"');
    expect(stored).not.toContain(KEY);
  });

  test('settings at 360 and 1280 px, light and dark', async () => {
    await settings.reload();
    await settings.getByTestId('endpoint-list').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await settings.emulateMedia({ colorScheme: scheme });
      for (const width of [360, 1280]) {
        await settings.setViewportSize({ width, height: 900 });
        await form().getByLabel('Base URL').fill(`${ollama.url}/v1`);
        await form().getByRole('button', { name: 'Test connection' }).click();
        await expect.poll(() => result().textContent(), { timeout: 15_000 }).toBe('Connected: 3 models');
        await screenshot(settings, `settings-${width}-${scheme}`);
      }
    }
    await settings.emulateMedia({ colorScheme: 'light' });
  });

  test('the panel says where each prompt goes; an unrelated answer is "too different" for a word diff', async () => {
    // Two more endpoints through the form: a local one and one on a (mapped) remote host.
    for (const [label, baseUrl, model] of [
      ['Local llama', `${ollama.url}/v1`, 'llama3.2:latest'],
      ['Remote related', `http://${REMOTE_HOST}/v1`, 'related-1'],
      ['Remote other', `http://${REMOTE_HOST}/v1`, 'unrelated-1'],
    ] as const) {
      await form().getByLabel('Name (optional)').fill(label);
      await form().getByLabel('Base URL').fill(baseUrl);
      await form().getByLabel('Model', { exact: true }).fill(model);
      await form()
        .getByLabel(/^API key/)
        .fill('');
      await form().getByRole('button', { name: 'Add endpoint' }).click();
      await settings.getByTestId('endpoint-list').getByText(label).waitFor();
    }
    expect(await settings.getByTestId('endpoint-destination').allTextContents()).toEqual([
      ' · on this device',
      ' · on this device',
      ` · to ${REMOTE_HOST}`,
      ` · to ${REMOTE_HOST}`,
    ]);

    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill('Is tea healthy?');
    await expect.poll(() => panel.getByTestId('axes-destination').textContent()).toBe(`Sent to ${REMOTE_HOST}; the rest stays on this device`);
    // The language picker, opened, folds away after Compare.
    await panel.getByTestId('language-details').locator('summary').click();
    expect(await panel.getByTestId('language-details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await panel.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => panel.getByTestId('language-details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

    const runs = panel.getByTestId('run');
    await expect
      .poll(() => runs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))), { timeout: 20_000 })
      .toEqual(['done', 'done', 'done', 'done']);
    const where = await runs.evaluateAll((els) =>
      els.map((e) => [e.querySelector('.run-who strong')?.textContent, e.querySelector('[data-testid="run-destination"]')?.textContent]),
    );
    expect(where).toEqual([
      ['gpt-test-mini', 'Asked on this device'],
      ['llama3.2:latest', 'Asked on this device'],
      ['related-1', `Sent to ${REMOTE_HOST}`],
      ['unrelated-1', `Sent to ${REMOTE_HOST}`],
    ]);
    await panel.getByLabel('Show differences from').selectOption({ label: 'llama3.2:latest · English' });
    const column = (name: string) => runs.filter({ has: panel.locator('.run-who strong', { hasText: name }) });
    await column('unrelated-1').getByTestId('diff-too-different').waitFor();
    expect(await column('unrelated-1').getByTestId('diff-too-different').textContent()).toMatch(
      /^Too different from llama3\.2:latest · English for a word diff: \d+ % of the words are shared\. Shown as written\.$/,
    );
    expect(await column('unrelated-1').locator('del, ins').count()).toBe(0);
    expect(await column('related-1').locator('ins').allTextContents()).toEqual([', and green tea is a good choice']);
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      for (const width of [360, 1280]) {
        await panel.setViewportSize({ width, height: 900 });
        await screenshot(panel, `panel-destinations-${width}-${scheme}`);
      }
    }
    await panel.close();
  });
});
