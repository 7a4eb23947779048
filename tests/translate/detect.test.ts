import { describe, expect, test } from 'vitest';
import { answeredInOtherLanguage, detectLanguage } from '@/utils/core/translate/detect';
import { SAMPLES, SECOND_SAMPLES } from './samples';

describe('detecting the language of an answer', () => {
  test.each(Object.entries(SAMPLES).filter(([code]) => code !== 'ms'))('a passage in %s is recognised with confidence', (code, text) => {
    const found = detectLanguage(text);
    expect(found.code).toBe(code);
    expect(found.confidence).toBeGreaterThanOrEqual(0.5);
  });

  test.each(Object.entries(SECOND_SAMPLES))('an unrelated passage in %s is recognised too', (code, text) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  test('Malay is told from Indonesian when it uses its own words, and never taken for another language', () => {
    expect(detectLanguage(SAMPLES.ms!).code).toBe('ms');
    expect(answeredInOtherLanguage('ms', detectLanguage(SAMPLES.id!))).toBe(false);
  });

  test('covers at least 30 languages in 14+ scripts', () => {
    expect(Object.keys(SAMPLES).length).toBeGreaterThanOrEqual(30);
  });

  test.each([
    [
      'Japanese with English words, inline code, a code block and a URL',
      'Pythonでリストを並べ替えるには `sorted()` を使います。\n```python\nprint(sorted([3, 1, 2]))  # sorts the list in place and returns it\n```\n詳しくは https://docs.python.org/ja/3/library/functions.html を見てください。',
      'ja',
    ],
    ['English with one Chinese word', 'The character 愛 means love, and it appears in many names and greetings across the region.', 'en'],
    [
      'English around a code block full of Russian comments',
      'Here is how you would read the file and count its lines:\n```js\n// Читаем файл и считаем строки, которые не пустые\nconst lines = text.split("\\n");\n```\nThat is all you need for this task.',
      'en',
    ],
    ['Arabic naming an English product', 'يمكنك استخدام برنامج Microsoft Excel لحساب المتوسط بسهولة، ثم مشاركة النتائج مع زملائك في العمل.', 'ar'],
    ['Hindi with English technical terms', 'आप Python में list comprehension का उपयोग करके यह काम बहुत आसानी से कर सकते हैं।', 'hi'],
    [
      'Spanish answer in Markdown',
      '## Respuesta\n\n**Sí**, es posible. Sin embargo, hay que tener en cuenta que los resultados dependen de [la fuente](https://example.org/es) y de cómo se midan.',
      'es',
    ],
  ])('%s', (_name, text, code) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  test.each([
    ['empty', ''],
    ['numbers only', '42 + 17 = 59'],
    ['a URL only', 'https://example.org/page?id=3'],
    ['code only', '```\nconst x = 1;\n```'],
  ])('%s text has no language', (_name, text) => {
    expect(detectLanguage(text)).toEqual({ code: null, confidence: 0 });
  });

  test.each([
    ['Danke schön!', 'de'],
    ['Merci beaucoup', 'fr'],
    ['Asante sana', 'sw'],
    ['Thank you very much', 'en'],
    ['ありがとう', 'ja'],
    ['谢谢', 'zh'],
    ['감사합니다', 'ko'],
    ['שלום', 'he'],
    ['Спасибо', 'ru'],
    ['Дякую, це дуже добре', 'uk'],
  ])('short text %s is recognised as %s', (text, code) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  test('short text is less certain than a passage', () => {
    expect(detectLanguage('Hello').confidence).toBeLessThan(detectLanguage(SAMPLES.en!).confidence);
    expect(detectLanguage('OK').confidence).toBeLessThan(0.5);
  });

  test('long answers are judged quickly', () => {
    const long = Object.values(SAMPLES).join('\n\n').repeat(20);
    const started = performance.now();
    for (let i = 0; i < 20; i++) detectLanguage(long);
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});

describe('answered in another language', () => {
  test('an English answer to a Swahili question is flagged', () => {
    expect(answeredInOtherLanguage('sw', detectLanguage(SAMPLES.en!))).toBe(true);
  });

  test('an answer in the language asked is not flagged, whatever the tag form', () => {
    expect(answeredInOtherLanguage('sw', detectLanguage(SAMPLES.sw!))).toBe(false);
    expect(answeredInOtherLanguage('pt-BR', detectLanguage(SAMPLES.pt!))).toBe(false);
  });

  test('an unsure detection never flags', () => {
    expect(answeredInOtherLanguage('sw', detectLanguage('OK'))).toBe(false);
    expect(answeredInOtherLanguage('sw', { code: 'en', confidence: 0.2 })).toBe(false);
    expect(answeredInOtherLanguage(null, detectLanguage(SAMPLES.en!))).toBe(false);
  });
});
