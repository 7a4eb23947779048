/**
 * Compiles values lexicons into regular expressions and finds their matches as evidence spans. Pure; the
 * compiled form is cached per lexicon.
 */
import type { EvidenceSpan } from './types';
import type { BodyCategory, Term, ValueLexicon } from './value-lexicons';

/** Letters, digits and combining marks: what counts as "inside a word" for word edges. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';

/** One compiled alternation and the rule name of each of its groups (in order). */
export interface Matcher {
  re: RegExp;
  rules: string[];
}

/** A lexicon compiled for matching. */
export interface CompiledLexicon {
  lexicon: ValueLexicon;
  body: Record<BodyCategory, Matcher[]>;
  forHeadings: Matcher[];
  againstHeadings: Matcher[];
  /** Sticky matchers tried at the start of the answer (after markup and pleasantries). */
  open: { mixed: Matcher[]; no: Matcher[]; yes: Matcher[]; pleasantry: Matcher[] };
  requestPrompt: Matcher[];
}

/** Turns the entry notation into regex source: spaces match any whitespace, apostrophes any apostrophe. */
function entrySource(entry: string): string {
  return entry
    .replace(/\((?!\?)/g, '(?:')
    .replace(/ /g, '\\s+')
    .replace(/'/g, "['’ʼ]");
}

/**
 * A short readable name for an entry, for tooltips: the first alternative of every group, optional parts and
 * lookarounds left out — "(?:most )?critics (?:argue|say)" → "critics argue".
 */
function entryLabel(entry: string): string {
  let at = 0;
  const readSequence = (): string => {
    let out = '';
    while (at < entry.length && entry[at] !== '|' && entry[at] !== ')') {
      let piece = '';
      const ch = entry[at]!;
      let dropped = false;
      if (ch === '(') {
        const lookaround = /^\(\?(?:[=!]|<[=!])/.test(entry.slice(at));
        at += entry.startsWith('(?:', at) ? 3 : lookaround ? (entry[at + 2] === '<' ? 4 : 3) : 1;
        piece = readSequence();
        while (entry[at] === '|') {
          at++;
          readSequence();
        }
        at++; // ')'
        dropped = lookaround;
      } else if (ch === '[') {
        const close = entry.indexOf(']', at + 1);
        piece = entry[at + 1] === '^' ? '' : entry.slice(at + 1, at + 2);
        at = close < 0 ? entry.length : close + 1;
      } else if (ch === '\\') {
        const next = entry[at + 1] ?? '';
        piece = next === 's' ? ' ' : /[pPdDwWS]/.test(next) ? '' : next;
        at += 2;
        if (entry[at] === '{') at = entry.indexOf('}', at) + 1;
      } else {
        piece = /[.^$]/.test(ch) ? '' : ch;
        at++;
      }
      const quantifier = entry[at];
      if (quantifier === '?' || quantifier === '*') dropped = true;
      if (quantifier === '?' || quantifier === '*' || quantifier === '+') at++;
      if (entry[at] === '{') at = entry.indexOf('}', at) + 1;
      if (!dropped) out += piece;
    }
    return out;
  };
  const label = readSequence().replace(/\s+/g, ' ').trim();
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

/** Where a term list is matched: anywhere at word edges, only at a given offset, as a line heading, or anywhere. */
export type Placement = 'body' | 'sticky' | 'heading' | 'free';

/** How a language's entries meet word edges: see {@link ValueLexicon}. */
export type WordEdges = Pick<ValueLexicon, 'spaced' | 'clitic'>;

/** Compiles one term list; every match is named `${ruleBase}:${label of its entry}`. */
export function compileTerms(terms: Term[], ruleBase: string, lexicon: WordEdges, placement: Placement): Matcher[] {
  const edge = lexicon.spaced && placement !== 'free';
  const before = edge && placement !== 'sticky' ? `(?<!${WORD_CHAR})` : '';
  const clitic = lexicon.clitic && placement !== 'free' ? `(?:${lexicon.clitic})?` : '';
  const after = edge ? `(?!${WORD_CHAR})` : '';
  const build = (entries: string[], flags: string): Matcher | null => {
    if (!entries.length) return null;
    const alternation = entries.map((e) => `(${entrySource(e)})`).join('|');
    let source = `${before}${clitic}(?:${alternation})${after}`;
    if (placement === 'heading') {
      // A heading or label: at a line start (after list or heading markup), closed by ":" or bold or the line end.
      source = `^[ \\t>]*(?:#{1,6}[ \\t]*|[-*+•][ \\t]+|\\d+[.)][ \\t]+)?(?:\\*\\*|__)?${source}(?=[^\\n.。]{0,40}?(?:[:：]|\\*\\*|__|$))`;
    }
    const rules = entries.map((e) => `${ruleBase}:${entryLabel(e)}`);
    return { re: new RegExp(source, flags), rules };
  };
  const sticky = placement === 'sticky' ? 'y' : 'g';
  const heading = placement === 'heading' ? 'm' : '';
  const folded = terms.filter((t): t is string => typeof t === 'string');
  const exact = terms.flatMap((t) => (typeof t === 'string' ? [] : [t.cs]));
  return [build(folded, `${sticky}${heading}iu`), build(exact, `${sticky}${heading}u`)].filter((m): m is Matcher => m !== null);
}

const cache = new WeakMap<ValueLexicon, CompiledLexicon>();

const BODY: BodyCategory[] = [
  'sides',
  'bothSides',
  'dismissive',
  'hedges',
  'moralizing',
  'disclaimers',
  'authority',
  'individual',
  'collective',
  'supports',
  'opposes',
];

/** The lexicon compiled once and reused. */
export function compileLexicon(lexicon: ValueLexicon): CompiledLexicon {
  const hit = cache.get(lexicon);
  if (hit) return hit;
  const lang = lexicon.language;
  const body = Object.fromEntries(BODY.map((c) => [c, compileTerms(lexicon[c], `values.${c}.${lang}`, lexicon, 'body')])) as Record<BodyCategory, Matcher[]>;
  const compiled: CompiledLexicon = {
    lexicon,
    body,
    forHeadings: compileTerms(lexicon.forHeadings, `values.heading-for.${lang}`, lexicon, 'heading'),
    againstHeadings: compileTerms(lexicon.againstHeadings, `values.heading-against.${lang}`, lexicon, 'heading'),
    open: {
      mixed: compileTerms(lexicon.mixedOpen, `values.open-mixed.${lang}`, lexicon, 'sticky'),
      no: compileTerms(lexicon.noOpen, `values.open-no.${lang}`, lexicon, 'sticky'),
      yes: compileTerms(lexicon.yesOpen, `values.open-yes.${lang}`, lexicon, 'sticky'),
      pleasantry: compileTerms(lexicon.pleasantries, `values.pleasantry.${lang}`, lexicon, 'sticky'),
    },
    requestPrompt: compileTerms(lexicon.requestPrompt, `values.request.${lang}`, lexicon, 'free'),
  };
  cache.set(lexicon, compiled);
  return compiled;
}

/** The rule of the group that matched (the first defined capture). */
function ruleOf(match: RegExpExecArray, rules: string[]): string {
  for (let g = 1; g < match.length; g++) if (match[g] !== undefined) return rules[g - 1]!;
  return rules[0]!;
}

/** Every match of the matchers in `text`, in reading order, without overlaps (the earlier, longer one wins). */
export function findSpans(text: string, matchers: Matcher[]): EvidenceSpan[] {
  const found: EvidenceSpan[] = [];
  for (const { re, rules } of matchers) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push({ start: m.index, end: m.index + m[0].length, rule: ruleOf(m, rules) });
    }
  }
  return found.length > 1 ? withoutOverlaps(found) : found;
}

/** Spans in reading order with overlaps removed (of two overlapping spans the earlier, then longer, stays). */
export function withoutOverlaps(spans: EvidenceSpan[]): EvidenceSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: EvidenceSpan[] = [];
  for (const span of sorted) if (!kept.length || span.start >= kept[kept.length - 1]!.end) kept.push(span);
  return kept;
}

/** A match of one of the sticky matchers exactly at `at`, or null. */
export function matchAt(text: string, at: number, matchers: Matcher[]): EvidenceSpan | null {
  for (const { re, rules } of matchers) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && m[0].length > 0) return { start: m.index, end: m.index + m[0].length, rule: ruleOf(m, rules) };
  }
  return null;
}

/** Whether any of the matchers occurs in `text`. */
export function matchesAny(text: string, matchers: Matcher[]): boolean {
  return matchers.some(({ re }) => {
    re.lastIndex = 0;
    return re.test(text);
  });
}

/** Rough length in words: spaced words plus one word per two characters of Chinese, Japanese or Thai. */
export function wordCount(text: string): number {
  const unspaced = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu)?.length ?? 0;
  const spaced =
    text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;
  return spaced + Math.ceil(unspaced / 2);
}
