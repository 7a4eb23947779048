// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toCsv, toHtmlReport, toMarkdown } from '@/utils/core/history/formats';
import { markPieces } from '@/utils/core/history/reading';
import { analyseComparison } from '@/utils/core/analysis/comparison';
import { inLocale } from '../support/locale';
import { ANSWERS, ASKED, CREATED, PROMPT, reportComparison } from './report-fixture';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const NOW = new Date(Date.UTC(2026, 2, 4, 9, 30));
const card = (doc: Document, name: string) => [...doc.querySelectorAll('article')].find((a) => a.querySelector('h3')?.textContent === name)!;

describe('the HTML report reads like the panel', () => {
  const { exported, runs } = reportComparison();
  const doc = parse(toHtmlReport(exported, undefined, NOW));

  test('the verdict on top of the comparison, the one the panel shows', () => {
    const verdict = analyseComparison({ id: 'c-report', createdAt: CREATED, prompt: PROMPT, source: { kind: 'panel' }, language: 'en' }, runs).verdict;
    expect(doc.querySelector('section h2')?.textContent).toBe(PROMPT);
    expect(doc.querySelector('section .vl')?.textContent).toBe('What differs');
    expect(doc.querySelector('section .vt')?.textContent).toBe(verdict);
    expect(verdict).toMatch(/beta/); // the model that declined everywhere is named
    expect(doc.querySelector('section .strip')?.textContent).toContain('German: 1 refused, 0 partly, 2 answered');
  });

  test('every answer named model · language, with its badge, chips and evidence marked', () => {
    const names = [...doc.querySelectorAll('article h3')].map((h) => h.textContent);
    expect(names).toEqual([
      'alpha · English',
      'beta · English',
      'gamma · English',
      'alpha · German',
      'beta · German',
      'gamma · German',
      'alpha · Japanese',
      'beta · Japanese',
      'gamma · Japanese',
      'delta · English',
    ]);
    const refusing = card(doc, 'beta · English');
    expect(refusing.querySelector('.badge')?.textContent).toBe('Refused');
    expect(refusing.querySelector('.badge')?.className).toContain('r-refused');
    // The marked words are the ones that decided it, and each mark names the label and its rule.
    const marks = [...refusing.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(["I'm sorry", "I can't help"]);
    for (const m of marks) expect(m.getAttribute('title')).toMatch(/^Refused — rule refusal\.[\w.-]+$/);
    expect(refusing.querySelector('.t')?.textContent).toBe(ANSWERS.en.beta[0]);
    const balanced = card(doc, 'gamma · English');
    expect(balanced.querySelector('.badge')?.textContent).toBe('Answered');
    expect([...balanced.querySelectorAll('.chip')].map((c) => c.textContent)).toContain('Balanced');
    expect([...balanced.querySelectorAll('mark')].some((m) => /^Balanced — rule /.test(m.getAttribute('title') ?? ''))).toBe(true);
  });

  test('back-translations beside the originals, both labelled, and the prompt as it was sent', () => {
    const german = card(doc, 'beta · German');
    const [original, back] = [...german.querySelectorAll('.pair .o')];
    expect(original!.querySelector('.l')?.textContent).toBe('Original · German');
    expect(original!.querySelector('.t')?.textContent).toBe(ANSWERS.de.beta[0]);
    expect(original!.querySelector('.t')?.getAttribute('lang')).toBe('de');
    expect(back!.querySelector('.l')?.textContent).toBe('Translated back into English by polyglot');
    expect(back!.querySelector('.t')?.textContent).toBe(ANSWERS.de.beta[1]);
    expect(german.querySelector('.sent')?.textContent).toBe(`Prompt sent in German: ${ASKED.de}`);
    // Japanese is read from its own lexicon or the back-translation; either way it is labelled.
    expect(card(doc, 'beta · Japanese').querySelector('.badge')?.textContent).toBe('Refused');
    expect(card(doc, 'alpha · Japanese').querySelector('.pair .o .l')?.textContent).toBe('Original · Japanese');
  });

  test('dates, counts and states in words', () => {
    const text = doc.body.textContent ?? '';
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no ISO timestamp a person reads
    expect(doc.querySelector('section time')?.textContent).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(CREATED));
    expect(doc.querySelector('.top .m')?.textContent).toMatch(/^1 comparison · made March 4, 2026/);
    expect(parse(toHtmlReport([...exported, { ...exported[0]!, id: 'c2' }], undefined, NOW)).querySelector('.top .m')?.textContent).toMatch(
      /^2 comparisons · made/,
    );
    const failed = card(doc, 'delta · English');
    expect(failed.querySelector('.s')?.textContent).toBe('Failed');
    expect(failed.querySelector('.e')?.textContent).toBe('The server answered 500.');
    expect(text).not.toMatch(/comparison\(s\)|\bdone\b/);
    expect(doc.querySelector('section .m')?.textContent).toContain('Typed in Parallax · Tags: week 3');
  });

  test('a Studies run is said to come from its study', () => {
    const study = parse(toHtmlReport(reportComparison({ study: 'Doctors and truth' }).exported, undefined, NOW));
    expect(study.querySelector('section .m')?.textContent).toContain('From the study “Doctors and truth”');
  });

  test('a print stylesheet: each comparison on its own page, answers stacked, originals beside translations', () => {
    const css = doc.querySelector('style')?.textContent ?? '';
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/section\{break-before:page/);
    expect(print).toMatch(/\.a\{break-inside:avoid/);
    expect(print).toMatch(/\.pair\.two\{grid-template-columns:1fr 1fr\}/);
    expect(css).toMatch(/@media \(prefers-color-scheme:dark\)/);
  });

  test('in German: the report’s words, the names and the dates', () => {
    const german = inLocale('de', () => parse(toHtmlReport(exported, undefined, NOW)));
    expect(german.documentElement.lang).toBe('de');
    expect(german.title).toBe('Parallax-Bericht');
    expect(german.querySelector('.top .m')?.textContent).toBe(
      `1 Vergleich · erstellt am ${new Intl.DateTimeFormat('de', { dateStyle: 'long', timeStyle: 'short' }).format(NOW)} mit Parallax`,
    );
    expect(german.querySelector('section time')?.textContent).toContain('März 2026');
    expect(card(german, 'beta · Englisch').querySelector('.badge')?.textContent).toBe('Verweigert');
    expect(card(german, 'beta · Deutsch').querySelector('.pair .o .l')?.textContent).toBe('Original · Deutsch');
    expect(card(german, 'delta · Englisch').querySelector('.s')?.textContent).toBe('Fehlgeschlagen');
    expect(german.querySelector('section .vl')?.textContent).toBe('Was sich unterscheidet');
  });
});

describe('the CSV carries every label', () => {
  const { exported } = reportComparison({ study: 'Doctors and truth' });
  const csv = toCsv(exported);
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const columns = header!.split(',');
  /** Rows as objects (the fixture's cells hold no comma inside quotes… except text, read by position from the end). */
  const rows = lines.map((line) => {
    const cells: string[] = [];
    line.replace(/("(?:[^"]|"")*"|[^,]*)(,|$)/g, (_m, cell: string) => (cells.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell), ''));
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
  const row = (name: string) => rows.find((r) => r.answer_name === name)!;

  test('existing columns keep their places; the labels come after', () => {
    expect(columns.slice(0, 15)).toEqual([
      'comparison_id',
      'created_at',
      'prompt',
      'source',
      'provider',
      'provider_kind',
      'model',
      'language',
      'state',
      'text',
      'error',
      'input_tokens',
      'output_tokens',
      'started_at',
      'finished_at',
    ]);
    for (const c of [
      'answer_name',
      'model_name',
      'asked_language',
      'answer_language',
      'back_translation',
      'refusal_reading',
      'refusal_kind',
      'stance',
      'balance',
      'hedging',
      'moralizing',
      'disclaimers',
      'authority',
      'framing',
      'verdict',
    ])
      expect(columns).toContain(c);
  });

  test('each row: the answer named as in the panel, its languages, back-translation, reading, stance and balance', () => {
    expect(rows).toHaveLength(10);
    expect(row('beta · German')).toMatchObject({
      source: 'study',
      study: 'Doctors and truth',
      model_name: 'beta',
      asked_language: 'de',
      answer_language: 'de',
      back_translation: ANSWERS.de.beta[1],
      back_translation_language: 'en',
      back_translation_by: 'polyglot',
      refusal_reading: 'refused',
      refusal_badge: 'Refused',
      translated_prompt: ASKED.de,
    });
    expect(row('beta · English').refusal_evidence).toMatch(/^refusal\.[\w.-]+: “I'm sorry”; refusal\.[\w.-]+: “I can't help”$/);
    expect(row('gamma · English')).toMatchObject({ refusal_reading: 'answered', balance: 'balanced' });
    expect(row('alpha · English').stance).toBe('supports');
    expect(row('delta · English')).toMatchObject({ state: 'failed', refusal_reading: '', stance: '', error: 'The server answered 500.' });
    expect(new Set(rows.map((r) => r.verdict)).size).toBe(1);
    expect(rows[0]!.verdict).not.toBe('');
  });

  test('docs/EXPORTS.md documents every column', () => {
    const doc = readFileSync(resolve(__dirname, '../../docs/EXPORTS.md'), 'utf8');
    for (const c of columns) expect(doc, c).toContain(`| \`${c}\` |`);
  });
});

describe('the Markdown export', () => {
  test('verdict, labels and back-translations', () => {
    const md = toMarkdown(reportComparison().exported);
    expect(md).toContain('**What differs:** ');
    expect(md).toContain('### beta · German — Refused');
    expect(md).toContain(`_Translated back into English:_\n\n> ${ANSWERS.de.beta[1]}`);
    expect(md).toContain('### delta · English — Failed');
  });
});

describe('marking evidence', () => {
  test('overlapping spans mark each piece with every label covering it; text is kept whole', () => {
    const pieces = markPieces('abcdefgh', [
      { start: 1, end: 4, mark: 'A' },
      { start: 3, end: 6, mark: 'B' },
      { start: 20, end: 30, mark: 'C' },
    ]);
    expect(pieces).toEqual([
      { text: 'a', marks: [] },
      { text: 'bc', marks: ['A'] },
      { text: 'd', marks: ['A', 'B'] },
      { text: 'ef', marks: ['B'] },
      { text: 'gh', marks: [] },
    ]);
    expect(markPieces('', [])).toEqual([{ text: '', marks: [] }]);
  });
});
