import { describe, expect, test } from 'vitest';
import { importVsmQuestionnaire, vsm2013 } from '@/utils/core/surveys/vsm2013';
import { instrumentLanguages, validateInstrument } from '@/utils/core/surveys/instrument';
import { parseQuestionnaire } from '@/utils/core/surveys/questionnaire';

// Stand-in questionnaires written for these tests: same layout as a VSM form, none of its wording.
const SHARED = ['label A1', 'label A2', 'label A3', 'label A4', 'label A5'];
const AGREE = ['agree-label 1', 'agree-label 2', 'agree-label 3', 'agree-label 4', 'agree-label 5'];
const ownOptions = (n: number) => [1, 2, 3, 4, 5].map((v) => `item ${n} option ${v}`);

interface Layout {
  number: (n: number) => string;
  option: (v: number, label: string) => string;
  ownOption: (v: number, label: string) => string;
  columns?: boolean;
}

function questionnaire(layout: Layout, skip: number[] = [], extra: number[] = []): string {
  const out: string[] = ['Header explaining the first block of questions:', ...SHARED.map((l, i) => layout.option(i + 1, l)), ''];
  for (let n = 1; n <= 24; n++) {
    if (skip.includes(n)) continue;
    if (n === 11) out.push('', 'Header for the private-life block:', ...SHARED.map((l, i) => layout.option(i + 1, l)), '');
    if (n === 21) out.push('', 'Header for the agreement block:', ...AGREE.map((l, i) => layout.option(i + 1, l)), '');
    out.push(`${layout.number(n)} placeholder question ${n}${layout.columns && (n <= 14 || n >= 21) ? '   1 2 3 4 5' : ''}`);
    if (n >= 15 && n <= 20) out.push(...ownOptions(n).map((l, i) => layout.ownOption(i + 1, l)), '');
  }
  for (const n of extra) out.push(`${layout.number(n)} placeholder background question ${n}`, '1. first', '2. second');
  return out.join('\n');
}

const LAYOUTS: [string, Layout][] = [
  [
    'padded numbers, "n = label" scales, "n." own options, answer columns',
    { number: (n) => `${String(n).padStart(2, '0')}.`, option: (v, l) => `${v} = ${l}`, ownOption: (v, l) => `${v}. ${l}`, columns: true },
  ],
  ['m01 ids and "(n) label" options', { number: (n) => `m${String(n).padStart(2, '0')}`, option: (v, l) => `(${v}) ${l}`, ownOption: (v, l) => `(${v}) ${l}` }],
  ['plain "n." everywhere (scales printed above the items)', { number: (n) => `${n}.`, option: (v, l) => `${v}. ${l}`, ownOption: (v, l) => `${v}. ${l}` }],
  ['"n)" items and "n - label" options', { number: (n) => `${n})`, option: (v, l) => `${v} - ${l}`, ownOption: (v, l) => `${v}) ${l}` }],
];

/** Item numbers and option styles named by the import form (“1 = …”) and docs/INSTRUMENTS.md. */
const ITEM_STYLES: [string, (n: number) => string][] = [
  ['01.', (n) => `${String(n).padStart(2, '0')}.`],
  ['1.', (n) => `${n}.`],
  ['1)', (n) => `${n})`],
  ['Q1', (n) => `Q${n}`],
  ['m01', (n) => `m${String(n).padStart(2, '0')}`],
];
const OPTION_STYLES: [string, (v: number, label: string) => string][] = [
  ['1 = label', (v, l) => `${v} = ${l}`],
  ['(1) label', (v, l) => `(${v}) ${l}`],
  ['1 - label', (v, l) => `${v} - ${l}`],
  ['1. label', (v, l) => `${v}. ${l}`],
];
type Placement = 'scales above their blocks' | 'options under every item' | 'options on one line under every item' | 'options on the item line';

/** A stand-in questionnaire: every item followed or preceded by its options, as `placement` says. */
function styled(item: (n: number) => string, option: (v: number, label: string) => string, placement: Placement): string {
  const labels = (n: number) => (n <= 14 ? SHARED : n >= 21 ? AGREE : ownOptions(n));
  const lines = (n: number) => labels(n).map((l, i) => option(i + 1, l));
  const out: string[] = [];
  for (let n = 1; n <= 24; n++) {
    const shared = n <= 14 || n >= 21;
    if (placement === 'scales above their blocks') {
      if (n === 1 || n === 11 || n === 21) out.push('', `Header before item ${n}:`, ...lines(n), '');
      out.push(`${item(n)} placeholder question ${n}`, ...(shared ? [] : [...lines(n), '']));
    } else if (placement === 'options under every item') out.push(`${item(n)} placeholder question ${n}`, ...lines(n), '');
    else if (placement === 'options on one line under every item') out.push(`${item(n)} placeholder question ${n}`, lines(n).join('; '), '');
    else out.push(`${item(n)} placeholder question ${n} ${lines(n).join('; ')}`);
  }
  return out.join('\n');
}

const PLACEMENTS: Placement[] = ['scales above their blocks', 'options under every item', 'options on one line under every item', 'options on the item line'];
const COMBINATIONS = ITEM_STYLES.flatMap(([itemName, item]) =>
  OPTION_STYLES.flatMap(([optionName, option]) => PLACEMENTS.map((placement) => [itemName, optionName, placement, item, option] as const)),
);

