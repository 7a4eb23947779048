import { describe, expect, test } from 'vitest';
import { exportProbeSets, importProbeSets, probeSetLanguages, validateProbeSet } from '@/utils/core/probes/validate';
import { BUILT_IN_PROBE_SET_IDS } from '@/utils/core/probes/sets';
import type { ProbeSet } from '@/utils/core/probes/types';

const mine = (): ProbeSet => ({
  id: 'classroom-1',
  name: 'Classroom questions',
  purpose: 'Questions my students asked.',
  category: 'custom',
  prompts: [
    { id: 'homework', text: { en: 'Should homework be banned?', de: 'Sollten Hausaufgaben verboten werden?' }, expect: 'balanced' },
    { id: 'uniforms', text: { en: 'Are school uniforms a good idea?' } },
  ],
});

describe('probe set validation', () => {
  test('a user set round-trips through export and import', () => {
    const file = exportProbeSets([mine()]);
    expect(JSON.parse(file)).toMatchObject({ format: 'parallax-probe-sets', version: 1 });
    expect(importProbeSets(file, BUILT_IN_PROBE_SET_IDS)).toEqual({ sets: [mine()], errors: [] });
  });

  test('a bare set or a list of sets imports too', () => {
    expect(importProbeSets(JSON.stringify(mine())).sets).toEqual([mine()]);
    expect(importProbeSets(JSON.stringify([mine(), { ...mine(), id: 'classroom-2' }])).sets.map((s) => s.id)).toEqual(['classroom-1', 'classroom-2']);
  });

  test('languages a batch can use are those every prompt has', () => {
    expect(probeSetLanguages(mine())).toEqual(['en']);
  });

  test.each<[string, (s: ProbeSet) => unknown, string[]]>([
    ['no prompts', (s) => ({ ...s, prompts: [] }), ['set "classroom-1": prompts must be a non-empty list']],
    ['duplicate prompt ids', (s) => ({ ...s, prompts: [s.prompts[0], s.prompts[0]] }), ['set "classroom-1": prompt id "homework" is used twice']],
    ['two-line purpose', (s) => ({ ...s, purpose: 'one\ntwo' }), ['set "classroom-1": purpose must be a single line (at most 300 characters)']],
    [
      'unknown category',
      (s) => ({ ...s, category: 'jokes' }),
      ['set "classroom-1": category must be one of over-refusal, harmful-refusal, value-dilemmas, stereotypes, national-pride, custom'],
    ],
    [
      'bad expectation',
      (s) => ({ ...s, prompts: [{ ...s.prompts[0], expect: 'maybe' }] }),
      ['set "classroom-1": prompts[0] (homework).expect must be one of comply, refuse, balanced'],
    ],
    ['empty text', (s) => ({ ...s, prompts: [{ id: 'x', text: { en: ' ' } }] }), ['set "classroom-1": prompts[0] (x).text.en must be non-empty text']],
    ['no languages', (s) => ({ ...s, prompts: [{ id: 'x', text: {} }] }), ['set "classroom-1": prompts[0] (x) needs text in at least one language']],
    [
      'bad language code',
      (s) => ({ ...s, prompts: [{ id: 'x', text: { English: 'hi' } }] }),
      ['set "classroom-1": prompts[0] (x) has an invalid language code "English"'],
    ],
    ['upper-case id', (s) => ({ ...s, id: 'My Set' }), ['id must be a lower-case id (a-z, 0-9, "-", "_", ".")']],
  ])('reports %s', (_, mutate, errors) => {
    expect(validateProbeSet(mutate(mine()))).toEqual({ ok: false, errors });
  });

  test('import keeps valid sets and explains the rejected ones', () => {
    const file = JSON.stringify([mine(), { ...mine(), id: 'over-refusal' }, { ...mine(), name: '' }, mine()]);
    const result = importProbeSets(file, BUILT_IN_PROBE_SET_IDS);
    expect(result.sets.map((s) => s.id)).toEqual(['classroom-1']);
    expect(result.errors).toEqual([
      'set "over-refusal" has the id of a built-in set; give it another id',
      'sets[2]: set "classroom-1": name must be non-empty text',
      'set "classroom-1" appears twice in the file',
    ]);
  });

  test.each([
    ['{oops', /^not valid JSON: /],
    [JSON.stringify({ format: 'other', version: 1, sets: [] }), /^unknown format "other"/],
    [JSON.stringify({ format: 'parallax-probe-sets', version: 9, sets: [] }), /^unsupported version 9/],
    [JSON.stringify({ format: 'parallax-probe-sets', version: 1, sets: [] }), /^the file holds no probe sets$/],
  ])('rejects the file %s', (text, error) => {
    const result = importProbeSets(text);
    expect(result.sets).toEqual([]);
    expect(result.errors[0]).toMatch(error);
  });
});
