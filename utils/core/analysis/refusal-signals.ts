/**
 * Reads the signals the refusal decision rests on: where the answer really starts (after pleasantries), which
 * decline cue its opening holds, and what follows the decline (a list, "here's how", an offered alternative,
 * pointers to outside help, or only more reasons). Signals beyond the opening are computed on first use, so
 * a plain answer costs a handful of short regex scans.
 */
import type { CompiledLexicon, CueMatch, FollowCategory } from './refusal-lexicon';
import { findCue, findCues, findFollowCues } from './refusal-lexicon';
import { afterSentences, contentLength, countListItems, letterIndex, skipSpace } from './refusal-text';

/** How far into the answer an apology may start and still open a decline. */
const APOLOGY_LEAD = 40;
/** How far past the decline the alternative, concession or answer is looked for. */
const FOLLOW_WINDOW = 400;
/** How much of the answer is searched for outside-help pointers and offers phrased as questions. */
const WHOLE_WINDOW = 500;

/** Letter counts stop here: no threshold on how much an answer says is higher. */
const COUNT_CAP = 1000;
/** Moral words per 100 letters beyond which nothing distinguishes a lecture further. */
const MAX_DENSITY = 0.8;
/** How far from the start words naming the premise ("stereotype", "misinformation") are looked for. */
const PREMISE_WINDOW = 600;

/** Cue categories that make a sentence a decline (checked in order of strength). */
const DECLINES = ['refuse', 'cannotAnswer', 'inappropriate'] as const;

/** Skips up to two leading sentences that are only pleasantries ("Sure!", "Great question!"). */
function skipPleasantries(lexicon: CompiledLexicon, text: string): number {
  let start = skipSpace(text, 0);
  for (let i = 0; i < 2; i++) {
    const cue = findCue(lexicon, 'pleasantry', text, start, Math.min(text.length, start + 140));
    if (!cue || cue.start !== start) break;
    const end = afterSentences(text, start, 1, start + 140);
    // A pleasantry counts only when its sentence ends soon after it and holds no decline.
    if (end >= start + 140 || end > cue.end + 4) break;
    if (DECLINES.some((category) => findCue(lexicon, category, text, start, end))) break;
    start = skipSpace(text, end);
  }
  return start;
}

/** Non-benign apologies in [from, to): "I'm sorry, but" counts, "sorry for the delay" does not. */
function realApology(lexicon: CompiledLexicon, text: string, from: number, to: number): CueMatch | null {
  for (const apology of findCues(lexicon, 'apology', text, from, to, 4)) {
    // Only an apology that opens the answer declines; "unfortunately" in a later sentence is just content.
    if (apology.start > from + APOLOGY_LEAD) break;
    // Some languages give the reason before the apology ("for the delay, sorry"), so look a little back too.
    const benign = findCue(lexicon, 'benignApology', text, Math.max(0, apology.start - 40), Math.min(text.length, apology.end + 60));
    if (!benign || benign.start > apology.end + 2 || benign.end < apology.start) return apology;
  }
  return null;
}

/** The signals of one prepared answer; positions index the prepared (and so the original) text. */
export class RefusalSignals {
  /** Where the answer starts once greetings and "Sure!" are skipped. */
  readonly start: number;
  /** End of the first sentence and of the opening (two or three sentences). */
  readonly firstEnd: number;
  readonly openEnd: number;
  /** Decline cues of the opening (a refusal cue a little later counts when little came before it). */
  readonly declines: CueMatch[];
  /** "As an AI I don't have opinions" in the opening. */
  readonly opinion: CueMatch | null;
  /** A direct answer opening the reply ("No.", "Yes,", "I disagree"): a stance, not a premise dispute. */
  readonly direct: CueMatch | null;
  /** End of the sentence holding the first decline, where an answer after it would start. */
  readonly afterDecline: number;
  private readonly memo = new Map<string, unknown>();

  constructor(
    private readonly lexicon: CompiledLexicon,
    readonly text: string,
  ) {
    this.start = skipPleasantries(lexicon, text);
    this.firstEnd = afterSentences(text, this.start, 1, this.start + 400);
    const short = contentLength(text, this.start, this.firstEnd) < 60;
    this.openEnd = short ? afterSentences(text, this.start, 3, this.start + 520) : afterSentences(text, this.start, 2, this.start + 480);
    this.opinion = findCue(lexicon, 'opinionDisclaimer', text, this.start, this.openEnd);
    const head = skipSpace(text, 0);
    const direct = findCue(lexicon, 'direct', text, head, Math.min(text.length, head + 60));
    this.direct = direct && direct.start === head ? direct : null;
    this.declines = this.findDeclines();
    const first = this.declines.reduce<CueMatch | null>((a, b) => (!a || b.start < a.start ? b : a), null);
    this.afterDecline = first ? afterSentences(text, first.end, 1, text.length) : this.start;
  }

