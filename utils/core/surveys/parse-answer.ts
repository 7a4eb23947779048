/**
 * Reads a model's answer to one survey item the way researchers score them: a number ("2", "(2) very
 * important"), a scale label as written or in other words ("extremely important"), a number word, or two
 * neighbouring options joined by "or" in any language and any order ("2 (very important) or 3",
 * 「3（どちらとも言えない）か4」) as the half point between them. Options further apart are not averaged: the
 * answer is unreadable and says why. A value given after a disclaimer ("As an AI I have no preferences, but…")
 * is an answer; a refusal is an answer that gives no value.
 */
import type { AnswerScale } from './instrument';
import { CUES, FINAL_CUES, REFUSALS } from './answer-lexicon';
import { alternation, maskNonAnswers, normalizeAnswer, numberMentions, wordMentions, type Mention } from './answer-mentions';
import { findLabels } from './label-match';
import { ALTERNATIVE_WORDS, RANGE_WORDS } from './label-lexicon';

/** The reader's verdict: a value on the scale (and how it was read), a refusal, or why no value could be read. */
export type ParsedAnswer = { value: number; via: 'number' | 'two-options' | 'label' | 'word' } | { refused: true } | { invalid: string };

const CUE_BEFORE = new RegExp(`(?:${alternation(CUES)})[^\\d]{0,24}$`, 'u');
const FINAL_BEFORE = new RegExp(`(?:${alternation(FINAL_CUES)})[^\\d]{0,12}$`, 'u');
const REFUSAL = new RegExp(alternation(REFUSALS), 'u');
/** What may stand between a number and its own label: brackets, quotes, "=", ":", a dash, a comma. */
const SAME_OPTION_GAP = /^[\s()[\]（）【】「」『』"'“”«»=:：,，.\-–—]{0,6}$/u;
/** Hedges allowed around "or" ("2 or maybe 3") and the small words before a label ("or of moderate importance"). */
const HEDGES = new Set(['maybe', 'perhaps', 'possibly', 'vielleicht', 'eventuell', 'quizás', 'quizá', 'peut-être', 'forse', '也许', '可能', '或许', 'たぶん']);
const FILLERS = new Set([
  'probably',
  'even',
  'auch',
  'tal',
  'vez',
  'of',
  'the',
  'a',
  'an',
  'de',
  'la',
  'el',
  'lo',
  'von',
  'der',
  'die',
  'das',
  'du',
  'des',
  'le',
  'i',
  'am',
  'is',
  "i'm",
  'it',
  "it's",
  'would',
  'be',
  'say',
  'sagen',
  'würde',
  'ist',
  'es',
  'ich',
  'eher',
  'somewhere',
  'between',
  'zwischen',
  'entre',
  'either',
  'entweder',
  'from',
  'von',
  'desde',
]);
const ALTERNATIVES = new Set(ALTERNATIVE_WORDS);
const RANGES = new Set(RANGE_WORDS);
const CJK_CONNECTOR = /^(?:或者|或是|或|还是|到|至|和|与|跟|か|から|と|または|もしくは|~|〜|～)(?:是|说|の間|之间)?$/u;

type Via = 'number' | 'two-options' | 'label' | 'word';

/** One option as the answer names it: a number with its label ("2 (very important)"), a label, a number word. */
interface Option {
  value: number;
  start: number;
  end: number;
  via: Via;
  partial: boolean;
}

/** Something the answer may mean: a value, or an unreadable reason (options too far apart). */
interface Candidate {
  value: number | null;
  reason?: string;
  via: Via;
  /** 3: after "final answer", 2: after a cue ("I'd pick"), 1: first thing said or in brackets, 0: in passing. */
  strength: number;
}

/** A number and a label or word right next to each other name one option (the number's value). */
function toOptions(text: string, mentions: Mention[]): Option[] {
  const options: Option[] = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const last = options[options.length - 1];
    if (last && m.start < last.end) continue;
    const mixed = last && (last.via === 'number') !== (m.kind === 'number');
    if (last && mixed && SAME_OPTION_GAP.test(text.slice(last.end, m.start))) {
      if (m.kind === 'number') last.value = m.value;
      last.via = 'number';
      last.end = m.end;
      last.partial = false;
      continue;
    }
    options.push({ value: m.value, start: m.start, end: m.end, via: m.kind, partial: !!m.partial });
  }
  return options;
}

type Join = 'alternative' | 'range' | 'list';

