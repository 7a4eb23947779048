import { languageByCode } from './languages';

/** A saved set of target languages offered in the language picker. */
export interface LanguagePreset {
  id: string;
  label: string;
  /** One line shown under the label. */
  description: string;
  /** Catalogue codes, in column order. */
  codes: readonly string[];
}

/** The built-in sets. Users may save their own; these cannot be deleted. */
export const LANGUAGE_PRESETS: readonly LanguagePreset[] = [
  {
    id: 'world',
    label: 'World',
    description: 'The ten most asked-in languages across continents.',
    codes: ['en', 'zh', 'es', 'hi', 'ar', 'fr', 'ru', 'ja', 'de', 'sw'],
  },
  {
    id: 'low-resource',
    label: 'Low-resource',
    description: 'Languages with little training data, where models are known to answer less safely.',
    codes: ['bn', 'sw', 'jv', 'zu', 'th', 'gd'],
  },
  {
    id: 'europe',
    label: 'Europe',
    description: 'Major European languages, east and west.',
    codes: ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ro', 'el', 'uk', 'ru'],
  },
  {
    id: 'asia',
    label: 'Asia',
    description: 'East, South and South-East Asian languages.',
    codes: ['zh', 'ja', 'ko', 'hi', 'bn', 'ta', 'ur', 'th', 'vi', 'id', 'ms', 'tl'],
  },
];

/** A built-in preset by id, or undefined. */
export function presetById(id: string): LanguagePreset | undefined {
  return LANGUAGE_PRESETS.find((p) => p.id === id);
}

/**
 * Codes of a set with unknown codes dropped and duplicates removed (first kept), so saved sets stay valid when
 * the catalogue changes.
 */
export function validCodes(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const code of codes) {
    const known = languageByCode(code)?.code;
    if (known) seen.add(known);
  }
  return [...seen];
}
