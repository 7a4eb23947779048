/**
 * What in an answer could name an option: numbers ("2", "2.5", "٣"), number words ("three", "drei", "三"), with
 * where they stand, after blanking what mentions numbers without answering ("1 to 5", "out of 5", "question 7",
 * list markers, the options echoed back). Scale labels are found by label-match.ts.
 */
import { asciiDigits } from './questionnaire';
import { CUES, NUMBER_WORDS, QUESTION_WORDS, UNSPACED } from './answer-lexicon';

/** One place in the answer that names a value. */
export interface Mention {
  value: number;
  start: number;
  end: number;
  kind: 'number' | 'label' | 'word';
  /** A label said without its shared words ("very" for "very important"); see label-match.ts. */
  partial?: boolean;
}

/** Letters of scripts that separate words with spaces: a digit touching one is part of a word ("GPT-4", "m07"). */
const WORDY = String.raw`[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Hebrew}\p{N}_]`;
const NUMBER = new RegExp(String.raw`(?<!${WORDY})(?<![\p{L}_]-)(\d{1,2}(?:[.,](?:5|0+))?)(?![.,]\d)(?!${WORDY})`, 'gu');
const BOUNDARY_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const BOUNDARY_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Longest first, escaped, joined with "|". */
export const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

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

/**
 * Blank out (same length) what mentions numbers without answering: "question 7", "out of 5", "4/5"'s "/5",
 * list markers of an answer laid out as a list, and option lines echoed back ("3 = of moderate importance").
 */
export function maskNonAnswers(text: string, max: number, labels: ReadonlyMap<number, string[]>): string {
  const blank = (m: string) => ' '.repeat(m.length);
  let out = text.replace(QUESTION_NUMBER, blank);
  out = out.replace(new RegExp(`(\\d)(\\s*(?:/|out of|of|von|sur|de|из|van|में से)\\s*${max})(?!\\d)`, 'gu'), (_, d: string, rest: string) => d + blank(rest));
  // Option lines echoed back: a marker and that option's own label, on two or more lines.
  const echo = /^[ \t]*[([]?(\d{1,2})[)\]]?[ \t]*[.:=\-–)]?[ \t]*(.*)$/gm;
  const echoed = [...out.matchAll(echo)].filter((m) => {
    const rest = m[2]!.replace(/[\s.,;:!。]+$/u, '').trim();
    return !!rest && (labels.get(Number(m[1])) ?? []).includes(rest);
  });
  if (echoed.length >= 2) for (const m of echoed) out = out.slice(0, m.index) + blank(m[0]) + out.slice(m.index + m[0].length);
  // Numbered list markers, when the answer is laid out as a list of two or more lines.
  const markers = out.match(/^\s*\d{1,2}[.)]\s+\S/gm) ?? [];
  if (markers.length >= 2) out = out.replace(/^(\s*)(\d{1,2}[.)])(?=\s+\S)/gm, (_, sp: string, m: string) => sp + blank(m));
  out = out.replace(/^(\s*)(\d{1,2}\s*=)/gm, (_, sp: string, m: string) => sp + blank(m));
  return out;
}

/** Every number of one or two digits (halves allowed: "2.5", "2,5") that is not part of a word. */
export function numberMentions(text: string): Mention[] {
  return [...text.matchAll(NUMBER)].map((m) => ({
    value: Number(m[1]!.replace(',', '.')),
    start: m.index,
    end: m.index + m[0].length,
    kind: 'number' as const,
  }));
}

/** Number words ("three", "drei", "三") alone in a short answer, or right after a cue word ("I'd pick two"). */
export function wordMentions(text: string, language: string): Mention[] {
  const found: Mention[] = [];
  const short =
    text
      .replace(/[^\p{L}\p{M}\p{N}\s']/gu, ' ')
      .trim()
      .split(/\s+/).length <= 6;
  const bare = text.replace(/[\s\p{P}]/gu, '');
  for (const lang of [...new Set([language, 'en'])]) {
    const unspaced = UNSPACED.has(lang);
    const after = unspaced ? String.raw`(?=$|[\s\p{P}分点點番])` : BOUNDARY_AFTER;
    (NUMBER_WORDS[lang] ?? []).forEach((spellings, i) => {
      for (const word of spellings.split('|')) {
        const w = escape(word);
        // "one"/"un"/"ein" double as articles and one-letter words are particles elsewhere: they count only alone.
        // eslint-disable-next-line @typescript-eslint/no-misused-spread -- a one-character word counts code points (a CJK particle is one)
        const aloneOnly = unspaced || i === 0 || [...word].length === 1;
        const at = (re: RegExp) => {
          const m = re.exec(text);
          if (m) found.push({ value: i + 1, start: m.index + m[0].length - word.length, end: m.index + m[0].length, kind: 'word' });
          return !!m;
        };
        if (aloneOnly ? bare === word && at(new RegExp(w, 'u')) : short && at(new RegExp(`${BOUNDARY_BEFORE}${w}${BOUNDARY_AFTER}`, 'u'))) continue;
        if (unspaced || !aloneOnly) at(new RegExp(`(?:${CUE_WORDS})\\s*[:：是为為は ]{0,4}(?:is |ist |est |es |é )?${w}${after}`, 'u'));
      }
    });
  }
  return found;
}
