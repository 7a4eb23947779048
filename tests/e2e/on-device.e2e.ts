import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../servers/http';
import { e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

describe.skipIf(unavailable)('on-device models (WebLLM) in Chromium, where no weights can be downloaded', () => {
  let browser: ExtensionBrowser;
  let empty: TestServer;

  beforeAll(async () => {
    // A model host with nothing on it: every file WebLLM asks for is missing.
    empty = await startServer((_req, res) => void res.writeHead(404, { 'content-type': 'text/plain' }).end('no such model'));
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await empty?.close();
  });

  test('WebGPU is detected (SwiftShader, no shader-f16) and only models this GPU can run are offered', async () => {
    const settings = await browser.openPage('options.html');
    const section = settings.locator('section[aria-labelledby=on-device]');
    await expect.poll(() => section.textContent(), { timeout: 30_000 }).toMatch(/WebGPU: .*no shader-f16/);
    const options = await section.getByLabel('Answering model', { exact: true }).locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(5);
    expect(options.every((o) => !o.includes('q4f16'))).toBe(true);
    expect(await section.getByLabel('Answering model', { exact: true }).inputValue()).toMatch(/q4f32_1-MLC$/);
    // Embedding models for divergence by meaning, from the same catalogue, with what they take.
    expect(await section.getByLabel('Model for divergence', { exact: true }).inputValue()).toBe('snowflake-arctic-embed-s-q0f32-MLC-b4');
    await screenshot(settings, 'settings-on-device');
  });

  test('a model host with no model: the download fails with a classified message and nothing is added', async () => {
    const settings = await browser.openPage('options.html');
    await settings.getByText('Add a custom model (MLC format)').click();
    await settings.locator('input[name=customModelId]').fill('Missing-Model-q4f32_1-MLC');
    await settings.locator('input[name=customModelUrl]').fill(`${empty.url}/missing-model/`);
    await settings.locator('input[name=customModelLib]').fill(`${empty.url}/missing-model.wasm`);
    await settings.getByRole('button', { name: 'Download custom model' }).click();
    const error = settings.getByTestId('on-device-error');
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('could not be downloaded');
    expect(empty.requests.some((r) => r.url.startsWith('/missing-model'))).toBe(true);
    expect(await settings.getByTestId('endpoint-list').count()).toBe(0); // no model was added
    await screenshot(settings, 'settings-on-device-download-failed');
  });

  test('without WebGPU, the settings page says what to enable', async () => {
    const plain = await launchWithExtension(undefined, [], { webgpu: false });
    try {
      const settings = await plain.openPage('options.html');
      const section = settings.locator('section[aria-labelledby=on-device]');
      await expect.poll(() => section.textContent(), { timeout: 30_000 }).toMatch(/no usable graphics adapter|has no WebGPU/);
      expect(await settings.locator('section[aria-labelledby=on-device] select').count()).toBe(0);
    } finally {
      await plain.close();
      removeProfile(plain.profileDir);
    }
  });
});
