/**
 * The refusal lexicons of every catalogue language, and the compiled set used for one answer: its language's
 * lexicon merged with English (models often answer in English whatever was asked). Without a language tag the
 * script of the answer picks the candidates.
 */
import type { CompiledLexicon, RefusalLexicon } from '../refusal-lexicon';
import { compileLexicons } from '../refusal-lexicon';
import { en } from './en';
import { zh } from './zh';
import { es } from './es';
import { hi } from './hi';
import { ar } from './ar';
import { fr } from './fr';
import { ru } from './ru';
import { ja } from './ja';
import { de } from './de';
import { sw } from './sw';
import { bn } from './bn';
import { jv } from './jv';
import { zu } from './zu';
import { th } from './th';
import { gd } from './gd';
import { pt } from './pt';
import { it } from './it';
import { ko } from './ko';
import { tr } from './tr';
import { vi } from './vi';
import { id } from './id';
import { fa } from './fa';
import { he } from './he';
import { ur } from './ur';
import { pl } from './pl';
import { uk } from './uk';
import { nl } from './nl';
import { el } from './el';
import { ta } from './ta';
import { am } from './am';
import { yo } from './yo';
import { ha } from './ha';
import { ms } from './ms';
import { ro } from './ro';
import { sv } from './sv';
import { tl } from './tl';

/** Every lexicon by BCP-47 primary tag. */
export const REFUSAL_LEXICONS: Record<string, RefusalLexicon> = {
  en,
  zh,
  es,
  hi,
  ar,
  fr,
  ru,
  ja,
  de,
  sw,
  bn,
  jv,
  zu,
  th,
  gd,
  pt,
  it,
  ko,
  tr,
  vi,
  id,
  fa,
  he,
  ur,
  pl,
  uk,
  nl,
  el,
  ta,
  am,
  yo,
  ha,
  ms,
  ro,
  sv,
  tl,
};

const compiled = new Map<string, CompiledLexicon>();

/** Compiled lexicon set for these languages (English always included), cached. */
export function compiledFor(langs: string[]): CompiledLexicon {
  const codes = [...new Set(['en', ...langs.filter((l) => REFUSAL_LEXICONS[l])])];
  const key = codes.join(',');
  let set = compiled.get(key);
  if (!set) {
    set = compileLexicons(codes.map((c) => REFUSAL_LEXICONS[c]!));
    compiled.set(key, set);
  }
  return set;
}

/** The primary tag of a language tag ("pt-BR" → "pt"), lower-cased. */
export function primaryTag(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}
