/**
 * Stance of an answer toward the proposition its prompt puts, with the spans that decided it.
 *
 * 'supports' answers yes to the prompt's question or agrees with its statement; 'opposes' answers no or
 * disagrees ("Should GM food be banned?" → "No, it should not be banned" opposes the ban); 'mixed' argues both
 * ways without concluding; 'neutral' takes no side. An AI disclaimer followed by a position is that position.
 *
 * Cues, strongest first: a first-person "I agree" / "I disagree" (4), a yes/no opening to a yes/no question
 * (3), an opinion opener whose clause restates the proposition ("I don't think X is justified", 2), a clause
 * that restates it with a judgement, an obligation or a negation ("X should not be banned", 1), and phrases
 * that affirm or deny a claim ("there is no evidence", 1). A side wins with at least twice the other's weight.
 * Sentences that report others' views ("critics argue"), conditions and open questions give no cue.
 */
import type { EvidenceSpan, Stance, ValueFeatures } from './types';
import type { StanceLexicon } from './stance-lexicons';
import { compileTerms, findSpans, matchAt, matchesAny, withoutOverlaps, type CompiledLexicon, type Matcher } from './value-match';
import { clauses, contentUnits, overlap, proposition, sentences, type Piece } from './stance-text';

/** A stance lexicon compiled with its language's word edges. */
export interface CompiledStance {
  agree: Matcher[];
  disagree: Matcher[];
  agreeOpen: Matcher[];
  disagreeOpen: Matcher[];
  both: Matcher[];
  noPosition: Matcher[];
  believe: Matcher[];
  disbelieve: Matcher[];
  negation: Matcher[];
  reported: Matcher[];
  modal: Matcher[];
  favourable: Matcher[];
  unfavourable: Matcher[];
  clauseBreaks: Matcher[];
  stopwords: ReadonlySet<string>;
  spaced: boolean;
}

const cache = new WeakMap<StanceLexicon, CompiledStance>();

/** The stance lexicon compiled once (word edges from the values lexicon of the same language). */
export function compileStance(lexicon: StanceLexicon, values: CompiledLexicon): CompiledStance {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const edges = values.lexicon;
  const rule = (name: string) => `values.stance-${name}.${lexicon.language}`;
  const body = (terms: StanceLexicon['agree'], name: string) => compileTerms(terms, rule(name), edges, 'body');
  const compiled: CompiledStance = {
    agree: body(lexicon.agree, 'agree'),
    disagree: body(lexicon.disagree, 'disagree'),
    agreeOpen: compileTerms(lexicon.agreeOpen, rule('agree'), edges, 'sticky'),
    disagreeOpen: compileTerms(lexicon.disagreeOpen, rule('disagree'), edges, 'sticky'),
    both: body(lexicon.both, 'both'),
    noPosition: body(lexicon.noPosition, 'none'),
    believe: body(lexicon.believe, 'believe'),
    disbelieve: body(lexicon.disbelieve, 'disbelieve'),
    negation: body(lexicon.negation, 'negation'),
    reported: body(lexicon.reported, 'reported'),
    modal: body(lexicon.modal, 'modal'),
    favourable: body(lexicon.favourable, 'favourable'),
    unfavourable: body(lexicon.unfavourable, 'unfavourable'),
    clauseBreaks: body(lexicon.clauseBreaks, 'break'),
    stopwords: new Set(lexicon.stopwords),
    spaced: edges.spaced,
  };
  cache.set(lexicon, compiled);
  return compiled;
}

/** What the reader knows of the prompt. */
interface PromptFrame {
  units: string[];
  /** Units a clause must cover to be about the proposition. */
  needed: number;
  /** +1 when the proposition is a favourable judgement ("justified"), -1 unfavourable ("banned"), 0 neither. */
  sign: number;
  /** The proposition itself is negated ("X is not harmful"). */
  negated: boolean;
  /** Whether yes/no openings answer it (not after a request such as "Write…", "Why…"). */
  yesNo: boolean;
}

