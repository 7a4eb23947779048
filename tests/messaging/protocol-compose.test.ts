import { describe, expect, test } from 'vitest';
import { parseMessage } from '@/utils/platform/messaging/protocol';

const start = (payload: unknown) => parseMessage({ type: 'comparison.start', payload });

describe('comparison.start payload', () => {
  test('a full composition is accepted', () => {
    expect(
      start({
        text: 'Is it ethical to eat meat?',
        languages: ['de', 'sw', 'zh-Hant'],
        sourceLanguage: 'en',
        translations: { de: 'Ist es ethisch, Fleisch zu essen?' },
        providerIds: ['p-1'],
        personas: [{ id: 'kenya', label: 'A person from Kenya', systemPrompt: 'Answer as a typical person from Kenya.' }],
        repetitions: 5,
        context: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
        ],
        rerunOf: 'c-1',
      }).ok,
    ).toBe(true);
  });

  test.each([
    [{ text: 'x', languages: 'de' }, 'languages must be a list'],
    [{ text: 'x', languages: ['<script>'] }, 'not a language code'],
    [{ text: 'x', translations: { de: 5 } }, 'translations.de must be a string'],
    [{ text: 'x', repetitions: 0 }, 'repetitions must be a whole number'],
    [{ text: 'x', repetitions: 2.5 }, 'repetitions must be a whole number'],
    [{ text: 'x', context: [{ role: 'system', content: 'x' }] }, 'role must be user or assistant'],
    [{ text: 'x', personas: [{ id: 'a b', label: 'x', systemPrompt: 'y' }] }, 'is not an id'],
    [{ text: 'x', providerIds: Array.from({ length: 101 }, (_, i) => `p${i}`) }, 'too many items'],
  ])('%j is rejected: %s', (payload, reason) => {
    const parsed = start(payload);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(reason);
  });
});

describe('comparison.start from a page selection', () => {
  test('the page is an http(s) URL with an optional title', () => {
    expect(parseMessage({ type: 'comparison.start', payload: { text: 'x', page: { url: 'https://example.org/a', title: 'An article' } } }).ok).toBe(true);
    const bad = parseMessage({ type: 'comparison.start', payload: { text: 'x', page: { url: 'javascript:alert(1)' } } });
    expect(bad.ok ? '' : bad.error).toContain('page.url must be an http(s) URL');
  });
});
