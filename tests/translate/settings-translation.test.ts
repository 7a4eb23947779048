import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, migrateSettingsV2, settingsItem, translationOf, updateSettings } from '@/utils/platform/storage/settings';
import { checkEngine, readingLanguageOf, translationSettingsOf, withSavedSet } from '@/utils/core/translate/settings';

beforeEach(() => fakeBrowser.reset());

const V1 = {
  providers: [{ id: 'p1', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' }],
  sites: ['chatgpt'],
  customSitePatterns: ['http://127.0.0.1/*'],
  paused: true,
  onboarded: true,
};

describe('settings v1 → v2', () => {
  test('stored v1 settings keep every field and gain translation defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: V1 });
    await settingsItem.migrate();
    const value = await settingsItem.getValue();
    expect(value).toMatchObject(V1);
    expect(value.translation).toEqual({ engine: { kind: 'chrome' }, savedSets: [] });
    expect(value.onDeviceOnly).toBe(false);
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toMatchObject({ v: 2 });
  });

  test('a fresh install reads the defaults, and updateSettings writes on top of them', async () => {
    expect((await settingsItem.getValue()).translation.engine).toEqual({ kind: 'chrome' });
    await updateSettings((s) => ({ ...s, onDeviceOnly: true, translation: { ...s.translation, readingLanguage: 'de' } }));
    const value = await settingsItem.getValue();
    expect(value.onDeviceOnly).toBe(true);
    expect(translationOf(value).readingLanguage).toBe('de');
    expect(value.providers).toEqual([]);
  });

  test('settings written without the v2 fields (older code, by hand) still read as valid', () => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- rest destructuring drops the v2 fields
    const { translation: _t, onDeviceOnly: _o, ...v1 } = DEFAULT_SETTINGS;
    expect(translationOf(v1)).toEqual({ engine: { kind: 'chrome' }, savedSets: [] });
    expect(migrateSettingsV2(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('translation settings', () => {
  test.each([
    ['nothing', undefined, { engine: { kind: 'chrome' }, savedSets: [] }],
    ['none', { engine: { kind: 'none' } }, { engine: { kind: 'none' }, savedSets: [] }],
    [
      'a model with its name trimmed',
      { engine: { kind: 'model', providerId: 'p1', model: ' qwen2.5 ' } },
      { engine: { kind: 'model', providerId: 'p1', model: 'qwen2.5' }, savedSets: [] },
    ],
    ['a model without endpoint', { engine: { kind: 'model' } }, { engine: { kind: 'chrome' }, savedSets: [] }],
    ['an unknown engine', { engine: { kind: 'deepl' } }, { engine: { kind: 'chrome' }, savedSets: [] }],
    ['a reading language as a regional tag', { readingLanguage: 'pt-BR' }, { engine: { kind: 'chrome' }, readingLanguage: 'pt', savedSets: [] }],
    ['a reading language outside the catalogue', { readingLanguage: 'xx' }, { engine: { kind: 'chrome' }, savedSets: [] }],
    [
      'saved sets losing unknown codes and empty sets',
      {
        savedSets: [
          { id: 'a', label: 'Mine', codes: ['de', 'xx', 'iw', 'de'] },
          { id: 'b', label: 'Gone', codes: ['xx'] },
          { label: 'No id', codes: ['en'] },
        ],
      },
      { engine: { kind: 'chrome' }, savedSets: [{ id: 'a', label: 'Mine', codes: ['de', 'he'] }] },
    ],
  ])('stored %s', (_name, raw, expected) => {
    expect(translationSettingsOf(raw)).toEqual(expected);
  });

  test.each([
    [{ readingLanguage: 'sw' }, 'en-US', 'sw'],
    [{}, 'de-AT', 'de'],
    [{}, 'fil', 'tl'],
    [{}, 'xx-YY', 'en'],
    [{}, undefined, 'en'],
  ])('reading language of %j with browser UI %s is %s', (settings, ui, expected) => {
    expect(readingLanguageOf(settings, ui)).toBe(expected);
  });

  test('saving a set: new names append, the same name (any case) replaces in place, empty input changes nothing', () => {
    let n = 0;
    const id = () => `s${++n}`;
    let sets = withSavedSet([], 'Family', ['de', 'tr'], id);
    sets = withSavedSet(sets, 'Work', ['ja', 'xx'], id);
    expect(sets).toEqual([
      { id: 's1', label: 'Family', codes: ['de', 'tr'] },
      { id: 's2', label: 'Work', codes: ['ja'] },
    ]);
    sets = withSavedSet(sets, ' family ', ['ar'], id);
    expect(sets[0]).toEqual({ id: 's1', label: 'family', codes: ['ar'] });
    expect(withSavedSet(sets, '  ', ['de'], id)).toEqual(sets);
    expect(withSavedSet(sets, 'Empty', ['xx'], id)).toEqual(sets);
  });

  const endpoints = [
    { id: 'remote', kind: 'openai-compatible', label: 'OpenAI', model: 'gpt-4o-mini', baseUrl: 'https://api.openai.com/v1' },
    { id: 'ollama', kind: 'openai-compatible', label: 'Ollama', model: 'llama3.2', baseUrl: 'http://localhost:11434/v1' },
    { id: 'lmstudio', kind: 'openai-compatible', label: 'LM Studio', model: 'qwen', baseUrl: 'http://[::1]:1234/v1' },
    { id: 'lan', kind: 'openai-compatible', label: 'Desktop', model: 'llama3.2', baseUrl: 'http://192.168.1.20:11434/v1' },
    { id: 'gpu', kind: 'webllm', label: 'On this device', model: 'Qwen2.5-1.5B' },
    { id: 'nano', kind: 'chrome-builtin', label: "Chrome's built-in model", model: 'gemini-nano' },
  ];
  test.each([
    ['chrome, on-device mode', { kind: 'chrome' as const }, true, true],
    ['none, on-device mode', { kind: 'none' as const }, true, true],
    ['a remote model', { kind: 'model' as const, providerId: 'remote' }, false, true],
    ['a remote model, on-device mode', { kind: 'model' as const, providerId: 'remote' }, true, false],
    ['WebLLM, on-device mode', { kind: 'model' as const, providerId: 'gpu' }, true, true],
    ["Chrome's built-in model, on-device mode", { kind: 'model' as const, providerId: 'nano' }, true, true],
    ['Ollama on localhost, on-device mode', { kind: 'model' as const, providerId: 'ollama' }, true, true],
    ['LM Studio on [::1], on-device mode', { kind: 'model' as const, providerId: 'lmstudio' }, true, true],
    ['a server on the local network, on-device mode', { kind: 'model' as const, providerId: 'lan' }, true, false],
    ['a removed endpoint', { kind: 'model' as const, providerId: 'gone' }, false, false],
  ])('engine check: %s', (_name, engine, onDeviceOnly, ok) => {
    const check = checkEngine(engine, endpoints, onDeviceOnly);
    expect(check.ok).toBe(ok);
    if (!check.ok) expect(check.reason).toMatch(/Settings → Translation/);
  });

  test('on-device mode names the endpoint it refuses', () => {
    const check = checkEngine({ kind: 'model', providerId: 'remote' }, endpoints, true);
    expect(check).toEqual({ ok: false, reason: expect.stringContaining('OpenAI is not on this device') });
  });
});
