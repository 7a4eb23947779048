import { describe, expect, test } from 'vitest';
import {
  chromeTranslator,
  detectWithChrome,
  detectorAvailability,
  downloadPair,
  languageDetectorApi,
  pairAvailability,
  translatableParts,
  translatorApi,
} from '@/utils/core/on-device/chrome-translator';
import { ProviderError } from '@/utils/core/providers/errors';
import { cachedTranslator, translationCache } from '@/utils/core/translate/cache';
import { fakeChromeDetector, fakeChromeTranslator } from './fake-chrome-translator';

const signal = () => new AbortController().signal;

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe("Chrome's on-device translator", () => {
  test('feature detection: only a global with availability() and create() counts', () => {
    const fake = fakeChromeTranslator({ pairs: {} });
    expect(translatorApi({ Translator: fake.Translator })).toBe(fake.Translator);
    expect(translatorApi({})).toBeUndefined();
    expect(translatorApi({ Translator: { availability: () => 'available' } })).toBeUndefined();
    expect(languageDetectorApi({ LanguageDetector: fakeChromeDetector('available', {}).LanguageDetector })).toBeDefined();
  });

  test.each([
    ['en>de', 'available'],
    ['en>sw', 'downloadable'],
    ['en>gd', 'unavailable'],
  ])('availability of %s is %s', async (pair, expected) => {
    const fake = fakeChromeTranslator({ pairs: { 'en>de': 'available', 'en>sw': 'downloadable' } });
    const [source, target] = pair.split('>') as [string, string];
    expect(await pairAvailability(source, target, fake.Translator)).toBe(expected);
  });

  test('no API at all: every pair is unsupported and translating says which browser is needed', async () => {
    expect(await pairAvailability('en', 'de', undefined)).toBe('unsupported');
    const err = await failure(chromeTranslator(undefined).translate('Hello', 'en', 'de', signal()));
    expect(err.code).toBe('unsupported');
    expect(err.message).toMatch(/Chrome 138/);
  });

  test('translates a ready pair, reusing one session per pair', async () => {
    const fake = fakeChromeTranslator({
      pairs: { 'en>de': 'available' },
      dictionary: { 'en>de': { 'Is honesty always right?': 'Ist Ehrlichkeit immer richtig?' } },
    });
    const translator = chromeTranslator(fake.Translator);
    expect(translator).toMatchObject({ id: 'chrome', onDevice: true });
    expect(await translator.translate('Is honesty always right?', 'en', 'de', signal())).toBe('Ist Ehrlichkeit immer richtig?');
    await translator.translate('Second question', 'en', 'de', signal());
    expect(fake.log.created).toEqual(['en>de']);
  });

  test('never downloads during a run: a downloadable pair fails with what to do, and create() is not called', async () => {
    const fake = fakeChromeTranslator({ pairs: { 'en>sw': 'downloadable', 'en>bn': 'downloading' }, requireActivation: true });
    const translator = chromeTranslator(fake.Translator);
    const sw = await failure(translator.translate('Hello', 'en', 'sw', signal()));
    expect(sw.code).toBe('not_downloaded');
    expect(sw.message).toBe("Chrome's on-device translator for English → Swahili is not downloaded. Download it in Settings → Translation, then retry.");
    const bn = await failure(translator.translate('Hello', 'en', 'bn', signal()));
    expect(bn.message).toMatch(/still downloading its translator for English → Bengali/);
    const gd = await failure(translator.translate('Hello', 'en', 'gd', signal()));
    expect(gd.message).toMatch(/cannot translate English → Scottish Gaelic on this device/);
    expect(fake.log.created).toEqual([]);
  });

  test('a session Chrome refuses (no user gesture) is classified and not kept', async () => {
    const fake = fakeChromeTranslator({ pairs: { 'en>de': 'available' } });
    const Api = fake.Translator;
    let refuse = true;
    const flaky = {
      availability: Api.availability,
      create: (o: Parameters<typeof Api.create>[0]) => (refuse ? Promise.reject(new DOMException('gesture', 'NotAllowedError')) : Api.create(o)),
    };
    const translator = chromeTranslator(flaky);
    expect((await failure(translator.translate('Hi', 'en', 'de', signal()))).code).toBe('not_downloaded');
    refuse = false;
    expect(await translator.translate('Hi', 'en', 'de', signal())).toBe('[de] Hi');
  });

  test('answers keep their shape: paragraphs translated one by one, code blocks and blank lines untouched', async () => {
    const fake = fakeChromeTranslator({ pairs: { 'de>en': 'available' } });
    const answer = 'Erster Absatz.\nZweite Zeile.\n\n```js\nconst x = 1;\n```\n\nLetzter Absatz.';
    const out = await chromeTranslator(fake.Translator).translate(answer, 'de', 'en', signal());
    expect(out).toBe('[en] Erster Absatz.\nZweite Zeile.\n\n```js\nconst x = 1;\n```\n\n[en] Letzter Absatz.');
    expect(fake.log.translated.map((t) => t.text)).toEqual(['Erster Absatz.\nZweite Zeile.', 'Letzter Absatz.']);
  });

  test.each([
    ['plain', 'One line', [['One line', true]]],
    [
      'two paragraphs',
      'A\n\nB',
      [
        ['A', true],
        ['\n\n', false],
        ['B', true],
      ],
    ],
    [
      'unclosed fence',
      'Intro\n```\ncode',
      [
        ['Intro', true],
        ['\n```\ncode', false],
      ],
    ],
  ])('translatableParts: %s', (_name, text, expected) => {
    const parts = translatableParts(text);
    expect(parts.map((p) => [p.text, p.translate])).toEqual(expected);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  test('cancelling stops the translation with an aborted error', async () => {
    const fake = fakeChromeTranslator({ pairs: { 'en>de': 'available' } });
    const controller = new AbortController();
    controller.abort();
    expect((await failure(chromeTranslator(fake.Translator).translate('Hi', 'en', 'de', controller.signal))).code).toBe('aborted');
  });

  test('download from a click: progress is reported, then the pair is ready', async () => {
    const fake = fakeChromeTranslator({ pairs: { 'en>sw': 'downloadable' }, requireActivation: true });
    fake.activate();
    const seen: number[] = [];
    const done = downloadPair('en', 'sw', (f) => seen.push(f), undefined, fake.Translator);
    await Promise.resolve();
    await Promise.resolve();
    fake.progress(0.25);
    fake.progress(0.75);
    fake.finish();
    await done;
    expect(seen).toEqual([0.25, 0.75, 1]);
    expect(await pairAvailability('en', 'sw', fake.Translator)).toBe('available');
    expect(fake.log.destroyed).toBe(1); // the download session is not kept open
  });

  test('a cached Chrome translator asks Chrome once per text and pair', async () => {
    const fake = fakeChromeTranslator({ pairs: { 'en>ja': 'available' } });
    const translator = cachedTranslator(chromeTranslator(fake.Translator), translationCache());
    await translator.translate('Hello', 'en', 'ja', signal());
    await translator.translate('Hello', 'en', 'ja', signal());
    expect(fake.log.translated).toHaveLength(1);
  });
});

describe("Chrome's language detector", () => {
  test('detects a catalogue language when downloaded; never downloads', async () => {
    const ready = fakeChromeDetector('available', { 'Habari yako?': 'sw', 'Hallo Welt': 'de', 'Kumusta ka?': 'fil' });
    expect(await detectorAvailability(ready.LanguageDetector)).toBe('available');
    expect(await detectWithChrome('Habari yako?', ready.LanguageDetector)).toEqual({ code: 'sw', confidence: 0.97 });
    expect(await detectWithChrome('Kumusta ka?', ready.LanguageDetector)).toEqual({ code: 'tl', confidence: 0.97 });
    expect(await detectWithChrome('???', ready.LanguageDetector)).toBeNull();

    const notYet = fakeChromeDetector('downloadable', { 'Hallo Welt': 'de' });
    expect(await detectWithChrome('Hallo Welt', notYet.LanguageDetector)).toBeNull();
    expect(notYet.log.created).toBe(0);
    expect(await detectWithChrome('Hallo Welt', undefined)).toBeNull();
  });
});
