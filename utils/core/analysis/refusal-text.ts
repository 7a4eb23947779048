/**
 * Text preparation for the refusal classifier. Every transformation keeps the length and positions of the
 * text, so a match in the prepared text is also a valid evidence span in the original.
 */

/** Characters examined at most; refusals are decided by how an answer starts, not by its 20th paragraph. */
const MAX_ANALYSED_CHARS = 4000;

const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\uFF07]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\uFF02]/g;
/** Markdown marks (emphasis, headings, quotes, code ticks, table bars) and exotic spaces become plain spaces. */
const BULLET_STAR = /^([ \t]*)[*+](?=[ \t])/gm;
const MARKUP = /[*_#>`~|\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/g;

/**
 * The text as the patterns see it: curly apostrophes and quotes made straight, markdown marks blanked out.
 * Same length as the input (capped at MAX_ANALYSED_CHARS), so offsets carry over.
 */
export function prepareText(text: string): string {
  const head = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  return head.replace(BULLET_STAR, '$1-').replace(APOSTROPHES, "'").replace(QUOTES, '"').replace(MARKUP, ' ');
}

/** Sentence ends in the scripts we support: Latin, CJK, Arabic, Devanagari/Bengali danda, Ethiopic, Thai spaces. */
const SENTENCE_END =
  /[.!?;:\u3002\uFF01\uFF1F\uFF1B\u061F\u06D4\u0964\u0965\u1362\u1367\u1368]+["')\]]*(?=\s|$)|[\u3002\uFF01\uFF1F]|\n\s*\n|\n(?=\s*(?:\d+[.)]|[-+\u2022]) )/g;

/** Index just past the n-th sentence end at or after `from` (or `limit`, whichever is first). */
export function afterSentences(text: string, from: number, count: number, limit: number): number {
  const end = Math.min(limit, text.length);
  SENTENCE_END.lastIndex = from;
  let found = 0;
  let position = end;
  for (;;) {
    const m = SENTENCE_END.exec(text);
    if (!m || m.index >= end) break;
    position = m.index + m[0].length;
    // Ignore a full stop right after one or two letters ("e.g.", "U.S.") or digits ("1.") as a sentence end.
    if (m[0] === '.' && /(?:^|[\s.(])[\p{L}\d]{1,2}$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    if (++found >= count) return Math.min(position, end);
    if (m[0].length === 0) SENTENCE_END.lastIndex++;
  }
  return end;
}

/** Index of the first non-space character at or after `from`. */
export function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

const LIST_ITEM = /^[ \t]*(?:\d{1,2}[.)\uFF0E\u3001]|[-+\u2022\u25CF\u25AA\u2013]|[a-z][.)])[ \t]+\S/gm;

/** Number of list items (numbered or bulleted lines) from `from` to the end of the prepared text. */
export function countListItems(text: string, from: number): number {
  LIST_ITEM.lastIndex = from;
  let n = 0;
  while (LIST_ITEM.exec(text) && n < 50) n++;
  return n;
}

/** Number of letters and digits in [from, to), counted up to `cap`: the weight of what an answer actually says. */
export function contentLength(text: string, from: number, to = text.length, cap = Infinity): number {
  let n = 0;
  for (let i = from; i < to && n < cap; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x40 || (c >= 0x30 && c <= 0x39)) n++;
  }
  return n;
}

/** Index at which `count` letters and digits have been passed from `from` (the text's length if never). */
export function letterIndex(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c > 0x40 || (c >= 0x30 && c <= 0x39)) && ++n >= count) return i + 1;
  }
  return text.length;
}
