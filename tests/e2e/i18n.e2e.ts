import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { e2eUnavailable, launchWithExtension, removeProfile, screenshot, type ExtensionBrowser } from './harness';

const unavailable = e2eUnavailable();

describe.skipIf(unavailable)('the UI follows the browser language, in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension(undefined, ['--lang=de']);
  });
  afterAll(async () => {
    await browser?.close();
    if (browser) removeProfile(browser.profileDir);
  });

  test('a German browser shows the panel and history in German', async () => {
    const panel = await browser.openPage('sidepanel.html');
    await panel.getByRole('heading', { name: 'Noch kein Vergleich' }).waitFor();
    await panel.getByRole('tab', { name: /Verlauf/ }).click();
    await panel.getByRole('heading', { name: 'Der Verlauf ist leer' }).waitFor();
    expect(await panel.getByRole('searchbox').getAttribute('placeholder')).toBe('Prompts und Antworten durchsuchen…');
    await screenshot(panel, 'panel-history-german');
  });
});
