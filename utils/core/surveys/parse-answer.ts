/**
 * Reads a model's answer to one survey item: "(2) very important", "2", "2 or 3" (the half point 2.5, as the
 * literature scores answers naming two neighbouring options), scale labels or number words in the prompt's
 * language, chatty preambles, reasoning blocks and refusals.
 */
import type { AnswerScale } from './instrument';
import { asciiDigits } from './questionnaire';
import { CUES, FINAL_CUES, NUMBER_WORDS, OR_WORDS, QUESTION_WORDS, REFUSALS, UNSPACED } from './answer-lexicon';

/** The parser's verdict: a value on the scale, a refusal, or why no value could be read. */
export type ParsedAnswer =
  | { value: number; via: 'number' | 'two-options' | 'label' | 'word' }
  | { refused: true }
  | { invalid: string };

/** Letters of scripts that separate words with spaces: a digit touching one is part of a word ("GPT-4", "m07"). */
const WORDY = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Hebrew}\p{N}_]`;
const NUMBER_CORE = String.raw`(\d{1,2}(?:[.,](?:5|0+))?)(?![.,]\d)(?!${WORDY})`;
const NUMBER = String.raw`(?<!${WORDY}-?)${NUMBER_CORE}`;
const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

const CUE_BEFORE = new RegExp(`(?:${alternation(CUES)})[^\\d]{0,24}$`, 'u');
const FINAL_BEFORE = new RegExp(`(?:${alternation(FINAL_CUES)})[^\\d]{0,12}$`, 'u');
const OR = alternation(OR_WORDS);
const CUE_WORDS = alternation(CUES);
const QUESTION_NUMBER = new RegExp(`(?:${alternation(QUESTION_WORDS)})\\s*(?:#|no\\.?|nr\\.?)?\\s*\\d+`, 'gu');

/** Lower-case, straight apostrophes, ASCII digits, no markdown emphasis or reasoning blocks. */
export function normalizeAnswer(text: string): string {
  return asciiDigits(text.normalize('NFKC'))
    .replace(/<think>[\s\S]*?(<\/think>|$)/gi, ' ')
    .replace(/[’‘`´]/g, "'")
    .replace(/[*_#]+/g, '')
    .toLowerCase()
    .trim();
}

const toNumber = (s: string) => Number(s.replace(',', '.'));

interface Candidate {
  value: number;
  at: number;
  strong: boolean;
  final: boolean;
  via: 'number' | 'two-options';
}

/** Blank out parts that mention numbers without answering: "1 to 5", "out of 5", "question 7", list markers. */
function maskNonAnswers(text: string, min: number, max: number): string {
  const blank = (m: string) => ' '.repeat(m.length);
  let out = text.replace(QUESTION_NUMBER, blank);
  out = out.replace(new RegExp(`(?<!\\d)${min}\\s*(?:${OR})\\s*${max}(?![\\d.,]\\d)`, 'gu'), blank);
  out = out.replace(new RegExp(`(\\d)(\\s*(?:/|out of|of|von|sur|de|из|van|में से)\\s*${max})(?!\\d)`, 'gu'), (_, d: string, rest: string) => d + blank(rest));
  // Numbered list markers, when the answer is laid out as a list of two or more lines.
  const markers = out.match(/^\s*\d{1,2}[.)]\s+\S/gm) ?? [];
  if (markers.length >= 2) out = out.replace(/^(\s*)(\d{1,2}[.)])(?=\s+\S)/gm, (_, sp: string, m: string) => sp + blank(m));
  // Echoed option lines ("3 = of moderate importance").
  out = out.replace(/^(\s*)(\d{1,2}\s*=)/gm, (_, sp: string, m: string) => sp + blank(m));
  return out;
}

function isStrong(text: string, at: number, length: number): { strong: boolean; final: boolean } {
  const before = text.slice(Math.max(0, at - 40), at);
  const final = FINAL_BEFORE.test(before);
  const wrapped = /[([]\s*$/.test(before) && /^\s*[)\]]/.test(text.slice(at + length));
  const first = !text.slice(0, at).trim();
  return { strong: final || wrapped || first || CUE_BEFORE.test(before), final };
}

function numberCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const taken: [number, number][] = [];
  const pair = new RegExp(`${NUMBER}\\s*(?:${OR})\\s*${NUMBER_CORE}`, 'gu');
  for (const m of text.matchAll(pair)) {
    const a = toNumber(m[1]!);
    const b = toNumber(m[2]!);
    const { strong, final } = isStrong(text, m.index!, m[0].length);
    taken.push([m.index!, m.index! + m[0].length]);
    if (Math.abs(a - b) === 1) out.push({ value: (a + b) / 2, at: m.index!, strong, final, via: 'two-options' });
    else out.push({ value: a, at: m.index!, strong, final, via: 'number' }, { value: b, at: m.index!, strong, final, via: 'number' });
  }
  for (const m of text.matchAll(new RegExp(NUMBER, 'gu'))) {
    if (taken.some(([s, e]) => m.index! >= s && m.index! < e)) continue;
    const { strong, final } = isStrong(text, m.index!, m[0].length);
    out.push({ value: toNumber(m[1]!), at: m.index!, strong, final, via: 'number' });
  }
  return out.sort((x, y) => x.at - y.at);
}

/** Scale labels found in the text (longest first, no overlaps), as values. */
function labelValues(text: string, scale: AnswerScale, language: string): number[] {
  const labels = scale.points.flatMap((p) =>
    [...new Set([p.label[language], p.label.en])].filter((l): l is string => !!l).map((l) => ({ value: p.value, label: normalizeAnswer(l) })),
  );
  labels.sort((a, b) => b.label.length - a.label.length);
  const used: [number, number][] = [];
  const found = new Set<number>();
  for (const { value, label } of labels) {
    if (!label) continue;
    for (let i = text.indexOf(label); i >= 0; i = text.indexOf(label, i + 1)) {
      if (used.some(([s, e]) => i < e && i + label.length > s)) continue;
      used.push([i, i + label.length]);
      found.add(value);
    }
  }
  return [...found];
}

/** Number words ("three", "drei", "三") alone in a short answer, or right after a cue word ("I'd pick two"). */
function wordValues(text: string, language: string): number[] {
  const found = new Set<number>();
  const short = text.replace(/[^\p{L}\p{M}\p{N}\s']/gu, ' ').trim().split(/\s+/).length <= 6;
  const bare = text.replace(/[\s\p{P}]/gu, '');
  for (const lang of [...new Set([language, 'en'])]) {
    const unspaced = UNSPACED.has(lang);
    const after = unspaced ? String.raw`(?=$|[\s\p{P}分点點番])` : BOUNDARY_AFTER;
    (NUMBER_WORDS[lang] ?? []).forEach((spellings, i) => {
      for (const word of spellings.split('|')) {
        const w = escape(word);
        // "one"/"un"/"ein" double as articles and one-letter words are particles elsewhere: they count only alone.
        const aloneOnly = unspaced || i === 0 || [...word].length === 1;
        const alone = aloneOnly ? bare === word : short && new RegExp(`${BOUNDARY_BEFORE}${w}${BOUNDARY_AFTER}`, 'u').test(text);
        const cued = (unspaced || !aloneOnly) && new RegExp(`(?:${CUE_WORDS})\\s*[:：是为為は ]{0,4}(?:is |ist |est |es |é )?${w}${after}`, 'u').test(text);
        if (alone || cued) found.add(i + 1);
      }
    });
  }
  return [...found];
}

const REFUSAL = new RegExp(alternation(REFUSALS), 'u');

/** True when the text reads as a refusal or a declared non-answer. */
export function looksLikeRefusal(text: string): boolean {
  return REFUSAL.test(normalizeAnswer(text));
}

/** Read one answer on `scale`. `language` is the prompt's language (labels and number words are looked up there and in English). */
export function parseAnswer(text: string, scale: AnswerScale, language = 'en'): ParsedAnswer {
  const min = scale.points[0]!.value;
  const max = scale.points[scale.points.length - 1]!.value;
  const norm = normalizeAnswer(text);
  if (!norm) return { invalid: 'empty answer' };
  const refusal = REFUSAL.test(norm);
  const inRange = (v: number) => v >= min && v <= max;
  const range = `${min}–${max}`;

  const candidates = numberCandidates(maskNonAnswers(norm, min, max));
  const valid = candidates.filter((c) => inRange(c.value));
  const strong = valid.filter((c) => c.strong);
  const pool = strong.length ? strong : valid;
  const distinct = [...new Set(pool.map((c) => c.value))];
  if (distinct.length === 1) return { value: distinct[0]!, via: pool.find((c) => c.value === distinct[0])!.via };
  if (distinct.length > 1) {
    const finals = pool.filter((c) => c.final);
    if (finals.length) return { value: finals[finals.length - 1]!.value, via: finals[finals.length - 1]!.via };
    if (refusal) return { refused: true };
    return { invalid: `ambiguous: mentions ${distinct.join(' and ')}` };
  }
  const outside = candidates.filter((c) => !inRange(c.value));
  if (outside.length && !refusal) return { invalid: `${outside[0]!.value} is outside the ${range} scale` };

  for (const [via, values] of [
    ['label', labelValues(norm, scale, language)],
    ['word', wordValues(norm, language)],
  ] as const) {
    const ok = values.filter(inRange);
    if (ok.length === 1) return { value: ok[0]!, via };
    if (ok.length > 1 && !refusal) return { invalid: `ambiguous: names ${ok.sort((a, b) => a - b).join(' and ')}` };
    if (values.length && !ok.length && !refusal) return { invalid: `${values[0]} is outside the ${range} scale` };
  }
  if (refusal) return { refused: true };
  return { invalid: `no answer on the ${range} scale found` };
}
