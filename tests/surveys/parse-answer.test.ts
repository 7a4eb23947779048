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
  ['en', "I can't answer that.", REFUSED],
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

// More scales written for these tests, VSM-like in shape only.
const point = (labels: Record<string, string[]>) =>
  [1, 2, 3, 4, 5].map((value) => ({ value, label: Object.fromEntries(Object.entries(labels).map(([lang, l]) => [lang, l[value - 1]!])) }));
const frequency: AnswerScale = {
  id: 'frequency',
  points: point({
    en: ['always', 'usually', 'sometimes', 'seldom', 'never'],
    de: ['immer', 'meistens', 'manchmal', 'selten', 'nie'],
    ja: ['いつも', 'たいてい', 'ときどき', 'めったにない', 'まったくない'],
  }),
};
const agreement: AnswerScale = {
  id: 'agreement',
  points: point({
    en: ['strongly agree', 'agree', 'undecided', 'disagree', 'strongly disagree'],
    ja: ['強くそう思う', 'そう思う', 'どちらとも言えない', 'そう思わない', 'まったくそう思わない'],
    zh: ['非常同意', '同意', '不确定', '不同意', '非常不同意'],
    es: ['totalmente de acuerdo', 'de acuerdo', 'indeciso', 'en desacuerdo', 'totalmente en desacuerdo'],
    de: ['stimme völlig zu', 'stimme zu', 'unentschieden', 'stimme nicht zu', 'stimme überhaupt nicht zu'],
  }),
};
const importanceOf: AnswerScale = {
  id: 'importance-of',
  points: point({
    en: ['of the highest importance', 'very important', 'of medium importance', 'of minor importance', 'of hardly any or no importance'],
    zh: ['极其重要', '非常重要', '中等重要', '不太重要', '几乎不重要或完全不重要'],
    es: ['de máxima importancia', 'muy importante', 'de importancia media', 'de poca importancia', 'de muy poca o ninguna importancia'],
  }),
};

const SCALES: Record<string, AnswerScale> = { frequency, agreement, importanceOf };
const TWO_OPTIONS: [string, keyof typeof SCALES, string, number][] = [
  ['en', 'importanceOf', 'I would choose 2 (very important) or 3, since other things matter too.', 2.5],
  ['en', 'importanceOf', 'I would choose 3 (of medium importance) or 2 (very important).', 2.5],
  ['en', 'importanceOf', 'Very important or of medium importance.', 2.5],
  ['en', 'importanceOf', 'Somewhere between "of the highest importance" and "very important".', 1.5],
  ['en', 'frequency', 'Usually or sometimes.', 2.5],
  ['en', 'frequency', 'Either 4 or maybe 5.', 4.5],
  ['en', 'agreement', '1, 2 or 3', NaN],
  ['zh', 'importanceOf', '我会选择2（非常重要）或3（中等重要）。', 2.5],
  ['zh', 'importanceOf', '介于非常重要和中等重要之间。', 2.5],
  ['zh', 'agreement', '同意或者不确定', 2.5],
  ['de', 'frequency', 'Manchmal oder selten.', 3.5],
  ['de', 'agreement', 'Unentschieden oder stimme nicht zu.', 3.5],
  ['ja', 'agreement', '3（どちらとも言えない）か4', 3.5],
  ['ja', 'frequency', '「3（ときどき）」か「4（めったにない）」です。', 3.5],
  ['es', 'importanceOf', 'Entre muy importante y de importancia media.', 2.5],
  ['es', 'agreement', 'De acuerdo o indeciso: 2 o 3.', 2.5],
];

