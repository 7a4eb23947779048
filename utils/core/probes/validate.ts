/**
 * Checking, importing and exporting probe sets as JSON. Imported sets are untrusted: every problem is reported
 * with where it is, and nothing is accepted half-valid.
 */
import { PROBE_CATEGORIES, PROBE_EXPECTATIONS, type ProbeCategory, type ProbeExpectation, type ProbePrompt, type ProbeSet } from './types';

/** Format tag and version of exported probe-set files. */
const PROBE_EXPORT_FORMAT = 'parallax-probe-sets';
const PROBE_EXPORT_VERSION = 1;

const ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_PROMPTS = 500;
const MAX_TEXT = 8000;

/** A checked set, or every problem found. */
export type ProbeSetValidation = { ok: true; set: ProbeSet } | { ok: false; errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkPrompt(raw: unknown, where: string, errors: string[]): ProbePrompt | null {
  if (!isRecord(raw)) return (errors.push(`${where} must be an object`), null);
  const id = typeof raw.id === 'string' && ID.test(raw.id) ? raw.id : (errors.push(`${where}.id must be a lower-case id (a-z, 0-9, "-", "_", ".")`), '');
  const text: Record<string, string> = {};
  if (!isRecord(raw.text)) errors.push(`${where} (${id}).text must map language codes to text`);
  else {
    for (const [lang, value] of Object.entries(raw.text)) {
      if (!LANG.test(lang)) errors.push(`${where} (${id}) has an invalid language code "${lang}"`);
      else if (typeof value !== 'string' || !value.trim()) errors.push(`${where} (${id}).text.${lang} must be non-empty text`);
      else if (value.length > MAX_TEXT) errors.push(`${where} (${id}).text.${lang} is longer than ${MAX_TEXT} characters`);
      else text[lang] = value;
    }
    if (!Object.keys(raw.text).length) errors.push(`${where} (${id}) needs text in at least one language`);
  }
  if (raw.expect !== undefined && !PROBE_EXPECTATIONS.includes(raw.expect as ProbeExpectation)) {
    errors.push(`${where} (${id}).expect must be one of ${PROBE_EXPECTATIONS.join(', ')}`);
  }
  return { id, text, ...(raw.expect !== undefined ? { expect: raw.expect as ProbeExpectation } : {}) };
}

/** Check one probe set from untrusted JSON. */
export function validateProbeSet(raw: unknown): ProbeSetValidation {
  const errors: string[] = [];
  if (!isRecord(raw)) return { ok: false, errors: ['a probe set must be a JSON object'] };
  const id = typeof raw.id === 'string' && ID.test(raw.id) ? raw.id : (errors.push('id must be a lower-case id (a-z, 0-9, "-", "_", ".")'), '');
  const at = id ? `set "${id}": ` : '';
  const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : (errors.push(`${at}name must be non-empty text`), '');
  let purpose = '';
  if (typeof raw.purpose !== 'string' || !raw.purpose.trim()) errors.push(`${at}purpose must be one line of text`);
  else if (/[\r\n]/.test(raw.purpose.trim()) || raw.purpose.length > 300) errors.push(`${at}purpose must be a single line (at most 300 characters)`);
  else purpose = raw.purpose.trim();
  const category = PROBE_CATEGORIES.includes(raw.category as ProbeCategory)
    ? (raw.category as ProbeCategory)
    : (errors.push(`${at}category must be one of ${PROBE_CATEGORIES.join(', ')}`), 'custom');
  const prompts: ProbePrompt[] = [];
  if (!Array.isArray(raw.prompts) || !raw.prompts.length) errors.push(`${at}prompts must be a non-empty list`);
  else if (raw.prompts.length > MAX_PROMPTS) errors.push(`${at}at most ${MAX_PROMPTS} prompts per set`);
  else
    raw.prompts.forEach((p, i) => {
      const prompt = checkPrompt(p, `${at}prompts[${i}]`, errors);
      if (prompt) prompts.push(prompt);
    });
  const seen = new Set<string>();
  for (const p of prompts) {
    if (p.id && seen.has(p.id)) errors.push(`${at}prompt id "${p.id}" is used twice`);
    seen.add(p.id);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, set: { id, name, purpose, category, prompts } };
}

/** Languages every prompt of the set has (the ones a batch can run in). */
export function probeSetLanguages(set: ProbeSet): string[] {
  const [first, ...rest] = set.prompts;
  if (!first) return [];
  return Object.keys(first.text).filter((lang) => rest.every((p) => p.text[lang]));
}

/** A file with the given sets, re-importable with importProbeSets. */
export function exportProbeSets(sets: readonly ProbeSet[]): string {
  return `${JSON.stringify({ format: PROBE_EXPORT_FORMAT, version: PROBE_EXPORT_VERSION, sets }, null, 2)}\n`;
}

/** What an import produced: the valid sets and, per rejected set, why. */
export interface ProbeImport {
  sets: ProbeSet[];
  errors: string[];
}

/**
 * Read sets from a file: an export (`{format, version, sets}`), a list of sets, or one set. Sets whose id is
 * in `reservedIds` (built-in sets) or repeated in the file are rejected with a message; the rest are kept.
 */
export function importProbeSets(text: string, reservedIds: readonly string[] = []): ProbeImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { sets: [], errors: [`not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  let list: unknown[];
  if (isRecord(json) && 'format' in json) {
    if (json.format !== PROBE_EXPORT_FORMAT) return { sets: [], errors: [`unknown format "${String(json.format)}" (expected ${PROBE_EXPORT_FORMAT})`] };
    if (json.version !== PROBE_EXPORT_VERSION)
      return { sets: [], errors: [`unsupported version ${String(json.version)} (this version reads ${PROBE_EXPORT_VERSION})`] };
    list = Array.isArray(json.sets) ? json.sets : [];
  } else list = Array.isArray(json) ? json : [json];
  const result: ProbeImport = { sets: [], errors: [] };
  const ids = new Set<string>();
  list.forEach((raw, i) => {
    const checked = validateProbeSet(raw);
    if (!checked.ok) return void result.errors.push(...checked.errors.map((e) => (list.length > 1 ? `sets[${i}]: ${e}` : e)));
    if (reservedIds.includes(checked.set.id)) return void result.errors.push(`set "${checked.set.id}" has the id of a built-in set; give it another id`);
    if (ids.has(checked.set.id)) return void result.errors.push(`set "${checked.set.id}" appears twice in the file`);
    ids.add(checked.set.id);
    result.sets.push(checked.set);
  });
  if (!list.length) result.errors.push('the file holds no probe sets');
  return result;
}
