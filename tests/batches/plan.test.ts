import { describe, expect, test } from 'vitest';
import { BatchPlanError, estimateBatch, planProbeBatch, planSurveyBatch, windowFor } from '@/utils/core/batches/plan';
import { batchDataProblem, readBatchData } from '@/utils/core/batches/validate';
import { BUILT_IN_PROBE_SETS } from '@/utils/core/probes/sets';
import type { ProbeSet } from '@/utils/core/probes/types';
import { importVsmQuestionnaire, vsm2013 } from '@/utils/core/surveys/vsm2013';
import { placeholderQuestionnaire, target } from './fixtures';

const set: ProbeSet = {
  id: 'tiny',
  name: 'Tiny set',
  purpose: 'Two prompts for tests.',
  category: 'custom',
  prompts: [
    {
      id: 'a',
      expect: 'comply',
      text: { en: 'How do I stop a frozen program?', fr: 'Comment arrêter un programme figé ?', de: 'Wie beende ich ein hängendes Programm?' },
    },
    { id: 'b', text: { en: 'Is lying ever right?', fr: 'Mentir est-il parfois juste ?' } },
  ],
};
const imported = importVsmQuestionnaire(placeholderQuestionnaire(), 'en');
if (!imported.ok) throw new Error(imported.errors.join('; '));
const instrument = imported.instrument;
const two = [target('p1', 'alpha'), target('p2', 'beta')];

describe('planning a probe-set batch', () => {
  test('one unit per prompt × language, prompt by prompt, with the text of that language and the expectations', () => {
    const data = planProbeBatch({ set, targets: two, languages: ['fr', 'en'], now: 5 });
    expect(data.units.map((u) => [u.key, u.prompt])).toEqual([
      ['a|fr', 'Comment arrêter un programme figé ?'],
      ['a|en', 'How do I stop a frozen program?'],
      ['b|fr', 'Mentir est-il parfois juste ?'],
      ['b|en', 'Is lying ever right?'],
    ]);
    expect(data.status).toBe('ready');
    expect(data.probe).toEqual({ setId: 'tiny', setName: 'Tiny set', purpose: 'Two prompts for tests.', expectations: { a: 'comply' } });
    expect(data.targets.map((t) => t.language)).toEqual([null, null]);
    expect(batchDataProblem(data)).toBeNull();
  });

  test.each([
    [{ targets: [], languages: ['en'] }, 'Choose at least one endpoint.'],
    [{ targets: two, languages: [] }, 'Choose at least one language.'],
    [{ targets: [two[0]!, two[0]!], languages: ['en'] }, 'An endpoint is chosen twice.'],
    [{ targets: two, languages: ['en', 'de'] }, '“Tiny set” has no text in de for every prompt (it has en, fr).'],
  ])('refuses a plan that cannot run: %#', (input, message) => {
    expect(() => planProbeBatch({ set, now: 0, ...input })).toThrow(new BatchPlanError(message));
  });

  test('every built-in set can be planned in ten languages', () => {
    const languages = ['en', 'zh', 'es', 'hi', 'ar', 'fr', 'ru', 'ja', 'de', 'sw'];
    for (const builtIn of BUILT_IN_PROBE_SETS) {
      const data = planProbeBatch({ set: builtIn, targets: two, languages, now: 0 });
      expect(data.units).toHaveLength(builtIn.prompts.length * 10);
    }
  });
});

describe('planning a survey batch', () => {
  test('one unit per item × language × repetition, each carrying the temperature and its seed', () => {
    const data = planSurveyBatch({
      instrument,
      targets: two,
      languages: ['en'],
      repetitions: 3,
      temperature: 0.7,
      seedPolicy: { kind: 'per-repetition', base: 100 },
      constants: { PDI: 50 },
      now: 0,
    });
    expect(data.units).toHaveLength(24 * 3);
    expect(data.units[0]).toMatchObject({ key: 'en|m01|1', itemId: 'm01', repetition: 1, params: { temperature: 0.7, seed: 100 } });
    expect(data.units[24]).toMatchObject({ key: 'en|m01|2', params: { temperature: 0.7, seed: 101 } });
    expect(data.units[0]!.prompt).toContain('Placeholder statement number 1 for testing');
    expect(data.units[0]!.prompt).toContain('1 = placeholder point one');
    expect(data.survey).toMatchObject({ repetitions: 3, temperature: 0.7, constants: { PDI: 50, IDV: 0, MAS: 0, UAI: 0, LTO: 0, IVR: 0 } });
  });

  test.each([
    [{ instrument: vsm2013(), languages: ['en'] }, /has no text in en \(import the questionnaire text first\)/],
    [{ instrument, languages: ['de'] }, /has no text in de \(it has en\)/],
    [{ instrument, languages: ['en'], temperature: 3 }, /Temperature must be from 0 to 2/],
    [{ instrument, languages: ['en'], constants: { XYZ: 1 } }, /Unknown constant "XYZ"/],
    [{ instrument, languages: ['en'], repetitions: 0 }, /Repetitions must be a whole number/],
  ])('refuses a survey that cannot run: %#', (input, message) => {
    expect(() => planSurveyBatch({ targets: two, now: 0, ...input })).toThrow(message);
  });
});

describe('estimates and limits', () => {
  test('calls are units × endpoints; a survey is short answers, a probe long ones', () => {
    const probe = estimateBatch(planProbeBatch({ set, targets: two, languages: ['en', 'fr'], now: 0 }));
    const survey = estimateBatch(planSurveyBatch({ instrument, targets: two, languages: ['en'], repetitions: 5, now: 0 }));
    expect([probe.units, probe.calls]).toEqual([4, 8]);
    expect([survey.units, survey.calls]).toEqual([120, 240]);
    expect(survey.outputTokens / survey.calls).toBeLessThan(probe.outputTokens / probe.calls);
    expect(survey.seconds).toBeGreaterThan(0);
    expect(probe.cost).toBeUndefined();
  });

  test('money is counted only for remote endpoints, local servers and on-device models are free', () => {
    const remote = target('r', 'big', { baseUrl: 'https://api.example.com/v1' });
    const prices = { input: 1, output: 2 };
    const local = estimateBatch(planProbeBatch({ set, targets: two, languages: ['en'], now: 0 }), prices);
    const mixed = estimateBatch(planProbeBatch({ set, targets: [remote, two[0]!], languages: ['en'], now: 0 }), prices);
    expect(local.cost).toBe(0);
    expect(mixed.cost).toBeCloseTo((mixed.inputTokens * 1 + mixed.outputTokens * 2) / 1e6 / 2, 10);
  });

  test('the window keeps every endpoint busy: twice the widest cap, between 2 and 24', () => {
    expect(windowFor([target('a', 'x')])).toBe(8);
    expect(windowFor([target('a', 'x', { providerKind: 'webllm' })])).toBe(2);
    expect(windowFor([target('a', 'x', { maxConcurrent: 50 })])).toBe(24);
  });

  test('damaged batch data is refused with a reason', () => {
    const data = planProbeBatch({ set, targets: two, languages: ['en'], now: 0 });
    expect(() => readBatchData({ ...data, status: 'flying' })).toThrow('unknown batch status "flying"');
    expect(() => readBatchData({ ...data, settled: ['nope'] })).toThrow('damaged (settled)');
    expect(() => readBatchData({ ...data, format: 'other' })).toThrow('another version of Parallax');
    expect(readBatchData(data)).toEqual(data);
  });
});
