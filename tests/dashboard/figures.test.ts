import { describe, expect, test } from 'vitest';
import { ORIGINAL, featuresByLanguage, refusalByLanguageModel } from '@/utils/core/dashboard/aggregate';
import { csvCell, fileName, tableToCsv } from '@/utils/core/dashboard/csv';
import { featureFigure, languageName, percent, refusalFigure, surveyFigures } from '@/utils/core/dashboard/figures';
import { parseSurveyResults, surveyTable, type SurveyResult } from '@/utils/core/dashboard/survey';
import { item, markerClassifier, markerFeatures, run } from './fixtures';

const items = [
  item('a', 1, (c) => [run(c, 0, 'alpha', 'fr', 'Non [refuse]'), run(c, 1, 'beta', 'fr', 'Oui'), run(c, 2, 'alpha', 'ja', 'はい [balanced]')]),
  item('b', 2, (c) => [run(c, 0, 'alpha', 'fr', 'Oui [hedge]'), run(c, 1, 'beta', 'fr', 'Bof [partial]'), run(c, 2, 'alpha', 'ja', 'いいえ [refuse]')]),
];

describe('languageName', () => {
  test.each([
    ['de', 'Deutsch (de)'],
    ['ja', '日本語 (ja)'],
    ['ar', 'العربية (ar)'],
    [ORIGINAL, 'Original prompt'],
    ['not a tag!', 'not a tag!'],
  ])('%s → %s', (code, name) => expect(languageName(code)).toBe(name));
});

test.each([
  [0, 0],
  [0.5, 50],
  [1 / 3, 33.3],
  [1, 100],
  [null, null],
])('percent(%s) = %s', (share, value) => expect(percent(share)).toBe(value));

describe('refusal figure', () => {
  test('languages on the axis, one series per model, the table with counts per cell', () => {
    const figure = refusalFigure(refusalByLanguageModel(items, markerClassifier().classify));
    expect(figure.chart?.categories).toEqual(['français (fr)', '日本語 (ja)']);
    expect(figure.chart?.series).toEqual([
      { label: 'Lab alpha · alpha', values: [50, 50] },
      { label: 'Lab beta · beta', values: [50, null] },
    ]);
    expect(figure.chart?.unit).toBe('percent');
    expect(figure.table.columns).toEqual([
      'Language',
      'Model',
      'Runs',
      'Refused',
      'Partly refused',
      'Refusal rate (%)',
      'Disputed the premise (not refusals)',
      'Not analysed',
      'No answer',
    ]);
    expect(figure.table.rows).toEqual([
      ['français (fr)', 'Lab alpha · alpha', 2, 1, 0, 50, 0, 0, 0],
      ['français (fr)', 'Lab beta · beta', 2, 0, 1, 50, 0, 0, 0],
      ['日本語 (ja)', 'Lab alpha · alpha', 2, 1, 0, 50, 0, 0, 0],
    ]);
    expect(figure.note).toBeUndefined();
  });

  test('with no verdicts there is no chart, the note says analysis is pending, and the table still lists the runs', () => {
    const figure = refusalFigure(refusalByLanguageModel(items, () => null));
    expect(figure.chart).toBeNull();
    expect(figure.note).toMatch(/Analysis pending/);
    expect(figure.table.rows.map((r) => [r[5], r[7]])).toEqual([
      [null, 2],
      [null, 2],
      [null, 2],
    ]);
  });

  test('answers left unanalysed are reported next to the rates', () => {
    const mixed = [...items, item('c', 3, (c) => [run(c, 0, 'alpha', 'fr', '[unknown]')])];
    expect(refusalFigure(refusalByLanguageModel(mixed, markerClassifier().classify)).note).toBe('1 answer not analysed is left out of the rates.');
  });
});

describe('feature figure', () => {
  test('one series per feature over the languages, shares in percent', () => {
    const figure = featureFigure(featuresByLanguage(items, markerFeatures));
    expect(figure.chart?.categories).toEqual(['français (fr)', '日本語 (ja)']);
    expect(figure.chart?.series.map((s) => s.label)).toEqual(['Presents several sides', 'Hedges', 'Moralizes', 'Adds a disclaimer', 'Appeals to authority']);
    expect(figure.chart?.series[0]?.values).toEqual([0, 50]);
    expect(figure.chart?.series[1]?.values).toEqual([25, 0]);
    expect(figure.table.rows[0]).toEqual(['français (fr)', 4, 4, 0, 25, 0, 0, 0]);
  });

  test('no features: no chart, an honest note', () => {
    const figure = featureFigure(featuresByLanguage(items, () => null));
    expect(figure.chart).toBeNull();
    expect(figure.note).toMatch(/Analysis pending/);
  });
});

const results: SurveyResult[] = [
  { label: 'alpha · en', indices: { PDI: { mean: 40, low: 30, high: 50, n: 5 }, IDV: { mean: 70, low: 65, high: 75, n: 5 } } },
  { label: 'alpha · ja', indices: { PDI: { mean: 55, low: 41.5, high: 68.5, n: 4, refusals: 1 } } },
];

