import { translatorSettingsOf } from '@/utils/core/translate/settings';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { dexieTranslationStore } from '@/utils/platform/db/translation-cache';
import { translatorFor } from '@/utils/platform/runner-host/translator-for';
import { translationHandlers } from '@/utils/platform/runner-host/translation-handlers';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConfig, ProviderConnection } from '@/utils/core/providers/types';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/platform/storage/settings';
import { cacheKey, translationCache } from '@/utils/core/translate/cache';
import type { TranslationMode } from '@/utils/core/translate/translator';
import { fakeChromeTranslator } from '../engines/fake-chrome-translator';

beforeEach(() => fakeBrowser.reset());

/** A model that translates by a table (and tags what it does not know), recording each request and key. */
function tableModel(table: Record<string, string>) {
  const calls: { conn: ProviderConnection; req: ChatRequest }[] = [];
  const provider: ChatProvider = {
    kind: 'openai-compatible',
    name: 'Table',
    async *stream(conn, req): AsyncIterable<ChatEvent> {
      calls.push({ conn, req });
      const text = req.messages.at(-1)!.content.split('\n\n').slice(1).join('\n\n');
      yield { type: 'text', text: `Here is the translation:\n\n${table[text] ?? `[?] ${text}`}` };
      yield { type: 'done' };
    },
  };
  return { provider, calls };
}

const remote: ProviderConfig = { id: 'remote', kind: 'openai-compatible', label: 'Remote server', baseUrl: 'https://mt.example/v1', model: 'mt-1' };
/** A server on this computer (Ollama on localhost): on this device, so on-device mode allows it. */
const loopback: ProviderConfig = { id: 'loopback', kind: 'openai-compatible', label: 'Ollama here', baseUrl: 'http://127.0.0.1:11434/v1', model: 'mt-3' };
const gpu: ProviderConfig = { id: 'gpu', kind: 'webllm', label: 'On this device', baseUrl: '', model: 'Qwen2.5-1.5B' };
const settings = (engine: TranslationMode, onDeviceOnly = false, providers = [remote, gpu]): Settings => ({
  ...DEFAULT_SETTINGS,
  providers,
  onDeviceOnly,
  translation: { engine, savedSets: [] },
});
const signal = () => new AbortController().signal;
const keys = async (id: string) => ({ remote: 'sk-local-123' })[id];

const TABLE = {
  'Is lying ever right?': 'Ist Lügen jemals richtig?',
  'Ist Lügen jemals richtig?': 'Is lying ever right?',
  'Ist Lügen immer richtig?': 'Is lying always right?',
  'Should you never lie twice?': 'Sollte man zweimal lügen?',
  'Sollte man zweimal lügen?': 'Should you lie twice?',
};

