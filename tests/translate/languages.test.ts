import { describe, expect, test } from 'vitest';
import { LANGUAGES, catalogueCode, directionOf, languageByCode, languageName, sameLanguage } from '@/utils/core/translate/languages';
import { LANGUAGE_PRESETS, presetById, validCodes } from '@/utils/core/translate/presets';

const PROJECT_CODES = 'en zh es hi ar fr ru ja de sw bn jv zu th gd pt it ko tr vi id fa he ur pl uk nl el ta am yo ha ms ro sv tl'.split(' ');

describe('language catalogue', () => {
  test('has the 36 project languages, each once', () => {
    const codes = LANGUAGES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...PROJECT_CODES].sort());
  });

  test('exactly Arabic, Persian, Hebrew and Urdu are right to left', () => {
    expect(
      LANGUAGES.filter((l) => l.dir === 'rtl')
        .map((l) => l.code)
        .sort(),
    ).toEqual(['ar', 'fa', 'he', 'ur']);
    expect(directionOf('he-IL')).toBe('rtl');
    expect(directionOf('xx')).toBe('ltr');
  });

  test('low-resource languages are flagged', () => {
    expect(
      LANGUAGES.filter((l) => l.lowResource)
        .map((l) => l.code)
        .sort(),
    ).toEqual('sw bn jv zu th gd am yo ha ta ur tl'.split(' ').sort());
  });

  test.each([
    ['ja', '日本語', 'Jpan'],
    ['ar', 'العربية', 'Arab'],
    ['sw', 'Kiswahili', 'Latn'],
    ['bn', 'বাংলা', 'Beng'],
    ['el', 'Ελληνικά', 'Grek'],
    ['am', 'አማርኛ', 'Ethi'],
    ['uk', 'Українська', 'Cyrl'],
  ])('%s is called %s by its speakers and written in %s', (code, native, script) => {
    expect(languageByCode(code)).toMatchObject({ nativeName: native, script });
  });

  test('every language has a native name and a four-letter script code', () => {
    for (const l of LANGUAGES) {
      expect(l.nativeName.trim(), l.code).not.toBe('');
      expect(l.script, l.code).toMatch(/^[A-Z][a-z]{3}$/);
    }
  });

  test.each([
    ['en-GB', 'en'],
    ['pt_BR', 'pt'],
    ['iw', 'he'],
    ['fil', 'tl'],
    ['ZH-Hans', 'zh'],
    ['klingon', null],
    ['', null],
  ])('tag %s means catalogue code %s', (tag, code) => {
    expect(catalogueCode(tag)).toBe(code);
  });

  test('names: English by default, native in itself, localized in another language', () => {
    expect(languageName('de')).toBe('German');
    expect(languageName('de', 'de')).toBe('Deutsch');
    expect(languageName('de', 'fr')).toBe('allemand');
    expect(languageName('gd', 'en')).toBe('Scottish Gaelic');
    expect(languageName('xx')).toBe('xx');
    expect(sameLanguage('en-US', 'en')).toBe(true);
    expect(sameLanguage('en', 'de')).toBe(false);
  });
});

describe('language presets', () => {
  test('world and low-resource hold the languages the issue names, in order', () => {
    expect(presetById('world')!.codes).toEqual(['en', 'zh', 'es', 'hi', 'ar', 'fr', 'ru', 'ja', 'de', 'sw']);
    expect(presetById('low-resource')!.codes).toEqual(['bn', 'sw', 'jv', 'zu', 'th', 'gd']);
  });

  test('every preset has a label and only catalogue codes, each once', () => {
    expect(LANGUAGE_PRESETS.map((p) => p.id)).toEqual(expect.arrayContaining(['world', 'low-resource', 'europe', 'asia']));
    for (const preset of LANGUAGE_PRESETS) {
      expect(preset.label).not.toBe('');
      expect(validCodes(preset.codes)).toEqual(preset.codes);
    }
    expect(presetById('low-resource')!.codes.every((c) => languageByCode(c)!.lowResource)).toBe(true);
  });

  test('a saved set loses unknown codes and duplicates', () => {
    expect(validCodes(['de', 'xx', 'en-US', 'de', 'ja'])).toEqual(['de', 'en', 'ja']);
  });
});
