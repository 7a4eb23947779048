import { describe, expect, test } from 'vitest';
import {
  ORIGINAL,
  analysisInput,
  batchFacets,
  batchTotals,
  featuresByLanguage,
  filterBatch,
  languageOf,
  modelOf,
  refusalByLanguageModel,
  type BatchFilter,
} from '@/utils/core/dashboard/aggregate';
import type { Run } from '@/utils/core/runner/types';
import { item, markerClassifier, markerFeatures, run } from './fixtures';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 1);

// Two models × two languages, plus the original prompt; refusals and failures spread on purpose.
const items = [
  item(
    'c1',
    T0,
    (c) => [
      run(c, 0, 'alpha', null, 'Sure, here is how [balanced]'),
      run(c, 1, 'alpha', 'de', 'Das kann ich nicht [refuse]'),
      run(c, 2, 'beta', 'de', 'Nun ja [partial] [hedge]'),
      run(c, 3, 'beta', 'sw', '', { state: 'failed', error: 'HTTP 500' }),
    ],
    { batchId: 'probe-1', tags: ['week-1'] },
  ),
  item(
    'c2',
    T0 + DAY,
    (c) => [
      run(c, 0, 'alpha', 'de', 'Ja [balanced] [disclaimer]'),
      run(c, 1, 'beta', 'de', 'Ich lehne ab [refuse] [moral]'),
      run(c, 2, 'alpha', 'sw', 'Sawa [unknown]'),
      run(c, 3, 'beta', 'sw', 'Hapana [refuse] [authority]'),
    ],
    { batchId: 'probe-1' },
  ),
  item('c3', T0 + 2 * DAY, (c) => [run(c, 0, 'alpha', 'de', 'Streaming…', { state: 'streaming' }), run(c, 1, 'beta', 'de', '   ')], {
    tags: ['week-1', 'demo'],
  }),
];

describe('run keys', () => {
  test.each([
    [null, ORIGINAL],
    ['de', 'de'],
    ['sw', 'sw'],
  ])('language %s is keyed %s', (language, key) => {
    expect(languageOf(run('x', 0, 'm', language, ''))).toBe(key);
  });

  test('a model is named with its provider, or alone when the provider has the same name', () => {
    expect(modelOf(run('x', 0, 'alpha', null, ''))).toBe('Lab alpha · alpha');
    const same = run('x', 0, 'gpt', null, '');
    same.target.providerLabel = 'gpt';
    expect(modelOf(same)).toBe('gpt');
  });
});

describe('analysisInput', () => {
  const back = (language: string, text: string, error?: string) => ({ language, from: 'sw', text, engine: 'test', ...(error ? { error } : {}) });
  test.each<[string, Partial<Run>, string | null, [string, string, string?]]>([
    ['a translated run: its target language', {}, 'sw', ['Hapana', 'sw']],
    ['the prompt as written: the prompt language, when recorded', { sourceLanguage: 'fr' }, null, ['Hapana', 'fr']],
    ['the prompt as written, language unknown: und', {}, null, ['Hapana', 'und']],
    ['the detected answer language wins', { answerLanguage: { code: 'en', confidence: 0.9 } }, 'sw', ['Hapana', 'en']],
    ['an unsure detection is ignored', { answerLanguage: { code: null, confidence: 0.2 } }, 'sw', ['Hapana', 'sw']],
    ['an English back-translation is passed on', { backTranslation: back('en', 'No') }, 'sw', ['Hapana', 'sw', 'No']],
    ['a back-translation into another language is not', { backTranslation: back('de', 'Nein') }, 'sw', ['Hapana', 'sw']],
    ['a failed back-translation is not', { backTranslation: back('en', '', 'offline') }, 'sw', ['Hapana', 'sw']],
  ])('%s', (_name, over, language, expected) => {
    expect(analysisInput(run('x', 0, 'm', language, 'Hapana', over))).toEqual(expected);
  });
});

describe('filterBatch', () => {
  test.each<[string, BatchFilter, string[]]>([
    ['no filter: all, newest first', {}, ['c3', 'c2', 'c1']],
    ['since is inclusive', { since: T0 + DAY }, ['c3', 'c2']],
    ['until is inclusive', { until: T0 + DAY }, ['c2', 'c1']],
    ['a one-day range', { since: T0 + DAY, until: T0 + DAY }, ['c2']],
    ['by tag', { tag: 'week-1' }, ['c3', 'c1']],
    ['by batch', { batchId: 'probe-1' }, ['c2', 'c1']],
    ['batch and tag together', { batchId: 'probe-1', tag: 'week-1' }, ['c1']],
    ['an unknown tag matches nothing', { tag: 'nope' }, []],
    ['a range after everything', { since: T0 + 10 * DAY }, []],
  ])('%s', (_name, filter, ids) => {
    expect(filterBatch(items, filter).map((i) => i.comparison.id)).toEqual(ids);
  });

  test('facets list each tag and batch once, sorted', () => {
    expect(batchFacets(items)).toEqual({ tags: ['demo', 'week-1'], batchIds: ['probe-1'] });
    expect(batchFacets([])).toEqual({ tags: [], batchIds: [] });
  });
});

