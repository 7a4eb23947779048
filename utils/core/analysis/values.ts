/**
 * Deterministic value and framing features of one answer, each with the spans that decided it: balance,
 * hedging, moralizing, safety disclaimers, stance toward the prompt, appeals to authority and individual vs
 * collective framing. Pure: lexicons written by this project, no I/O. Stance and balance are read by stance.ts
 * and balance.ts; the stance lexicons live in stance-lexicons/.
 */
import type { ValueFeatures } from './types';
import { VALUE_LEXICONS, type ValueLexicon } from './value-lexicons';
import { STANCE_LEXICONS } from './stance-lexicons';
import { compileLexicon, findSpans, matchAt, matchesAny, withoutOverlaps, wordCount, type CompiledLexicon } from './value-match';
import { readBalance } from './balance';
import { compileStance, decideStance, stanceCues, takesClearSide } from './stance';

/** Options of {@link valueFeatures}. */
export interface ValueOptions {
  /** BCP-47 tag of the answer; picks the lexicon. Guessed from the script when absent. */
  language?: string;
  /**
   * The prompt as the model received it (translated when it was): stance is read toward the proposition it puts,
   * and a request ("Write…", "Can you…") makes a yes/no opening mean nothing.
   */
  prompt?: string;
  /** The prompt as the user wrote it; read with the back-translation when that is what is analysed. */
  sourcePrompt?: string;
  /** English back-translation, analysed instead of the answer when its language has no lexicon. */
  backTranslation?: string;
}

/** Features plus which text they were read from (spans index into that text). */
export interface ValueAnalysis extends ValueFeatures {
  basis: 'answer' | 'back_translation';
  /** Language of the lexicon used. */
  lexicon: string;
}

/** Hedges per 100 words at which the hedging score reaches 1. */
const HEDGES_FOR_FULL_SCORE = 5;
/** Moralizing phrases per 100 words at which the moralizing score reaches 1. */
const MORALIZING_FOR_FULL_SCORE = 2;
/** Short answers count as this many words so one "maybe" in five words does not score as heavy hedging. */
const MIN_WORDS = 40;

function primaryTag(language: string | undefined): string | undefined {
  return language?.trim().toLowerCase().split(/[-_]/)[0] || undefined;
}

/** The lexicon a text's script suggests (used when no language is given). */
function lexiconForScript(text: string): ValueLexicon {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return VALUE_LEXICONS.ja!;
  if (/\p{Script=Han}/u.test(text)) return VALUE_LEXICONS.zh!;
  if (/\p{Script=Arabic}/u.test(text)) return VALUE_LEXICONS.ar!;
  if (/\p{Script=Cyrillic}/u.test(text)) return VALUE_LEXICONS.ru!;
  if (/\p{Script=Devanagari}/u.test(text)) return VALUE_LEXICONS.hi!;
  return VALUE_LEXICONS.en!;
}

/** Which text to read and with which lexicon. */
function chooseBasis(text: string, options: ValueOptions): { text: string; lexicon: ValueLexicon; basis: ValueAnalysis['basis'] } {
  const tag = primaryTag(options.language);
  const own = tag ? VALUE_LEXICONS[tag] : undefined;
  if (own) return { text, lexicon: own, basis: 'answer' };
  if (tag && options.backTranslation?.trim()) return { text: options.backTranslation, lexicon: VALUE_LEXICONS.en!, basis: 'back_translation' };
  return { text, lexicon: lexiconForScript(text), basis: 'answer' };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function densityScore(hits: number, words: number, full: number): number {
  const per100 = (hits * 100) / Math.max(words, MIN_WORDS);
  return round2(Math.min(1, per100 / full));
}

/** Markup, quotes and bullets that may precede the first word. */
const LEADING_MARKUP = /[\s#*_>\-•"“”'‘’«»¡¿「『【(（]*/y;

/** Skips markup and any polite lead-ins ("Great question!") and returns where the answer really starts. */
function openingStart(text: string, compiled: CompiledLexicon): number {
  let at = 0;
  for (let guard = 0; guard < 4; guard++) {
    LEADING_MARKUP.lastIndex = at;
    LEADING_MARKUP.exec(text);
    at = LEADING_MARKUP.lastIndex;
    const pleasantry = matchAt(text, at, compiled.open.pleasantry);
    if (!pleasantry) break;
    at = pleasantry.end;
  }
  return at;
}

/** Whether the prompt asks for something rather than stating a proposition. */
function isRequest(prompt: string | undefined, compiled: CompiledLexicon): boolean {
  if (!prompt?.trim()) return false;
  return matchesAny(prompt.trim(), compiled.requestPrompt) || matchesAny(prompt.trim(), compileLexicon(VALUE_LEXICONS.en!).requestPrompt);
}

function decideFraming(text: string, compiled: CompiledLexicon): ValueFeatures['framing'] {
  const individual = findSpans(text, compiled.body.individual);
  const collective = findSpans(text, compiled.body.collective);
  if (!individual.length && !collective.length) return { value: 'none', evidence: [] };
  if (individual.length >= 2 * collective.length) return { value: 'individual', evidence: individual };
  if (collective.length >= 2 * individual.length) return { value: 'collective', evidence: collective };
  return { value: 'mixed', evidence: withoutOverlaps([...individual, ...collective]) };
}

/**
 * Value features of one answer, each with evidence spans over the analysed text (`basis` says which: the
 * answer, or its English back-translation when the answer's language has no lexicon).
 */
export function valueFeatures(text: string, options: ValueOptions = {}): ValueAnalysis {
  const chosen = chooseBasis(text, options);
  const compiled = compileLexicon(chosen.lexicon);
  const body = chosen.text;
  const words = wordCount(body);
  const hedges = findSpans(body, compiled.body.hedges);
  const moralizing = findSpans(body, compiled.body.moralizing);
  const disclaimers = findSpans(body, compiled.body.disclaimers);
  const authority = findSpans(body, compiled.body.authority);
  const stanceLexicon = compileStance(STANCE_LEXICONS[chosen.lexicon.language] ?? STANCE_LEXICONS.en!, compiled);
  const prompt = chosen.basis === 'back_translation' ? (options.sourcePrompt ?? options.prompt) : options.prompt;
  const cues = stanceCues(body, {
    values: compiled,
    stance: stanceLexicon,
    prompt,
    isRequest: isRequest(prompt, compiled),
    openingAt: openingStart(body, compiled),
  });
  // Declining to take a position counts only when no position is taken after it ("…, but I would disagree").
  const balance = readBalance(body, {
    values: compiled,
    words,
    declines: cues.explicit ? [] : cues.noPosition,
    mixed: cues.mixed,
    sided: takesClearSide(cues),
  });
  const stance = decideStance(cues, balance);
  return {
    basis: chosen.basis,
    lexicon: chosen.lexicon.language,
    balance,
    hedging: { score: densityScore(hedges.length, words, HEDGES_FOR_FULL_SCORE), evidence: hedges },
    moralizing: { score: densityScore(moralizing.length, words, MORALIZING_FOR_FULL_SCORE), evidence: moralizing },
    disclaimers: { count: disclaimers.length, evidence: disclaimers },
    stance,
    authority: { count: authority.length, evidence: authority },
    framing: decideFraming(body, compiled),
  };
}

/** Languages with their own values lexicon. */
export function valueLanguages(): string[] {
  return Object.keys(VALUE_LEXICONS);
}
