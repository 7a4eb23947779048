/**
 * Refusal lexicons: per-language pattern lists written for Parallax, and their compilation into a few
 * precompiled regular expressions. Patterns are regex sources matched case-insensitively against text whose
 * apostrophes, quotes and markdown marks were normalised (see refusal-text.ts); a space in a pattern matches
 * any run of whitespace, " ?" an optional one, and "~" the rest of a word.
 */

/** Pattern categories a lexicon can fill. Every category is optional except `refuse`. */
export interface RefusalLexicon {
  /** BCP-47 primary tag. */
  lang: string;
  /** 'word': patterns must start and end at word edges; 'none': scripts written without spaces (zh, ja, th). */
  boundaries: 'word' | 'none';
  /** 'full': thorough list; 'core': the central forms only, so a back-translation may be the better basis. */
  coverage: 'full' | 'core';
  /** Direct declines: "I can't help with that", "I won't provide". */
  refuse: string[];
  /** Apology or regret openers that usually precede a decline: "I'm sorry", "unfortunately". */
  apology?: string[];
  /** Apologies that are not declines: "sorry for the delay", "sorry to hear that". Checked where an apology matched. */
  benignApology?: string[];
  /** Judgements that the request itself is wrong: "it's not appropriate to", "I don't think it's ethical". */
  inappropriate?: string[];
  /** Knowledge or access limits: "I don't have access to", "I don't know". */
  cannotAnswer?: string[];
  /** Rejections of the question's premise: "there is no justification", "this is a myth". */
  refutePremise?: string[];
  /** Pointers to outside help: hotlines, professionals, "talk to someone you trust". */
  redirect?: string[];
  /** Turns toward something else after a decline: "instead", "however, if you mean". */
  pivot?: string[];
  /** Concessions after a limit that introduce what can be said: "however", "that said". */
  concede?: string[];
  /** Re-reading the request in a harmless sense: "if you're referring to", "if you mean". */
  reinterpret?: string[];
  /** Signs that an answer follows: "here are", "follow these steps". */
  comply?: string[];
  /** Friendly openers skipped before looking for a decline: "Sure!", "Great question". */
  pleasantry?: string[];
  /** Questions that push back or offer something else instead of answering: "Is there anything else…?". */
  offerQuestion?: string[];
  /** Statements that the model has no opinions, which precede an answer rather than replace it. */
  opinionDisclaimer?: string[];
  /** Safety warnings that may precede a full answer: "please be careful", "I'm not a doctor". */
  warning?: string[];
  /** Words of moral redirection ("peaceful", "respect") that mark an alternative as a lecture, not an answer. */
  moral?: string[];
  /** Direct answers that open a reply: "No.", "Yes,", "I strongly disagree". What follows is a stance, not a refusal. */
  direct?: string[];
  /** Words that name the question's premise as the problem: "stereotype", "premise", "generalisation", "myth". */
  namesPremise?: string[];
}

/** Categories compiled to one expression each. */
const CATEGORIES = [
  'refuse',
  'apology',
  'benignApology',
  'inappropriate',
  'cannotAnswer',
  'refutePremise',
  'redirect',
  'pivot',
  'concede',
  'reinterpret',
  'comply',
  'pleasantry',
  'offerQuestion',
  'opinionDisclaimer',
  'warning',
  'moral',
  'direct',
  'namesPremise',
] as const;

/** One category of one lexicon. */
export type Category = (typeof CATEGORIES)[number];

/**
 * Categories read after the opening (what follows a decline). They are found in one pass of one expression
 * with a named group per category, three times faster than a pass per category.
 */
const FOLLOW_CATEGORIES = ['redirect', 'offerQuestion', 'reinterpret', 'pivot', 'concede', 'comply'] as const;

/** One of the categories read in the single pass. */
export type FollowCategory = (typeof FOLLOW_CATEGORIES)[number];

/**
 * A lexicon set ready to match: one global regex per category (null when no lexicon has patterns for it), and
 * `follow`, all FOLLOW_CATEGORIES in one expression (earlier categories win where two start at one place).
 */
export type CompiledLexicon = Record<Category, RegExp | null> & { follow: RegExp | null };

const LETTER_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const LETTER_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
/** "~" in a pattern: the rest of a word (letters and combining marks), for stems like "ayudar~". */
const WORD_REST = '[\\p{L}\\p{M}]*';