/** 'alternative' for "or", 'range' for "to"/"and"/"-", 'list' for a comma, null when the gap does not join two options. */
function joinedBy(gap: string): Join | null {
  if (/^\s*[,，、]\s*$/u.test(gap)) return 'list';
  if (gap.length > 40 || /[.!?。！？;；\n]/u.test(gap.replace(/\.{3}|…/g, ''))) return null;
  let kind: 'alternative' | 'range' | null = /[~〜～/–—]|(?:^|\s)-(?:\s|$)|^-$/u.test(gap.trim()) ? 'range' : null;
  for (const word of gap
    .toLowerCase()
    .split(/[\s()[\]（）「」『』"'“”«»,，、:：~〜～/–—]+/u)
    .filter(Boolean)) {
    if (word === '-' || FILLERS.has(word)) continue;
    if (HEDGES.has(word)) kind ??= 'alternative';
    else if (ALTERNATIVES.has(word) || (CJK_CONNECTOR.test(word) && /^(?:或|还是|か|または|もしくは)/u.test(word))) kind = 'alternative';
    else if (RANGES.has(word) || CJK_CONNECTOR.test(word)) kind ??= 'range';
    else return null;
  }
  return kind;
}

function strength(text: string, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - 40), start);
  if (FINAL_BEFORE.test(before)) return 3;
  if (CUE_BEFORE.test(before)) return 2;
  const wrapped = /[([（「“"]\s*$/u.test(before) && /^\s*[)\]）」”"]/u.test(text.slice(end));
  return wrapped || !text.slice(0, start).replace(/[\s\p{P}]/gu, '') ? 1 : 0;
}

const fmt = (values: number[]) =>
  values
    .map(String)
    .join(', ')
    .replace(/, ([^,]*)$/, ' and $1');

/** Candidates from the options: pairs joined by "or" (midpoint, or unreadable when not neighbours), then singles. */
function candidates(text: string, options: Option[], min: number, max: number, short: boolean): Candidate[] {
  const out: Candidate[] = [];
  const make = (first: Option, last: Option, value: number | null, via: Via, reason?: string) =>
    out.push({ value, via, strength: strength(text, first.start, last.end), ...(reason ? { reason } : {}) });
  for (let i = 0; i < options.length; i++) {
    const chain = [options[i]!];
    const joins: Join[] = [];
    for (let j = i + 1; j < options.length; j++) {
      const join = joinedBy(text.slice(options[j - 1]!.end, options[j]!.start));
      if (!join) break;
      chain.push(options[j]!);
      joins.push(join);
    }
    // "1, 2 or 3" is one list; a comma alone ("2, 4") or after the last "or" joins nothing.
    while (joins.length && joins[joins.length - 1] === 'list') {
      joins.pop();
      chain.pop();
    }
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    const values = [...new Set(chain.map((o) => o.value))];
    i += chain.length - 1;
    if (values.length === 1) {
      if (!chain.every((o) => o.partial) || short) make(first, last, values[0]!, first.via);
      continue;
    }
    const sorted = [...values].sort((a, b) => a - b);
    // "from 1 to 5", "between 1 (…) and 5 (…)", "1 = … 2 = … 5 = …": the answer describes the scale.
    if (sorted[0] === min && sorted[sorted.length - 1] === max && (joins.every((j) => j === 'range') || sorted.length === max - min + 1)) continue;
    if (values.length > 2) make(first, last, null, 'two-options', `names more than two options: ${fmt(values)}`);
    else if (sorted[1]! - sorted[0]! === 1) make(first, last, (sorted[0]! + sorted[1]!) / 2, 'two-options');
    else make(first, last, null, 'two-options', `names two options that are not neighbours: ${fmt(values)}`);
  }
  return out;
}

/** Read one answer on `scale`. `language` is the prompt's language (labels and number words are looked up there and in English). */
export function parseAnswer(text: string, scale: AnswerScale, language = 'en'): ParsedAnswer {
  const min = scale.points[0]!.value;
  const max = scale.points[scale.points.length - 1]!.value;
  const norm = normalizeAnswer(text);
  if (!norm) return { invalid: 'empty answer' };
  const refusal = REFUSAL.test(norm);
  const range = `${min}–${max}`;
  const labels = new Map(scale.points.map((p) => [p.value, Object.values(p.label).map(normalizeAnswer)]));
  const masked = maskNonAnswers(norm, max, labels);

  const numbers = numberMentions(masked);
  const outside = numbers.filter((m) => m.value < min || m.value > max);
  const mentions: Mention[] = [
    ...numbers.filter((m) => m.value >= min && m.value <= max),
    ...findLabels(masked, scale, language).map((l) => ({ value: l.value, start: l.start, end: l.end, kind: 'label' as const, partial: l.partial })),
    ...wordMentions(masked, language).filter((m) => m.value >= min && m.value <= max),
  ];
  // A whole answer of a few words ("Sehr.", "有时") may name a label without its shared words.
  const size = (norm.match(/[\p{L}\p{N}]+/gu) ?? []).reduce(
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts CJK characters, which are single code points
    (n, w) => n + (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(w) ? Math.ceil([...w].length / 3) : 1),
    0,
  );
  const short = size <= 4;
  const found = candidates(masked, toOptions(masked, mentions), min, max, short);
  if (!found.length) {
    if (refusal) return { refused: true };
    if (outside.length) return { invalid: `${outside[0]!.value} is outside the ${range} scale` };
    return { invalid: `no answer on the ${range} scale found` };
  }
  // The most emphatic candidates decide; of several after "final answer", the last.
  const level = Math.max(...found.map((c) => c.strength));
  const pool = found.filter((c) => c.strength === level).slice(level === 3 ? -1 : 0);
  const distinct = [...new Map(pool.map((c) => [c.value ?? c.reason, c])).values()];
  if (distinct.length === 1) {
    const c = distinct[0]!;
    if (c.value !== null) return { value: c.value, via: c.via };
    return refusal && !level ? { refused: true } : { invalid: c.reason! };
  }
  if (refusal && !level) return { refused: true };
  const values = distinct.map((c) => c.value).filter((v): v is number => v !== null);
  return { invalid: values.length > 1 ? `ambiguous: mentions ${fmt(values)}` : distinct.find((c) => c.reason)!.reason! };
}