describe('the runner host builds its translator from settings', () => {
  test('"none": no translator, so runs send the user\'s translations or the prompt as written', () => {
    expect(translatorFor(settings({ kind: 'none' }), { apiKeyFor: keys })).toBeUndefined();
  });

  test("chrome: Chrome's on-device translator over this context's API", async () => {
    const fake = fakeChromeTranslator({ pairs: { 'en>de': 'available' } });
    const translator = translatorFor(settings({ kind: 'chrome' }, true), { apiKeyFor: keys, chromeApi: fake.Translator })!;
    expect(translator).toMatchObject({ id: 'chrome', onDevice: true });
    expect(await translator.translate('Hello', 'en', 'de', signal())).toBe('[de] Hello');
  });

  test('a model: the endpoint (or the chosen model), its key fetched per translation, the reply cleaned, the result cached', async () => {
    const model = tableModel(TABLE);
    const cache = translationCache();
    const translator = translatorFor(settings({ kind: 'model', providerId: 'remote', model: 'mt-2' }), {
      apiKeyFor: keys,
      providerFor: () => model.provider,
      cache,
    })!;
    expect(translator).toMatchObject({ onDevice: false, model: 'mt-2', label: 'mt-2 on mt.example' });
    expect(await translator.translate('Is lying ever right?', 'en', 'de', signal())).toBe('Ist Lügen jemals richtig?');
    expect(await translator.translate('Is lying ever right?', 'en', 'de', signal())).toBe('Ist Lügen jemals richtig?');
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]!.conn).toEqual({ baseUrl: 'https://mt.example/v1', apiKey: 'sk-local-123' });
    expect(model.calls[0]!.req).toMatchObject({ model: 'mt-2', temperature: 0 });
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
  });

  test('on-device mode refuses a remote endpoint with the reason and sends nothing; an on-device one is used', async () => {
    const model = tableModel(TABLE);
    const refused = translatorFor(settings({ kind: 'model', providerId: 'remote' }, true), { apiKeyFor: keys, providerFor: () => model.provider })!;
    await expect(refused.translate('Is lying ever right?', 'en', 'de', signal())).rejects.toThrow(
      /On-device mode is on, and Remote server is not on this device/,
    );
    expect(model.calls).toHaveLength(0);
    const allowed = translatorFor(settings({ kind: 'model', providerId: 'gpu' }, true), {
      apiKeyFor: keys,
      providerFor: () => ({ ...model.provider, kind: 'webllm' }),
    })!;
    expect(allowed.onDevice).toBe(true);
    expect(await allowed.translate('Is lying ever right?', 'en', 'de', signal())).toBe('Ist Lügen jemals richtig?');
  });

  test('on-device mode: a server on this computer (loopback) translates; the same server on the network does not', async () => {
    const model = tableModel(TABLE);
    const local = translatorFor(settings({ kind: 'model', providerId: 'loopback' }, true, [remote, loopback]), {
      apiKeyFor: keys,
      providerFor: () => model.provider,
    })!;
    expect(local).toMatchObject({ onDevice: true, label: 'mt-3 on 127.0.0.1:11434' });
    expect(await local.translate('Is lying ever right?', 'en', 'de', signal())).toBe('Ist Lügen jemals richtig?');
    expect(model.calls[0]!.conn.baseUrl).toBe('http://127.0.0.1:11434/v1');
    const lan = { ...loopback, baseUrl: 'http://192.168.1.20:11434/v1', label: 'Ollama on the desktop' };
    const refused = translatorFor(settings({ kind: 'model', providerId: 'loopback' }, true, [lan]), { apiKeyFor: keys, providerFor: () => model.provider })!;
    await expect(refused.translate('Is lying ever right?', 'en', 'de', signal())).rejects.toThrow(/Ollama on the desktop is not on this device/);
    expect(model.calls).toHaveLength(1);
  });

  test('a removed endpoint: runs fail with what to do', async () => {
    const translator = translatorFor(settings({ kind: 'model', providerId: 'remote' }, false, []), { apiKeyFor: keys })!;
    await expect(translator.translate('Hi', 'en', 'de', signal())).rejects.toThrow(/was removed\. Choose another one in Settings → Translation/);
  });
});

describe('translation cache in IndexedDB', () => {
  test('a translation outlives the cache object (a restart), under the documented key', async () => {
    const db = new ParallaxDB(`cache-${crypto.randomUUID()}`);
    const model = tableModel(TABLE);
    const build = () =>
      translatorFor(settings({ kind: 'model', providerId: 'remote' }), {
        apiKeyFor: keys,
        providerFor: () => model.provider,
        cache: translationCache(dexieTranslationStore(db)),
      })!;
    await build().translate('Is lying ever right?', 'en', 'de', signal());
    expect(await build().translate('Is lying ever right?', 'en', 'de', signal())).toBe('Ist Lügen jemals richtig?');
    expect(model.calls).toHaveLength(1);
    const key = cacheKey({ text: 'Is lying ever right?', source: 'en', target: 'de', engine: build().id });
    expect(await db.translations.get(key)).toMatchObject({ translation: 'Ist Lügen jemals richtig?' });
  });

  test('trimming keeps the newest entries', async () => {
    const db = new ParallaxDB(`cache-${crypto.randomUUID()}`);
    let t = 0;
    const store = dexieTranslationStore(db, { maxEntries: 3, trimEvery: 1000, now: () => ++t });
    for (const n of [1, 2, 3, 4, 5]) await store.set(`k${n}`, `v${n}`);
    expect(await store.trim()).toBe(2);
    expect((await db.translations.toCollection().primaryKeys()).sort()).toEqual(['k3', 'k4', 'k5']);
    expect(await store.get('k1')).toBeUndefined();
  });
});

