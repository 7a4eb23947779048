import type { ValueLexicon } from './types';
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

export type { Term, ValueLexicon, BodyCategory } from './types';

/** Values lexicons by BCP-47 primary tag. Languages not listed are read through their back-translation. */
export const VALUE_LEXICONS: Readonly<Record<string, ValueLexicon>> = { en, es, fr, de, pt, ru, zh, ja, ar, hi, sw };
