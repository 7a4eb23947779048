import { LATIN_PROFILES } from './latin-lexicon';

/** Scores of one text for each Latin-script language, with the pick and how sure it is (0–1). */
export interface LatinGuess {
  code: string | null;
  confidence: number;
  scores: Record<string, number>;
}

type Weights = Map<string, [code: string, weight: number][]>;

/** Languages so close that the detector does not count one against the other when judging its margin. */
export const CLOSE_LANGUAGES: Record<string, string> = { ms: 'id', id: 'ms' };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

let index: { exact: Weights; folded: Weights; letters: Weights; grams: Weights } | undefined;

function add(map: Weights, key: string, code: string, weight: number) {
  const list = map.get(key) ?? [];
  if (!list.some(([c]) => c === code)) list.push([code, weight]);
  map.set(key, list);
}

/** Builds the lookup tables once; shared words split their weight between the languages that use them. */
function tables() {
  if (index) return index;
  const exact: Weights = new Map();
  const folded: Weights = new Map();
  const letters: Weights = new Map();
  const grams: Weights = new Map();
  for (const p of LATIN_PROFILES) {
    for (const word of p.words.normalize('NFC').split(/\s+/).filter(Boolean)) {
      add(exact, word, p.code, 1);
      add(folded, fold(word), p.code, 0.5);
    }
    for (const [letter, w] of Object.entries(p.letters ?? {})) add(letters, letter.normalize('NFC'), p.code, w);
    for (const [gram, w] of Object.entries(p.grams ?? {})) add(grams, gram, p.code, w);
  }
  for (const map of [exact, folded]) {
    for (const list of map.values()) for (const entry of list) entry[1] /= list.length;
  }
  index = { exact, folded, letters, grams };
  return index;
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * Which Latin-script language a text is in: frequent words, telling letters and letter
 * sequences add up per language; confidence grows with the evidence per word, the lead over the runner-up and
 * the number of words.
 */
export function guessLatin(text: string): LatinGuess {
  const lower = text.toLowerCase();
  const tokens = lower.match(/[a-z\u00c0-\u02af\u1e00-\u1eff][\p{L}\p{M}]*/gu) ?? [];
  const { exact, folded, letters, grams } = tables();
  const scores: Record<string, number> = Object.fromEntries(LATIN_PROFILES.map((p) => [p.code, 0]));
  const credit = (list: [string, number][] | undefined, times = 1) => {
    for (const [code, w] of list ?? []) scores[code] = scores[code]! + w * times;
  };
  for (const token of tokens) {
    credit(exact.get(token) ?? folded.get(fold(token)));
    const padded = ` ${token} `;
    for (const [gram, list] of grams) {
      const n = occurrences(padded, gram);
      if (n) credit(list, n);
    }
  }
  for (const ch of lower) credit(letters.get(ch));
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [bestCode, best] = ranked[0] ?? ['', 0];
  const runnerUp = ranked.find(([code]) => code !== bestCode && CLOSE_LANGUAGES[bestCode] !== code)?.[1] ?? 0;
  if (!tokens.length || best < 0.5) return { code: null, confidence: 0, scores };
  const strength = Math.min(1, best / tokens.length / 0.4);
  const margin = (best - runnerUp) / best;
  const length = Math.min(1, 0.35 + tokens.length * 0.13);
  const confidence = strength * (0.3 + 0.7 * margin) * length;
  return { code: bestCode, confidence: Math.round(confidence * 100) / 100, scores };
}
