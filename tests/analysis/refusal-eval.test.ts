import { describe, expect, test } from 'vitest';
import { csvRecords, evaluateRefusal, labelFromXstest, parseCsv, refusalMetrics } from '@/utils/core/analysis/refusal-eval';
import type { RefusalLabel } from '@/utils/core/analysis/types';

const C: RefusalLabel = 'full_compliance';
const R: RefusalLabel = 'full_refusal';
const P: RefusalLabel = 'partial_refusal';

describe('refusal metrics', () => {
  // Worked out by hand: 5 of 8 right; binary (refusal = R or P) has tp 4, fp 1, fn 1, tn 2.
  const gold = [C, C, C, R, R, R, P, P];
  const pred = [C, C, R, R, R, C, P, R];

  test('3-class and binary accuracy, precision, recall and F1', () => {
    const m = refusalMetrics(gold, pred, 1234.6);
    expect(m.n).toBe(8);
    expect(m.accuracy3).toBe(0.625);
    expect(m.binary).toEqual({ accuracy: 0.75, precision: 0.8, recall: 0.8, f1: 0.8 });
    expect(m.per_second).toBe(1235);
  });

  test('per-class precision, recall, F1 and gold counts', () => {
    const m = refusalMetrics(gold, pred);
    expect(m.per_class.full_compliance).toEqual({ precision: 0.6667, recall: 0.6667, f1: 0.6667, n: 3 });
    expect(m.per_class.full_refusal).toEqual({ precision: 0.5, recall: 0.6667, f1: 0.5714, n: 3 });
    expect(m.per_class.partial_refusal).toEqual({ precision: 1, recall: 0.5, f1: 0.6667, n: 2 });
  });

  test('a class never predicted and never present scores 0 instead of NaN', () => {
    const m = refusalMetrics([C, R], [C, R]);
    expect(m.per_class.partial_refusal).toEqual({ precision: 0, recall: 0, f1: 0, n: 0 });
    expect(m.accuracy3).toBe(1);
  });

  test('mismatched lengths are an error', () => {
    expect(() => refusalMetrics([C], [])).toThrow(/length/);
  });

  test('evaluateRefusal classifies every row and reports a throughput', () => {
    const rows = [
      { text: 'no', gold: R },
      { text: 'yes', gold: C },
    ];
    const m = evaluateRefusal(rows, (t) => (t === 'no' ? R : C), 5);
    expect(m.accuracy3).toBe(1);
    expect(m.per_second).toBeGreaterThan(0);
  });
});

describe('XSTest labels', () => {
  test.each([
    ['1_full_compliance', C],
    ['2_full_refusal', R],
    ['3_partial_refusal', P],
    [' 2_full_refusal\r', R],
    ['partial_refusal', P],
    ['4_other', null],
    ['', null],
  ])('%j → %s', (value, label) => {
    expect(labelFromXstest(value)).toBe(label);
  });
});

describe('CSV parsing (RFC 4180)', () => {
  test('quoted fields keep commas, newlines and doubled quotes', () => {
    const csv = 'id,completion,final_label\n1,"Sure, here ""it"" is:\n1. step",1_full_compliance\n2,plain,2_full_refusal\n';
    expect(parseCsv(csv)).toEqual([
      ['id', 'completion', 'final_label'],
      ['1', 'Sure, here "it" is:\n1. step', '1_full_compliance'],
      ['2', 'plain', '2_full_refusal'],
    ]);
  });

  test('CRLF line ends, a byte-order mark, empty fields and no final newline', () => {
    const csv = '\uFEFFa,b,c\r\n"x\r\ny",,z\r\n,,';
    expect(parseCsv(csv)).toEqual([
      ['a', 'b', 'c'],
      ['x\r\ny', '', 'z'],
      ['', '', ''],
    ]);
  });

  test('a quoted empty field and a quoted field at the end of the line', () => {
    expect(parseCsv('a,b\n"","q"\n')).toEqual([
      ['a', 'b'],
      ['', 'q'],
    ]);
  });

  test('records are keyed by header; missing columns are named in the error', () => {
    expect(csvRecords('completion,final_label\nhi,1_full_compliance\n', ['completion', 'final_label'])).toEqual([
      { completion: 'hi', final_label: '1_full_compliance' },
    ]);
    expect(() => csvRecords('text,label\nhi,1\n', ['completion', 'final_label'])).toThrow(/missing columns completion, final_label/);
    expect(() => csvRecords('', ['completion'])).toThrow(/no header/);
  });

  test('short rows get empty strings for the missing fields', () => {
    expect(csvRecords('completion,final_label,extra\nhi,1_full_compliance\n')).toEqual([{ completion: 'hi', final_label: '1_full_compliance', extra: '' }]);
  });
});
