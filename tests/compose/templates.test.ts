import { describe, expect, test } from 'vitest';
import { cleanAxes, startingAxes, withTemplate, withoutTemplate, type ComposerPrefs } from '@/utils/platform/storage/templates';
import { COUNTRY_PERSONAS, customPersona } from '@/utils/core/runner/personas';
import { composeSpec } from '@/utils/platform/messaging/protocol-compose';
import type { ProviderConfig } from '@/utils/core/providers/types';

const providers: ProviderConfig[] = [
  { id: 'a', kind: 'openai-compatible', label: 'A', baseUrl: 'http://127.0.0.1:1/v1', model: 'a' },
  { id: 'b', kind: 'anthropic', label: 'B', baseUrl: 'https://api.anthropic.com/v1', model: 'b' },
];
const empty: ComposerPrefs = { last: null, templates: [], defaultTemplateId: null, customPersonas: [] };

describe('where a new composition starts', () => {
  test.each([
    ['nothing remembered: every endpoint, as written, once', empty, { languages: [], personas: [], repetitions: 1 }],
    [
      'the last-used axes',
      { ...empty, last: { providerIds: ['b'], languages: ['de'], personas: [], repetitions: 3 } },
      { providerIds: ['b'], languages: ['de'], personas: [], repetitions: 3 },
    ],
    [
      'the default template wins over the last-used axes',
      {
        ...empty,
        last: { providerIds: ['b'], languages: [], personas: [], repetitions: 1 },
        templates: [{ id: 't', name: 'T', providerIds: ['a'], languages: ['ja'], personas: [], repetitions: 2 }],
        defaultTemplateId: 't',
      },
      { providerIds: ['a'], languages: ['ja'], personas: [], repetitions: 2 },
    ],
    [
      'an endpoint deleted since is dropped',
      { ...empty, last: { providerIds: ['a', 'gone'], languages: [], personas: [], repetitions: 1 } },
      { providerIds: ['a'], languages: [], personas: [], repetitions: 1 },
    ],
  ])('%s', (_name, prefs, expected) => {
    expect(startingAxes(prefs, providers)).toEqual(expected);
  });

  test.each([
    [{ repetitions: 0 }, 1],
    [{ repetitions: 50 }, 10],
    [{ repetitions: 4.7 }, 4],
  ])('repetitions %o are kept within 1–10 → %d', (over, repetitions) => {
    expect(cleanAxes({ languages: [], personas: [], ...over }, providers).repetitions).toBe(repetitions);
  });

  test('temperature is kept within 0–2', () => {
    expect(cleanAxes({ languages: [], personas: [], repetitions: 1, temperature: 3 }, providers).temperature).toBe(2);
    expect(cleanAxes({ languages: [], personas: [], repetitions: 1, temperature: Number.NaN }, providers).temperature).toBeUndefined();
  });
});

describe('templates', () => {
  const axes = { providerIds: ['a'], languages: ['de', 'ja'], personas: COUNTRY_PERSONAS.slice(0, 2), repetitions: 3 };

  test('saving under a name adds it; the same name again replaces it; removing also clears the default', () => {
    let n = 0;
    const newId = () => `t${++n}`;
    const first = withTemplate(empty, 'Two countries', axes, newId);
    expect(first.prefs.templates).toEqual([{ ...axes, id: 't1', name: 'Two countries' }]);
    const again = withTemplate({ ...first.prefs, defaultTemplateId: 't1' }, ' two COUNTRIES ', { ...axes, repetitions: 5 }, newId);
    expect(again.prefs.templates).toHaveLength(1);
    expect(again.prefs.templates[0]).toMatchObject({ id: 't1', repetitions: 5 });
    expect(withoutTemplate(again.prefs, 't1')).toMatchObject({ templates: [], defaultTemplateId: null });
  });

  test('a template needs a name', () => {
    expect(() => withTemplate(empty, '  ', axes)).toThrow('Give the template a name.');
  });
});

describe('personas', () => {
  test('built-in country personas: at least eight, distinct, in English, each a valid composition', () => {
    expect(COUNTRY_PERSONAS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(COUNTRY_PERSONAS.map((p) => p.id)).size).toBe(COUNTRY_PERSONAS.length);
    for (const p of COUNTRY_PERSONAS) expect(p.systemPrompt).toMatch(new RegExp(`^Answer as a typical person from (the )?${p.label} would\\.`));
    expect(composeSpec({ text: 'q', personas: COUNTRY_PERSONAS.slice(0, 20) })).toBeNull();
  });

  test('a user-written persona is named by its label, or its first words', () => {
    expect(customPersona('Teacher', '  You are a school teacher.  ', () => '1')).toEqual({
      id: 'custom-1',
      label: 'Teacher',
      systemPrompt: 'You are a school teacher.',
    });
    expect(customPersona('', 'You are a farmer in Kenya who has seen droughts.', () => '2').label).toBe('You are a farmer in Kenya who has seen d');
  });
});