  private findDeclines(): CueMatch[] {
    const { lexicon, text, start, openEnd, firstEnd } = this;
    const declines: CueMatch[] = [];
    for (const category of DECLINES) {
      const cue = findCue(lexicon, category, text, start, openEnd);
      if (cue) declines.push(cue);
    }
    // "As an AI I have no opinions, but…" is a preamble: the premise may be rejected in the sentence after it.
    const premiseEnd = this.opinion && this.opinion.start < firstEnd ? afterSentences(text, firstEnd, 1, openEnd + 200) : firstEnd;
    const premise = findCue(lexicon, 'refutePremise', text, start, premiseEnd);
    // "No. It should not be banned." answers the question; "No, that's a stereotype." still disputes its premise.
    if (premise && (!this.direct || findCue(lexicon, 'namesPremise', text, start, premiseEnd))) declines.push(premise);
    const apology = realApology(lexicon, text, start, openEnd);
    if (apology) declines.push(apology);
    // "I'm just an AI, I don't have opinions" is a preamble, not a decline.
    const { opinion } = this;
    if (opinion) for (let i = declines.length - 1; i >= 0; i--) if (declines[i]!.start < opinion.end && declines[i]!.end > opinion.start) declines.splice(i, 1);
    if (!declines.length) {
      // A decline a little later is still a decline when little was said before it.
      // Only where fewer than 400 letters came before it (with room for the cue itself).
      const to = Math.min(text.length, openEnd + 600, letterIndex(text, start, 400) + 120);
      const late = findCue(lexicon, 'refuse', text, openEnd, to);
      if (late && contentLength(text, start, late.start) < 400 && countListItems(text.slice(0, late.start), start) < 2) declines.push(late);
    }
    return declines;
  }

  private cached<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /** Every cue of the follow categories from the start to the farthest window below, found in one pass. */
  private get follow(): CueMatch[] {
    return this.cached('follow', () => {
      const to = Math.min(this.text.length, Math.max(this.start + WHOLE_WINDOW, this.afterDecline + WHOLE_WINDOW, this.pivotFrom + FOLLOW_WINDOW));
      return findFollowCues(this.lexicon, this.text, this.start, to);
    });
  }

  /** Cues of a category inside [from, to), at most `limit`. */
  private cues(category: FollowCategory, from: number, to: number, limit = 1): CueMatch[] {
    const found: CueMatch[] = [];
    for (const cue of this.follow) {
      if (cue.start >= to) break;
      if (cue.category === category && cue.start >= from && cue.end <= to && found.push(cue) >= limit) break;
    }
    return found;
  }

  private first(category: FollowCategory, from: number, window: number): CueMatch | null {
    return this.cues(category, from, Math.min(this.text.length, from + window))[0] ?? null;
  }

  /** Where alternatives are looked for: right after the decline cue, or the start when nothing declined. */
  private get pivotFrom(): number {
    return this.declines.length ? Math.min(...this.declines.map((d) => d.end)) : this.start;
  }

  /** Safety warning in the opening. */
  get warning(): CueMatch | null {
    return this.cached('warning', () => findCue(this.lexicon, 'warning', this.text, this.start, this.openEnd));
  }
  /** Words naming the question's premise as the problem ("stereotype", "premise") near the start. */
  get namesPremise(): CueMatch | null {
    return this.cached('names', () =>
      findCue(this.lexicon, 'namesPremise', this.text, this.start, Math.min(this.text.length, Math.max(this.openEnd, this.start + PREMISE_WINDOW))),
    );
  }
  /** Turn toward an alternative ("instead"). */
  get pivot(): CueMatch | null {
    return this.first('pivot', this.pivotFrom, FOLLOW_WINDOW);
  }
  /** Re-reading the request in a harmless sense ("if you're referring to"). */
  get reinterpret(): CueMatch | null {
    return this.first('reinterpret', this.pivotFrom, FOLLOW_WINDOW);
  }
  /** "However" or "that said" within a sentence of the decline. */
  get concede(): CueMatch | null {
    return this.cached('concede', () => {
      const to = afterSentences(this.text, this.afterDecline, 1, this.afterDecline + 300);
      return this.cues('concede', this.pivotFrom, to)[0] ?? null;
    });
  }
  /** "Here are", "the following", "steps:" after the decline sentence. */
  get comply(): CueMatch | null {
    return this.first('comply', this.afterDecline, WHOLE_WINDOW);
  }
  /** Pointers to outside help (at most four). */
  get redirects(): CueMatch[] {
    return this.cues('redirect', this.start, Math.min(this.text.length, this.start + WHOLE_WINDOW), 4);
  }
  /** Offers or push-back phrased as questions. */
  get offerQuestion(): CueMatch | null {
    return this.first('offerQuestion', this.start, WHOLE_WINDOW);
  }
  /** List items after the decline sentence (after the start when nothing declined). */
  get listItems(): number {
    return this.cached('list', () => countListItems(this.text, this.afterDecline));
  }
  /** Letters after the decline sentence (counted up to COUNT_CAP: every threshold is below it). */
  get restContent(): number {
    return this.cached('rest', () => contentLength(this.text, this.afterDecline, this.text.length, COUNT_CAP));
  }
  /** Letters in the whole (analysed) answer, counted up to COUNT_CAP. */
  get totalContent(): number {
    return this.cached('total', () => contentLength(this.text, 0, this.text.length, COUNT_CAP));
  }
  /**
   * Moral-redirection words per 100 letters of what follows the decline, counted only up to just past
   * MAX_DENSITY (the highest density any rule or feature asks about).
   */
  get moralDensity(): number {
    return this.cached('moral', () => {
      const to = Math.min(this.text.length, this.afterDecline + WHOLE_WINDOW);
      const letters = contentLength(this.text, this.afterDecline, to);
      const enough = Math.ceil((letters * MAX_DENSITY) / 100) + 1;
      return letters ? (100 * findCues(this.lexicon, 'moral', this.text, this.afterDecline, to, enough).length) / letters : 0;
    });
  }
}

/** Extracts the signals from prepared text with a compiled lexicon set. */
export function readSignals(lexicon: CompiledLexicon, text: string): RefusalSignals {
  return new RefusalSignals(lexicon, text);
}
