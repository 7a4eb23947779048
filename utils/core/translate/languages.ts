/**
 * The languages Parallax can ask in: BCP-47 primary tags with their English and native names, script and
 * direction. `lowResource` marks languages where models are known to behave less safely (RESEARCH.md §5).
 */

/** One language of the catalogue. */
export interface Language {
  /** BCP-47 primary language subtag, e.g. "sw". */
  code: string;
  /** Name in English, e.g. "Swahili". */
  name: string;
  /** Name in the language itself, e.g. "Kiswahili". */
  nativeName: string;
  /** ISO 15924 script the language is usually written in. */
  script: string;
  dir: 'ltr' | 'rtl';
  /** Little training data: models are known to answer less safely (RESEARCH.md §5). */
  lowResource: boolean;
}

const L = (code: string, name: string, nativeName: string, script: string, extra: { rtl?: boolean; low?: boolean } = {}): Language => ({
  code,
  name,
  nativeName,
  script,
  dir: extra.rtl ? 'rtl' : 'ltr',
  lowResource: Boolean(extra.low),
});

/** Every language in the catalogue, in the order the pickers show them. */
export const LANGUAGES: readonly Language[] = [
  L('en', 'English', 'English', 'Latn'),
  L('zh', 'Chinese', '中文', 'Hans'),
  L('es', 'Spanish', 'Español', 'Latn'),
  L('hi', 'Hindi', 'हिन्दी', 'Deva'),
  L('ar', 'Arabic', 'العربية', 'Arab', { rtl: true }),
  L('fr', 'French', 'Français', 'Latn'),
  L('ru', 'Russian', 'Русский', 'Cyrl'),
  L('ja', 'Japanese', '日本語', 'Jpan'),
  L('de', 'German', 'Deutsch', 'Latn'),
  L('sw', 'Swahili', 'Kiswahili', 'Latn', { low: true }),
  L('bn', 'Bengali', 'বাংলা', 'Beng', { low: true }),
  L('jv', 'Javanese', 'Basa Jawa', 'Latn', { low: true }),
  L('zu', 'Zulu', 'isiZulu', 'Latn', { low: true }),
  L('th', 'Thai', 'ไทย', 'Thai', { low: true }),
  L('gd', 'Scottish Gaelic', 'Gàidhlig', 'Latn', { low: true }),
  L('pt', 'Portuguese', 'Português', 'Latn'),
  L('it', 'Italian', 'Italiano', 'Latn'),
  L('ko', 'Korean', '한국어', 'Kore'),
  L('tr', 'Turkish', 'Türkçe', 'Latn'),
  L('vi', 'Vietnamese', 'Tiếng Việt', 'Latn'),
  L('id', 'Indonesian', 'Bahasa Indonesia', 'Latn'),
  L('fa', 'Persian', 'فارسی', 'Arab', { rtl: true }),
  L('he', 'Hebrew', 'עברית', 'Hebr', { rtl: true }),
  L('ur', 'Urdu', 'اردو', 'Arab', { rtl: true, low: true }),
  L('pl', 'Polish', 'Polski', 'Latn'),
  L('uk', 'Ukrainian', 'Українська', 'Cyrl'),
  L('nl', 'Dutch', 'Nederlands', 'Latn'),
  L('el', 'Greek', 'Ελληνικά', 'Grek'),
  L('ta', 'Tamil', 'தமிழ்', 'Taml', { low: true }),
  L('am', 'Amharic', 'አማርኛ', 'Ethi', { low: true }),
  L('yo', 'Yoruba', 'Yorùbá', 'Latn', { low: true }),
  L('ha', 'Hausa', 'Hausa', 'Latn', { low: true }),
  L('ms', 'Malay', 'Bahasa Melayu', 'Latn'),
  L('ro', 'Romanian', 'Română', 'Latn'),
  L('sv', 'Swedish', 'Svenska', 'Latn'),
  L('tl', 'Tagalog', 'Tagalog', 'Latn', { low: true }),
];

const BY_CODE = new Map(LANGUAGES.map((l) => [l.code, l]));

/** Older or alternative tags that mean a catalogue language. */
const ALIASES: Record<string, string> = { iw: 'he', in: 'id', fil: 'tl', zsm: 'ms', jw: 'jv', pes: 'fa', cmn: 'zh' };

/** The catalogue's code for a BCP-47 tag ("en-GB" → "en", "iw" → "he", "fil" → "tl"), or null when not in it. */
export function catalogueCode(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = ALIASES[primary] ?? primary;
  return BY_CODE.has(code) ? code : null;
}

/** The catalogue entry for a code or tag ("pt-BR" finds Portuguese), or undefined. */
export function languageByCode(code: string | null | undefined): Language | undefined {
  const known = catalogueCode(code);
  return known ? BY_CODE.get(known) : undefined;
}

/** Whether two tags mean the same catalogue language ("en-US" and "en"). */
export function sameLanguage(a: string | null | undefined, b: string | null | undefined): boolean {
  const ca = catalogueCode(a) ?? a?.toLowerCase();
  const cb = catalogueCode(b) ?? b?.toLowerCase();
  return Boolean(ca) && ca === cb;
}

/** Text direction of a language; unknown languages are left to right. */
export function directionOf(code: string | null | undefined): 'ltr' | 'rtl' {
  return languageByCode(code)?.dir ?? 'ltr';
}

/**
 * A language's name: in English by default, in the language itself when `inLanguage` is the same language,
 * else in `inLanguage` as the runtime's Intl data spells it (English when it has none). Unknown codes come back
 * as given.
 */
export function languageName(code: string, inLanguage?: string): string {
  const language = languageByCode(code);
  if (!language) return code;
  if (!inLanguage || sameLanguage(inLanguage, 'en')) return language.name;
  if (sameLanguage(inLanguage, code)) return language.nativeName;
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'none' }).of(language.code);
    return name && name !== language.code ? name : language.name;
  } catch {
    return language.name;
  }
}
