import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { t } from '@/utils/core/i18n';

const LOCALES = resolve(__dirname, '../public/_locales');
const load = (lang: string) => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = load('en');
const placeholders = (text: string) =>
  [...text.matchAll(/\$\d/g)]
    .map((m) => m[0])
    .sort()
    .join();

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('UI translations', () => {
  const others = readdirSync(LOCALES).filter((l) => l !== 'en');

  test('English plus at least two other languages', () => {
    expect(others.length).toBeGreaterThanOrEqual(2);
  });

  test.each(others)('%s has every message, with the same substitutions, none empty', (lang) => {
    const messages = load(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(messages)) {
      expect(message.trim(), key).not.toBe('');
      expect(placeholders(message), key).toBe(placeholders(en[key]!.message));
    }
  });

  test('message names are ones Chrome accepts', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  test('t() asks the extension i18n first and falls back to English with substitutions', () => {
    expect(t('comparisonCount', 12)).toBe('12 comparisons');
    const de = load('de');
    (globalThis as { chrome?: unknown }).chrome = {
      i18n: { getMessage: (key: string, subs: string[]) => de[key]?.message.replace('$1', subs[0] ?? '') ?? '' },
    };
    expect(t('comparisonCount', 12)).toBe('12 Vergleiche');
    expect(t('tabHistory')).toBe('Verlauf');
  });
});
