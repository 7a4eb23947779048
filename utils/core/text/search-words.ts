/**
 * Words for the history's full-text index. Text is folded (lower case, accents removed) and split on anything
 * that is not a letter or digit; scripts written without spaces (Han, kana, Hangul, Thai, …) are indexed as
 * overlapping character pairs, so a query matches inside them too.
 */

/** Lower-case, accents folded, so "Éthique" finds "ethique". */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const TOKEN = /[\p{L}\p{N}]+/gu;
const MAX_WORD = 24;

/** The tokens of one text, in order (duplicates kept). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const [word] of fold(text).matchAll(TOKEN)) {
    if (!UNSPACED.test(word)) {
      out.push(word.slice(0, MAX_WORD));
      continue;
    }
    // Split into runs of unspaced and spaced characters; pairs for the former.
    for (const [part] of word.matchAll(
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu,
    )) {
      if (!UNSPACED.test(part)) out.push(part.slice(0, MAX_WORD));
      else if (part.length === 1) out.push(part);
      else for (let i = 0; i < part.length - 1; i++) out.push(part.slice(i, i + 2));
    }
  }
  return out;
}

/** The distinct index words of some texts (bounded, so one huge answer cannot bloat the index). */
export function searchWords(texts: string[], max = 4000): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const token of tokens(text)) {
      words.add(token);
      if (words.size >= max) return [...words];
    }
  }
  return [...words];
}

/** How a query is looked up: each term must prefix-match an indexed word (pairs must match exactly). */
export function queryTerms(query: string): { term: string; prefix: boolean }[] {
  const seen = new Set<string>();
  return tokens(query)
    .filter((t) => !seen.has(t) && seen.add(t))
    .map((term) => ({ term, prefix: !UNSPACED.test(term) }));
}
