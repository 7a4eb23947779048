import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import { addEndpoint, e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

const ANSWERS: Record<string, string> = {
  llama:
    '## Short answer\n\nIt depends on **where** you live. Some countries allow it for hobbyists; others restrict tools.\n\n- Check local law\n- Practice only on locks you own',
  qwen: 'مرحبا! يعتمد ذلك على القوانين المحلية. بعض الدول تسمح بذلك كهواية.',
  mistral: "I'm sorry, but I can't help with that.",
  phi: 'Yes — it is a legitimate hobby (locksport) with clubs and competitions in many countries. 🔐',
};

describe.skipIf(unavailable)('panel and history at narrow and wide widths, in Chromium', () => {
  let server: TestServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startOpenAIServer({ reply: (_p, model) => ANSWERS[model] ?? '', chunkDelayMs: 2 });
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
    await server?.close();
  });

  test('a four-column comparison stays readable from 360 px to 1400 px', async () => {
    const settings = await browser.openPage('options.html');
    for (const model of Object.keys(ANSWERS)) await addEndpoint(settings, `${server.url}/v1`, model, `Model ${model}`);
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByLabel('Prompt to compare').fill('Is lock picking a legitimate hobby?');
    await panel.getByRole('button', { name: 'Compare' }).click();
    const runs = panel.getByTestId('run');
    await expect
      .poll(async () => (await runs.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).join(','), { timeout: 20_000 })
      .toBe('done,done,done,done');
    await panel.getByTestId('verdict').waitFor();
    // The Arabic answer reads right to left.
    expect(
      await runs
        .nth(1)
        .getByTestId('run-text')
        .evaluate((el) => getComputedStyle(el.querySelector('p') ?? el).direction),
    ).toBe('rtl');
    for (const width of [360, 1400]) {
      await panel.setViewportSize({ width, height: 900 });
      // Nothing overflows the panel sideways.
      expect(await panel.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      await screenshot(panel, `panel-comparison-${width}`);
    }
    await panel.getByRole('tab', { name: /History/ }).click();
    await panel.getByTestId('history-item').first().waitFor();
    for (const width of [360, 1400]) {
      await panel.setViewportSize({ width, height: 700 });
      expect(await panel.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      await screenshot(panel, `panel-history-${width}`);
    }
  });
});