describe('translation.preview', () => {
  const hostWith = (translator: ReturnType<typeof translatorFor>) =>
    translationHandlers({ current: () => translator, ready: Promise.resolve(), refresh: () => Promise.resolve(), settings: () => translatorSettingsOf(null) });
  const preview = (handlers: ReturnType<typeof hostWith>, payload: Parameters<NonNullable<ReturnType<typeof hostWith>['translation.preview']>>[0]) =>
    handlers['translation.preview']!(payload, {});
  const model = () => tableModel(TABLE);

  test('translates for review, with the engine, and round-trips when asked', async () => {
    const handlers = hostWith(translatorFor(settings({ kind: 'model', providerId: 'remote' }), { apiKeyFor: keys, providerFor: () => model().provider }));
    const reply = await preview(handlers, { text: 'Is lying ever right?', source: 'en', target: 'de', roundTrip: true });
    expect(reply).toMatchObject({
      translation: 'Ist Lügen jemals richtig?',
      engine: { label: 'mt-1 on mt.example', onDevice: false, model: 'mt-1' },
      roundTrip: 'Is lying ever right?',
      drift: { drifted: false },
    });
  });

  test('a translation that lost its negation is flagged by the round trip', async () => {
    const handlers = hostWith(translatorFor(settings({ kind: 'model', providerId: 'remote' }), { apiKeyFor: keys, providerFor: () => model().provider }));
    const reply = await preview(handlers, { text: 'Should you never lie twice?', source: 'en', target: 'de', roundTrip: true });
    expect(reply.drift).toMatchObject({ drifted: true, reason: expect.stringMatching(/negation was lost/) });
  });

  test('a given translation (edited, or made at run time) is only checked, not translated again', async () => {
    const m = model();
    const handlers = hostWith(translatorFor(settings({ kind: 'model', providerId: 'remote' }), { apiKeyFor: keys, providerFor: () => m.provider }));
    const reply = await preview(handlers, {
      text: 'Is lying ever right?',
      source: 'en',
      target: 'de',
      translation: 'Ist Lügen immer richtig?',
      roundTrip: true,
    });
    expect(reply).toMatchObject({ translation: 'Ist Lügen immer richtig?', engine: null, roundTrip: 'Is lying always right?' });
    expect(m.calls).toHaveLength(1); // the way back only
  });

  test('engine "none": says to type the translation; the same language passes through', async () => {
    const handlers = hostWith(undefined);
    await expect(preview(handlers, { text: 'Hi', source: 'en', target: 'sw' })).rejects.toThrow(
      'Translation is set to “none” in Settings → Translation: type the Swahili prompt yourself, or choose an engine there.',
    );
    expect(await preview(handlers, { text: 'Hi', source: 'en', target: 'en-GB' })).toEqual({ translation: 'Hi', engine: null });
  });

  test('a failed way back keeps the translation and says the check could not be made', async () => {
    let n = 0;
    const flaky = {
      id: 'f',
      label: 'Flaky',
      onDevice: true,
      translate: async (text: string) => (++n === 1 ? `[de] ${text}` : Promise.reject(new Error('server down'))),
    };
    const reply = await preview(hostWith(flaky), { text: 'Hi', source: 'en', target: 'de', roundTrip: true });
    expect(reply).toMatchObject({ translation: '[de] Hi', roundTripError: 'Could not translate it back into English to check it: server down' });
  });
});

describe('the runner reads the translator as each run starts', () => {
  test('changing the engine in settings applies to the next run, without restarting the runner', async () => {
    const { createRunner } = await import('@/utils/core/runner/runner');
    const { memoryRunStore } = await import('@/utils/core/runner/memory-store');
    const { planComparison } = await import('@/utils/core/runner/plan');
    const echo: ChatProvider = {
      kind: 'openai-compatible',
      name: 'Echo',
      async *stream(_c, req) {
        yield { type: 'text', text: `ok: ${req.messages.at(-1)!.content}` };
      },
    };
    const tagger = (tag: string) => ({ id: tag, label: tag, onDevice: true, translate: async (text: string) => `[${tag}] ${text}` });
    let current = tagger('first');
    const store = memoryRunStore();
    const runner = createRunner({
      store,
      providerFor: () => echo,
      apiKeyFor: async () => undefined,
      get translator() {
        return current;
      },
    });
    let n = 0;
    const ask = async () => {
      const { comparison, runs } = planComparison({
        prompt: 'Hello there, how are you?',
        language: 'en',
        source: { kind: 'panel' },
        providers: [remote],
        now: 1,
        newId: () => `id-${++n}`,
        languages: ['de'],
      });
      store.add(comparison, runs);
      await runner.wake();
      await runner.idle();
      return store.runsOf(comparison.id)[0]!;
    };
    expect((await ask()).translatedPrompt).toBe('[first] Hello there, how are you?');
    current = tagger('second');
    const second = await ask();
    expect(second.translatedPrompt).toBe('[second] Hello there, how are you?');
    expect(second.translation?.engine).toBe('second');
  });
});

describe('the host translator re-reads settings', () => {
  test('the same settings keep the same translator (Chrome sessions stay open); a changed engine builds a new one', async () => {
    const { hostTranslator } = await import('@/utils/platform/runner-host/translator-for');
    let stored: Settings = settings({ kind: 'chrome' });
    const host = hostTranslator(keys, { read: async () => stored });
    await host.ready;
    const first = host.current();
    expect(first?.id).toBe('chrome');
    stored = { ...stored, paused: true }; // unrelated to translation
    await host.refresh();
    expect(host.current()).toBe(first);
    stored = settings({ kind: 'none' });
    await host.refresh();
    expect(host.current()).toBeUndefined();
  });
});
