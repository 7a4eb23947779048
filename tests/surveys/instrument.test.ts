import { describe, expect, test } from 'vitest';
import { caveatsIn, instrumentLanguages, validateInstrument } from '@/utils/core/surveys/instrument';
import { scoreInstrument } from '@/utils/core/surveys/score';

/** A two-item instrument written for this test (also the shape docs/INSTRUMENTS.md describes). */
const tiny = () => ({
  id: 'tea-coffee',
  name: 'Tea or coffee',
  version: '1',
  scales: [{ id: 'agree', points: [1, 2, 3, 4].map((value) => ({ value, label: { en: `level ${value}`, de: `Stufe ${value}` } })) }],
  items: [
    { id: 'tea', text: { en: 'I enjoy tea.', de: 'Ich trinke gern Tee.' }, scale: 'agree' },
    { id: 'coffee', text: { en: 'I enjoy coffee.', de: 'Ich trinke gern Kaffee.' }, scale: 'agree' },
  ],
  indices: [
    {
      id: 'TCI',
      name: 'Tea over coffee',
      terms: [
        { item: 'tea', weight: -10 },
        { item: 'coffee', weight: 10 },
      ],
      constant: { name: 'tc', default: 5 },
    },
  ],
  caveats: [{ en: 'A toy instrument.', de: 'Ein Spielzeug.' }],
});

describe('validateInstrument', () => {
  test('accepts a complete instrument and scores it with its default constant', () => {
    const result = validateInstrument(tiny());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(instrumentLanguages(result.instrument)).toEqual(['en', 'de']);
    expect(caveatsIn(result.instrument, 'de')).toEqual(['Ein Spielzeug.']);
    expect(caveatsIn(result.instrument, 'fr')).toEqual(['A toy instrument.']);
    // −10 × 1 + 10 × 3.5 + 5
    expect(scoreInstrument(result.instrument, { tea: 1, coffee: [3, 4] })).toEqual({ TCI: 30 });
    expect(scoreInstrument(result.instrument, { tea: 1, coffee: 4 }, { TCI: 0 })).toEqual({ TCI: 30 });
  });

  test.each<[string, (j: ReturnType<typeof tiny>) => unknown, string[]]>([
    ['not an object', () => [], ['an instrument must be a JSON object']],
    ['bad id', (j) => ({ ...j, id: '9 lives' }), ['id must be an id (letters, digits, "_", "-", "."; starting with a letter)']],
    ['unknown scale', (j) => ({ ...j, items: [{ ...j.items[0], scale: 'nope' }, j.items[1]] }), ['items[0] (tea) refers to unknown scale "nope"']],
    ['duplicate item', (j) => ({ ...j, items: [j.items[0], j.items[0]] }), ['item id "tea" is used twice', 'indices[0] (TCI) uses unknown item "coffee"']],
    [
      'text missing in one language',
      (j) => ({ ...j, items: [j.items[0], { ...j.items[1], text: { en: 'I enjoy coffee.' } }] }),
      ['language "de" has no text for item(s) coffee'],
    ],
    [
      'descending scale',
      (j) => ({
        ...j,
        scales: [
          {
            id: 'agree',
            points: [
              { value: 2, label: {} },
              { value: 1, label: {} },
            ],
          },
        ],
      }),
      ['scales[0] (agree) point values must ascend'],
    ],
    [
      'non-numeric weight',
      (j) => ({ ...j, indices: [{ ...j.indices[0], terms: [{ item: 'tea', weight: 'ten' }] }] }),
      ['indices[0].terms[0] must be { "item": id, "weight": number }'],
    ],
    ['empty caveat', (j) => ({ ...j, caveats: [{}] }), ['caveats[0] needs text in at least one language']],
    ['bad language code', (j) => ({ ...j, caveats: [{ English: 'x' }] }), ['caveats[0] has an invalid language code "English"']],
  ])('reports %s', (_, mutate, errors) => {
    expect(validateInstrument(mutate(tiny()))).toEqual({ ok: false, errors });
  });
});
