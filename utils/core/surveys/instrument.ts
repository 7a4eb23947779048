/**
 * The survey instrument format: items with per-language text, answer scales, scoring formulas over item means,
 * and caveats to show beside results. Pure data plus a validator; documented in docs/INSTRUMENTS.md.
 */

/** Text in several languages: BCP-47 primary tag → text, e.g. `{ en: "…", de: "…" }`. */
export type LocalizedText = Record<string, string>;

/** One point of an answer scale. */
interface ScalePoint {
  /** The number a respondent answers with (integers, ascending within a scale). */
  value: number;
  /** What the point means, per language. May be empty when only the structure is known. */
  label: LocalizedText;
}

/** An answer scale shared by one or more items. */
export interface AnswerScale {
  id: string;
  points: ScalePoint[];
}

/** One question of the instrument. */
export interface InstrumentItem {
  id: string;
  /** The question per language. Empty for a structure-only instrument (text not bundled). */
  text: LocalizedText;
  /** Id of the item's answer scale. */
  scale: string;
}

/** One weighted item mean inside an index formula. */
interface FormulaTerm {
  item: string;
  weight: number;
}

/** A named index: `sum(weight × mean(item)) + C`, where C is set by the user (default `constant.default`). */
export interface IndexFormula {
  id: string;
  name: string;
  terms: FormulaTerm[];
  constant: {
    /** Short name of the constant as the instrument's documentation spells it, e.g. "pd" for C(pd). */
    name: string;
    default: number;
  };
}

/** A complete instrument. */
export interface Instrument {
  id: string;
  name: string;
  version: string;
  scales: AnswerScale[];
  items: InstrumentItem[];
  indices: IndexFormula[];
  /** Shown with every result; each caveat per language (at least one language). */
  caveats: LocalizedText[];
}

/** Result of validating untrusted JSON as an instrument. */
export type InstrumentValidation = { ok: true; instrument: Instrument } | { ok: false; errors: string[] };

const ID = /^[A-Za-z][\w.-]{0,63}$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkText(value: unknown, where: string, errors: string[], requireOne: boolean): LocalizedText {
  if (!isRecord(value)) {
    errors.push(`${where} must be an object mapping language codes to text`);
    return {};
  }
  const out: LocalizedText = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!LANG.test(lang)) errors.push(`${where} has an invalid language code "${lang}"`);
    else if (typeof text !== 'string' || !text.trim()) errors.push(`${where}.${lang} must be non-empty text`);
    else out[lang] = text;
  }
  if (requireOne && !Object.keys(out).length && !errors.length) errors.push(`${where} needs text in at least one language`);
  return out;
}

function checkId(value: unknown, where: string, errors: string[]): string {
  if (typeof value === 'string' && ID.test(value)) return value;
  errors.push(`${where} must be an id (letters, digits, "_", "-", "."; starting with a letter)`);
  return '';
}

function checkScales(raw: unknown, errors: string[]): AnswerScale[] {
  if (!Array.isArray(raw) || !raw.length) {
    errors.push('scales must be a non-empty list');
    return [];
  }
  return raw.map((s, i): AnswerScale => {
    const where = `scales[${i}]`;
    if (!isRecord(s)) {
      errors.push(`${where} must be an object`);
      return { id: '', points: [] };
    }
    const id = checkId(s.id, `${where}.id`, errors);
    if (!Array.isArray(s.points) || s.points.length < 2) {
      errors.push(`${where} (${id}) needs at least two points`);
      return { id, points: [] };
    }
    const points = s.points.map((p, j): ScalePoint => {
      const at = `${where}.points[${j}]`;
      if (!isRecord(p) || typeof p.value !== 'number' || !Number.isInteger(p.value)) {
        errors.push(`${at}.value must be an integer`);
        return { value: NaN, label: {} };
      }
      return { value: p.value, label: p.label === undefined ? {} : checkText(p.label, `${at}.label`, errors, false) };
    });
    for (let j = 1; j < points.length; j++) {
      if (!(points[j]!.value > points[j - 1]!.value)) errors.push(`${where} (${id}) point values must ascend`);
    }
    return { id, points };
  });
}

