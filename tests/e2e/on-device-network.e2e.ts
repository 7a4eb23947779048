import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, SCREENSHOT_DIR, type ExtensionBrowser } from './harness';
import { recordAllTargets, refusingProxy } from './network-recorder';
import { startOpenAIServer } from '../servers/openai';
import { fixtureOf, requireUnderCi, servedBytes, sharedLibraries, startModelHost, testEnvironmentScript, type ModelHost } from './webllm-fixture-server';
import { join } from 'node:path';

/**
 * On-device mode: only on-device engines are set up (a WebLLM model from a host the user chose, and Chrome's
 * built-in model). Neither can generate on this machine, so the runs fail, honestly. Every request any target
 * makes during a whole comparison is recorded twice over: through the DevTools protocol on every target (pages,
 * the offscreen runner host, the service worker) and by a proxy every non-loopback request must go through.
 * None may leave the machine, and none may go anywhere but the chosen model host.
 */

const unavailable = e2eUnavailable();

const MODEL_ID = 'Chosen-Model-q4f32_1-MLC';
/** Chromium's own background requests (account check, component updates, network time), made without any extension. */
const BROWSER_OWN = /^(CONNECT )?(https?:\/\/)?(accounts\.google\.com|update\.googleapis\.com|clients[12]\.google\.com)[:/]/;

