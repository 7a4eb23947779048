/**
 * Hofstede's Values Survey Module 2013 as structure and scoring only: item ids m01–m24, their 5-point scales,
 * the six index formulas and the manual's caveats (paraphrased). The questionnaire text is copyrighted by
 * Geert Hofstede BV and is not bundled: users import the version they obtained with importVsmQuestionnaire.
 */
import type { AnswerScale, IndexFormula, Instrument, InstrumentItem, LocalizedText } from './instrument';
import { parseQuestionnaire, type ParsedOption } from './questionnaire';

/** Id of the built-in VSM 2013 instrument (also the survey:score argument). */
export const VSM2013_ID = 'vsm2013';
/** Scored items m01–m24 (the form's background questions are not scored). */
const VSM_ITEM_COUNT = 24;

/** "m01" … "m24". */
export const vsmItemId = (n: number): string => `m${String(n).padStart(2, '0')}`;

const fivePoints = (): AnswerScale['points'] => [1, 2, 3, 4, 5].map((value) => ({ value, label: {} }));

/** Which scale each item uses: m01–m14 importance, m15–m20 one scale each, m21–m24 agreement. */
function vsmScaleId(n: number): string {
  if (n <= 14) return 'importance';
  if (n <= 20) return vsmItemId(n);
  return 'agreement';
}

/** An index as `a(mX − mY) + b(mZ − mW) + C`. */
function index(id: string, name: string, constant: string, a: [number, number, number], b: [number, number, number]): IndexFormula {
  return {
    id,
    name,
    terms: [
      { item: vsmItemId(a[1]), weight: a[0] },
      { item: vsmItemId(a[2]), weight: -a[0] },
      { item: vsmItemId(b[1]), weight: b[0] },
      { item: vsmItemId(b[2]), weight: -b[0] },
    ],
    constant: { name: constant, default: 0 },
  };
}

/** The six indices of the VSM 2013 manual (RESEARCH.md §3). */
const INDICES: IndexFormula[] = [
  index('PDI', 'Power distance', 'pd', [35, 7, 2], [25, 20, 23]),
  index('IDV', 'Individualism', 'ic', [35, 4, 1], [35, 9, 6]),
  index('MAS', 'Masculinity', 'mf', [35, 5, 3], [35, 8, 10]),
  index('UAI', 'Uncertainty avoidance', 'ua', [40, 18, 15], [25, 21, 24]),
  index('LTO', 'Long-term orientation', 'ls', [40, 13, 14], [25, 19, 22]),
  index('IVR', 'Indulgence', 'ir', [35, 12, 11], [40, 17, 16]),
];

/** What every VSM result must say next to it (our own wording of the manual's advice). */
const CAVEATS: LocalizedText[] = [
  { en: 'The VSM compares groups, not individuals: a score says nothing reliable about one person — or about one model answering as if it were a person.' },
  {
    en: 'Only compare samples that are matched on everything except what you study (same model settings, temperature, number of repetitions and questionnaire version).',
  },
  {
    en: 'An index on its own has no meaning; only differences between compared samples do. The constant C just shifts every score and cannot be compared across studies.',
  },
  { en: 'The manual asks for at least about 20 respondents per sample; with few repetitions the interval is wide and differences may be noise.' },
  { en: 'These scores are not comparable with published country scores, which come from other samples and calibrations.' },
  { en: 'Repetitions of one model measure its sampling variation, not the spread of opinions among people.' },
  { en: 'The questionnaire text is copyrighted by Geert Hofstede BV; Parallax does not ship it. Import the version you are allowed to use.' },
];

/** A fresh copy of the VSM 2013 structure (no item text; scale labels empty). */
export function vsm2013(): Instrument {
  const items: InstrumentItem[] = [];
  for (let n = 1; n <= VSM_ITEM_COUNT; n++) items.push({ id: vsmItemId(n), text: {}, scale: vsmScaleId(n) });
  const scaleIds = [...new Set(items.map((it) => it.scale))];
  return {
    id: VSM2013_ID,
    name: 'Values Survey Module 2013 (Hofstede) — structure and scoring',
    version: '2013',
    scales: scaleIds.map((id) => ({ id, points: fivePoints() })),
    items,
    indices: structuredClone(INDICES),
    caveats: structuredClone(CAVEATS),
  };
}

