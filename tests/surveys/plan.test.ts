import { describe, expect, test } from 'vitest';
import { estimateSurvey, estimateTokens, planSurvey, SurveyPlanError } from '@/utils/core/surveys/plan';
import { importVsmQuestionnaire, vsm2013 } from '@/utils/core/surveys/vsm2013';
import { ANSWER_INSTRUCTIONS, itemPrompt } from '@/utils/core/surveys/prompt-template';
import type { Instrument } from '@/utils/core/surveys/instrument';

// A stand-in questionnaire (no VSM wording): shared scale on top, 24 items.
function imported(languages: string[]): Instrument {
  let instrument = vsm2013();
  for (const lang of languages) {
    const text = [
      '1 = L1',
      '2 = L2',
      '3 = L3',
      '4 = L4',
      '5 = L5',
      ...Array.from({ length: 24 }, (_, i) => `${String(i + 1).padStart(2, '0')}. ${lang} question ${i + 1}`),
    ].join('\n');
    const result = importVsmQuestionnaire(text, lang, instrument);
    if (!result.ok) throw new Error(result.errors.join());
    instrument = result.instrument;
  }
  return instrument;
}

const targets = [{ id: 'local-llama' }, { id: 'gpt' }];

describe('planSurvey', () => {
  test('24 items × 2 targets × 2 languages × 5 repetitions (default) = 480 unique prompts', () => {
    const plan = planSurvey({ instrument: imported(['en', 'de']), targets, languages: ['en', 'de'] });
    expect(plan.counts).toEqual({ items: 24, targets: 2, languages: 2, repetitions: 5, calls: 480 });
    expect(new Set(plan.prompts.map((p) => p.key)).size).toBe(480);
    expect(plan.prompts[0]).toMatchObject({ key: 'local-llama|en|m01|1', repetition: 1 });
    expect(plan.prompts[479]).toMatchObject({ key: 'gpt|de|m24|5' });
  });

  test('the item prompt is in the item language, lists labelled options and asks for the number only', () => {
    const plan = planSurvey({ instrument: imported(['de']), targets: [targets[0]!], languages: ['de'], repetitions: 1 });
    expect(plan.prompts[0]!.text).toBe('de question 1\n\n1 = L1\n2 = L2\n3 = L3\n4 = L4\n5 = L5\n\nAntworte nur mit einer einzigen Zahl von 1 bis 5.');
    // m15 has no labels of its own in this questionnaire: no option list, just the instruction.
    expect(plan.prompts.find((p) => p.itemId === 'm15')!.text).toBe('de question 15\n\nAntworte nur mit einer einzigen Zahl von 1 bis 5.');
  });

  test.each([
    [{ kind: 'none' } as const, [undefined, undefined, undefined]],
    [{ kind: 'fixed', seed: 7 } as const, [7, 7, 7]],
    [{ kind: 'per-repetition', base: 100 } as const, [100, 101, 102]],
  ])('seed policy %j', (seedPolicy, seeds) => {
    const plan = planSurvey({ instrument: imported(['en']), targets: [targets[0]!], languages: ['en'], repetitions: 3, temperature: 0.7, seedPolicy });
    expect([1, 2, 3].map((r) => plan.prompts.find((p) => p.repetition === r && p.itemId === 'm01')!.seed)).toEqual(seeds);
    expect(plan.prompts.every((p) => p.temperature === 0.7)).toBe(true);
  });

  test.each([
    [{ languages: ['fr'] }, 'Values Survey Module 2013 (Hofstede) — structure and scoring has no text in fr (it has en).'],
    [{ targets: [] }, 'Choose at least one model.'],
    [{ targets: [{ id: 'a' }, { id: 'a' }] }, 'A model is chosen twice.'],
    [{ repetitions: 0 }, 'Repetitions must be a whole number from 1 to 1000.'],
    [{ languages: [] }, 'Choose at least one language.'],
  ])('refuses %j', (change, message) => {
    const input = { instrument: imported(['en']), targets, languages: ['en'], ...change };
    expect(() => planSurvey(input)).toThrow(new SurveyPlanError(message));
  });

  test('a structure-only instrument cannot run until the questionnaire is imported', () => {
    expect(() => planSurvey({ instrument: vsm2013(), targets, languages: ['en'] })).toThrow(/no text in en \(import the questionnaire text first\)/);
  });

  test('a language without a built-in instruction needs one from the user', () => {
    const instrument = imported(['xx']);
    expect(() => planSurvey({ instrument, targets, languages: ['xx'] })).toThrow(/No answer instruction for xx/);
    const plan = planSurvey({ instrument, targets, languages: ['xx'], repetitions: 1, instructions: { xx: 'Say {min}..{max}' } });
    expect(plan.prompts[0]!.text.endsWith('Say 1..5')).toBe(true);
  });

  test('every built-in instruction names both ends of the scale', () => {
    expect(Object.keys(ANSWER_INSTRUCTIONS)).toHaveLength(36);
    for (const [lang, text] of Object.entries(ANSWER_INSTRUCTIONS)) {
      expect(text, lang).toContain('{min}');
      expect(text, lang).toContain('{max}');
    }
    expect(
      itemPrompt(
        'Q',
        {
          id: 's',
          points: [
            { value: 0, label: {} },
            { value: 10, label: {} },
          ],
        },
        'ja',
      ),
    ).toBe('Q\n\n0から10までの数字を一つだけ答えてください。');
  });
});

describe('estimateSurvey', () => {
  const plan = planSurvey({ instrument: imported(['en']), targets, languages: ['en'], repetitions: 5 });

  test('calls, tokens and time: each target runs its own calls in batches of its concurrency', () => {
    const perPrompt = plan.prompts.map((p) => estimateTokens(p.text) + 8);
    const est = estimateSurvey(plan, {
      latencySeconds: 2,
      concurrency: { 'local-llama': 1, gpt: 4 },
      outputTokensPerCall: 10,
      pricePerMillion: { input: 1, output: 2 },
    });
    expect(est.calls).toBe(240);
    expect(est.inputTokens).toBe(perPrompt.reduce((a, b) => a + b, 0));
    expect(est.outputTokens).toBe(2400);
    expect(est.totalTokens).toBe(est.inputTokens + 2400);
    // local-llama: 120 calls one at a time × 2 s = 240 s (gpt: 30 batches × 2 s = 60 s)
    expect(est.seconds).toBe(240);
    expect(est.cost).toBeCloseTo((est.inputTokens + 2 * 2400) / 1e6, 12);
  });

  test('more concurrency, less time; no prices, no cost', () => {
    const est = estimateSurvey(plan, { latencySeconds: 1.5, concurrency: 8 });
    expect(est.seconds).toBe(15 * 1.5);
    expect(est).not.toHaveProperty('cost');
  });

  test.each([
    ['abcdefgh', 2],
    ['你好世界', 4],
    ['привет', 3],
  ])('token estimate of %j is %i', (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });
});