describe.skipIf(unavailable)('on-device mode sends nothing off the machine, in Chromium', () => {
  let browser: ExtensionBrowser;
  let modelHost: TestServer;
  let proxy: Awaited<ReturnType<typeof refusingProxy>>;

  beforeAll(async () => {
    modelHost = await startServer((_req, res) => void res.writeHead(404, { 'content-type': 'text/plain' }).end('no such model'));
    proxy = await refusingProxy();
    browser = await launchWithExtension(undefined, [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--remote-debugging-port=0']);
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await modelHost?.close();
    await new Promise((resolve) => proxy?.server.close(resolve));
  });

  test('a full comparison with only on-device engines: both fail with what to do, and no request leaves 127.0.0.1', async () => {
    const settings = await browser.openPage('options.html');
    await settings.evaluate(
      async ({ modelUrl, modelId }) => {
        const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
        await chrome.storage.local.set({
          settings: {
            providers: [
              { id: 'on-device', kind: 'webllm', label: 'Chosen model', baseUrl: modelUrl, model: modelId, modelLib: `${modelUrl}lib.wasm` },
              { id: 'built-in', kind: 'chrome-builtin', label: "Chrome's built-in model (Gemini Nano)", baseUrl: '', model: 'gemini-nano', maxConcurrent: 1 },
            ],
            sites: [],
            customSitePatterns: [],
            paused: false,
            onboarded: true,
          },
          settings$: { v: 1 },
        });
      },
      { modelUrl: `${modelHost.url}/chosen-model/`, modelId: MODEL_ID },
    );
    await settings.close();

    const recorder = await recordAllTargets(browser.profileDir);
    const proxied = proxy.seen.length;
    try {
      const panel = await browser.openPage('sidepanel.html');
      await panel.getByLabel('Prompt to compare').fill('Is it better to rent or to buy a home?');
      await panel.getByRole('button', { name: 'Compare' }).click();
      const runs = panel.getByTestId('run');
      await expect.poll(() => runs.evaluateAll((els) => els.map((el) => el.getAttribute('data-state'))), { timeout: 60_000 }).toEqual(['failed', 'failed']);
      const errors = await panel.getByTestId('run-error').allTextContents();
      expect(errors[0]).toContain(`${MODEL_ID} is not downloaded yet. Download it in Settings → On-device models, then retry.`);
      expect(errors[1]).toMatch(/built-in model/);
      await screenshot(panel, 'on-device-mode-failed-honestly');

      // The rest of a comparison's life: history, the settings page (on-device section), the dashboard.
      await panel.getByRole('tab', { name: /History/ }).click();
      await expect.poll(() => panel.getByTestId('history-item').count()).toBe(1);
      const options = await browser.openPage('options.html');
      await options.locator('section[aria-labelledby=on-device]').waitFor();
      await options.waitForTimeout(2_000);
      const dashboard = await browser.openPage('dashboard.html');
      await dashboard.getByTestId('dashboard-prompt').waitFor({ timeout: 15_000 });
      await dashboard.waitForTimeout(1_000);

      const offMachine = recorder.seen.filter((r) => /^(https?|wss?):/.test(r.url) && new URL(r.url).hostname !== '127.0.0.1');
      expect(offMachine).toEqual([]);
      const elsewhere = recorder.seen.filter((r) => /^(https?|wss?):/.test(r.url) && new URL(r.url).host !== new URL(modelHost.url).host);
      expect(elsewhere).toEqual([]);
      // What reached the proxy came from the browser itself (sign-in and update checks it makes with or without any
      // extension; the per-target recording above shows no page, worker or runner of Parallax asked for them).
      expect(proxy.seen.slice(proxied).filter((u) => !BROWSER_OWN.test(u))).toEqual([]);
      // The recording watched the runner host, the worker and the pages (it saw the panel load its own files).
      const targets = [...recorder.targets].join('\n');
      for (const page of ['/offscreen.html', '/background.js', '/sidepanel.html', '/options.html', '/dashboard.html']) expect(targets).toContain(page);
      expect(recorder.seen.some((r) => r.target.includes('/sidepanel.html') && r.url.startsWith('chrome-extension://'))).toBe(true);

      // The recording would have caught a request from the runner host or the service worker: make one from each.
      for (const [where, host] of [
        ['/offscreen.html', 'offscreen-check.example'],
        ['background.js', 'worker-check.example'],
      ]) {
        await recorder.evaluate(where!, `fetch('https://${host}/').catch(() => 0)`);
        await expect.poll(() => recorder.seen.some((r) => r.url.includes(host!) && r.target.includes(where!))).toBe(true);
      }
    } finally {
      recorder.close();
    }

    // The proxy does catch what would leave: a page asking a remote host goes through it (and is refused).
    const page = await browser.context.newPage();
    await page.goto('http://parallax-network-check.example/').catch(() => undefined);
    expect(proxy.seen.some((u) => u.includes('parallax-network-check.example'))).toBe(true);
  });
});

const libraries = sharedLibraries();
if (!unavailable) requireUnderCi(libraries.missing);
/** Loopback requests of the extension itself and of the test's own DevTools connection. */
const isWeb = (url: string) => /^(https?|wss?):/.test(url);

/**
 * On-device divergence by meaning, with the real embedding library of ../shared/webllm: added the way a user adds
 * a custom model (weights generated from the library, served from 127.0.0.1), downloaded with progress, listed in
 * the cache manager, then used for a comparison's heat map — measured in the offscreen runner host, with no
 * request at all while measuring and none ever leaving 127.0.0.1.
 */
describe.skipIf(unavailable !== null || libraries.missing !== null)(
  'on-device divergence by meaning with a real WebLLM library, in the built extension',
  () => {
    let browser: ExtensionBrowser;
    let modelHost: ModelHost;
    let answers: TestServer;
    let proxy: Awaited<ReturnType<typeof refusingProxy>>;
    const fixture = libraries.embedding ? fixtureOf(libraries.embedding) : null;
    const ANSWERS: Record<string, string> = {
      renter: 'Renting keeps you flexible: you can move for a job, and repairs are the landlord’s problem.',
      owner: 'Buying builds equity over the years, and a fixed mortgage protects you from rising rents.',
      both: 'It depends on how long you stay: buying pays off after several years, renting is cheaper for short stays.',
    };

    beforeAll(async () => {
      modelHost = await startModelHost({ embed: fixture! });
      answers = await startOpenAIServer({ reply: (_prompt, model) => ANSWERS[model] ?? 'unknown model', chunkDelayMs: 2 });
      proxy = await refusingProxy();
      browser = await launchWithExtension(undefined, [
        `--proxy-server=http://127.0.0.1:${proxy.port}`,
        '--remote-debugging-port=0',
        '--enable-dawn-features=disable_robustness,skip_validation,disable_workgroup_init',
      ]);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      if (browser) removeProfile(browser.profileDir);
      await modelHost?.close();
      await answers?.close();
      await new Promise((resolve) => proxy?.server.close(resolve));
    });

    test('download with progress, the cache manager, the heat map by meaning computed on the device, delete', async () => {
      const recorder = await recordAllTargets(browser.profileDir);
      const proxied = proxy.seen.length;
      try {
        const settings = await browser.openPage('options.html');
        const section = settings.locator('section[aria-labelledby=on-device]');
        await expect.poll(() => section.textContent(), { timeout: 30_000 }).toMatch(/WebGPU: /);
        // WebLLM's own catalogue: the embedding models, with their download size and GPU memory.
        const offered = await section.getByLabel('Model for divergence', { exact: true }).locator('option').allTextContents();
        expect(offered).toEqual([
          'snowflake arctic embed s · q0f32 · 131 MB download · 239 MB GPU memory',
          'snowflake arctic embed m · q0f32 · 419 MB download · 539 MB GPU memory',
        ]);
        for (const model of Object.keys(ANSWERS)) await addEndpoint(settings, `${answers.url}/v1`, model, `Model ${model}`);

        // The runner host is the offscreen document: the test environment's two fixes go there (test code only).
        await expect.poll(() => [...recorder.targets].some((t) => t.includes('/offscreen.html')), { timeout: 15_000 }).toBe(true);
        const installed = (await recorder.evaluate('/offscreen.html', await testEnvironmentScript())) as { exceptionDetails?: unknown };
        expect(installed.exceptionDetails).toBeUndefined();

        // Added the way a user adds a custom model; progress shows from 0 to 100 % while it downloads.
        await settings.evaluate(() => {
          const seen: string[] = ((globalThis as { progressSeen?: string[] }).progressSeen = []);
          new MutationObserver(() => {
            const text = document.querySelector('[data-testid=download-progress-text]')?.textContent;
            if (text && seen.at(-1) !== text) seen.push(text);
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        });
        await section.getByText('Add a custom model (MLC format)').click();
        await section.getByLabel('Used for').selectOption('embedding');
        await section.locator('input[name=customModelId]').fill('snowflake-arctic-embed-s-fixture');
        await section.locator('input[name=customModelUrl]').fill(`${modelHost.url}/models/embed`);
        await section.locator('input[name=customModelLib]').fill('http://192.0.2.1/embed.wasm');
        expect(await section.getByTestId('custom-model-problem').textContent()).toContain('only from https: addresses, or http: on this computer');
        await section.locator('input[name=customModelLib]').fill(`${modelHost.url}/libs/embed.wasm`);
        await section.getByRole('button', { name: 'Download custom model' }).click();
        const cache = section.getByTestId('on-device-cache');
        // Ready when the cache manager lists it (or an error says why not); SwiftShader compiles the GPU kernels slowly.
        await expect
          .poll(
            async () =>
              (await section.textContent())?.match(/snowflake-arctic-embed-s-fixture · embeddings|could not|not compatible|damaged|not the copy/)?.[0],
            { timeout: 300_000, interval: 2_000 },
          )
          .toBe('snowflake-arctic-embed-s-fixture · embeddings');
        const progress = await settings.evaluate(() => (globalThis as { progressSeen?: string[] }).progressSeen ?? []);
        const downloading = progress.filter((p) => p.endsWith('· downloading'));
        expect(downloading[0]).toMatch(/^0 %/);
        expect(downloading.some((p) => p.startsWith('100 %'))).toBe(true);
        const disk = Math.round(servedBytes(fixture!) / 1024 ** 2);
        await expect.poll(() => cache.textContent()).toContain(`snowflake-arctic-embed-s-fixture · embeddings · ${disk} MB on disk · loaded`);
        await settings.getByTestId('embedding-in-use').getByText('snowflake-arctic-embed-s-fixture').waitFor({ timeout: 60_000 });
        await section.getByText('Add a custom model (MLC format)').click();
        for (const width of [360, 1280]) {
          await settings.setViewportSize({ width, height: 900 });
          await settings.bringToFront();
          await section.screenshot({ path: join(SCREENSHOT_DIR, `settings-on-device-${width}.png`) });
        }

        // A comparison answered by three local models; the heat map measured by meaning on this device.
        const panel = await browser.openPage('sidepanel.html');
        await panel.getByLabel('Prompt to compare').fill('Is it better to rent or to buy a home?');
        await panel.getByRole('button', { name: 'Compare' }).click();
        const runs = panel.getByTestId('run');
        await expect
          .poll(async () => (await runs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).join(','), { timeout: 30_000 })
          .toBe('done,done,done');
        await panel.getByText(/How far the answers diverge/).click({ timeout: 60_000 });
        expect(await panel.getByTestId('heatmap').getAttribute('data-basis')).toBe('words');
        const before = recorder.seen.length;
        const answersAsked = answers.requests.length;
        await panel.getByRole('button', { name: 'Measure by meaning with snowflake-arctic-embed-s-fixture (on this device)' }).click();
        await expect
          .poll(async () => (await panel.getByTestId('heatmap').getAttribute('data-basis')) ?? '', { timeout: 240_000, interval: 2_000 })
          .toBe('meaning');
        await panel.getByText('By meaning, measured with snowflake-arctic-embed-s-fixture (on this device).').waitFor({ timeout: 60_000 });
        const cells = (await panel.getByTestId('heatmap').locator('tbody td').allTextContents()).map(Number);
        expect(cells).toHaveLength(9);
        expect(cells.every((c) => Number.isFinite(c) && c >= -100 && c <= 100)).toBe(true);
        await screenshot(panel, 'panel-divergence-on-device');
        // Measuring made no web request at all (not even to this machine), from any page, worker or the runner host.
        expect(recorder.seen.slice(before).filter((r) => isWeb(r.url))).toEqual([]);
        expect(answers.requests.length).toBe(answersAsked);

        // Delete frees the disk: the cache manager empties and divergence is by words again.
        await settings.bringToFront();
        await cache.getByRole('listitem').filter({ hasText: 'snowflake-arctic-embed-s-fixture' }).getByRole('button', { name: 'Delete' }).click();
        await expect.poll(() => section.getByTestId('on-device-cache').count(), { timeout: 30_000 }).toBe(0);
        await expect.poll(() => settings.getByTestId('embedding-in-use').count()).toBe(0);

        // Nothing left the machine: DevTools saw only 127.0.0.1, and the proxy only Chromium's own background checks.
        expect(recorder.seen.filter((r) => isWeb(r.url) && new URL(r.url).hostname !== '127.0.0.1')).toEqual([]);
        expect(proxy.seen.slice(proxied).filter((u) => !BROWSER_OWN.test(u))).toEqual([]);
      } finally {
        recorder.close();
      }
    }, 600_000);
  },
);
