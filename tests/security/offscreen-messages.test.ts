import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { FALLBACK_MESSAGES, t } from '@/utils/core/i18n';
import { installMessagesWithoutI18nApi } from '@/utils/platform/runner-host/offscreen-messages';
import { startServer, type TestServer } from '../servers/http';

/**
 * Chrome's offscreen document (the runner host) has no i18n API: errors written there, such as a refused
 * redirect, are read in the panel. They must be text in the browser's language, not message names.
 */

const LOCALES = join(import.meta.dirname, '../../public');
const g = globalThis as { [FALLBACK_MESSAGES]?: unknown; chrome?: unknown };

describe('messages in a context without the i18n API', () => {
  let files: TestServer;
  const english = g[FALLBACK_MESSAGES];
  const chrome = g.chrome;
  beforeAll(async () => {
    // The extension's own files, served as the extension serves them.
    files = await startServer((req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(join(LOCALES, req.url))));
  });
  afterAll(() => files.close());
  // An offscreen document: no chrome.i18n (the test setup's fake browser has one).
  beforeEach(() => {
    delete g.chrome;
  });
  afterEach(() => {
    g[FALLBACK_MESSAGES] = english;
    g.chrome = chrome;
  });

  test('a German browser reads the refused redirect in German', async () => {
    g[FALLBACK_MESSAGES] = undefined;
    expect(t('keyRedirectRefused', 'api.example.com')).toBe('keyRedirectRefused');
    await installMessagesWithoutI18nApi((path) => files.url + path, 'de-DE');
    expect(files.requests.at(-1)!.url).toBe('/_locales/de/messages.json');
    expect(t('keyRedirectRefused', 'api.example.com')).toMatch(/^api\.example\.com .*Weiterleitung/);
  });

  test('a language Parallax does not ship falls back to English', async () => {
    g[FALLBACK_MESSAGES] = undefined;
    await installMessagesWithoutI18nApi((path) => files.url + path, 'fr-FR');
    expect(files.requests.at(-1)!.url).toBe('/_locales/en/messages.json');
    expect(t('keyRedirectRefused', 'api.example.com')).toBe(
      'api.example.com answered with a redirect. Parallax does not send your API key on to another address: put the address the endpoint really answers at in Settings.',
    );
  });

  test('where the i18n API exists, nothing is fetched', async () => {
    g.chrome = { i18n: { getMessage: () => 'from the browser' } };
    const before = files.requests.length;
    await installMessagesWithoutI18nApi((path) => files.url + path, 'de');
    expect(files.requests.length).toBe(before);
    expect(t('keyRedirectRefused', 'x')).toBe('from the browser');
  });
});
