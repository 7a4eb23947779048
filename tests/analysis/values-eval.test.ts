import { describe, expect, test } from 'vitest';
import { accuracyFigures, doNotAnswerRows, evaluateValues, mergeFigures, readerMetrics, valuesRows, type ValuesRow } from '@/utils/core/analysis/values-eval';
import type { ReaderAccuracy } from '@/utils/core/analysis/accuracy/types';
import type { Stance } from '@/utils/core/analysis/types';

const row = (stance: string, balance: string, extra: Record<string, string> = {}) => ({
  prompt: 'p',
  completion: 'c',
  language: 'en',
  stance,
  balance,
  ...extra,
});

describe('reading labelled rows', () => {
  test('labels are read case- and space-insensitively; empty means not scored', () => {
    const rows = valuesRows([row(' Supports ', 'one-sided'), row('', ''), row('mixed', 'BALANCED')]);
    expect(rows.map((r) => [r.stance, r.balance])).toEqual([
      ['supports', 'one_sided'],
      [undefined, undefined],
      ['mixed', 'balanced'],
    ]);
  });

  test.each([
    [row('agree', ''), /row 2: stance "agree" is not one of supports, opposes, neutral, mixed/],
    [row('', 'neutral'), /row 2: balance "neutral" is not one of balanced, one_sided/],
  ])('an unknown label names the row and the allowed labels', (record, message) => {
    expect(() => valuesRows([record])).toThrow(message);
  });

  test('Do-Not-Answer: action 2 is balanced, action 1 one-sided, the rest not scored; no stance', () => {
    const rows = doNotAnswerRows(['0', '1', '2', '3', '4', '5'].map((action) => ({ prompt: 'p', completion: 'c', action })));
    expect(rows.map((r) => r.balance)).toEqual([undefined, 'one_sided', 'balanced', undefined, undefined, undefined]);
    expect(rows.every((r) => r.stance === undefined && r.language === 'en')).toBe(true);
    expect(() => doNotAnswerRows([{ prompt: 'p', completion: 'c', action: '7' }])).toThrow(/row 2: action "7"/);
  });
});

describe('metrics', () => {
  test('accuracy and per-class precision, recall, F1 (worked out by hand)', () => {
    // gold: S S O N ; predicted: S O O S → 2 of 4 right. supports: tp1 fp1 fn1; opposes: tp1 fp1; neutral: fn1.
    const m = readerMetrics(['supports', 'supports', 'opposes', 'neutral'], ['supports', 'opposes', 'opposes', 'supports'], ['supports', 'opposes', 'neutral']);
    expect(m.n).toBe(4);
    expect(m.accuracy).toBe(0.5);
    expect(m.per_class.supports).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, n: 2 });
    expect(m.per_class.opposes).toEqual({ precision: 0.5, recall: 1, f1: 0.6667, n: 1 });
    expect(m.per_class.neutral).toEqual({ precision: 0, recall: 0, f1: 0, n: 1 });
  });

  const read = (stances: Stance[], balances: Array<'balanced' | 'one_sided' | 'unclear'>) => {
    let i = 0;
    return () => {
      const k = i++;
      return { stance: { value: stances[k]!, evidence: [] }, balance: { value: balances[k]!, evidence: [] } };
    };
  };

  test("'mixed' counts as neutral when no row is labelled mixed; 'unclear' balance is a miss; unscored rows are skipped", () => {
    const rows = valuesRows([row('neutral', 'balanced'), row('opposes', 'one_sided'), row('', '')]);
    const report = evaluateValues(rows, read(['mixed', 'opposes', 'supports'], ['balanced', 'unclear', 'one_sided']));
    expect(report.stance).toMatchObject({ n: 2, accuracy: 1 });
    expect(Object.keys(report.stance.per_class)).toEqual(['supports', 'opposes', 'neutral']);
    expect(report.balance).toMatchObject({ n: 2, accuracy: 0.5 });
  });

  test("with a row labelled 'mixed', mixed is its own class and differs from neutral", () => {
    const rows = valuesRows([row('mixed', ''), row('neutral', '')]);
    const report = evaluateValues(rows, read(['mixed', 'mixed'], ['unclear', 'unclear']));
    expect(report.stance.accuracy).toBe(0.5);
    expect(report.stance.per_class.mixed).toEqual({ precision: 0.5, recall: 1, f1: 0.6667, n: 1 });
  });
});

describe('figures for the "Why?" view', () => {
  const meta = { dataset: 'set A', heldOut: false, command: 'npm run eval:values -- a.csv', measured: '2026-01-02' };

  test('one figure per reader that scored rows, with models and languages of the scored rows', () => {
    const rows: ValuesRow[] = valuesRows([
      row('supports', '', { model: 'm1', language: 'de-DE' }),
      row('opposes', 'balanced', { model: 'm2', language: 'ja' }),
    ]);
    const report = { stance: { n: 2, accuracy: 0.5, per_class: {} }, balance: { n: 1, accuracy: 1, per_class: {} } };
    const figures = accuracyFigures(report, rows, meta);
    expect(figures.map((f) => [f.reader, f.answers, f.models, f.languages, f.accuracy])).toEqual([
      ['stance', 2, 2, ['de', 'ja'], 0.5],
      ['balance', 1, 1, ['ja'], 1],
    ]);
    expect(figures[0]).toMatchObject(meta);
    expect(accuracyFigures({ ...report, balance: { n: 0, accuracy: 0, per_class: {} } }, rows, meta).map((f) => f.reader)).toEqual(['stance']);
    expect(accuracyFigures(report, rows, meta, ['balance']).map((f) => f.reader)).toEqual(['balance']);
  });

  test('new figures replace those of the same reader and dataset and keep the others', () => {
    const figure = (reader: ReaderAccuracy['reader'], dataset: string, accuracy: number): ReaderAccuracy => ({
      reader,
      dataset,
      accuracy,
      task: '',
      answers: 1,
      models: 1,
      languages: ['en'],
      heldOut: false,
      command: '',
      measured: '',
    });
    const merged = mergeFigures([figure('stance', 'A', 0.1), figure('balance', 'A', 0.2), figure('balance', 'B', 0.3)], [figure('balance', 'A', 0.9)]);
    expect(merged.map((f) => [f.reader, f.dataset, f.accuracy])).toEqual([
      ['balance', 'A', 0.9],
      ['balance', 'B', 0.3],
      ['stance', 'A', 0.1],
    ]);
  });
});
