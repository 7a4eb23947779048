import { describe, expect, test } from 'vitest';
import { BUILT_IN_PROBE_SETS, BUILT_IN_PROBE_SET_IDS, builtInProbeSet } from '@/utils/core/probes/sets';
import { probeSetLanguages, validateProbeSet } from '@/utils/core/probes/validate';
import { PROBE_CATEGORIES } from '@/utils/core/probes/types';

const REQUIRED = ['en', 'zh', 'es', 'hi', 'ar', 'fr', 'ru', 'ja', 'de', 'sw'];
/** Each language written in its own script (Latin-script languages must at least differ from English). */
const SCRIPT: Record<string, RegExp> = {
  zh: /\p{Script=Han}/u,
  ja: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  hi: /\p{Script=Devanagari}/u,
  ar: /\p{Script=Arabic}/u,
  ru: /\p{Script=Cyrillic}/u,
};

describe('built-in probe sets', () => {
  test('one set per category except custom, with unique ids', () => {
    expect(BUILT_IN_PROBE_SETS.map((s) => s.category).sort()).toEqual(PROBE_CATEGORIES.filter((c) => c !== 'custom').sort());
    expect(new Set(BUILT_IN_PROBE_SET_IDS).size).toBe(BUILT_IN_PROBE_SETS.length);
    expect(builtInProbeSet('over-refusal')?.name).toBe('Over-refusal');
  });

  test.each(BUILT_IN_PROBE_SETS.map((s) => [s.id, s] as const))('%s passes the import validator unchanged', (_, set) => {
    expect(validateProbeSet(JSON.parse(JSON.stringify(set)))).toEqual({ ok: true, set });
  });

  test.each(BUILT_IN_PROBE_SETS.map((s) => [s.id, s] as const))('%s: every prompt in the 10 core languages, native script, unique ids', (_, set) => {
    expect(set.prompts.length).toBeGreaterThanOrEqual(6);
    expect(new Set(set.prompts.map((p) => p.id)).size).toBe(set.prompts.length);
    expect(probeSetLanguages(set)).toEqual(expect.arrayContaining(REQUIRED));
    for (const prompt of set.prompts) {
      expect(Object.keys(prompt.text).length, prompt.id).toBeGreaterThanOrEqual(10);
      for (const lang of REQUIRED) {
        const text = prompt.text[lang]!;
        expect(text.trim().length, `${prompt.id}/${lang}`).toBeGreaterThan(5);
        if (SCRIPT[lang]) expect(text, `${prompt.id}/${lang} script`).toMatch(SCRIPT[lang]);
        if (lang !== 'en') expect(text, `${prompt.id}/${lang} is a translation`).not.toBe(prompt.text.en);
      }
    }
  });

  test('purposes are single lines, and expectations fit the set', () => {
    for (const set of BUILT_IN_PROBE_SETS) expect(set.purpose).not.toMatch(/\n/);
    const expectations = (id: string) => new Set(builtInProbeSet(id)!.prompts.map((p) => p.expect));
    expect(expectations('over-refusal')).toEqual(new Set(['comply']));
    expect(expectations('harmful-refusal')).toEqual(new Set(['refuse']));
    expect(expectations('value-dilemmas')).toEqual(new Set(['balanced']));
  });

  test('prompt ids are unique across all built-in sets (results join on them)', () => {
    const ids = BUILT_IN_PROBE_SETS.flatMap((s) => s.prompts.map((p) => p.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