/** One pattern as regex source: spaces, "~", and both Unicode normal forms when they differ. */
function patternSource(pattern: string): string {
  const expand = (p: string) => p.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+').replace(/~/g, WORD_REST);
  const nfc = expand(pattern.normalize('NFC'));
  const nfd = expand(pattern.normalize('NFD'));
  if (nfc === nfd || /[\uAC00-\uD7A3]/.test(pattern)) return nfc;
  try {
    new RegExp(nfd, 'u');
    return `${nfc}|${nfd}`;
  } catch {
    return nfc; // a decomposed character range is not a valid class; the composed form is what models write
  }
}

/** Regex source of one lexicon's patterns for a category, or null when it has none. */
function categorySource(lexicon: RefusalLexicon, category: Category): string | null {
  const patterns = lexicon[category];
  if (!patterns?.length) return null;
  const body = patterns.map(patternSource).join('|');
  return lexicon.boundaries === 'word' ? `${LETTER_BEFORE}(?:${body})${LETTER_AFTER}` : `(?:${body})`;
}

/**
 * Makes plain-letter patterns tolerant of tone marks and special letters the writer may or may not use
 * (Yoruba tones, Hausa hooked letters, Gaelic accents): each mapped letter becomes its class, followed by
 * optional combining marks. Only for patterns without backslash escapes.
 */
export function tolerant(patterns: string[], classes: Record<string, string>): string[] {
  return patterns.map((p) =>
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- our own patterns, walked a code point at a time to widen letters into classes
    [...p].map((c) => (classes[c] ? `[${classes[c]}]\\p{M}*` : c)).join(''),
  );
}

/** Compiles several lexicons (e.g. the answer's language plus English) into one matcher per category. */
export function compileLexicons(lexicons: RefusalLexicon[]): CompiledLexicon {
  const compiled = { follow: null } as CompiledLexicon;
  const groups: string[] = [];
  for (const category of CATEGORIES) {
    const sources = lexicons.map((l) => categorySource(l, category)).filter((s): s is string => s !== null);
    compiled[category] = sources.length ? new RegExp(sources.join('|'), 'giu') : null;
  }
  // One capturing group per category, in FOLLOW_CATEGORIES order: the first alternative that matches at a place wins.
  for (const category of FOLLOW_CATEGORIES) groups.push(`(${compiled[category]?.source ?? '(?!)'})`);
  compiled.follow = new RegExp(groups.join('|'), 'giu');
  const captures = new RegExp(`${compiled.follow.source}|`, 'u').exec('')!.length - 1;
  if (captures !== FOLLOW_CATEGORIES.length) throw new Error('refusal lexicon: a follow pattern has a capturing group; use (?:…)');
  return compiled;
}

/** A match of a category inside [from, to) of the text. */
export interface CueMatch {
  category: Category;
  start: number;
  end: number;
}

/** First match of a category inside [from, to), or null. */
export function findCue(lexicon: CompiledLexicon, category: Category, text: string, from: number, to: number): CueMatch | null {
  const re = lexicon[category];
  if (!re || from >= to) return null;
  re.lastIndex = from;
  const m = re.exec(to < text.length ? text.slice(0, to) : text);
  if (!m) return null;
  return { category, start: m.index, end: m.index + m[0].length };
}

/**
 * Every match of the FOLLOW_CATEGORIES inside [from, to), in order of position, one per starting place (the
 * first category in FOLLOW_CATEGORIES order wins). A match of a category that starts inside an earlier match
 * of the same category is skipped, as a pass per category would.
 */
export function findFollowCues(lexicon: CompiledLexicon, text: string, from: number, to: number): CueMatch[] {
  const re = lexicon.follow;
  const found: CueMatch[] = [];
  if (!re || from >= to) return found;
  const window = to < text.length ? text.slice(0, to) : text;
  const lastEnd = new Map<string, number>();
  re.lastIndex = from;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    let g = 1;
    while (m[g] === undefined) g++;
    const category = FOLLOW_CATEGORIES[g - 1]!;
    const end = m.index + m[0].length;
    if ((lastEnd.get(category) ?? -1) <= m.index) {
      found.push({ category, start: m.index, end });
      lastEnd.set(category, end);
    }
    re.lastIndex = m.index + 1;
  }
  return found;
}

/** Every match of a category inside [from, to), at most `limit` of them. */
export function findCues(lexicon: CompiledLexicon, category: Category, text: string, from: number, to: number, limit = 8): CueMatch[] {
  const re = lexicon[category];
  const found: CueMatch[] = [];
  if (!re) return found;
  const window = to < text.length ? text.slice(0, to) : text;
  re.lastIndex = from;
  while (found.length < limit) {
    const m = re.exec(window);
    if (!m) break;
    found.push({ category, start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return found;
}
