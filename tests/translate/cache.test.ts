import { describe, expect, test } from 'vitest';
import { cacheKey, cachedTranslator, memoryTranslationStore, translationCache } from '@/utils/core/translate/cache';
import type { Translator } from '@/utils/core/translate/translator';

/** A translator that counts its calls and tags text with the target language. */
function countingTranslator(id = 'fake') {
  const calls: string[] = [];
  const translator: Translator = {
    id,
    label: 'Fake',
    onDevice: true,
    async translate(text, _source, target) {
      calls.push(`${target}:${text}`);
      return `[${target}] ${text}`;
    },
  };
  return { translator, calls };
}

const signal = new AbortController().signal;

describe('translation cache', () => {
  test('the same text, languages and engine are translated once', async () => {
    const cache = translationCache();
    const { translator, calls } = countingTranslator();
    const cached = cachedTranslator(translator, cache);
    expect(await cached.translate('Is honesty best?', 'en', 'de', signal)).toBe('[de] Is honesty best?');
    expect(await cached.translate('Is honesty best?', 'en', 'de', signal)).toBe('[de] Is honesty best?');
    expect(calls).toEqual(['de:Is honesty best?']);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });

  test.each([
    ['another text', { text: 'Is honesty good?' }],
    ['another target', { target: 'ja' }],
    ['another source', { source: 'fr' }],
    ['another engine', { engine: 'chrome' }],
  ])('%s is a miss', async (_name, change) => {
    const cache = translationCache();
    const key = { text: 'Is honesty best?', source: 'en', target: 'de', engine: 'fake' };
    await cache.set(key, 'Ist Ehrlichkeit am besten?');
    expect(await cache.get(key)).toBe('Ist Ehrlichkeit am besten?');
    expect(await cache.get({ ...key, ...change })).toBeUndefined();
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });

  test('keys ignore surrounding whitespace and the case of language tags, never the text inside', () => {
    const key = { text: 'Hi there', source: 'en', target: 'de', engine: 'x' };
    expect(cacheKey({ ...key, text: '  Hi there\n', target: 'DE' })).toBe(cacheKey(key));
    expect(cacheKey({ ...key, text: 'Hi  there' })).not.toBe(cacheKey(key));
  });

  test('a forgotten translation is made again', async () => {
    const cache = translationCache();
    const { translator, calls } = countingTranslator();
    const cached = cachedTranslator(translator, cache);
    await cached.translate('Hello', 'en', 'sw', signal);
    await cache.forget({ text: 'Hello', source: 'en', target: 'sw', engine: 'fake' });
    await cached.translate('Hello', 'en', 'sw', signal);
    expect(calls).toHaveLength(2);
  });

  test('the memory store keeps the most recently used entries within its limit', async () => {
    const store = memoryTranslationStore(2);
    await store.set('a', '1');
    await store.set('b', '2');
    await store.get('a'); // a is now the most recent
    await store.set('c', '3');
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['1', undefined, '3']);
    expect(store.size()).toBe(2);
  });

  test('any backing store works, including an asynchronous one', async () => {
    const backing = new Map<string, string>();
    const cache = translationCache({ get: async (k) => backing.get(k), set: async (k, v) => void backing.set(k, v) });
    const { translator, calls } = countingTranslator('engine-b');
    const cached = cachedTranslator(translator, cache);
    await cached.translate('Hello', 'en', 'ja', signal);
    await cached.translate('Hello', 'en', 'ja', signal);
    expect(calls).toHaveLength(1);
    expect([...backing.values()]).toEqual(['[ja] Hello']);
  });

  test('failed and empty translations are not kept', async () => {
    const cache = translationCache();
    let reply = '';
    const flaky: Translator = { id: 'f', label: 'F', onDevice: false, translate: async () => reply };
    const cached = cachedTranslator(flaky, cache);
    expect(await cached.translate('Hello', 'en', 'de', signal)).toBe('');
    reply = 'Hallo';
    expect(await cached.translate('Hello', 'en', 'de', signal)).toBe('Hallo');
  });
});

describe('translations asked for at once', () => {
  test('are made once for all who ask', async () => {
    const { translator, calls } = countingTranslator();
    const cached = cachedTranslator(translator, translationCache());
    const results = await Promise.all([1, 2, 3].map(() => cached.translate('Hello', 'en', 'de', signal)));
    expect(results).toEqual(['[de] Hello', '[de] Hello', '[de] Hello']);
    expect(calls).toHaveLength(1);
  });

  test('a cancelled first asker does not cancel the others', async () => {
    const calls: string[] = [];
    const slow: Translator = {
      id: 'slow',
      label: 'Slow',
      onDevice: false,
      translate: (text, _s, target, sig) =>
        new Promise((resolve, reject) => {
          calls.push(text);
          if (sig.aborted) {
            reject(new Error('aborted'));
            return;
          }
          const timer = setTimeout(() => resolve(`[${target}] ${text}`), 20);
          sig.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        }),
    };
    const cached = cachedTranslator(slow, translationCache());
    const first = new AbortController();
    const a = cached.translate('Hello', 'en', 'de', first.signal);
    const b = cached.translate('Hello', 'en', 'de', new AbortController().signal);
    await new Promise((r) => setTimeout(r, 5)); // both are waiting on the one translation now
    expect(calls).toHaveLength(1);
    first.abort();
    await expect(a).rejects.toThrow('aborted');
    expect(await b).toBe('[de] Hello');
    expect(calls).toHaveLength(2);
  });
});