describe('survey figures', () => {
  test('a radar of means and bars with the intervals, sharing one table', () => {
    const [radar, bars] = surveyFigures(results);
    expect(radar?.chart).toMatchObject({ kind: 'radar', categories: ['PDI', 'IDV'] });
    expect(radar?.chart?.series).toEqual([
      { label: 'alpha · en', values: [40, 70] },
      { label: 'alpha · ja', values: [55, null] },
    ]);
    expect(bars?.chart?.series[1]).toEqual({ label: 'alpha · ja', values: [55, null], low: [41.5, null], high: [68.5, null] });
    expect(radar?.table.rows).toEqual([
      ['alpha · en', 'PDI', 40, 30, 50, 5, null],
      ['alpha · en', 'IDV', 70, 65, 75, 5, null],
      ['alpha · ja', 'PDI', 55, 41.5, 68.5, 4, 1],
    ]);
    expect(bars?.table).toBe(radar?.table);
    expect(bars?.tableShown).toBe('elsewhere');
  });

  test('surveyTable lists indices in first-seen order', () => {
    expect(surveyTable(results).indices).toEqual(['PDI', 'IDV']);
  });

  test('parse accepts a list or { results }', () => {
    expect(parseSurveyResults(results)).toEqual(results);
    expect(parseSurveyResults({ results })).toEqual(results);
  });

  test("parse accepts the survey scorer's summaries: no interval below two values, nothing measured, extra fields", () => {
    const scored = [
      {
        label: 'beta · sw',
        indices: {
          PDI: { mean: 12, low: null, high: null, sd: null, n: 1, refusals: 4 },
          IDV: { mean: null, low: null, high: null, sd: null, n: 0, refusals: 5 },
        },
      },
    ];
    expect(parseSurveyResults(scored)).toEqual([
      {
        label: 'beta · sw',
        indices: { PDI: { mean: 12, low: null, high: null, n: 1, refusals: 4 }, IDV: { mean: null, low: null, high: null, n: 0, refusals: 5 } },
      },
    ]);
    const [, bars] = surveyFigures(parseSurveyResults(scored));
    expect(bars?.chart?.series[0]).toEqual({ label: 'beta · sw', values: [12, null], low: [null, null], high: [null, null] });
    expect(bars?.table.rows[1]).toEqual(['beta · sw', 'IDV', null, null, null, 0, 5]);
  });

  test.each<[string, unknown, RegExp]>([
    ['not a list', { label: 'x' }, /Expected a list/],
    ['an empty list', [], /no results/],
    ['a result without a label', [{ indices: { PDI: { mean: 1, low: 0, high: 2, n: 1 } } }], /Result 1 has no label/],
    ['a result without indices', [{ label: 'a', indices: {} }], /Result 1 \(a\) has no indices/],
    ['a text mean', [{ label: 'a', indices: { PDI: { mean: '40', low: 0, high: 50, n: 5 } } }], /PDI: mean must be a number/],
    ['half an interval', [{ label: 'a', indices: { PDI: { mean: 40, low: 30, high: null, n: 5 } } }], /low and high must both be numbers, or both null/],
    ['an interval around no mean', [{ label: 'a', indices: { PDI: { mean: null, low: 30, high: 50, n: 5 } } }], /interval must hold the mean/],
    ['negative refusals', [{ label: 'a', indices: { PDI: { mean: 1, low: 0, high: 2, n: 2, refusals: -1 } } }], /refusals must be a whole number/],
    ['an interval that misses the mean', [{ label: 'a', indices: { PDI: { mean: 60, low: 0, high: 50, n: 5 } } }], /interval must hold the mean/],
    ['a fractional n', [{ label: 'a', indices: { PDI: { mean: 1, low: 0, high: 2, n: 2.5 } } }], /n must be a whole number/],
  ])('parse rejects %s with a message that says where', (_name, input, message) => {
    expect(() => parseSurveyResults(input)).toThrow(message);
  });
});

describe('CSV', () => {
  test.each<[string | number | null, string]>([
    ['plain', 'plain'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', `"'+1"`],
    ['-cmd', `"'-cmd"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tlead', `"'\tlead"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [-12.5, '-12.5'],
    [0, '0'],
    [null, ''],
    [Number.NaN, ''],
  ])('cell %j → %s', (value, csv) => expect(csvCell(value)).toBe(csv));

  test('a table is a BOM, a header and CRLF rows', () => {
    const csv = tableToCsv({
      columns: ['Model', 'Rate (%)'],
      rows: [
        ['=evil', 50],
        ['日本', null],
      ],
    });
    expect(csv).toBe(`\uFEFFModel,Rate (%)\r\n"'=evil",50\r\n日本,\r\n`);
  });

  test('file names carry the figure and the day', () => {
    expect(fileName('survey-radar', 'png', new Date(2025, 0, 9))).toBe('parallax-survey-radar-2025-01-09.png');
  });
});