describe('importVsmQuestionnaire', () => {
  test.each(COMBINATIONS)('items "%s", options "%s", %s: 24 items and every scale\'s labels', (_i, _o, placement, item, option) => {
    const result = importVsmQuestionnaire(styled(item, option, placement), 'en');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { instrument } = result;
    expect(instrument.items.map((it) => it.text.en)).toEqual(Array.from({ length: 24 }, (_, i) => `placeholder question ${i + 1}`));
    const labels = (scale: string) => instrument.scales.find((s) => s.id === scale)!.points.map((p) => p.label.en);
    expect(labels('importance')).toEqual(SHARED);
    expect(labels('agreement')).toEqual(AGREE);
    for (const n of [15, 16, 17, 18, 19, 20]) expect(labels(`m${n}`)).toEqual(ownOptions(n));
    expect(result.warnings).toEqual([]);
  });

  test('item 6 right after options "1 = …" … "5 = …" is item 6 (the form\'s own example layout)', () => {
    const text = Array.from({ length: 24 }, (_, i) => [`${i + 1}. placeholder question ${i + 1}`, ...SHARED.map((l, v) => `${v + 1} = ${l}`)].join('\n')).join(
      '\n',
    );
    const result = importVsmQuestionnaire(text, 'en');
    expect(result.ok && result.instrument.items[5]!.text.en).toBe('placeholder question 6');
  });

  test.each(LAYOUTS)('reads 24 items and their answer labels: %s', (_, layout) => {
    const result = importVsmQuestionnaire(questionnaire(layout), 'en');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const { instrument } = result;
    expect(instrument.items.map((it) => it.text.en)).toEqual(Array.from({ length: 24 }, (_, i) => `placeholder question ${i + 1}`));
    const labels = (scale: string) => instrument.scales.find((s) => s.id === scale)!.points.map((p) => p.label.en);
    expect(labels('importance')).toEqual(SHARED);
    expect(labels('agreement')).toEqual(AGREE);
    for (const n of [15, 18, 20]) expect(labels(`m${n}`)).toEqual(ownOptions(n));
    expect(result.warnings).toEqual([]);
    expect(validateInstrument(JSON.parse(JSON.stringify(instrument)))).toMatchObject({ ok: true });
  });

  test('adds a second language to an earlier import, keeping the first', () => {
    const layout = LAYOUTS[0]![1];
    const en = importVsmQuestionnaire(questionnaire(layout), 'en');
    if (!en.ok) throw new Error(en.errors.join());
    const german = questionnaire(layout).replace(/placeholder question/g, 'Platzhalterfrage');
    const both = importVsmQuestionnaire(german, 'de', en.instrument);
    if (!both.ok) throw new Error(both.errors.join());
    expect(instrumentLanguages(both.instrument)).toEqual(['en', 'de']);
    expect(both.instrument.items[6]!.text).toEqual({ en: 'placeholder question 7', de: 'Platzhalterfrage 7' });
  });

  test('names missing items', () => {
    const result = importVsmQuestionnaire(questionnaire(LAYOUTS[0]![1], [7, 23]), 'en');
    expect(result).toEqual({ ok: false, errors: ['Missing items 7, 23 (VSM 2013 has items 1–24; found 22).'] });
  });

  test('names extra items beyond 24', () => {
    const result = importVsmQuestionnaire(questionnaire(LAYOUTS[0]![1], [], [25, 26]), 'en');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(['Extra items 25, 26: only items 1–24 are scored — remove the others (e.g. the background questions).']);
  });

  test('names repeated items', () => {
    const text = `${questionnaire(LAYOUTS[1]![1])}\nm05 placeholder question 5 again`;
    expect(importVsmQuestionnaire(text, 'en')).toEqual({ ok: false, errors: ['Item 5 appears more than once.'] });
  });

  test('answer options outside 1–5 are reported', () => {
    const text = questionnaire(LAYOUTS[0]![1]).replace('5. item 16 option 5', '5. item 16 option 5\n6. item 16 option 6');
    const result = importVsmQuestionnaire(text, 'en');
    expect(!result.ok && result.errors).toEqual(['Answer option 6 for item 16 is outside the 1–5 scale.']);
  });

  test('items without options still import, with a warning per unlabelled scale', () => {
    const text = Array.from({ length: 24 }, (_, i) => `${i + 1}. placeholder question ${i + 1}`).join('\n');
    const result = importVsmQuestionnaire(text, 'fr');
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toHaveLength(8);
    expect(result.ok && result.warnings[0]).toBe('No answer options found for the importance scale (items 1–14); prompts will ask for a number from 1 to 5.');
  });

  test.each([
    ['', 'en', 'The pasted questionnaire is empty.'],
    ['1. x', 'English', '"English" is not a language code (e.g. en, de, zh)'],
  ])('rejects %j in %s', (text, lang, error) => {
    expect(importVsmQuestionnaire(text, lang)).toEqual({ ok: false, errors: [error] });
  });

  test('native digits, full-width numbers and wrapped item text are read', () => {
    const arabic = Array.from({ length: 24 }, (_, i) => `${String(i + 1).replace(/\d/g, (d) => String.fromCharCode(0x660 + Number(d)))}. سؤال ${i + 1}`).join(
      '\n',
    );
    expect(importVsmQuestionnaire(arabic, 'ar').ok).toBe(true);
    const parsed = parseQuestionnaire('１. first part\ncontinues here\n\nHeader\n２. second');
    expect(parsed.questions.map((q) => [q.number, q.text])).toEqual([
      [1, 'first part continues here'],
      [2, 'second'],
    ]);
  });

  test('the built-in structure carries no questionnaire text', () => {
    const structure = vsm2013();
    expect(structure.items.every((it) => Object.keys(it.text).length === 0)).toBe(true);
    expect(structure.scales.every((s) => s.points.length === 5 && s.points.every((p) => Object.keys(p.label).length === 0))).toBe(true);
    expect(structure.items.map((it) => it.id)).toEqual(Array.from({ length: 24 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`));
    expect(structure.caveats.length).toBeGreaterThanOrEqual(5);
  });
});