/** Result of importing a pasted questionnaire. */
export type VsmImport = { ok: true; instrument: Instrument; warnings: string[] } | { ok: false; errors: string[] };

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const list = (ns: number[]) => ns.join(', ');

/**
 * Read a questionnaire the user pasted (items numbered 1–24 or m01–m24, any language, answer options as lines)
 * and check it against the VSM 2013 structure. Adds the text in `language` to `base` (a previous import, to hold
 * several languages) or to a fresh structure. Errors name the missing, extra or repeated item numbers.
 */
export function importVsmQuestionnaire(text: string, language: string, base: Instrument = vsm2013()): VsmImport {
  if (!LANG.test(language)) return { ok: false, errors: [`"${language}" is not a language code (e.g. en, de, zh)`] };
  if (!text.trim()) return { ok: false, errors: ['The pasted questionnaire is empty.'] };
  const parsed = parseQuestionnaire(text);
  const errors: string[] = [];
  const warnings: string[] = [];
  const seen = new Map<number, number>();
  for (const q of parsed.questions) seen.set(q.number, (seen.get(q.number) ?? 0) + 1);
  const numbers = [...seen.keys()];
  const missing = Array.from({ length: VSM_ITEM_COUNT }, (_, i) => i + 1).filter((n) => !seen.has(n));
  const extra = numbers.filter((n) => n < 1 || n > VSM_ITEM_COUNT).sort((a, b) => a - b);
  const repeated = numbers.filter((n) => seen.get(n)! > 1).sort((a, b) => a - b);
  if (missing.length) errors.push(`Missing item${missing.length > 1 ? 's' : ''} ${list(missing)} (VSM 2013 has items 1–24; found ${numbers.length}).`);
  if (extra.length)
    errors.push(`Extra item${extra.length > 1 ? 's' : ''} ${list(extra)}: only items 1–24 are scored — remove the others (e.g. the background questions).`);
  if (repeated.length) errors.push(`Item${repeated.length > 1 ? 's' : ''} ${list(repeated)} appear${repeated.length > 1 ? '' : 's'} more than once.`);
  const empty = parsed.questions.filter((q) => !q.text).map((q) => q.number);
  if (empty.length) errors.push(`Item${empty.length > 1 ? 's' : ''} ${list(empty)} ha${empty.length > 1 ? 've' : 's'} no text.`);
  if (errors.length) return { ok: false, errors };

  const instrument = structuredClone(base);
  const labels = new Map<string, ParsedOption[]>();
  let pending = parsed.leadingBlocks;
  for (const q of parsed.questions) {
    const scaleId = vsmScaleId(q.number);
    // Blocks written before a question belong to its scale (shared scales are printed above their items).
    for (const b of pending) if (!labels.has(scaleId)) labels.set(scaleId, b);
    const own = scaleId === vsmItemId(q.number);
    pending = own && q.blocksAfter.length ? q.blocksAfter.slice(1) : q.blocksAfter;
    if (own && q.blocksAfter[0]) labels.set(scaleId, q.blocksAfter[0]);
    instrument.items.find((it) => it.id === vsmItemId(q.number))!.text[language] = q.text;
  }
  for (const scale of instrument.scales) {
    const options = labels.get(scale.id);
    if (!options) {
      warnings.push(`No answer options found for ${scaleLabel(scale.id)}; prompts will ask for a number from 1 to 5.`);
      continue;
    }
    const outside = options.filter((o) => o.value < 1 || o.value > 5).map((o) => o.value);
    if (outside.length)
      errors.push(
        `Answer option${outside.length > 1 ? 's' : ''} ${list(outside)} for ${scaleLabel(scale.id)} ${outside.length > 1 ? 'are' : 'is'} outside the 1–5 scale.`,
      );
    for (const o of options) {
      const point = scale.points.find((p) => p.value === o.value);
      if (point) point.label[language] = o.label;
    }
    const unlabelled = scale.points.filter((p) => !p.label[language]).map((p) => p.value);
    if (unlabelled.length && !outside.length)
      warnings.push(`${scaleLabel(scale.id)}: no label for option${unlabelled.length > 1 ? 's' : ''} ${list(unlabelled)}.`);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, instrument, warnings };
}

function scaleLabel(scaleId: string): string {
  if (scaleId === 'importance') return 'the importance scale (items 1–14)';
  if (scaleId === 'agreement') return 'the agreement scale (items 21–24)';
  return `item ${Number(scaleId.slice(1))}`;
}