function checkIndices(raw: unknown, itemIds: Set<string>, errors: string[]): IndexFormula[] {
  if (!Array.isArray(raw) || !raw.length) {
    errors.push('indices must be a non-empty list');
    return [];
  }
  return raw.map((x, i): IndexFormula => {
    const where = `indices[${i}]`;
    if (!isRecord(x)) {
      errors.push(`${where} must be an object`);
      return { id: '', name: '', terms: [], constant: { name: '', default: 0 } };
    }
    const id = checkId(x.id, `${where}.id`, errors);
    const name = typeof x.name === 'string' && x.name.trim() ? x.name : id;
    const terms: FormulaTerm[] = [];
    if (!Array.isArray(x.terms) || !x.terms.length) errors.push(`${where} (${id}) needs at least one term`);
    else
      x.terms.forEach((t, j) => {
        if (!isRecord(t) || typeof t.item !== 'string' || typeof t.weight !== 'number' || !Number.isFinite(t.weight)) {
          errors.push(`${where}.terms[${j}] must be { "item": id, "weight": number }`);
        } else if (!itemIds.has(t.item)) errors.push(`${where} (${id}) uses unknown item "${t.item}"`);
        else terms.push({ item: t.item, weight: t.weight });
      });
    const c = isRecord(x.constant) ? x.constant : {};
    const constant = {
      name: typeof c.name === 'string' && c.name ? c.name : id,
      default: typeof c.default === 'number' && Number.isFinite(c.default) ? c.default : 0,
    };
    return { id, name, terms, constant };
  });
}

/** Duplicate values of `ids`, each once. */
function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => id && (seen.has(id) || !seen.add(id))))];
}

/**
 * Check untrusted JSON (an imported file) against the instrument format. Returns every problem found, each
 * naming where it is, so a user can fix a file in one pass.
 */
export function validateInstrument(json: unknown): InstrumentValidation {
  const errors: string[] = [];
  if (!isRecord(json)) return { ok: false, errors: ['an instrument must be a JSON object'] };
  const id = checkId(json.id, 'id', errors);
  const name = typeof json.name === 'string' && json.name.trim() ? json.name : (errors.push('name must be non-empty text'), '');
  const version = typeof json.version === 'string' || typeof json.version === 'number' ? String(json.version) : (errors.push('version must be text'), '');
  const scales = checkScales(json.scales, errors);
  const scaleIds = new Set(scales.map((s) => s.id));
  for (const dup of duplicates(scales.map((s) => s.id))) errors.push(`scale id "${dup}" is used twice`);

  const items: InstrumentItem[] = [];
  if (!Array.isArray(json.items) || !json.items.length) errors.push('items must be a non-empty list');
  else
    json.items.forEach((it, i) => {
      const where = `items[${i}]`;
      if (!isRecord(it)) return void errors.push(`${where} must be an object`);
      const itemId = checkId(it.id, `${where}.id`, errors);
      const text = checkText(it.text ?? {}, `${where} (${itemId}).text`, errors, false);
      if (typeof it.scale !== 'string' || !scaleIds.has(it.scale)) errors.push(`${where} (${itemId}) refers to unknown scale "${String(it.scale)}"`);
      items.push({ id: itemId, text, scale: String(it.scale) });
    });
  for (const dup of duplicates(items.map((it) => it.id))) errors.push(`item id "${dup}" is used twice`);

  // A language with text for some items but not all would give incomplete runs.
  const languages = new Set(items.flatMap((it) => Object.keys(it.text)));
  for (const lang of languages) {
    const without = items.filter((it) => !it.text[lang]).map((it) => it.id);
    if (without.length) errors.push(`language "${lang}" has no text for item(s) ${without.join(', ')}`);
  }

  const indices = checkIndices(json.indices, new Set(items.map((it) => it.id)), errors);
  for (const dup of duplicates(indices.map((x) => x.id))) errors.push(`index id "${dup}" is used twice`);

  const caveats: LocalizedText[] = [];
  if (Array.isArray(json.caveats)) json.caveats.forEach((c, i) => caveats.push(checkText(c, `caveats[${i}]`, errors, true)));
  else if (json.caveats !== undefined) errors.push('caveats must be a list');

  if (errors.length) return { ok: false, errors };
  return { ok: true, instrument: { id, name, version, scales, items, indices, caveats } };
}

/** Languages in which every item has text (empty for a structure-only instrument). */
export function instrumentLanguages(instrument: Instrument): string[] {
  const first = instrument.items[0];
  if (!first) return [];
  return Object.keys(first.text).filter((lang) => instrument.items.every((it) => it.text[lang]));
}

/** The scale an item is answered on. Throws when the instrument is inconsistent (validated ones never are). */
export function scaleOf(instrument: Instrument, itemId: string): AnswerScale {
  const item = instrument.items.find((it) => it.id === itemId);
  const scale = item && instrument.scales.find((s) => s.id === item.scale);
  if (!scale) throw new Error(`${instrument.id}: no scale for item "${itemId}"`);
  return scale;
}

/** Caveats in one language, falling back to English, then to any language the caveat has. */
export function caveatsIn(instrument: Instrument, language: string): string[] {
  return instrument.caveats.map((c) => c[language] ?? c.en ?? Object.values(c)[0] ?? '').filter(Boolean);
}
