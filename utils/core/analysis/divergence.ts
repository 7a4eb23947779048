/**
 * How far answers diverge: lexical similarity (TF-IDF cosine over words, or character bigrams for scripts
 * written without spaces), cosine over embeddings when a model provides them, and the one answer that stands
 * apart. Pure.
 */

/** Scripts written without spaces between words: tokenized as overlapping character pairs. */
const UNSPACED = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}ー々〆';
const TOKEN = new RegExp(`([${UNSPACED}]+)|((?:(?![${UNSPACED}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');

/** Function words of English (the language of back-translations) that say nothing about content. */
const EN_STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'there their they them he she his her we our you your i me my not no do does did so than then such can will would ' +
    'should could may might also about into over more most some any each which who whom what when where how all'
  ).split(' '),
);

/** Light English plural folding ("answers" → "answer"), leaving "ss" words alone. */
function fold(word: string): string {
  return /^[a-z]{3,}s$/.test(word) && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * Tokens of a text for lexical comparison: lower-cased words for spaced scripts (English function words
 * dropped), overlapping character bigrams for Chinese, Japanese, Thai and similar scripts.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const normalized = text.normalize('NFKC').toLowerCase();
  for (const m of normalized.matchAll(TOKEN)) {
    const run = m[1];
    if (run !== undefined) {
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit wanted: each CJK character is a token
      const chars = [...run];
      if (chars.length === 1) tokens.push(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    } else {
      const word = m[2]!;
      if (!EN_STOPWORDS.has(word)) tokens.push(fold(word));
    }
  }
  return tokens;
}

/** Cosine of two equally long vectors; 0 when either is all zeros. */
function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Symmetric matrix from a pair function; the diagonal is 1. */
function symmetric(n: number, pair: (i: number, j: number) => number): number[][] {
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    matrix[i]![i] = 1;
    for (let j = i + 1; j < n; j++) {
      const value = pair(i, j);
      matrix[i]![j] = value;
      matrix[j]![i] = value;
    }
  }
  return matrix;
}

/**
 * Pairwise lexical similarity of the texts (0..1): cosine of TF-IDF vectors (sublinear term frequency, smoothed
 * inverse document frequency). Symmetric with 1 on the diagonal; an empty text is 0 to every other text.
 */
export function similarityMatrix(texts: string[]): number[][] {
  const docs = texts.map(tokenize);
  const vocabulary = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const doc of docs) {
    for (const term of new Set(doc)) {
      let index = vocabulary.get(term);
      if (index === undefined) {
        index = vocabulary.size;
        vocabulary.set(term, index);
        documentFrequency.push(0);
      }
      documentFrequency[index]!++;
    }
  }
  const n = docs.length;
  const idf = documentFrequency.map((df) => Math.log((1 + n) / (1 + df)) + 1);
  const vectors = docs.map((doc) => {
    const counts = new Map<number, number>();
    for (const term of doc) {
      const index = vocabulary.get(term)!;
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    const vector = new Float64Array(vocabulary.size);
    for (const [index, count] of counts) vector[index] = (1 + Math.log(count)) * idf[index]!;
    return vector;
  });
  return symmetric(n, (i, j) => Math.min(1, Math.max(0, cosine(vectors[i]!, vectors[j]!))));
}

/**
 * Pairwise cosine of embedding vectors (-1..1), symmetric with 1 on the diagonal; a zero vector is 0 to the
 * others. Throws when the vectors differ in length (they come from different models).
 */
export function cosineMatrix(vectors: number[][]): number[][] {
  const size = vectors[0]?.length ?? 0;
  if (vectors.some((v) => v.length !== size)) throw new Error('Embeddings differ in length; were they made by the same model?');
  return symmetric(vectors.length, (i, j) => Math.min(1, Math.max(-1, cosine(vectors[i]!, vectors[j]!))));
}

/** Mean similarity of each answer to all the others. */
export function meanSimilarities(matrix: number[][]): number[] {
  const n = matrix.length;
  return matrix.map((row, i) => (n < 2 ? 1 : row.reduce((sum, value, j) => (j === i ? sum : sum + value), 0) / (n - 1)));
}

/** The least similar answer must sit at least this far below how similar the others are to each other. */
const MIN_SEPARATION = 0.1;
/** …and at most this share of it. */
const MAX_RATIO = 0.75;
/** The runner-up must be clearly closer to the rest: its gap to the outlier is at least this share of the separation. */
const MIN_GAP_SHARE = 0.4;

/**
 * The answer that stands apart from the rest, or null when there are fewer than three answers or none stands
 * out clearly (all alike, all different, or two candidates close together).
 */
export function outlier(matrix: number[][]): { index: number; meanSimilarity: number } | null {
  const n = matrix.length;
  if (n < 3) return null;
  const means = meanSimilarities(matrix);
  const order = means.map((_, i) => i).sort((a, b) => means[a]! - means[b]!);
  const candidate = order[0]!;
  const low = means[candidate]!;
  let restSum = 0;
  let restPairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (i === candidate || j === candidate) continue;
      restSum += matrix[i]![j]!;
      restPairs++;
    }
  }
  const rest = restSum / restPairs;
  const separation = rest - low;
  if (separation < MIN_SEPARATION || low > MAX_RATIO * rest) return null;
  const runnerUp = means[order[1]!]!;
  if (runnerUp - low < MIN_GAP_SHARE * separation) return null;
  return { index: candidate, meanSimilarity: low };
}
