import type { StanceLexicon } from './types';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { hi } from './hi';
import { ja } from './ja';
import { pt } from './pt';
import { ru } from './ru';
import { sw } from './sw';
import { zh } from './zh';

export type { StanceLexicon } from './types';

/** Stance lexicons by BCP-47 primary tag: one for every language with a values lexicon. */
export const STANCE_LEXICONS: Readonly<Record<string, StanceLexicon>> = { en, es, fr, de, pt, ru, zh, ja, ar, hi, sw };
