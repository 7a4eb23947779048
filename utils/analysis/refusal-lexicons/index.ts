/**
 * The refusal lexicons of every catalogue language, and the compiled set used for one answer: its language's
 * lexicon merged with English (models often answer in English whatever was asked). Without a language tag the
 * script of the answer picks the candidates.
 */
import type { CompiledLexicon, RefusalLexicon } from '../refusal-lexicon';
import { compileLexicons } from '../refusal-lexicon';
import { en } from './en';

/** Every lexicon by BCP-47 primary tag. */
export const REFUSAL_LEXICONS: Record<string, RefusalLexicon> = { en };

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
