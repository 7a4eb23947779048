import { inertMarkdown, inertProse } from './inert-markdown';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedAnswer, type ExportedComparison } from '../runner/exported';
import type { EvidenceSpan } from '../analysis/types';
import { t, uiLanguage } from '../i18n';
import { languageName } from '../translate/languages';
import { STATE_LABEL } from '../words/answers';
import { readExported, readableDate, type ReadAnswer, type ReadComparison } from './reading';

/** The complete, re-importable export file. */
interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  comparisons: ExportedComparison[];
}

/** The JSON export: complete and versioned; never carries a key (runs have none). */
export function toJsonExport(comparisons: ExportedComparison[], now = new Date()): string {
  return toJsonExportParts(comparisons, now).join('');
}

/** Above this many comparisons the JSON export is compact (a third smaller, faster to write); below, indented. */
const COMPACT_ABOVE = 1000;

/** True when a JSON export of `count` comparisons is written compact, one comparison at a time (see jsonExportFrame). */
export const isCompactJsonExport = (count: number) => count > COMPACT_ABOVE;

/**
 * What surrounds the comparisons in a compact JSON export: write `head`, then each comparison's JSON separated by
 * commas, then `tail`. Lets an export be written as it is read.
 */
export function jsonExportFrame(now = new Date()): { head: string; tail: string } {
  const head: Omit<ExportFile, 'comparisons'> = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString() };
  return { head: `${JSON.stringify(head).slice(0, -1)},"comparisons":[`, tail: ']}' };
}

/**
 * The JSON export in pieces, one per comparison, for a Blob: no single giant string at 10,000 comparisons.
 * Indented for people reading small exports; compact for big ones.
 */
export function toJsonExportParts(comparisons: ExportedComparison[], now = new Date()): string[] {
  if (isCompactJsonExport(comparisons.length)) {
    const { head, tail } = jsonExportFrame(now);
    return [head, ...comparisons.map((c, i) => `${i ? ',' : ''}${JSON.stringify(c)}`), tail];
  }
  const head: Omit<ExportFile, 'comparisons'> = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString() };
  return [JSON.stringify({ ...head, comparisons }, null, 2)];
}

/** What a CSV column reads from an answer: text, a number or a flag; nothing is an empty cell. */
type CsvValue = string | number | boolean | null | undefined;

