import { describe, expect, test } from 'vitest';
import { cleanTranslation, translationInstruction, translationMessages } from '@/utils/core/translate/prompt';

const fr = { source: 'en', target: 'fr' };

describe('the translation prompt', () => {
  test('names both languages, asks for the translation only and not to answer the text', () => {
    const [system, user] = translationMessages('Is honesty always best?', 'en', 'sw');
    expect(system!.role).toBe('system');
    expect(system!.content).toContain('English');
    expect(system!.content).toContain('Swahili (Kiswahili, sw)');
    expect(system!.content).toMatch(/translation only/);
    expect(system!.content).toMatch(/do not answer/);
    expect(user!.content.endsWith('\n\nIs honesty always best?')).toBe(true);
    expect(translationInstruction('en', 'sw')).toBe(system!.content);
  });
});

describe('cleaning a model reply down to the translation', () => {
  test.each([
    ['bare translation stays', 'Bonjour le monde.', {}, 'Bonjour le monde.'],
    ['English preamble line', 'Here is the translation:\n\nBonjour le monde.', {}, 'Bonjour le monde.'],
    ['preamble with language', 'Here is the French translation: Bonjour le monde.', {}, 'Bonjour le monde.'],
    ['label with language in brackets', 'Translation (French): Bonjour le monde.', {}, 'Bonjour le monde.'],
    ['bold label', '**Translation:**\nBonjour le monde.', {}, 'Bonjour le monde.'],
    ['French preamble', 'Voici la traduction :\n« Bonjour le monde. »', {}, 'Bonjour le monde.'],
    ['German preamble', 'Hier ist die Übersetzung:\nHallo Welt.', { target: 'de' }, 'Hallo Welt.'],
    ['Chinese preamble and corner quotes', '以下是翻译：\n「你好，世界。」', { target: 'zh' }, '你好，世界。'],
    ['target language name as label', 'Deutsch: Hallo Welt.', { target: 'de' }, 'Hallo Welt.'],
    ['opener line then preamble', 'Sure!\nHere is the translation:\n"Bonjour le monde."', {}, 'Bonjour le monde.'],
    ['wrapping curly quotes', '“Bonjour le monde.”', {}, 'Bonjour le monde.'],
    ['trailing note paragraph', 'Bonjour le monde.\n\nNote: "monde" means "world".', {}, 'Bonjour le monde.'],
    ['trailing bracketed note', 'Bonjour le monde. (Note: informal register kept.)', {}, 'Bonjour le monde.'],
    ['think block', '<think>The user wants French. Monde = world.</think>\nBonjour le monde.', {}, 'Bonjour le monde.'],
    ['unclosed think block gives nothing', '<think>Let me consider the register', {}, ''],
    ['fenced reply', '```\nBonjour le monde.\n```', {}, 'Bonjour le monde.'],
    [
      'inner code blocks survive',
      'Utilisez ceci :\n\n```js\nconsole.log(1)\n```\n\nC’est tout.',
      { text: 'Use this:\n\n```js\nconsole.log(1)\n```\n\nThat is all.' },
      'Utilisez ceci :\n\n```js\nconsole.log(1)\n```\n\nC’est tout.',
    ],
    ['quotes that are part of the sentence stay', '"Oui" et "non" sont des mots.', {}, '"Oui" et "non" sont des mots.'],
    ['a source with its own label keeps it', 'Traduisez ceci : bonjour', { text: 'Translate this: hello' }, 'Traduisez ceci : bonjour'],
    ['a quoted source stays quoted', '« Bonjour »', { text: '"Hello"' }, '« Bonjour »'],
    ['a source ending in a note keeps it', 'Bonjour.\n\nRemarque : à lire.', { text: 'Hello.\n\nNote: read this.' }, 'Bonjour.\n\nRemarque : à lire.'],
    ['a sentence starting like an opener stays', 'Claro, es verdad.', { target: 'es', text: 'Obviously, it is true.' }, 'Claro, es verdad.'],
  ])('%s', (_name, raw, over, expected) => {
    expect(cleanTranslation(raw, { ...fr, ...over })).toBe(expected);
  });
});
