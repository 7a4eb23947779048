/**
 * Finding a scale's labels in an answer: as written ("very important"), or in other words through the word
 * classes of label-lexicon.ts ("extremely important" for "of utmost importance"). Words every label shares
 * (a head such as "important") count little; the words that tell labels apart must be there. A label said
 * without its head ("moderately or very important") is a partial mention: the reader keeps it only as one of
 * two options or as a whole short answer.
 */
import type { AnswerScale } from './instrument';
import { normalizeAnswer } from './answer-mentions';
import { ALTERNATIVE_WORDS, LABEL_CLASSES, LABEL_STOPWORDS, RANGE_WORDS } from './label-lexicon';

/** A label found in the (normalised) answer, with where it is. */
export interface LabelMention {
  value: number;
  start: number;
  end: number;
  /** Written as the label is (not a paraphrase). */
  exact: boolean;
  /** Said without the words every label shares ("very" for "very important"). */
  partial: boolean;
  score: number;
}

interface Token {
  start: number;
  end: number;
  /** The word, or '' for a class match. */
  word: string;
  classes: string[];
  sentence: number;
  clause: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*/gu;
const CONNECTORS = new Set([...ALTERNATIVE_WORDS, ...RANGE_WORDS]);
/** A negation right before a label ("not very important", "nicht sehr wichtig", "不同意"). */
const NEGATED_BEFORE = /(?:(?<![\p{L}\p{M}])(?:not|don't|doesn't|isn't|no|nicht|kein|keine|pas|non|не|não|nunca)\s+|[不没])$/u;
const NEGATIONS = new Set([
  'not',
  "don't",
  "doesn't",
  "isn't",
  "wouldn't",
  'no',
  'nicht',
  'kein',
  'keine',
  'pas',
  'non',
  'не',
  'não',
  '不',
  '没',
  '没有',
  'ない',
]);

const compiled = new Map<string, { cls: string; re: RegExp }[]>();
function classPatterns(language: string): { cls: string; re: RegExp }[] {
  let list = compiled.get(language);
  if (!list) {
    const spaced = !['zh', 'ja', 'ko'].includes(language);
    list = (LABEL_CLASSES[language] ?? []).map(([cls, ...phrases]) => {
      const body = phrases.join('|');
      return { cls, re: new RegExp(spaced ? `(?<![\\p{L}\\p{M}\\p{N}])(?:${body})(?![\\p{L}\\p{M}\\p{N}])` : `(?:${body})`, 'gu') };
    });
    compiled.set(language, list);
  }
  return list;
}

/** Words and class matches of `text` in reading order (stopwords and connectors left out; they split clauses). */
function tokenize(text: string, languages: readonly string[], disabled: ReadonlySet<string>): { tokens: Token[]; bounds: Set<number> } {
  const found: { start: number; end: number; classes: string[] }[] = [];
  for (const language of languages)
    for (const { cls, re } of classPatterns(language)) {
      if (disabled.has(cls)) continue;
      for (const m of text.matchAll(re)) {
        if (!m[0]) continue;
        const end = m.index + m[0].length;
        const same = found.find((f) => f.start === m.index && f.end === end);
        if (same) {
          if (!same.classes.includes(cls)) same.classes.push(cls);
        } else found.push({ start: m.index, end, classes: [cls] });
      }
    }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const spans: { start: number; end: number; word: string; classes: string[] }[] = [];
  for (const f of found) if (!spans.some((s) => f.start < s.end && f.end > s.start)) spans.push({ ...f, word: '' });
  const negativePrefix = languages.some((l) => l === 'en' || l === 'de');
  for (const m of text.matchAll(WORD)) {
    const end = m.index + m[0].length;
    if (spans.some((s) => m.index < s.end && end > s.start)) continue;
    // "unimportant", "unwichtig": a negation and the word, so they meet "not important" and "nicht wichtig".
    if (negativePrefix && /^un\p{L}{5,}$/u.test(m[0]))
      spans.push({ start: m.index, end: m.index + 2, word: '', classes: ['none'] }, { start: m.index + 2, end, word: m[0].slice(2), classes: [] });
    else spans.push({ start: m.index, end, word: m[0], classes: [] });
  }
  spans.sort((a, b) => a.start - b.start);
  const stop = new Set(languages.flatMap((l) => LABEL_STOPWORDS[l] ?? []));
  const bounds = new Set<number>();
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let last = 0;
  for (const s of spans) {
    bounds.add(s.start).add(s.end);
    const between = text.slice(last, s.start);
    last = s.end;
    if (/[.!?;。！？；\n]/u.test(between)) {
      sentence++;
      clause++;
    }
    if (/[~〜～/–—]|\s-\s/u.test(between)) clause++;
    if (s.word && CONNECTORS.has(s.word)) {
      clause++;
      continue;
    }
    if (s.word && stop.has(s.word)) continue;
    tokens.push({ ...s, sentence, clause });
  }
  bounds.add(0).add(text.length);
  return { tokens, bounds };
}

/** Same word up to an ending: "important"/"importance", "stimme"/"stimmt", not "never"/"nevertheless". */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (CJK.test(a) || CJK.test(b) || Math.abs(a.length - b.length) > 4) return false;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return common >= Math.max(5, Math.min(a.length, b.length) - 3);
}

/** A label word: a class, or a word when no class covers it. */
type Key = { cls: string[] } | { word: string };
const keyOf = (t: Token): Key => (t.word ? { word: t.word } : { cls: t.classes });
const keyMatches = (k: Key, t: Token) => ('word' in k ? !!t.word && sameWord(k.word, t.word) : t.classes.some((c) => k.cls.includes(c)));
const keyEq = (a: Key, b: Key) => ('word' in a ? 'word' in b && sameWord(a.word, b.word) : 'cls' in b && a.cls.some((c) => b.cls.includes(c)));
const keyId = (k: Key) => ('word' in k ? k.word : k.cls.slice().sort().join('|'));

const isNegative = (k: Key) => ('cls' in k ? k.cls.includes('none') : NEGATIONS.has(k.word));

interface LabelModel {
  value: number;
  exact: string[];
  keys: Key[];
  weights: number[];
  heads: boolean[];
}

/** Per label: its written forms, its words (through the classes this scale can use) and their weights. */
function labelModels(scale: AnswerScale, languages: readonly string[]): { models: LabelModel[]; disabled: Set<string> } {
  const disabled = new Set<string>();
  const texts = scale.points.map((p) => [
    ...new Set(
      languages
        .map((l) => p.label[l])
        .filter((l): l is string => !!l)
        .map(normalizeAnswer),
    ),
  ]);
  for (;;) {
    const keys = texts.map((forms) => {
      const all = forms.flatMap((f) => tokenize(f, languages, disabled).tokens.map(keyOf));
      return all.filter((k, i) => all.findIndex((x) => keyEq(x, k)) === i);
    });
    // Two labels that read the same through a class ("fairly proud", "somewhat proud") keep their own words.
    const ids = keys.map((k) => k.map(keyId).sort().join(' '));
    const clash = ids.findIndex((id, i) => id && ids.indexOf(id) !== i);
    const classes = clash >= 0 ? keys[clash]!.flatMap((k) => ('cls' in k ? k.cls : [])).filter((c) => !disabled.has(c)) : [];
    if (classes.length) {
      for (const c of classes) disabled.add(c);
      continue;
    }
    const count = (k: Key) => keys.filter((ks) => ks.some((x) => keyEq(x, k))).length;
    const labelled = keys.filter((k) => k.length).length;
    const models = scale.points.map((p, i) => ({
      value: p.value,
      exact: texts[i]!,
      keys: keys[i]!,
      weights: keys[i]!.map((k) => 1 / count(k)),
      heads: keys[i]!.map((k) => labelled > 2 && count(k) > labelled / 2),
    }));
    return { models, disabled };
  }
}

/** Best paraphrase match of one label starting at token `s`, or null. Words of other labels end the window. */
function windowMatch(model: LabelModel, others: LabelModel[], tokens: Token[], s: number): LabelMention | null {
  const foreign = (t: Token) => others.some((o) => o.keys.some((k, i) => !o.heads[i] && keyMatches(k, t)));
  const hits: number[] = [];
  const matched = model.keys.map(() => false);
  const limit = model.keys.length + 3;
  for (let j = s; j < tokens.length && j < s + limit && tokens[j]!.clause === tokens[s]!.clause; j++) {
    const k = model.keys.findIndex((key, i) => !matched[i] && keyMatches(key, tokens[j]!));
    if (k < 0) {
      if (foreign(tokens[j]!)) break;
      continue;
    }
    if (hits.length && j - hits[hits.length - 1]! > 2) break; // label words stay together
    matched[k] = true;
    hits.push(j);
  }
  if (!hits.length || hits[0] !== s) return null;
  const modifiers = model.keys.map((_, i) => i).filter((i) => !model.heads[i]);
  const strongest = Math.max(0, ...modifiers.map((i) => model.weights[i]!));
  let score = 0;
  model.keys.forEach((_, i) => (score += matched[i] ? model.weights[i]! : model.heads[i] ? 0 : -0.5 * model.weights[i]!));
  if (modifiers.length ? !modifiers.some((i) => matched[i] && model.weights[i]! >= strongest) : !matched.every(Boolean)) return null;
  if (score <= 0.3) return null;
  const before = tokens[s - 1];
  const negated = before && before.sentence === tokens[s]!.sentence && (before.classes.includes('none') || NEGATIONS.has(before.word));
  if (negated && !model.keys.some(isNegative)) return null;
  const partial = model.heads.some(Boolean) && !model.heads.some((h, i) => h && matched[i]);
  // A negation alone ("not", "ない") is in too many sentences to name a label without its head.
  if (partial && hits.every((j) => tokens[j]!.classes.includes('none'))) return null;
  return { value: model.value, start: tokens[hits[0]]!.start, end: tokens[hits[hits.length - 1]!]!.end, exact: false, partial, score };
}

/** Label models per scale (scales are data that does not change once read) and language. */
const modelCache = new WeakMap<AnswerScale, Map<string, ReturnType<typeof labelModels>>>();

/**
 * Every label of `scale` mentioned in `text` (already normalised with `normalizeAnswer`), without overlaps: labels as
 * written first (longest first), then paraphrases by score. Labels are read in `language` and in English.
 */
export function findLabels(text: string, scale: AnswerScale, language: string): LabelMention[] {
  const languages = [...new Set([language, 'en'])];
  const byLanguage = modelCache.get(scale) ?? new Map<string, ReturnType<typeof labelModels>>();
  modelCache.set(scale, byLanguage);
  const cached = byLanguage.get(language) ?? labelModels(scale, languages);
  byLanguage.set(language, cached);
  const { models, disabled } = cached;
  const { tokens, bounds } = tokenize(text, languages, disabled);
  const candidates: LabelMention[] = [];
  for (const model of models) {
    for (const form of model.exact) {
      for (let i = text.indexOf(form); form && i >= 0; i = text.indexOf(form, i + 1)) {
        // Korean attaches endings to the label ("보통입니다"): a word start is enough there.
        const negated = NEGATED_BEFORE.test(text.slice(Math.max(0, i - 12), i)) && !model.keys.some(isNegative);
        if (!negated && bounds.has(i) && (bounds.has(i + form.length) || /\p{Script=Hangul}$/u.test(form)))
          candidates.push({ value: model.value, start: i, end: i + form.length, exact: true, partial: false, score: 100 + form.length });
      }
    }
    if (!model.keys.length) continue;
    const others = models.filter((m) => m !== model);
    tokens.forEach((token, s) => {
      const m = model.keys.some((k) => keyMatches(k, token)) && windowMatch(model, others, tokens, s);
      if (m) candidates.push(m);
    });
  }
  candidates.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: LabelMention[] = [];
  for (const c of candidates) if (!chosen.some((x) => c.start < x.end && c.end > x.start)) chosen.push(c);
  return chosen.sort((a, b) => a.start - b.start);
}