const csvCell = (value: CsvValue): string => {
  const text = value === undefined || value === null ? '' : String(value);
  // Quote everything that needs it; neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The source column: the site's name, 'study' for a Studies run, else how it was asked ('panel', 'page'). */
const sourceOf = (c: ExportedComparison) => (c.batchId ? 'study' : c.source.kind === 'site' ? c.source.siteName : c.source.kind);

/** Every column, in order, with how to read a row's cell; documented in docs/EXPORTS.md. New columns go at the end. */
const CSV_COLUMNS: [name: string, cell: (c: ExportedComparison, a: ExportedAnswer, read: ReadComparison, r: ReadAnswer) => CsvValue][] = [
  ['comparison_id', (c) => c.id],
  ['created_at', (c) => c.createdAt],
  ['prompt', (c) => c.prompt],
  ['source', sourceOf],
  ['provider', (_c, a) => a.provider],
  ['provider_kind', (_c, a) => a.providerKind],
  ['model', (_c, a) => a.model],
  ['language', (_c, a) => a.language],
  ['state', (_c, a) => a.state],
  ['text', (_c, a) => a.text],
  ['error', (_c, a) => a.error],
  ['input_tokens', (_c, a) => a.usage?.inputTokens],
  ['output_tokens', (_c, a) => a.usage?.outputTokens],
  ['started_at', (_c, a) => a.startedAt],
  ['finished_at', (_c, a) => a.finishedAt],
  ['answer_name', (_c, _a, _read, r) => r.name],
  ['model_name', (_c, _a, _read, r) => r.model],
  ['study', (c) => (c.batchId ? (c.study ?? c.batchId) : '')],
  ['prompt_language', (c) => c.language],
  ['asked_language', (_c, _a, _read, r) => r.asked],
  ['translated_prompt', (_c, a) => a.translatedPrompt],
  ['persona', (_c, a) => a.persona?.label],
  ['repetition', (_c, a) => a.repetition],
  ['answer_language', (_c, a) => a.answerLanguage?.code],
  ['answer_language_confidence', (_c, a) => a.answerLanguage?.confidence],
  ['back_translation', (_c, a) => a.backTranslation?.text],
  ['back_translation_language', (_c, a) => (a.backTranslation?.text ? a.backTranslation.language : '')],
  ['back_translation_by', (_c, a) => (a.backTranslation?.text ? (a.backTranslation.model ?? a.backTranslation.engine) : '')],
  ['back_translation_error', (_c, a) => a.backTranslation?.error],
  ['refusal_reading', (_c, _a, _read, r) => r.reading],
  ['refusal_kind', (_c, _a, _read, r) => r.analysis?.refusal.kind],
  ['refusal_badge', (_c, _a, _read, r) => r.badge],
  ['refusal_confidence', (_c, _a, _read, r) => r.analysis?.refusal.confidence],
  ['refusal_read_from', (_c, _a, _read, r) => r.analysis?.refusal.basis],
  [
    'refusal_evidence',
    (_c, _a, _read, r) =>
      r.analysis && evidenceText(r.analysis.refusal.basis === 'answer' ? r.answer.text : (r.answer.backTranslation?.text ?? ''), r.analysis.refusal.evidence),
  ],
  ['stance', (_c, _a, _read, r) => r.analysis?.values.stance.value],
  ['balance', (_c, _a, _read, r) => r.analysis?.values.balance.value],
  ['hedging', (_c, _a, _read, r) => r.analysis?.values.hedging.score],
  ['moralizing', (_c, _a, _read, r) => r.analysis?.values.moralizing.score],
  ['disclaimers', (_c, _a, _read, r) => r.analysis?.values.disclaimers.count],
  ['authority', (_c, _a, _read, r) => r.analysis?.values.authority.count],
  ['framing', (_c, _a, _read, r) => r.analysis?.values.framing.value],
  ['values_read_from', (_c, _a, _read, r) => r.analysis?.values.basis],
  ['chips', (_c, _a, _read, r) => r.chips.map((chip) => chip.label).join(' · ')],
  ['outlier', (_c, _a, _read, r) => (r.analysis ? r.outlier : '')],
  ['verdict', (_c, _a, read) => read.verdict],
];

/** The words a rule matched, as `rule: “words”; …`. */
function evidenceText(text: string, spans: EvidenceSpan[]): string {
  return spans.map((s) => `${s.rule}: “${text.slice(s.start, s.end)}”`).join('; ');
}

/**
 * CSV, one row per run (RFC 4180, UTF-8 with a BOM so spreadsheets read non-Latin text right), with every label
 * the panel shows: the answer's name, languages, back-translation, refusal reading, value features and the verdict.
 */
export function toCsv(comparisons: ExportedComparison[]): string {
  const rows = comparisons.flatMap((c) => {
    const read = readExported(c);
    return read.answers.map((r) => CSV_COLUMNS.map(([, cell]) => csvCell(cell(c, r.answer, read, r))).join(','));
  });
  return `\uFEFF${[CSV_COLUMNS.map(([name]) => name).join(','), ...rows].join('\r\n')}\r\n`;
}

const quoted = (text: string) =>
  inertMarkdown(text)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
const line = (text: string) => inertProse(text.replace(/\s+/g, ' '));

/** An answer's heading: its name, then its labels, else its state when it did not finish. */
function answerHeading(r: ReadAnswer): string {
  const labels = r.badge ? [r.badge, ...r.chips.map((c) => c.label)] : [STATE_LABEL[r.answer.state]];
  return `### ${line(r.name)} — ${line(labels.join(' · '))}`;
}

/**
 * Markdown for notes and sharing: the verdict, each answer named and labelled, its back-translation after it.
 * Model text is quoted as a block so its own markdown cannot break the page, and made inert (no raw HTML, links
 * to the web only) so a viewer that renders HTML runs nothing from it.
 */
export function toMarkdown(comparisons: ExportedComparison[]): string {
  return comparisons
    .map((c) => {
      const read = readExported(c);
      const answers = read.answers.map((r) => {
        const a = r.answer;
        const body = a.text ? quoted(a.text) : `> _(${t('emptyAnswer')})_`;
        const back = a.backTranslation?.text
          ? `\n\n_${line(t('translatedBackInto', languageName(a.backTranslation.language, uiLanguage())))}:_\n\n${quoted(a.backTranslation.text)}`
          : '';
        return `${answerHeading(r)}\n\n${body}${back}${a.error ? `\n\n_${line(t('reportError', a.error))}_` : ''}`;
      });
      const head = `## ${line(c.prompt.split('\n')[0]!.slice(0, 120))}\n\n_${line(`${readableDate(c.createdAt)} · ${read.origin}`)}_\n\n${quoted(c.prompt)}`;
      return `${head}\n\n**${line(t('whatDiffers'))}:** ${line(read.verdict)}\n\n${answers.join('\n\n')}`;
    })
    .join('\n\n---\n\n');
}

export { escapeHtml, toHtmlReport } from './report';

/** PAIR's LLM Comparator input for two chosen targets (answers matched by provider and model, then language). */
export function toLlmComparator(comparisons: ExportedComparison[], a: { provider: string; model: string }, b: { provider: string; model: string }): string {
  const pick = (c: ExportedComparison, t: { provider: string; model: string }) =>
    c.answers.find((x) => x.provider === t.provider && x.model === t.model && x.state === 'done');
  const examples = comparisons.flatMap((c) => {
    const first = pick(c, a);
    const second = pick(c, b);
    if (!first || !second) return [];
    return [
      {
        input_text: c.prompt,
        tags: [c.source.kind === 'site' ? c.source.siteName : c.source.kind],
        output_text_a: first.text,
        output_text_b: second.text,
        score: 0,
        individual_rater_scores: [],
        custom_fields: { language_a: first.language ?? 'as asked', language_b: second.language ?? 'as asked' },
      },
    ];
  });
  return JSON.stringify(
    {
      metadata: {
        source_path: 'Parallax export',
        custom_fields_schema: [
          { name: 'language_a', type: 'category' },
          { name: 'language_b', type: 'category' },
        ],
      },
      models: [{ name: `${a.provider} · ${a.model}` }, { name: `${b.provider} · ${b.model}` }],
      examples,
    },
    null,
    2,
  );
}
