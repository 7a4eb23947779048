import { guessLatin, CLOSE_LANGUAGES } from './latin';
import { catalogueCode } from './languages';

/** A detected language: a catalogue code (null when unsure or unknown) and how sure, 0–1. */
export interface DetectedLanguage {
  code: string | null;
  confidence: number;
}

type Script = 'latin' | 'greek' | 'cyrillic' | 'hebrew' | 'arabic' | 'devanagari' | 'bengali' | 'tamil' | 'thai' | 'ethiopic' | 'hangul' | 'han' | 'kana';

/** Code point ranges of the scripts the catalogue uses. */
const RANGES: [from: number, to: number, script: Script][] = [
  [0x41, 0x5a, 'latin'],
  [0x61, 0x7a, 'latin'],
  [0xc0, 0x24f, 'latin'],
  [0x250, 0x2af, 'latin'],
  [0x1e00, 0x1eff, 'latin'],
  [0x370, 0x3ff, 'greek'],
  [0x1f00, 0x1fff, 'greek'],
  [0x400, 0x4ff, 'cyrillic'],
  [0x590, 0x5ff, 'hebrew'],
  [0x600, 0x6ff, 'arabic'],
  [0x750, 0x77f, 'arabic'],
  [0xfb50, 0xfdff, 'arabic'],
  [0xfe70, 0xfeff, 'arabic'],
  [0x900, 0x97f, 'devanagari'],
  [0x980, 0x9ff, 'bengali'],
  [0xb80, 0xbff, 'tamil'],
  [0xe00, 0xe7f, 'thai'],
  [0x1200, 0x139f, 'ethiopic'],
  [0x1100, 0x11ff, 'hangul'],
  [0x3130, 0x318f, 'hangul'],
  [0xac00, 0xd7af, 'hangul'],
  [0x3040, 0x30ff, 'kana'],
  [0x31f0, 0x31ff, 'kana'],
  [0xff66, 0xff9f, 'kana'],
  [0x3400, 0x4dbf, 'han'],
  [0x4e00, 0x9fff, 'han'],
  [0xf900, 0xfaff, 'han'],
  [0x20000, 0x2ffff, 'han'],
];

/** Scripts written by one catalogue language each. */
const SINGLE: Partial<Record<Script, string>> = {
  greek: 'el',
  hebrew: 'he',
  devanagari: 'hi',
  bengali: 'bn',
  tamil: 'ta',
  thai: 'th',
  ethiopic: 'am',
  hangul: 'ko',
};

/** One CJK character carries about a word; weigh it like several letters so mixed text is judged fairly. */
const DENSE: Partial<Record<Script, number>> = { han: 3, kana: 2, hangul: 2.5 };

/** How much text is looked at: enough to be sure, little enough to stay fast on long answers. */
const MAX_CHARS = 6000;

function scriptOf(cp: number): Script | null {
  if (cp < 0x41 || cp === 0xd7 || cp === 0xf7) return null;
  for (const [from, to, script] of RANGES) if (cp >= from && cp <= to) return script;
  return null;
}

/**
 * Text that says nothing about the language: code, URLs, e-mail addresses, markup. Every pattern runs in linear
 * time (an address starts only at a word's start; a tag or link target stops at the next one's opening), so a
 * page's 200 KB of `x` or `<a` cannot freeze the panel.
 */
