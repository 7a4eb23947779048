import { describe, expect, test } from 'vitest';
import { splitInlineOptions } from '@/utils/core/surveys/inline-options';
import { questionOptions } from '@/utils/core/surveys/questionnaire';

// Items and labels written for these tests (not from any questionnaire).
const FREQ = ['always', 'usually', 'sometimes', 'seldom', 'never'];
const labels = (text: string) => questionOptions(text).map((o) => `${o.value} ${o.label}`);
const expected = (list: string[]) => list.map((l, i) => `${i + 1} ${l}`);

describe('questionOptions: the options of one question as sent', () => {
  test.each([
    ['"(n) label;" on the question line', 'How often do you skip lunch? (1) always; (2) usually; (3) sometimes; (4) seldom; (5) never'],
    ['"n = label" lines', 'How often do you skip lunch?\n1 = always\n2 = usually\n3 = sometimes\n4 = seldom\n5 = never'],
    ['"n = label," on one line', 'How often do you skip lunch? 1 = always, 2 = usually, 3 = sometimes, 4 = seldom, 5 = never'],
    [
      '"n. label" lines under a numbered item',
      '07. How often do you skip lunch?\n1. always\n2. usually\n3. sometimes\n4. seldom\n5. never\nAnswer with a single number from 1 to 5 only.',
    ],
    ['"n (label)" in prose', 'How often do you skip lunch? Choose 1 (always), 2 (usually), 3 (sometimes), 4 (seldom) or 5 (never).'],
    [
      'options then an instruction on the same line',
      'How often do you skip lunch? (1) always; (2) usually; (3) sometimes; (4) seldom; (5) never. Answer with one number.',
    ],
    ['full-width brackets', 'How often do you skip lunch?（1）always；（2）usually；（3）sometimes；（4）seldom；（5）never'],
  ])('%s', (_, text) => expect(labels(text)).toEqual(expected(FREQ)));

  test('labels in other scripts keep their words', () => {
    expect(labels('你多久不吃午饭？（1）总是；（2）经常；（3）有时；（4）很少；（5）从不')).toEqual(expected(['总是', '经常', '有时', '很少', '从不']));
    expect(labels('昼食を抜くことはありますか。(1) いつも (2) たいてい (3) ときどき (4) めったにない (5) まったくない')).toEqual(
      expected(['いつも', 'たいてい', 'ときどき', 'めったにない', 'まったくない']),
    );
  });

  test('a question without a list of options has none', () => {
    expect(questionOptions('How often do you skip lunch? Answer with a number from 1 to 5.')).toEqual([]);
    expect(splitInlineOptions('Between 2. and 3. there is a gap.')).toBeNull();
  });
});