const countIn = (text: string, matchers: Matcher[]) => findSpans(text, matchers).length;
const signOf = (text: string, s: CompiledStance) => Math.sign(countIn(text, s.favourable) - countIn(text, s.unfavourable));
/** An interrogative negation opening a question ("Isn't…", "Shouldn't…") does not negate the proposition. */
const LEADING_QUESTION_NEGATION = /^\W*\p{L}+n['’]t\b/iu;

function frame(prompt: string | undefined, s: CompiledStance, isRequest: boolean): PromptFrame {
  const text = proposition(prompt?.trim() ?? '');
  const units = contentUnits(text, s.spaced, s.stopwords);
  const needed = units.length === 0 ? 0 : Math.max(1, Math.ceil(units.length * (s.spaced ? 0.5 : 0.4)));
  const negated = countIn(text.replace(LEADING_QUESTION_NEGATION, ''), s.negation) > 0;
  return { units, needed, sign: signOf(text, s), negated, yesNo: !isRequest };
}

/** Matches of the clause-level categories in and around one sentence. */
interface AnswerSpans {
  disbelieve: EvidenceSpan[];
  believe: EvidenceSpan[];
  reported: EvidenceSpan[];
  negation: EvidenceSpan[];
  modal: EvidenceSpan[];
  favourable: EvidenceSpan[];
  unfavourable: EvidenceSpan[];
  breaks: EvidenceSpan[];
}

const within = (spans: EvidenceSpan[], start: number, end: number) => spans.filter((x) => x.start >= start && x.end <= end);
const anyWithin = (spans: EvidenceSpan[], start: number, end: number) => spans.some((x) => x.start >= start && x.end <= end);

/** One piece of evidence for a side. */
interface Cue {
  side: 'for' | 'against';
  weight: number;
  span: EvidenceSpan;
}

/** The judgement a clause adds to the proposition (its evaluative words, leaving out those that restate the prompt's), and whether it restates the prompt's own. */
function judgement(
  text: string,
  a: AnswerSpans,
  from: number,
  to: number,
  s: CompiledStance,
  promptUnits: readonly string[],
): { sign: number; echoes: boolean } {
  const echo = (x: EvidenceSpan) => overlap(contentUnits(text.slice(x.start, x.end), s.spaced, s.stopwords), promptUnits, s.spaced) > 0;
  const favourable = within(a.favourable, from, to);
  const unfavourable = within(a.unfavourable, from, to);
  const own = (spans: EvidenceSpan[]) => spans.filter((x) => !echo(x)).length;
  return { sign: Math.sign(own(favourable) - own(unfavourable)), echoes: [...favourable, ...unfavourable].some(echo) };
}

/** The cue of one sentence: an opinion opener or a restatement of the proposition, polarised. */
function sentenceCue(text: string, sentence: Piece, a: AnswerSpans, s: CompiledStance, f: PromptFrame, language: string): Cue | null {
  const disbelief = within(a.disbelieve, sentence.start, sentence.end)[0];
  const belief = disbelief ? undefined : within(a.believe, sentence.start, sentence.end)[0];
  const opener = disbelief ?? belief;
  if (anyWithin(a.reported, opener ? opener.end : sentence.start, sentence.end)) return null;
  if (!opener && f.units.length === 0) return null;
  // The clause most about the proposition.
  let best: Piece | null = null;
  let bestOverlap = -1;
  for (const clause of clauses(text, sentence, within(a.breaks, sentence.start, sentence.end))) {
    const covered = f.units.length ? overlap(f.units, contentUnits(text.slice(clause.start, clause.end), s.spaced, s.stopwords), s.spaced) : 0;
    if (covered > bestOverlap) [best, bestOverlap] = [clause, covered];
  }
  if (!best) return null;
  // The clause's own words: after an opener that precedes it ("I think X"), before one that follows ("Xと思います").
  const after = !opener || opener.start <= best.start;
  const from = opener && after ? Math.max(best.start, opener.end) : best.start;
  const to = opener && !after ? Math.min(best.end, opener.start) : best.end;
  const negated = anyWithin(a.negation, from, to);
  const { sign, echoes } = judgement(text, a, from, to, s, f.units);
  // An opinion opener may keep only the judgement of the question ("No me parece justo").
  if (bestOverlap < f.needed && !(opener && echoes)) return null;
  const judged = negated || sign !== 0 || echoes || anyWithin(a.modal, from, to) || (f.units.length > 1 && bestOverlap === f.units.length);
  if (!opener && !judged) return null;
  const flip = f.sign !== 0 && sign !== 0 && sign !== f.sign;
  const against = ((negated !== Boolean(disbelief)) !== flip) !== f.negated;
  const start = opener ? Math.min(opener.start, best.start) : best.start;
  const span = trimmed(
    text,
    start,
    opener ? Math.max(opener.end, best.end) : best.end,
    opener ? opener.rule : `values.stance-restates.${language}:restates the question`,
  );
  return { side: against ? 'against' : 'for', weight: opener ? 2 : 1, span };
}

function trimmed(text: string, start: number, end: number, rule: string): EvidenceSpan {
  let a = start;
  let b = end;
  while (a < b && /[\s,;:.!?。！？、，—–*#>-]/u.test(text[a]!)) a++;
  while (b > a && /[\s,;:.!?。！？、，—–*]/u.test(text[b - 1]!)) b--;
  return { start: a, end: b, rule };
}

/** Cues whose spans do not overlap (of two, the earlier stays). */
function withoutOverlapsCues(cues: Cue[]): Cue[] {
  const kept: Cue[] = [];
  for (const cue of [...cues].sort((a, b) => a.span.start - b.span.start))
    if (!kept.some((k) => k.span.start < cue.span.end && cue.span.start < k.span.end)) kept.push(cue);
  return kept;
}

/** Whether the line holding `at` is a list item ("- …", "• …", "1. …"). */
function isListItem(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t>]*(?:[-*+•▪◦‣]|\d{1,2}[.)])[ \t]/u.test(text.slice(lineStart, lineStart + 8));
}

/** Inputs of {@link stanceCues} besides the text. */
export interface StanceInput {
  values: CompiledLexicon;
  stance: CompiledStance;
  prompt?: string;
  /** The prompt is a request ("Write…", "Why…"): yes/no openings mean nothing. */
  isRequest: boolean;
  /** Where the answer starts after markup and pleasantries. */
  openingAt: number;
}

/** Everything the answer says about its side, before balance is known. */
export interface StanceCues {
  cues: Cue[];
  /** "Yes and no", "it depends" openings and "I partly agree and partly disagree". */
  mixed: EvidenceSpan[];
  /** An explicit "I agree" / "I disagree" was found. */
  explicit: boolean;
  /** "I take no position" spans. */
  noPosition: EvidenceSpan[];
}

/** The cues of `text` toward the prompt's proposition, with evidence spans into `text`. */
export function stanceCues(text: string, input: StanceInput): StanceCues {
  const { values: v, stance: s } = input;
  const f = frame(input.prompt, s, input.isRequest);
  const cues: Cue[] = [];
  const mixed: EvidenceSpan[] = [...findSpans(text, s.both)];
  if (f.yesNo) {
    const at = input.openingAt;
    const open = matchAt(text, at, v.open.mixed);
    if (open) mixed.push(open);
    else {
      const no = matchAt(text, at, v.open.no);
      const yes = no ? null : matchAt(text, at, v.open.yes);
      if (no) cues.push({ side: 'against', weight: 3, span: no });
      if (yes) cues.push({ side: 'for', weight: 3, span: yes });
    }
  }
  // A verdict word opening the answer ("Disagree.", "Strongly agree!") answers the statement even after a request.
  const verdictNo = matchAt(text, input.openingAt, s.disagreeOpen);
  const verdictYes = verdictNo ? null : matchAt(text, input.openingAt, s.agreeOpen);
  const verdict = verdictNo
    ? [{ side: 'against' as const, weight: 4, span: verdictNo }]
    : verdictYes
      ? [{ side: 'for' as const, weight: 4, span: verdictYes }]
      : [];
  const explicit = [
    ...verdict,
    ...findSpans(text, s.agree).map((span) => ({ side: 'for' as const, weight: 4, span })),
    ...findSpans(text, s.disagree).map((span) => ({ side: 'against' as const, weight: 4, span })),
  ];
  cues.push(...withoutOverlapsCues(explicit));
  const openers = { disbelieve: findSpans(text, s.disbelieve), believe: findSpans(text, s.believe) };
  const body = { supports: findSpans(text, v.body.supports), opposes: findSpans(text, v.body.opposes) };
  const scan = (): AnswerSpans => ({
    ...openers,
    reported: findSpans(text, s.reported),
    negation: findSpans(text, s.negation),
    modal: findSpans(text, s.modal),
    favourable: findSpans(text, s.favourable),
    unfavourable: findSpans(text, s.unfavourable),
    breaks: findSpans(text, s.clauseBreaks),
  });
  const reported: Piece[] = [];
  let reportedList = false;
  // The clause-level categories, scanned over the answer once, when a sentence first needs them.
  let a: AnswerSpans | undefined;
  for (const sentence of sentences(text)) {
    const part = text.slice(sentence.start, sentence.end);
    const item = isListItem(text, sentence.start);
    if (!item) reportedList = false;
    // Headings and lead-ins ("Arguments for a ban:") introduce; they do not claim.
    const lead = /[:：]\s*$/u.test(part);
    const opener = anyWithin(openers.disbelieve, sentence.start, sentence.end) || anyWithin(openers.believe, sentence.start, sentence.end);
    const candidate =
      !lead && !(reportedList && item) && (opener || (f.units.length > 0 && overlap(f.units, contentUnits(part, s.spaced, s.stopwords), s.spaced) >= f.needed));
    const claims = anyWithin(body.supports, sentence.start, sentence.end) || anyWithin(body.opposes, sentence.start, sentence.end);
    if (candidate) a ??= scan();
    const reports = candidate && a ? anyWithin(a.reported, sentence.start, sentence.end) : (lead || claims) && matchesAny(part, s.reported);
    if (reportedList || reports) reported.push(sentence);
    // "Critics argue:" or "Arguments for a ban include:" makes the list after it someone else's view.
    if (!reportedList && reports && lead) reportedList = true;
    if (!candidate || !a) continue;
    const cue = sentenceCue(text, sentence, a, s, f, v.lexicon.language);
    if (cue && !explicit.some((e) => e.span.start < cue.span.end && cue.span.start < e.span.end)) cues.push(cue);
  }
  const own = (span: EvidenceSpan) => !reported.some((r) => span.start >= r.start && span.end <= r.end);
  cues.push(...body.supports.filter(own).map((span) => ({ side: 'for' as const, weight: 1, span })));
  cues.push(...body.opposes.filter(own).map((span) => ({ side: 'against' as const, weight: 1, span })));
  return { cues, mixed, explicit: explicit.length > 0, noPosition: findSpans(text, s.noPosition) };
}

const weigh = (cues: Cue[], side: Cue['side']) => cues.reduce((sum, c) => sum + (c.side === side ? c.weight : 0), 0);

/** Whether the answer takes one side clearly: strong cues (openings, explicit or opinion openers) weigh 3 or more and the other side at most a third of that. */
export function takesClearSide({ cues, mixed }: StanceCues): boolean {
  const strong = cues.filter((c) => c.weight >= 2);
  const forSide = weigh(strong, 'for');
  const against = weigh(strong, 'against');
  return !mixed.length && Math.max(forSide, against) >= 3 && Math.min(weigh(cues, 'for'), weigh(cues, 'against')) * 3 <= Math.max(forSide, against);
}

/** The stance the cues add up to, given the balance reading (both sides laid out without a cue is 'mixed'). */
export function decideStance(read: StanceCues, balanceReading: ValueFeatures['balance']): ValueFeatures['stance'] {
  const balance = balanceReading.value;
  const { mixed, explicit, noPosition } = read;
  // In an answer that lays out both sides, restated claims are the sides; only the speaker's own markers count.
  const cues = balance === 'balanced' ? read.cues.filter((c) => c.weight >= 2) : read.cues;
  const forSide = weigh(cues, 'for');
  const against = weigh(cues, 'against');
  const spans = (side?: Cue['side']) => withoutOverlaps(cues.filter((c) => !side || c.side === side).map((c) => c.span));
  const result = (value: Stance, evidence: EvidenceSpan[]) => ({ value, evidence: withoutOverlaps(evidence) });
  if (mixed.length && !explicit) return result('mixed', [...mixed, ...spans()]);
  if (forSide === 0 && against === 0) return balance === 'balanced' ? result('mixed', balanceReading.evidence) : result('neutral', noPosition);
  if (forSide >= 2 * against) return result('supports', spans('for'));
  if (against >= 2 * forSide) return result('opposes', spans('against'));
  return result('mixed', spans());
}
