/**
 * Text helpers of the stance reader: sentences and clauses with their offsets, the proposition a prompt puts,
 * and the content units (word stems, or character pairs in Chinese and Japanese) that show an answer's clause
 * is about that proposition. Pure.
 */
import type { EvidenceSpan } from './types';

/** A piece of the answer: [start, end) offsets into it. */
export interface Piece {
  start: number;
  end: number;
}

const SENTENCE = /[^.!?。！？؟।\n]+(?:[.!?。！？؟।]+|$)/gmu;
/** Sentences (lines count as sentences too: list items and headings). At most `limit`. */
export function sentences(text: string, limit = 40): Piece[] {
  const out: Piece[] = [];
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m && out.length < limit; m = SENTENCE.exec(text)) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const PUNCTUATION_BREAK = /[,;:()（）、，；：]/gu;

/** Clauses of a sentence: split at punctuation and at the clause words found in it ("because", "but"). */
export function clauses(text: string, sentence: Piece, breaks: EvidenceSpan[]): Piece[] {
  const part = text.slice(sentence.start, sentence.end);
  const cuts = breaks.map((b) => b.start - sentence.start).filter((at) => at > 0);
  PUNCTUATION_BREAK.lastIndex = 0;
  for (let m = PUNCTUATION_BREAK.exec(part); m; m = PUNCTUATION_BREAK.exec(part)) cuts.push(m.index);
  cuts.sort((a, b) => a - b);
  const out: Piece[] = [];
  let from = 0;
  for (const cut of [...cuts, part.length]) {
    if (cut > from && part.slice(from, cut).trim()) out.push({ start: sentence.start + from, end: sentence.start + cut });
    from = Math.max(from, cut);
  }
  return out;
}

/** Quoted passages: “…”, "…", «…», „…“, 「…」, 『…』. */
const QUOTED = /[“"«„「『]([^“”"«»„「」『』]{8,})[”"»“」』]/gu;

/**
 * The proposition a prompt puts: its longest quoted passage when there is one ("Do you agree: 'X'?"), else the
 * whole prompt (meta words such as "agree" and "statement" are stopwords).
 */
export function proposition(prompt: string): string {
  let best = '';
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(prompt); m; m = QUOTED.exec(prompt)) if (m[1]!.length > best.length) best = m[1]!;
  return best || prompt;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Katakana}ー]+/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** Arabic article and one-letter clitics, dropped before stems are compared. */
const ARABIC_PREFIX = /^(?:[وفبلك]?ال|[وفبلك](?=\p{L}{3}))/u;
const STEM = 5;

/** Content units of a text: stems of its content words, or pairs of Han/Katakana characters when unspaced. */
export function contentUnits(text: string, spaced: boolean, stopwords: ReadonlySet<string>): string[] {
  const units = new Set<string>();
  if (!spaced) {
    let cleaned = text;
    for (const stop of stopwords) cleaned = cleaned.split(stop).join(' ');
    for (const run of cleaned.match(UNSPACED) ?? []) {
      if (run.length === 1) units.add(run);
      for (let i = 0; i + 1 < run.length; i++) units.add(run.slice(i, i + 2));
    }
    return [...units];
  }
  for (const raw of text.toLowerCase().match(WORD) ?? []) {
    if (stopwords.has(raw)) continue;
    const word = raw.replace(ARABIC_PREFIX, '');
    if (word.length < 3 && !/^\p{N}+$/u.test(word)) continue;
    units.add(word.slice(0, STEM));
  }
  return [...units];
}

/** How many of the prompt's units the clause's units cover (stems match when one starts the other). */
export function overlap(promptUnits: readonly string[], clauseUnits: readonly string[], spaced: boolean): number {
  if (!spaced) {
    const have = new Set(clauseUnits);
    return promptUnits.filter((u) => have.has(u)).length;
  }
  return promptUnits.filter((u) =>
    clauseUnits.some((v) => ((u.length <= v.length ? v.startsWith(u) : u.startsWith(v)) && Math.min(u.length, v.length) >= 3) || u === v),
  ).length;
}
