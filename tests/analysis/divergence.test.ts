import { describe, expect, test } from 'vitest';
import { cosineMatrix, meanSimilarities, outlier, similarityMatrix, tokenize } from '@/utils/core/analysis/divergence';

describe('tokenize', () => {
  test.each([
    ['spaced words, lower-cased, English function words dropped, plurals folded', 'The GMOs are SAFE', ['gmo', 'safe']],
    ['Chinese as overlapping character pairs', '转基因安全', ['转基', '基因', '因安', '安全']],
    ['Japanese katakana with the long-vowel mark kept inside', 'コーヒー', ['コー', 'ーヒ', 'ヒー']],
    ['Thai as character pairs', 'ภาษา', ['ภา', 'าษ', 'ษา']],
    ['a single unspaced character stays a token', '水', ['水']],
    ['Cyrillic and Devanagari as words (marks stay inside)', 'Привет мир नमस्ते', ['привет', 'мир', 'नमस्ते']],
    ['mixed scripts split at the script change', 'GMO食品', ['gmo', '食品']],
    ['punctuation and emoji only', '… !!! 🌍', []],
  ])('%s', (_, text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('similarityMatrix', () => {
  const texts = [
    'Genetically modified crops are safe to eat and reduce pesticide use.',
    'GM crops are safe to eat; they also reduce the use of pesticides.',
    'I cannot help with that request.',
    '',
  ];
  const matrix = similarityMatrix(texts);

  test('is square and symmetric with 1 on the diagonal and values in 0..1', () => {
    expect(matrix).toHaveLength(texts.length);
    for (let i = 0; i < texts.length; i++) {
      expect(matrix[i]).toHaveLength(texts.length);
      expect(matrix[i]![i]).toBe(1);
      for (let j = 0; j < texts.length; j++) {
        expect(matrix[i]![j]).toBe(matrix[j]![i]);
        expect(matrix[i]![j]).toBeGreaterThanOrEqual(0);
        expect(matrix[i]![j]).toBeLessThanOrEqual(1);
      }
    }
  });

  test('paraphrases are closer than an unrelated refusal; an empty answer is 0 to all others', () => {
    expect(matrix[0]![1]).toBeGreaterThan(matrix[0]![2]! + 0.2);
    expect(matrix[3]!.filter((_, j) => j !== 3)).toEqual([0, 0, 0]);
  });

  test.each([
    ['Chinese without spaces', ['转基因食品是安全的，可以放心食用。', '转基因食品是安全的，大家可以食用。', '今天的天气非常好，我们去公园散步。']],
    ['Japanese without spaces', ['遺伝子組み換え食品は安全です。', '遺伝子組み換え食品は概ね安全です。', '明日は雨が降るでしょう。']],
    ['Thai without spaces', ['อาหารดัดแปลงพันธุกรรมปลอดภัย', 'อาหารดัดแปลงพันธุกรรมปลอดภัยมาก', 'วันนี้อากาศดีมาก']],
    ['Arabic', ['الأغذية المعدلة وراثيا آمنة للأكل', 'الأغذية المعدلة وراثيا آمنة تماما', 'الطقس جميل اليوم في المدينة']],
  ])('%s: the two related answers are closest', (_, trio) => {
    const m = similarityMatrix(trio);
    expect(m[0]![1]).toBeGreaterThan(m[0]![2]!);
    expect(m[0]![1]).toBeGreaterThan(m[1]![2]!);
  });

  test('identical texts are 1, disjoint texts 0, no texts give an empty matrix', () => {
    expect(similarityMatrix(['same words here', 'same words here'])[0]![1]).toBeCloseTo(1, 10);
    expect(similarityMatrix(['apples oranges', 'trains buses'])[0]![1]).toBe(0);
    expect(similarityMatrix([])).toEqual([]);
    expect(similarityMatrix(['', ''])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});

describe('cosineMatrix', () => {
  test('cosine of embeddings: same direction 1, orthogonal 0, opposite -1, zero vector 0', () => {
    const m = cosineMatrix([
      [1, 0],
      [2, 0],
      [0, 3],
      [-1, 0],
      [0, 0],
    ]);
    expect(m[0]![1]).toBeCloseTo(1);
    expect(m[0]![2]).toBe(0);
    expect(m[0]![3]).toBeCloseTo(-1);
    expect(m[4]![0]).toBe(0);
    expect(m[4]![4]).toBe(1);
  });

  test('vectors of different lengths are refused with a reason', () => {
    expect(() =>
      cosineMatrix([
        [1, 2],
        [1, 2, 3],
      ]),
    ).toThrow(/same model/);
  });
});

/** A matrix where every pair has similarity `base` except the pairs listed. */
function matrixOf(n: number, base: number, pairs: [number, number, number][] = []): number[][] {
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : base)));
  for (const [i, j, v] of pairs) {
    m[i]![j] = v;
    m[j]![i] = v;
  }
  return m;
}

describe('outlier', () => {
  test.each([
    [
      'one answer far from four alike ones',
      matrixOf(5, 0.6, [
        [3, 0, 0.1],
        [3, 1, 0.1],
        [3, 2, 0.05],
        [3, 4, 0.1],
      ]),
      3,
    ],
    [
      'three answers, two alike and one apart',
      matrixOf(3, 0.8, [
        [0, 2, 0.1],
        [1, 2, 0.1],
      ]),
      2,
    ],
    ['all alike: nobody stands out', matrixOf(6, 0.7), null],
    ['all different: nobody stands out', matrixOf(6, 0.05), null],
    ['two answers: too few to call one an outlier', matrixOf(2, 0.1), null],
    [
      'two candidates close together: not a clear outlier',
      matrixOf(3, 0.8, [
        [0, 2, 0.5],
        [1, 2, 0.1],
      ]),
      null,
    ],
    [
      'two answers apart from the rest and from each other: not one clear outlier',
      matrixOf(5, 0.7, [
        [0, 3, 0.1],
        [1, 3, 0.1],
        [2, 3, 0.1],
        [0, 4, 0.1],
        [1, 4, 0.1],
        [2, 4, 0.1],
        [3, 4, 0.1],
      ]),
      null,
    ],
  ])('%s', (_, matrix, expected) => {
    const found = outlier(matrix);
    expect(found?.index ?? null).toBe(expected);
    if (found) expect(found.meanSimilarity).toBeCloseTo(meanSimilarities(matrix)[found.index]!, 10);
  });

  test('end to end: a refusal among four agreeing answers is the outlier', () => {
    const answers = [
      'Nuclear power emits little carbon and runs reliably, but waste storage and cost remain concerns.',
      'Nuclear power is low carbon and reliable; its main concerns are waste storage and high cost.',
      'Low-carbon and reliable, nuclear power still faces concerns over cost and waste storage.',
      'I am sorry, but I cannot discuss this topic.',
      'Nuclear power is reliable and low carbon, though cost and waste storage are concerns.',
    ];
    expect(outlier(similarityMatrix(answers))?.index).toBe(3);
  });
});
