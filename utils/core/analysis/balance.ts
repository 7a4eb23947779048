/**
 * Balance of an answer: whether it presents more than one side, with the spans that decided it.
 *
 * 'balanced': a phrase that itself presents two sides ("on one hand… on the other", "pros and cons", "it
 * depends on…", "opinions are divided"), or voices of two sides ("critics…", "supporters…", "others argue"),
 * or headings for both the case for and the case against. 'one_sided': dismissive framing ("a myth",
 * "debunked"), headings for one side only, or an answer with something to read that presents its side alone
 * (a plain direct answer). 'unclear' only when there is nothing to read: a very short answer, or one that
 * declines to take a position and argues nothing.
 */
import type { EvidenceSpan, ValueFeatures } from './types';
import { findSpans, withoutOverlaps, type CompiledLexicon } from './value-match';
import { sentences } from './stance-text';

/** Two-sidedness an answer that takes one side clearly needs to read as balanced (2 otherwise). */
const SIDED_SCORE = 4;
/** Fewer words than this, with no signal, give nothing to read; an answer that takes a side clearly needs only MIN_WORDS_SIDED. */
const MIN_WORDS = 12;
const MIN_WORDS_SIDED = 6;
/** A refusal or "I take no position" with fewer words than this argues nothing. */
const MIN_WORDS_AFTER_DECLINING = 30;

/** What the balance reader needs besides the text. */
export interface BalanceInput {
  values: CompiledLexicon;
  /** Length of the text in words (see wordCount). */
  words: number;
  /** Spans where the answer declines to take a position or to answer ("I can't share opinions"). */
  declines: EvidenceSpan[];
  /** "Yes and no", "it depends", "I partly agree and partly disagree": the answer goes both ways (one voice). */
  mixed: EvidenceSpan[];
  /** The answer takes one side clearly ("No, …", "I disagree"): mentioning that views vary is not enough then. */
  sided: boolean;
}

/** Balance of `text`, with evidence spans into it. */
export function readBalance(text: string, { values: v, words, declines, mixed, sided }: BalanceInput): ValueFeatures['balance'] {
  const both = findSpans(text, v.body.bothSides);
  const voices = findSpans(text, v.body.sides);
  const forHeads = findSpans(text, v.forHeadings);
  const againstHeads = findSpans(text, v.againstHeadings);
  const dismissals = findSpans(text, v.body.dismissive);
  // Two-sided phrases count twice; distinct voices once each ("critics" twice is one voice); so do heading sides.
  // Declining to take a side ("I neither agree nor disagree") in an answer that goes on counts as one voice.
  const declined = declines.length > 0 && !sided && words >= MIN_WORDS_AFTER_DECLINING ? declines.slice(0, 1) : [];
  const score =
    2 * new Set(both.map((s) => s.rule)).size +
    new Set(voices.map((s) => s.rule)).size +
    (forHeads.length ? 1 : 0) +
    (againstHeads.length ? 1 : 0) +
    declined.length +
    (mixed.length ? 1 : 0);
  if (score >= (sided ? SIDED_SCORE : 2) && score > 2 * dismissals.length)
    return { value: 'balanced', evidence: withoutOverlaps([...declined, ...mixed, ...forHeads, ...againstHeads, ...both, ...voices]) };
  if (dismissals.length) return { value: 'one_sided', evidence: dismissals };
  if (forHeads.length > 0 !== againstHeads.length > 0 && voices.length === 0) return { value: 'one_sided', evidence: [...forHeads, ...againstHeads] };
  if (words < (sided ? MIN_WORDS_SIDED : MIN_WORDS) || (declines.length > 0 && words < MIN_WORDS_AFTER_DECLINING)) return { value: 'unclear', evidence: [] };
  return { value: 'one_sided', evidence: [claim(text, v.lexicon.language)] };
}

/** The opening claim of an answer that presents one side: its first sentence with words in it. */
function claim(text: string, language: string): EvidenceSpan {
  const first = sentences(text, 3).find((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end))) ?? { start: 0, end: text.length };
  let { start, end } = first;
  while (start < end && /[\s#*>\-•"“”]/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end, rule: `values.balance-one-side.${language}:only one side presented` };
}
