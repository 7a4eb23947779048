import { inertMarkdown, inertProse } from './inert-markdown';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedAnswer, type ExportedComparison } from '../runner/exported';

/** The complete, re-importable export file. */
export interface ExportFile {
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

const csvCell = (value: unknown): string => {
  const text = value === undefined || value === null ? '' : String(value);
  // Quote everything that needs it; neutralise spreadsheet formulas (a cell starting with = + - @).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const CSV_COLUMNS = ['comparison_id', 'created_at', 'prompt', 'source', 'provider', 'provider_kind', 'model', 'language', 'state', 'text', 'error', 'input_tokens', 'output_tokens', 'started_at', 'finished_at'] as const;

/** CSV, one row per run (RFC 4180, UTF-8 with a BOM so spreadsheets read non-Latin text right). */
export function toCsv(comparisons: ExportedComparison[]): string {
  const rows = comparisons.flatMap((c) =>
    c.answers.map((a) =>
      [c.id, c.createdAt, c.prompt, c.source.kind === 'site' ? c.source.siteName : c.source.kind, a.provider, a.providerKind, a.model, a.language ?? '', a.state, a.text, a.error ?? '', a.usage?.inputTokens ?? '', a.usage?.outputTokens ?? '', a.startedAt ?? '', a.finishedAt ?? '']
        .map(csvCell)
        .join(','),
    ),
  );
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

const who = (a: ExportedAnswer) => `${a.provider} · ${a.model}${a.language ? ` · ${a.language}` : ''}`;
const quoted = (text: string) => inertMarkdown(text).split('\n').map((l) => `> ${l}`).join('\n');
const line = (text: string) => inertProse(text.replace(/\s+/g, ' '));

/**
 * Markdown for notes and sharing. Model text is quoted as a block so its own markdown cannot break the page, and
 * made inert (no raw HTML, links to the web only) so a viewer that renders HTML runs nothing from it.
 */
export function toMarkdown(comparisons: ExportedComparison[]): string {
  return comparisons
    .map((c) => {
      const answers = c.answers.map((a) => {
        const body = a.text ? quoted(a.text) : '> _(no answer)_';
        return `### ${line(who(a))} — ${a.state}\n\n${body}${a.error ? `\n\n_Error: ${line(a.error)}_` : ''}`;
      });
      return `## ${line(c.prompt.split('\n')[0]!.slice(0, 120))}\n\n_${c.createdAt}_\n\n${quoted(c.prompt)}\n\n${answers.join('\n\n')}`;
    })
    .join('\n\n---\n\n');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/**
 * A self-contained HTML report a teacher can hand out: inline CSS, no script, no external resource. Every piece of
 * text is escaped, and a CSP forbids scripts even if something slipped through.
 */
export function toHtmlReport(comparisons: ExportedComparison[], title = 'Parallax report', now = new Date()): string {
  const sections = comparisons
    .map((c) => {
      const cards = c.answers
        .map(
          (a) => `<article class="a ${escapeHtml(a.state)}"><h3>${escapeHtml(who(a))}</h3><p class="s">${escapeHtml(a.state)}</p><div dir="auto" class="t">${escapeHtml(a.text)}</div>${a.error ? `<p class="e">${escapeHtml(a.error)}</p>` : ''}</article>`,
        )
        .join('');
      return `<section><h2 dir="auto">${escapeHtml(c.prompt)}</h2><p class="m">${escapeHtml(c.createdAt)}</p><div class="g">${cards}</div></section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1d22}h2{font-size:1.15rem;white-space:pre-wrap}.m,.s{color:#5d6370;font-size:.85rem;margin:.2rem 0}.g{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.75rem}.a{border:1px solid #d9dce3;border-radius:8px;padding:.6rem .8rem}.a h3{font-size:1rem;margin:0}.t{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}.e{color:#c92a2a}.failed{border-color:#c92a2a}section{margin-bottom:2rem}</style></head><body><h1>${escapeHtml(title)}</h1><p class="m">${comparisons.length} comparison(s) · made ${escapeHtml(now.toISOString())} with Parallax</p>${sections}</body></html>`;
}

/** PAIR's LLM Comparator input for two chosen targets (answers matched by provider and model, then language). */
export function toLlmComparator(comparisons: ExportedComparison[], a: { provider: string; model: string }, b: { provider: string; model: string }): string {
  const pick = (c: ExportedComparison, t: { provider: string; model: string }) => c.answers.find((x) => x.provider === t.provider && x.model === t.model && x.state === 'done');
  const examples = comparisons.flatMap((c) => {
    const first = pick(c, a);
    const second = pick(c, b);
    if (!first || !second) return [];
    return [{
      input_text: c.prompt,
      tags: [c.source.kind === 'site' ? c.source.siteName : c.source.kind],
      output_text_a: first.text,
      output_text_b: second.text,
      score: 0,
      individual_rater_scores: [],
      custom_fields: { language_a: first.language ?? 'as asked', language_b: second.language ?? 'as asked' },
    }];
  });
  return JSON.stringify({
    metadata: { source_path: 'Parallax export', custom_fields_schema: [{ name: 'language_a', type: 'category' }, { name: 'language_b', type: 'category' }] },
    models: [{ name: `${a.provider} · ${a.model}` }, { name: `${b.provider} · ${b.model}` }],
    examples,
  }, null, 2);
}