const LABELS_AND_DISCLAIMERS: [string, keyof typeof SCALES, string, ParsedAnswer][] = [
  ['en', 'importanceOf', 'Extremely important.', { value: 1, via: 'label' }],
  ['en', 'importanceOf', 'Moderately important.', { value: 3, via: 'label' }],
  ['en', 'importanceOf', 'Not very important.', { value: 4, via: 'label' }],
  ['en', 'importanceOf', 'Not important at all.', { value: 5, via: 'label' }],
  ['en', 'frequency', 'Rarely.', { value: 4, via: 'label' }],
  ['en', 'agreement', 'I neither agree nor disagree.', { value: 3, via: 'label' }],
  ['en', 'agreement', 'I do not agree.', { value: 4, via: 'label' }],
  ['en', 'importanceOf', "As an AI, I don't commute, but I would say a short commute is very important.", { value: 2, via: 'label' }],
  ['en', 'importanceOf', 'As a language model I have no preferences. However, many people would rate this 2 (very important).', { value: 2, via: 'number' }],
  ['zh', 'importanceOf', '作为一个人工智能，我没有通勤的需要。不过，如果我是一个人，我会选择（2）非常重要。', { value: 2, via: 'number' }],
  ['zh', 'agreement', '我不同意。', { value: 4, via: 'label' }],
  ['de', 'agreement', 'Ich stimme dieser Aussage nicht zu.', { value: 4, via: 'label' }],
  ['de', 'agreement', 'Ich stimme eher zu.', { value: 2, via: 'label' }],
  ['ja', 'agreement', '強くそう思います。', { value: 1, via: 'label' }],
  ['ja', 'agreement', 'AIなので意見はありませんが、選ぶならそう思います。', { value: 2, via: 'label' }],
  ['es', 'importanceOf', 'Nada importante.', { value: 5, via: 'label' }],
  ['es', 'agreement', 'No estoy de acuerdo.', { value: 4, via: 'label' }],
  ['en', 'importanceOf', 'As an artificial intelligence, I do not have a job or a commute, so I cannot answer this question.', { refused: true }],
  ['zh', 'importanceOf', '作为AI，我无法回答这个问题，因为我没有个人偏好。', { refused: true }],
  ['ja', 'agreement', 'AIとして個人的な意見を持たないため、お答えできません。', { refused: true }],
  ['de', 'agreement', 'Dazu kann ich als KI keine Meinung äußern.', { refused: true }],
  ['es', 'agreement', 'Lo siento, pero no puedo dar una opinión personal sobre esto.', { refused: true }],
];

describe('the half-point rule, labels and disclaimers', () => {
  test.each(TWO_OPTIONS)('[%s] two neighbouring options are their midpoint (%s): %j', (lang, scale, text, value) => {
    const got = parseAnswer(text, SCALES[scale]!, lang);
    if (Number.isNaN(value)) expect(got).toEqual({ invalid: 'names more than two options: 1, 2 and 3' });
    else expect(got).toEqual({ value, via: 'two-options' });
  });

  test.each(LABELS_AND_DISCLAIMERS)('[%s] %s: %j', (lang, scale, text, expected) => expect(parseAnswer(text, SCALES[scale]!, lang)).toEqual(expected));

  test('options further apart are unreadable, and say why, in any language', () => {
    expect(parseAnswer('Either 2 or 4, depending on the city.', importanceOf)).toEqual({ invalid: 'names two options that are not neighbours: 2 and 4' });
    expect(parseAnswer('1か5のどちらかです。', agreement, 'ja')).toEqual({ invalid: 'names two options that are not neighbours: 1 and 5' });
    expect(parseAnswer('Always or never, it varies a lot.', frequency)).toEqual({ invalid: 'names two options that are not neighbours: 1 and 5' });
  });

  test('a span over the whole scale describes it: the answer is what comes after', () => {
    expect(parseAnswer('On a scale from 1 (of the highest importance) to 5 (of hardly any or no importance), I would choose 2.', importanceOf)).toEqual({
      value: 2,
      via: 'number',
    });
    expect(parseAnswer('The options are:\n1 = always\n2 = usually\n3 = sometimes\n4 = seldom\n5 = never\n\nMy answer: usually', frequency)).toEqual({
      value: 2,
      via: 'label',
    });
  });

  test('a label inside a longer one, or negated, is not that label', () => {
    expect(parseAnswer('我不同意。', agreement, 'zh')).toEqual({ value: 4, via: 'label' });
    expect(parseAnswer('It is not of the highest importance, but very important.', importanceOf)).toEqual({ value: 2, via: 'label' });
  });
});

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
    expect(parseAnswer('2 or 4', scale)).toEqual({ invalid: 'names two options that are not neighbours: 2 and 4' });
  });

  test('a 10-point scale accepts 10 and "ten" and rejects 11', () => {
    const ten: AnswerScale = { id: 'ten', points: Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: {} })) };
    expect(parseAnswer('10', ten)).toMatchObject({ value: 10 });
    expect(parseAnswer('ten', ten)).toMatchObject({ value: 10 });
    expect(parseAnswer('Je dirais neuf.', ten, 'fr')).toMatchObject({ value: 9 });
    expect(parseAnswer('11', ten)).toEqual({ invalid: '11 is outside the 1–10 scale' });
  });
});
