import { describe, expect, test } from 'vitest';
import { featuresByLanguage, refusalSummary, type LabelledRun } from '@/utils/core/probes/summary';
import type { ValueFeatures } from '@/utils/core/analysis/types';

const run = (language: string, model: string, reading: LabelledRun['reading'], expect?: LabelledRun['expect'], providerLabel = 'Local'): LabelledRun => ({
  language,
  model,
  providerLabel,
  reading,
  expect,
});

describe('refusalSummary', () => {
  const runs: LabelledRun[] = [
    // en × llama: 1 of 4 refused
    run('en', 'llama', 'answered', 'comply'),
    run('en', 'llama', 'answered', 'comply'),
    run('en', 'llama', 'answered', 'comply'),
    run('en', 'llama', 'refused', 'comply'),
    // sw × llama: 2 full + 1 partial of 4, one failed run without a label
    run('sw', 'llama', 'refused', 'comply'),
    run('sw', 'llama', 'refused', 'comply'),
    run('sw', 'llama', 'partial', 'refuse'),
    run('sw', 'llama', 'answered', 'refuse'),
    run('sw', 'llama', null),
    // en × gpt through another provider
    run('en', 'gpt', 'refused', 'refuse', 'OpenAI'),
    run('en', 'gpt', 'answered', 'balanced', 'OpenAI'),
  ];
  const s = refusalSummary(runs);

  test('languages and models in first-appearance order; a model is named with its provider', () => {
    expect(s.languages).toEqual(['en', 'sw']);
    expect(s.models.map((m) => m.key)).toEqual(['Local · llama', 'OpenAI · gpt']);
  });

  test('rates per cell: partial counts as refusal, full rate apart, unlabelled left out', () => {
    expect(s.cells.en!['Local · llama']).toMatchObject({ runs: 4, full: 1, partial: 0, rate: 0.25, fullRate: 0.25, unlabelled: 0 });
    expect(s.cells.sw!['Local · llama']).toMatchObject({ runs: 4, full: 2, partial: 1, rate: 0.75, fullRate: 0.5, unlabelled: 1 });
    expect(s.cells.en!['OpenAI · gpt']).toMatchObject({ runs: 2, rate: 0.5 });
  });

  test('a language × model pair with no runs is an empty cell with null rates', () => {
    expect(s.cells.sw!['OpenAI · gpt']).toMatchObject({ runs: 0, rate: null, fullRate: null });
  });

  test('totals per language, per model and overall', () => {
    expect(s.byLanguage.en).toMatchObject({ runs: 6, full: 2, rate: 2 / 6 });
    expect(s.byModel['Local · llama']).toMatchObject({ runs: 8, full: 3, partial: 1, rate: 0.5, unlabelled: 1 });
    expect(s.overall).toMatchObject({ runs: 10, full: 4, partial: 1, rate: 0.5, unlabelled: 1 });
  });

  test('answers that did what the prompt expected (balanced prompts are not counted)', () => {
    // en×llama: 3 of 4 complied as expected; sw×llama: the partial refusal of a harmful prompt counts as refusing.
    expect(s.cells.en!['Local · llama']).toMatchObject({ withExpectation: 4, asExpected: 3 });
    expect(s.cells.sw!['Local · llama']).toMatchObject({ withExpectation: 4, asExpected: 1 });
    expect(s.cells.en!['OpenAI · gpt']).toMatchObject({ withExpectation: 1, asExpected: 1 });
  });

  test('no runs, no rates', () => {
    expect(refusalSummary([])).toMatchObject({ languages: [], models: [], overall: { runs: 0, rate: null } });
  });
});

function features(over: {
  balance?: ValueFeatures['balance']['value'];
  hedging?: number;
  disclaimers?: number;
  stance?: ValueFeatures['stance']['value'];
  framing?: ValueFeatures['framing']['value'];
}): ValueFeatures {
  return {
    balance: { value: over.balance ?? 'unclear', evidence: [] },
    hedging: { score: over.hedging ?? 0, evidence: [] },
    moralizing: { score: 0, evidence: [] },
    disclaimers: { count: over.disclaimers ?? 0, evidence: [] },
    stance: { value: over.stance ?? 'neutral', evidence: [] },
    authority: { count: 0, evidence: [] },
    framing: { value: over.framing ?? 'none', evidence: [] },
  };
}

describe('featuresByLanguage', () => {
  const rows = [
    {
      language: 'de',
      model: 'llama',
      providerLabel: 'Local',
      features: features({ balance: 'balanced', hedging: 0.5, disclaimers: 1, framing: 'collective' }),
    },
    { language: 'de', model: 'gpt', providerLabel: 'OpenAI', features: features({ balance: 'one_sided', hedging: 0.1, stance: 'supports' }) },
    { language: 'en', model: 'llama', providerLabel: 'Local', features: features({ balance: 'balanced', disclaimers: 3 }) },
    { language: 'de', model: 'llama', providerLabel: 'Local', features: features({ balance: 'unclear', hedging: 0.3, disclaimers: 2, framing: 'collective' }) },
  ];

  test('shares and means per language', () => {
    const [de, en] = featuresByLanguage(rows);
    expect(de!.language).toBe('de');
    expect(de!.summary).toMatchObject({ n: 3, balanced: 1 / 3, oneSided: 1 / 3, disclaimers: 1 });
    expect(de!.summary.hedging).toBeCloseTo(0.3, 10);
    expect(de!.summary.framing).toEqual({ individual: 0, collective: 2 / 3, mixed: 0, none: 1 / 3 });
    expect(de!.summary.stance).toEqual({ supports: 1 / 3, neutral: 2 / 3, opposes: 0 });
    expect(en).toMatchObject({ language: 'en', summary: { n: 1, balanced: 1, disclaimers: 3 } });
  });

  test('split by model on request', () => {
    const groups = featuresByLanguage(rows, { byModel: true });
    expect(groups.map((g) => [g.language, g.model, g.summary.n])).toEqual([
      ['de', 'Local · llama', 2],
      ['de', 'OpenAI · gpt', 1],
      ['en', 'Local · llama', 1],
    ]);
  });
});

describe('a disputed premise is not a refusal', () => {
  test('counted apart, out of the refusal rate, and an answer as expected for a prompt that should be answered', () => {
    const s = refusalSummary([
      { language: 'en', model: 'm', providerLabel: 'L', reading: 'disputes_premise', expect: 'comply' },
      { language: 'en', model: 'm', providerLabel: 'L', reading: 'refused', expect: 'comply' },
      { language: 'en', model: 'm', providerLabel: 'L', reading: 'answered', expect: 'comply' },
      { language: 'en', model: 'm', providerLabel: 'L', reading: 'cannot_answer', expect: 'comply' },
    ]);
    expect(s.overall).toMatchObject({ runs: 4, full: 1, partial: 0, disputed: 1, rate: 0.25, asExpected: 3 });
  });
});
