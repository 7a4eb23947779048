/**
 * Back-translation check: a prompt translated into another language and back should still say the same thing.
 * The comparison is lexical (shared word stems), plus two things a translation must never change: numbers and
 * negations.
 */

/** The verdict on one round trip. `score` is the share of word stems both texts have, 0–1. */
export interface DriftCheck {
  drifted: boolean;
  score: number;
  /** Why it drifted, for the user ("a negation was lost"). */
  reason?: string;
}

/** Below this share of shared stems the meaning probably changed. Round trips paraphrase, so it is lenient. */
export const DRIFT_THRESHOLD = 0.35;

/** Words (or, in Chinese and Japanese, characters) that turn a statement into its opposite, per language. */
const NEGATIONS: Record<string, readonly string[]> = {
  en: ['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'cannot'],
  es: ['no', 'nunca', 'nada', 'nadie', 'ninguno', 'ninguna', 'ni', 'sin', 'jamás', 'tampoco'],
  fr: ['ne', 'n', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni'],
  de: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'nie', 'niemals', 'nichts', 'niemand', 'ohne', 'weder'],
  pt: ['não', 'nunca', 'nada', 'ninguém', 'nenhum', 'nenhuma', 'sem', 'nem', 'jamais'],
  it: ['non', 'mai', 'niente', 'nulla', 'nessuno', 'nessuna', 'senza', 'né'],
  nl: ['niet', 'geen', 'nooit', 'niets', 'niemand', 'zonder'],
  sv: ['inte', 'ej', 'aldrig', 'ingen', 'inget', 'inga', 'ingenting', 'utan'],
  pl: ['nie', 'nigdy', 'nic', 'nikt', 'żaden', 'żadna', 'bez'],
  ro: ['nu', 'niciodată', 'nimic', 'nimeni', 'niciun', 'nicio', 'fără'],
  tr: ['değil', 'yok', 'hiç', 'hiçbir', 'asla'],
  vi: ['không', 'chẳng', 'chưa', 'đừng'],
  id: ['tidak', 'tak', 'bukan', 'belum', 'jangan', 'tanpa', 'tiada'],
  ms: ['tidak', 'tak', 'bukan', 'belum', 'jangan', 'tanpa', 'tiada'],
  sw: ['si', 'sio', 'siyo', 'hapana', 'bila', 'hakuna'],
  tl: ['hindi', 'wala', 'huwag', 'ayaw'],
  ru: ['не', 'нет', 'никогда', 'ничего', 'никто', 'без', 'ни'],
  uk: ['не', 'ні', 'ніколи', 'нічого', 'ніхто', 'без'],
  el: ['δεν', 'μην', 'όχι', 'ποτέ', 'τίποτα', 'κανείς', 'χωρίς'],
  ar: ['لا', 'لم', 'لن', 'ليس', 'ليست', 'غير', 'بدون'],
  fa: ['نه', 'نیست', 'هیچ', 'بدون', 'نمی'],
  ur: ['نہیں', 'نہ', 'مت', 'بغیر', 'کبھی'],
  he: ['לא', 'אין', 'אף', 'בלי', 'אל'],
  hi: ['नहीं', 'न', 'मत', 'बिना'],
  zh: ['不', '没', '沒', '无', '無', '别', '未'],
  ja: ['ない', 'ません', 'なかった', 'ず', '無'],
  ko: ['안', '않', '못', '없'],
};

/** Scripts written without spaces: compared by character pairs instead of words. */
const UNSPACED = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f]/u;
const SUBSTRING_NEGATIONS = new Set(['zh', 'ja', 'ko']);

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/n['’]t\b/g, ' not')
    .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (UNSPACED.test(word)) {
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit wanted: each CJK character is a word
      const chars = [...word];
      if (chars.length === 1) out.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
    } else {
      out.add(fold(word).slice(0, 6));
    }
  }
  return out;
}

/** Numbers with their grouping and decimal marks dropped, so "1,000" and "1000" and "3.5" and "3,5" match. */
function numbers(text: string): string[] {
  return (text.match(/\d+(?:[.,\u00a0\u202f]\d+)*/g) ?? []).map((n) => n.replace(/[.,\u00a0\u202f]/g, '').replace(/^0+(?=\d)/, '')).sort();
}

function negationCount(text: string, language: string | undefined): number {
  const lists = language && NEGATIONS[language] ? [[language, NEGATIONS[language]] as const] : Object.entries(NEGATIONS);
  const tokens = words(text);
  let count = 0;
  for (const [code, cues] of lists) {
    if (SUBSTRING_NEGATIONS.has(code)) {
      for (const cue of cues) count += text.split(cue).length - 1;
    } else {
      count += tokens.filter((t) => cues.includes(t)).length;
    }
  }
  return count;
}

const missingFrom = (want: string[], have: string[]) => {
  const pool = [...have];
  return want.filter((n) => {
    const at = pool.indexOf(n);
    if (at === -1) return true;
    pool.splice(at, 1);
    return false;
  });
};

/**
 * Whether a prompt's meaning drifted in a round trip (prompt → other language → prompt's language). `language`
 * is the prompt's language; without it every language's negation words count.
 */
export function roundTripDrift(original: string, roundTripped: string, language?: string): DriftCheck {
  if (!original.trim()) return { drifted: false, score: 1 };
  if (!roundTripped.trim()) return { drifted: true, score: 0, reason: 'The round trip came back empty.' };
  const a = stems(original);
  const b = stems(roundTripped);
  const shared = [...a].filter((s) => b.has(s)).length;
  const score = Math.round(((2 * shared) / (a.size + b.size || 1)) * 100) / 100;
  const lost = missingFrom(numbers(original), numbers(roundTripped));
  if (lost.length) return { drifted: true, score, reason: `The number ${lost[0]} was lost or changed in translation.` };
  const added = missingFrom(numbers(roundTripped), numbers(original));
  if (added.length) return { drifted: true, score, reason: `The number ${added[0]} appeared in translation.` };
  const before = negationCount(original, language);
  const after = negationCount(roundTripped, language);
  if (before > 0 && after === 0) return { drifted: true, score, reason: 'A negation was lost in translation (a “not”, “never” or the like).' };
  if (before === 0 && after > 0) return { drifted: true, score, reason: 'A negation appeared in translation (a “not”, “never” or the like).' };
  if (score < DRIFT_THRESHOLD) return { drifted: true, score, reason: `Only ${Math.round(score * 100)} % of the prompt's words came back.` };
  return { drifted: false, score };
}
