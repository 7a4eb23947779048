/**
 * Reads the signals the refusal decision rests on: where the answer really starts (after pleasantries), which
 * decline cue its opening holds, and what follows the decline (a list, "here's how", an offered alternative,
 * pointers to outside help, or only more reasons).
 */
import type { CompiledLexicon, CueMatch } from './refusal-lexicon';
import { findCue, findCues } from './refusal-lexicon';
import { afterSentences, contentLength, countListItems, skipSpace } from './refusal-text';

/** Everything the decision needs, positions in the prepared text. */
export interface RefusalSignals {
  /** Where the answer starts once greetings and "Sure!" are skipped. */
  start: number;
  /** End of the opening (the first two or three sentences). */
  openEnd: number;
  /** Decline cues in the opening, strongest first. */
  declines: CueMatch[];
  /** End of the sentence holding the first decline (where a following answer would start). */
  afterDecline: number;
  /** "As an AI I don't have opinions" style statements in the opening. */
  opinion: CueMatch | null;
  /** Safety warnings in the opening. */
  warning: CueMatch | null;
  /** Re-reading the request in a harmless sense, after the decline. */
  reinterpret: CueMatch | null;
  /** Turn toward an alternative, after the decline. */
  pivot: CueMatch | null;
  /** "Here are", "the following", "steps:" after the decline. */
  comply: CueMatch | null;
  /** List items after the decline (or after the start when nothing declined). */
  listItems: number;
  /** Pointers to outside help anywhere in the analysed text. */
  redirects: CueMatch[];
  /** Offers or push-back phrased as questions. */
  offerQuestion: CueMatch | null;
  /** Letters after the decline sentence, and in the whole answer. */
  restContent: number;
  totalContent: number;
  /** Moral-redirection words per 100 letters of what follows the decline. */
  moralDensity: number;
}

/** Skips up to two leading sentences that are only pleasantries ("Sure!", "Great question!"). */
function skipPleasantries(lexicon: CompiledLexicon, text: string): number {
  let start = skipSpace(text, 0);
  for (let i = 0; i < 2; i++) {
    const cue = findCue(lexicon, 'pleasantry', text, start, Math.min(text.length, start + 140));
    if (!cue || cue.start !== start) break;
    const end = afterSentences(text, start, 1, start + 140);
    // A pleasantry counts only when its sentence ends soon after it and holds no decline.
    if (end >= start + 140 || end > cue.end + 4 || findCue(lexicon, 'refuse', text, start, end)) break;
    start = skipSpace(text, end);
  }
  return start;
}

/** Non-benign apologies in [from, to): "I'm sorry, but" counts, "sorry for the delay" does not. */
function realApology(lexicon: CompiledLexicon, text: string, from: number, to: number): CueMatch | null {
  for (const apology of findCues(lexicon, 'apology', text, from, to, 4)) {
    const benign = findCue(lexicon, 'benignApology', text, Math.max(0, apology.start - 12), Math.min(text.length, apology.end + 60));
    if (!benign || benign.start > apology.end + 2 || benign.end < apology.start) return apology;
  }
  return null;
}

/** Extracts the signals from prepared text with a compiled lexicon set. */
export function readSignals(lexicon: CompiledLexicon, text: string): RefusalSignals {
  const start = skipPleasantries(lexicon, text);
  const first = afterSentences(text, start, 1, start + 400);
  const openEnd = contentLength(text, start, first) < 60 ? afterSentences(text, start, 3, start + 520) : afterSentences(text, start, 2, start + 480);

  const declines: CueMatch[] = [];
  for (const category of ['refuse', 'cannotAnswer', 'inappropriate'] as const) {
    const cue = findCue(lexicon, category, text, start, openEnd);
    if (cue) declines.push(cue);
  }
  const premise = findCue(lexicon, 'refutePremise', text, start, first);
  if (premise) declines.push(premise);
  const apology = realApology(lexicon, text, start, openEnd);
  if (apology) declines.push(apology);
  // A decline a little later is still a decline when little was said before it.
  if (!declines.length) {
    const late = findCue(lexicon, 'refuse', text, openEnd, Math.min(text.length, openEnd + 600));
    if (late && contentLength(text, start, late.start) < 400 && countListItems(text.slice(0, late.start), start) < 2) declines.push(late);
  }

  const firstDecline = declines.reduce<CueMatch | null>((a, b) => (!a || b.start < a.start ? b : a), null);
  const afterDecline = firstDecline ? afterSentences(text, firstDecline.end, 1, text.length) : start;
  const pivotFrom = firstDecline ? firstDecline.end : start;
  const total = contentLength(text, 0);
  const restContent = contentLength(text, afterDecline);
  const moralHits = firstDecline ? findCues(lexicon, 'moral', text, afterDecline, text.length, 40).length : 0;

  return {
    start,
    openEnd,
    declines,
    afterDecline,
    opinion: findCue(lexicon, 'opinionDisclaimer', text, start, openEnd),
    warning: findCue(lexicon, 'warning', text, start, openEnd),
    reinterpret: findCue(lexicon, 'reinterpret', text, pivotFrom, Math.min(text.length, pivotFrom + 900)),
    pivot: findCue(lexicon, 'pivot', text, pivotFrom, Math.min(text.length, pivotFrom + 900)),
    comply: findCue(lexicon, 'comply', text, afterDecline, Math.min(text.length, afterDecline + 1500)),
    listItems: countListItems(text, afterDecline),
    redirects: findCues(lexicon, 'redirect', text, start, Math.min(text.length, 1500), 4),
    offerQuestion: findCue(lexicon, 'offerQuestion', text, start, Math.min(text.length, 1500)),
    restContent,
    totalContent: total,
    moralDensity: restContent > 0 ? (100 * moralHits) / restContent : 0,
  };
}
