import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { csvRecords } from '@/utils/core/analysis/refusal-eval';
import { parseAnswer } from '@/utils/core/surveys/parse-answer';
import { questionOptions } from '@/utils/core/surveys/questionnaire';

/**
 * Answer sets written for Parallax (chatbot-style answers to made-up VSM-like items, in the languages the survey
 * is asked in), each with the reading a researcher gives: a value (half points for two neighbouring options),
 * "refused" or "invalid". The second set was written before the reader learnt the half-point rule and labels.
 */
const SETS = ['survey-answers.csv', 'survey-answers-blind.csv'];

describe.each(SETS)('%s', (file) => {
  const rows = csvRecords(readFileSync(join(__dirname, 'data', file), 'utf8'), ['question', 'answer', 'language', 'expected']);

  test.each(rows.map((r, i) => [i + 1, r.language!, r.answer!, r] as const))('row %i [%s] %j', (_row, language, answer, r) => {
    const scale = { id: 'q', points: questionOptions(r.question!).map((o) => ({ value: o.value, label: { [language]: o.label } })) };
    expect(scale.points).toHaveLength(5);
    const got = parseAnswer(answer, scale, language);
    expect('value' in got ? String(got.value) : 'refused' in got ? 'refused' : 'invalid').toBe(r.expected);
  });

  test('covers the five languages of the held-out set, each with all three kinds of reading', () => {
    for (const language of ['en', 'zh', 'de', 'ja', 'es']) {
      const expected = rows.filter((r) => r.language === language).map((r) => r.expected!);
      expect(
        expected.some((e) => e.endsWith('.5')),
        language,
      ).toBe(true);
      expect(expected, language).toContain('refused');
      expect(expected, language).toContain('invalid');
    }
  });
});