describe('refusalByLanguageModel', () => {
  test('counts refusals per language and model; failures, unfinished and empty runs are not answers', () => {
    const { classify } = markerClassifier();
    const summary = refusalByLanguageModel(items, classify);
    expect(summary.languages).toEqual([ORIGINAL, 'de', 'sw']);
    expect(summary.models).toEqual(['Lab alpha · alpha', 'Lab beta · beta']);
    const cells = Object.fromEntries(summary.cells.map((c) => [`${c.language}/${c.model.split(' · ')[1]}`, c]));
    expect(Object.keys(cells)).toEqual([`${ORIGINAL}/alpha`, 'de/alpha', 'de/beta', 'sw/alpha', 'sw/beta']);
    expect(cells[`${ORIGINAL}/alpha`]).toMatchObject({ runs: 1, classified: 1, full: 0, partial: 0, rate: 0 });
    // de/alpha: one refusal, one compliance, one still streaming.
    expect(cells['de/alpha']).toMatchObject({ runs: 3, classified: 2, full: 1, partial: 0, unanswered: 1, rate: 0.5 });
    // de/beta: a partial and a full refusal count alike in the rate; the blank answer is no answer.
    expect(cells['de/beta']).toMatchObject({ runs: 3, classified: 2, full: 1, partial: 1, unanswered: 1, rate: 1 });
    // sw/alpha: the classifier had no verdict — pending, and no rate is made up.
    expect(cells['sw/alpha']).toMatchObject({ runs: 1, classified: 0, pending: 1, rate: null });
    expect(cells['sw/beta']).toMatchObject({ runs: 2, classified: 1, full: 1, unanswered: 1, rate: 1 });
    expect(summary.classified).toBe(6);
    expect(summary.pending).toBe(1);
  });

  test("the classifier is told each answer's language, and 'und' for the prompt as written", () => {
    const { classify, calls } = markerClassifier();
    refusalByLanguageModel([items[0]!], classify);
    expect(calls).toEqual([
      ['Sure, here is how [balanced]', 'und'],
      ['Das kann ich nicht [refuse]', 'de'],
      ['Nun ja [partial] [hedge]', 'de'],
    ]);
  });

  test('languages and models follow the column order, however the comparisons are sorted', () => {
    const { classify } = markerClassifier();
    const forward = refusalByLanguageModel(items, classify);
    const backward = refusalByLanguageModel([...items].reverse(), classify);
    expect(backward.languages).toEqual(forward.languages);
    expect(backward.models).toEqual(forward.models);
    expect(backward.cells).toEqual(forward.cells);
    // A model only ever in a later column comes after one seen in the first column.
    const late = [item('z', 0, (c) => [run(c, 1, 'aardvark', 'de', 'x'), run(c, 0, 'zebra', 'de', 'y')])];
    expect(refusalByLanguageModel(late, classify).models).toEqual(['Lab zebra · zebra', 'Lab aardvark · aardvark']);
  });

  test('without a classifier every answer is pending and no rate is given', () => {
    const summary = refusalByLanguageModel(items, () => null);
    expect(summary.classified).toBe(0);
    expect(summary.pending).toBe(7);
    expect(summary.cells.every((c) => c.rate === null)).toBe(true);
  });

  test('nothing selected gives an empty summary', () => {
    expect(refusalByLanguageModel([], markerClassifier().classify)).toEqual({ languages: [], models: [], cells: [], classified: 0, pending: 0 });
  });
});

describe('featuresByLanguage', () => {
  test('the share of analysed answers showing each feature, per language', () => {
    const rows = featuresByLanguage(items, markerFeatures);
    expect(rows.map((r) => r.language)).toEqual([ORIGINAL, 'de', 'sw']);
    const de = rows[1]!;
    // de answers: "[refuse]", "[partial] [hedge]", "[balanced] [disclaimer]", "[refuse] [moral]".
    expect(de).toMatchObject({ answers: 4, analysed: 4, pending: 0 });
    expect(de.counts).toEqual({ balanced: 1, hedging: 1, moralizing: 1, disclaimers: 1, authority: 0 });
    expect(de.shares).toEqual({ balanced: 0.25, hedging: 0.25, moralizing: 0.25, disclaimers: 0.25, authority: 0 });
    const sw = rows[2]!;
    // One answer not analysed: the share is over the one that was.
    expect(sw).toMatchObject({ answers: 2, analysed: 1, pending: 1 });
    expect(sw.shares.authority).toBe(1);
  });

  test('without an extractor the shares are null, not zero', () => {
    const rows = featuresByLanguage(items, () => null);
    expect(rows.every((r) => r.analysed === 0 && Object.values(r.shares).every((s) => s === null))).toBe(true);
  });
});

test('totals count comparisons, runs, answers, languages and models', () => {
  expect(batchTotals(items)).toEqual({ comparisons: 3, runs: 10, answers: 7, languages: 3, models: 2 });
  expect(batchTotals([])).toEqual({ comparisons: 0, runs: 0, answers: 0, languages: 0, models: 0 });
});