function proseOf(text: string): string {
  return text
    .replace(/(```|~~~)[\s\S]*?(\1|$)/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/(?<![^\s@])[^\s@]+@[^\s@]+\.\w+/g, ' ')
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/\]\([^)\]]*\)/g, ']');
}

const count = (text: string, letters: RegExp) => text.match(letters)?.length ?? 0;

/** Arabic script: Urdu and Persian have letters Arabic lacks; Arabic has its own yeh, kaf and taa marbuta. */
function arabicLanguage(text: string, letters: number): DetectedLanguage {
  const urdu = count(text, /[ٹڈڑںےۓہ]/g);
  const persian = count(text, /[پچژگیک]/g);
  const arabic = count(text, /[يكةى]/g);
  if (urdu >= 2 && urdu >= letters * 0.015) return { code: 'ur', confidence: Math.min(1, 0.6 + (urdu / letters) * 8) };
  if (persian > arabic) return { code: 'fa', confidence: Math.min(1, 0.5 + ((persian - arabic) / letters) * 10) };
  return { code: 'ar', confidence: arabic ? Math.min(1, 0.5 + ((arabic - persian) / letters) * 10) : 0.4 };
}

const UK_WORDS = new Set('це що та дуже дякую але або чи ні як він вона вони ми ви від який яка які цей ця ці також щоб коли зараз привіт'.split(' '));
const RU_WORDS = new Set('это что очень спасибо но или если как он она они мы вы от какой какая какие этот эта эти также чтобы когда сейчас привет'.split(' '));

/** Cyrillic: Ukrainian writes і ї є ґ, Russian ы э ъ ё; without those letters, frequent words tell. */
function cyrillicLanguage(text: string): DetectedLanguage {
  const lower = text.toLowerCase();
  const words = lower.match(/[\u0400-\u04ff]+/g) ?? [];
  const uk = count(lower, /[іїєґ]/g) + words.filter((w) => UK_WORDS.has(w)).length;
  const ru = count(lower, /[ыэъё]/g) + words.filter((w) => RU_WORDS.has(w)).length;
  if (uk === ru) return { code: uk ? null : 'ru', confidence: uk ? 0.3 : 0.6 };
  const lead = Math.abs(uk - ru) / (uk + ru);
  return { code: uk > ru ? 'uk' : 'ru', confidence: Math.min(1, 0.5 + lead * 0.5) };
}

/**
 * The language a text is written in. Scripts decide most languages outright (Arabic, Persian and Urdu by their
 * letters, Chinese or Japanese by kana, Russian or Ukrainian by letters); Latin-script text goes to a word and
 * letter-sequence model. Code blocks, URLs and markup are ignored; very short text comes back unsure.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const prose = proseOf(text).slice(0, MAX_CHARS).normalize('NFC');
  const weights = new Map<Script, number>();
  let letters = 0;
  for (const ch of prose) {
    const script = scriptOf(ch.codePointAt(0)!);
    if (!script) continue;
    letters++;
    weights.set(script, (weights.get(script) ?? 0) + (DENSE[script] ?? 1));
  }
  if (!letters) return { code: null, confidence: 0 };
  const cjk = (weights.get('han') ?? 0) + (weights.get('kana') ?? 0);
  const groups = [...weights].filter(([s]) => s !== 'han' && s !== 'kana');
  if (cjk) groups.push(['han', cjk]);
  groups.sort((a, b) => b[1] - a[1]);
  const total = groups.reduce((sum, [, w]) => sum + w, 0);
  const [script, weight] = groups[0]!;
  const share = weight / total;
  const length = Math.min(1, 0.4 + weight / 25);
  const scaled = (d: DetectedLanguage): DetectedLanguage => ({ code: d.code, confidence: Math.round(d.confidence * share * length * 100) / 100 });

  if (SINGLE[script]) return scaled({ code: SINGLE[script], confidence: 1 });
  if (script === 'han') {
    const kana = weights.get('kana') ?? 0;
    return scaled({ code: kana >= 4 || kana / cjk >= 0.05 ? 'ja' : 'zh', confidence: kana || cjk >= 12 ? 1 : 0.7 });
  }
  if (script === 'arabic') return scaled(arabicLanguage(prose, weight));
  if (script === 'cyrillic') return scaled(cyrillicLanguage(prose));
  const latin = guessLatin(prose);
  return { code: latin.code, confidence: Math.round(latin.confidence * share * 100) / 100 };
}

/** How sure detection must be before an answer is flagged as being in another language. */
export const OTHER_LANGUAGE_CONFIDENCE = 0.5;

/**
 * Whether an answer came back in another language than it was asked in ("answered in English when asked in
 * Swahili"). Unsure detections never flag; Indonesian and Malay count as one.
 */
export function answeredInOtherLanguage(asked: string | null | undefined, detected: DetectedLanguage | null | undefined): boolean {
  const want = catalogueCode(asked);
  if (!want || !detected?.code || detected.confidence < OTHER_LANGUAGE_CONFIDENCE) return false;
  return detected.code !== want && CLOSE_LANGUAGES[want] !== detected.code;
}
