import type { StanceLexicon } from './types';
import { en } from './en';

export type { StanceLexicon } from './types';

/** Stance lexicons by BCP-47 primary tag: one for every language with a values lexicon. */
export const STANCE_LEXICONS: Readonly<Record<string, StanceLexicon>> = { en };
