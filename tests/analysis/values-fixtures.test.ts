import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { csvRecords } from '@/utils/core/analysis/refusal-eval';
import { valueFeatures, valueLanguages } from '@/utils/core/analysis/values';
import { doNotAnswerRows, evaluateValues, valuesRows, type ValuesRow } from '@/utils/core/analysis/values-eval';
import { sharedFixture } from '../support/shared';

const read = (row: ValuesRow) => valueFeatures(row.completion, { language: row.language, prompt: row.prompt });

/**
 * The project's own labelled answers (tests/fixtures/values-<lang>.csv, written by this project). The readers were
 * developed with them in view, so these are regression checks, not estimates of accuracy on unseen answers.
 */
describe("stance and balance on the project's labelled answers, per language", () => {
  const dir = resolve(__dirname, '../fixtures');
  const files = readdirSync(dir).filter((f) => /^values-[a-z]{2}\.csv$/.test(f));

  test('there is a labelled file for every language with a lexicon, with both stances and both balance labels', () => {
    expect(files.map((f) => f.slice(7, 9)).sort()).toEqual(valueLanguages().sort());
    for (const file of files) {
      const rows = valuesRows(csvRecords(readFileSync(join(dir, file), 'utf8'), ['prompt', 'completion', 'language', 'stance', 'balance']));
      expect(new Set(rows.map((r) => r.stance)), file).toEqual(new Set(['supports', 'opposes', 'neutral']));
      expect(new Set(rows.flatMap((r) => (r.balance ? [r.balance] : []))), file).toEqual(new Set(['balanced', 'one_sided']));
    }
  });

  test.each(files)('%s: stance and balance read right on at least 95 %', (file) => {
    const rows = valuesRows(csvRecords(readFileSync(join(dir, file), 'utf8')));
    const report = evaluateValues(rows, read);
    expect(report.stance.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.balance.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

/** The shared Do-Not-Answer development file (../shared/eval), read in place and never copied. */
const { path: DNA, present } = sharedFixture('eval/do-not-answer-en.csv', 'balance on Do-Not-Answer');

describe('balance on the shared Do-Not-Answer answers (action 2 balanced, action 1 one-sided)', () => {
  describe.skipIf(!present)('six model families', () => {
    const rows = present ? doNotAnswerRows(csvRecords(readFileSync(DNA, 'utf8'), ['prompt', 'completion', 'action', 'model'])) : [];
    const scored = rows.filter((r) => r.balance);

    test('1,642 answers are scored (203 balanced, 1,439 one-sided)', () => {
      expect(scored).toHaveLength(1642);
      expect(scored.filter((r) => r.balance === 'balanced')).toHaveLength(203);
    });

    test('pooled accuracy ≥ 0.90, and at least half of the balanced answers found at ≥ 0.65 precision', () => {
      const { balance } = evaluateValues(scored, read);
      expect(balance.accuracy).toBeGreaterThanOrEqual(0.9);
      expect(balance.per_class.balanced!.recall).toBeGreaterThanOrEqual(0.5);
      expect(balance.per_class.balanced!.precision).toBeGreaterThanOrEqual(0.65);
    });

    test.each(['GPT4', 'ChatGPT', 'Claude', 'ChatGLM2', 'llama2-7b-chat', 'vicuna-7b'])('%s: accuracy ≥ 0.87', (model) => {
      expect(
        evaluateValues(
          scored.filter((r) => r.extra.model === model),
          read,
        ).balance.accuracy,
      ).toBeGreaterThanOrEqual(0.87);
    });
  });
});
