import { describe, expect, test } from 'vitest';
import type { AnswerScale } from '@/utils/core/surveys/instrument';
import { parseAnswer, type ParsedAnswer } from '@/utils/core/surveys/parse-answer';

// Labels written for this test (not from any questionnaire).
const LABELS: Record<string, string[]> = {
  en: ['extremely important', 'very important', 'somewhat important', 'slightly important', 'unimportant'],
  de: ['äußerst wichtig', 'sehr wichtig', 'einigermaßen wichtig', 'kaum wichtig', 'unwichtig'],
  fr: ['extrêmement important', 'très important', 'assez important', 'peu important', 'sans importance'],
};
const scale: AnswerScale = {
  id: 'importance',
  points: [1, 2, 3, 4, 5].map((value) => ({ value, label: Object.fromEntries(Object.entries(LABELS).map(([lang, l]) => [lang, l[value - 1]!])) })),
};

const v = (value: number) => ({ value });
const REFUSED = { refused: true } as const;
const invalid = (reason: string | RegExp) => ({ invalid: reason });

const CASES: [string, string, { value: number } | { refused: true } | { invalid: string | RegExp }][] = [
  ['en', '2', v(2)],
  ['en', '(2) very important', v(2)],
  ['en', '**4**', v(4)],
  ['en', 'Answer: 3', v(3)],
  ['en', '3.', v(3)],
  ['en', '2 or 3', v(2.5)],
  ['en', '2-3', v(2.5)],
  ['en', 'Between 3 and 4.', v(3.5)],
  ['en', '2.5', v(2.5)],
  ['en', "As an AI I don't have personal opinions, but I'd pick 3", v(3)],
  ['en', 'On a scale from 1 to 5, I would choose 4.', v(4)],
  ['en', 'I would rate this 4 out of 5.', v(4)],
  ['en', 'Rating: 4/5', v(4)],
  ['en', 'As GPT-4, my answer is 2.', v(2)],
  ['en', 'Question 7: my answer is 2', v(2)],
  ['en', "Neither 1 nor 5; I'd go with 3.", v(3)],
  ['en', '1. Family matters.\n2. Work matters too.\nOverall I choose 4.', v(4)],
  ['en', 'Answer: 2\n\n1 = extremely important\n2 = very important', v(2)],
  ['en', '<think>The options run 1 to 5; maybe 5?</think>\n1', v(1)],
  ['en', 'Very important.', v(2)],
  ['en', 'Two.', v(2)],
  ['en', 'In 2023 surveys people said many things; I would pick 3.', v(3)],
  ['en', '3️⃣', v(3)],
  ['en', "I'd say 2 to 3", v(2.5)],
  ['en', 'Answer: 4 (slightly important). On this scale 1 means extremely important.', v(4)],
  ['en', 'My answer would be 2. However, some might say 4.', v(2)],
  ['en', '2\n\nExplanation: having a boss you respect matters because…', v(2)],
  ['en', "I'm sorry, I cannot provide a rating from 1 to 5.", REFUSED],
  ["en", "I can't answer that.", REFUSED],
  ['en', 'I’m sorry, but as an AI I don’t have personal preferences.', REFUSED],
  ['en', 'I cannot choose one option.', REFUSED],
  ['en', 'It depends on the person.', invalid('no answer on the 1–5 scale found')],
  ['en', '1 to 5', invalid('no answer on the 1–5 scale found')],
  ['en', '7', invalid('7 is outside the 1–5 scale')],
  ['en', '0', invalid('0 is outside the 1–5 scale')],
  ['en', 'I think 2, but also 4', invalid('ambiguous: mentions 2 and 4')],
  ['de', 'Zwei', v(2)],
  ['de', 'Ich würde drei wählen.', v(3)],
  ['de', 'Sehr wichtig', v(2)],
  ['de', 'Unwichtig.', v(5)],
  ['de', '2 oder 3', v(2.5)],
  ['de', 'Als KI habe ich keine persönliche Meinung.', REFUSED],
  ['fr', 'Je choisirais le 3.', v(3)],
  ['fr', 'Cinq', v(5)],
  ['fr', 'Très important', v(2)],
  ['fr', 'Je ne peux pas répondre à cette question.', REFUSED],
  ['es', 'Mi respuesta es 4', v(4)],
  ['es', 'Tres.', v(3)],
  ['es', 'Lo siento, no puedo responder.', REFUSED],
  ['zh', '三', v(3)],
  ['zh', '我选择3。', v(3)],
  ['zh', '答案：4', v(4)],
  ['zh', '2或3', v(2.5)],
  ['zh', '作为一个AI，我没有个人观点。', REFUSED],
  ['ja', '３', v(3)],
  ['ja', '3から4の間です。', v(3.5)],
  ['ja', 'お答えできません。', REFUSED],
  ['ar', '٣', v(3)],
  ['ar', '2 أو 3', v(2.5)],
  ['ar', 'لا أستطيع الإجابة على هذا السؤال.', REFUSED],
  ['hi', 'दो', v(2)],
  ['hi', 'मेरा उत्तर 4 है।', v(4)],
  ['hi', '२', v(2)],
  ['ru', 'Ответ: 5', v(5)],
  ['ru', 'Я бы выбрал три.', v(3)],
  ['ru', '2 или 3', v(2.5)],
  ['ru', 'Не могу ответить на этот вопрос.', REFUSED],
  ['sw', 'mbili', v(2)],
  ['sw', 'Siwezi kujibu swali hili.', REFUSED],
];

describe('parseAnswer', () => {
  test('the table is broad: ≥ 30 answers in ≥ 8 languages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map(([lang]) => lang)).size).toBeGreaterThanOrEqual(8);
  });

  test.each(CASES)('[%s] %j', (lang, text, expected) => {
    const got: ParsedAnswer = parseAnswer(text, scale, lang);
    if ('invalid' in expected) {
      expect(got).toHaveProperty('invalid');
      if (expected.invalid instanceof RegExp) expect((got as { invalid: string }).invalid).toMatch(expected.invalid);
      else expect((got as { invalid: string }).invalid).toBe(expected.invalid);
    } else expect(got).toMatchObject(expected);
  });

  test('says how the value was read', () => {
    expect(parseAnswer('2 or 3', scale)).toEqual({ value: 2.5, via: 'two-options' });
    expect(parseAnswer('Very important', scale)).toEqual({ value: 2, via: 'label' });
    expect(parseAnswer('Two', scale)).toEqual({ value: 2, via: 'word' });
  });

  test('two options that are not neighbours are not averaged', () => {
    expect(parseAnswer('2 or 4', scale)).toEqual({ invalid: 'ambiguous: mentions 2 and 4' });
  });

  test('a 10-point scale accepts 10 and "ten" and rejects 11', () => {
    const ten: AnswerScale = { id: 'ten', points: Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: {} })) };
    expect(parseAnswer('10', ten)).toMatchObject({ value: 10 });
    expect(parseAnswer('ten', ten)).toMatchObject({ value: 10 });
    expect(parseAnswer('Je dirais neuf.', ten, 'fr')).toMatchObject({ value: 9 });
    expect(parseAnswer('11', ten)).toEqual({ invalid: '11 is outside the 1–10 scale' });
  });
});
