import { isCompactJsonExport, jsonExportFrame, toCsv, toHtmlReport, toJsonExportParts, toLlmComparator, toMarkdown } from '../../core/history/formats';
import { FALLBACK_MESSAGES } from '../../core/i18n';
import { toExported } from '../../core/runner/exported';
import type { WorkerScope } from '../worker-scope';
import { eachComparisonWithRuns, exportComparisons } from './export-read';
import { isFiltered, matchHistory, type HistoryFilter } from './history';
import type { ParallaxDB } from './schema';

export type ExportKind = 'json' | 'csv' | 'md' | 'html' | 'llm-comparator';

/** Two targets whose answers the LLM Comparator export pairs. */
export type ExportPair = { a: { provider: string; model: string }; b: { provider: string; model: string } };

/** What to export: the comparisons the history's filter matches (all when it narrows nothing). */
export type ExportRequest =
  { kind: Exclude<ExportKind, 'llm-comparator'>; filter: HistoryFilter } | { kind: 'llm-comparator'; filter: HistoryFilter; pair: ExportPair };

/** A file ready to save. */
export interface ExportedFile {
  name: string;
  blob: Blob;
}

const MIME: Record<ExportKind, string> = {
  json: 'application/json',
  csv: 'text/csv',
  md: 'text/markdown',
  html: 'text/html',
  'llm-comparator': 'application/json',
};

/** Comparisons written into one piece of the file at a time. */
const PAGE = 500;

/**
 * A large JSON export, written as it is read: each comparison is turned into JSON as its runs arrive, and every
 * few hundred become a piece of the file (a Blob holds them outside the worker's memory); the file is those pieces.
 */
async function streamJson(db: ParallaxDB, ids: string[] | undefined, now: Date): Promise<Blob | null> {
  const { head, tail } = jsonExportFrame(now);
  const pieces: Blob[] = [];
  const parts = [head];
  const count = await eachComparisonWithRuns(db, ids, (comparison, runs, i, study) => {
    parts.push(`${i ? ',' : ''}${JSON.stringify(toExported(comparison, runs, study))}`);
    if (parts.length >= PAGE) pieces.push(new Blob(parts.splice(0)));
  });
  if (!isCompactJsonExport(count)) return null; // small enough to be written indented, below
  return new Blob([...pieces, ...parts, tail], { type: MIME.json });
}

/** Builds an export file from the database. Reads only. */
export async function buildExportFile(db: ParallaxDB, request: ExportRequest, now = new Date()): Promise<ExportedFile> {
  const { kind, filter } = request;
  // What the list shows (Studies runs only when chosen); JSON unfiltered is the complete backup, Studies runs included.
  const ids = isFiltered(filter) || kind !== 'json' ? await matchHistory(db, filter) : undefined;
  const stamp = now.toISOString().slice(0, 10);
  const type = MIME[kind];
  const stream = kind === 'json' && isCompactJsonExport(ids?.length ?? (await db.comparisons.count())) ? await streamJson(db, ids, now) : null;
  if (stream) return { name: `parallax-${stamp}.json`, blob: stream };
  const data = await exportComparisons(db, ids);
  if (request.kind === 'llm-comparator')
    return { name: `parallax-llm-comparator-${stamp}.json`, blob: new Blob([toLlmComparator(data, request.pair.a, request.pair.b)], { type }) };
  const content =
    kind === 'json' ? toJsonExportParts(data, now) : [kind === 'csv' ? toCsv(data) : kind === 'md' ? toMarkdown(data) : toHtmlReport(data, undefined, now)];
  return { name: `parallax-${stamp}.${kind}`, blob: new Blob(content, { type }) };
}

/** The export worker's reply. */
export type ExportReply = { ok: true; file: ExportedFile } | { ok: false; error: string };

/** What the panel sends its export worker: the request and the language its messages are shown in (t('uiLocale')). */
export type ExportWorkerMessage = ExportRequest & { locale?: string };

/**
 * A worker has no extension i18n API: it reads the messages of the panel's language (English under any missing
 * one, as the extension's i18n does) from the extension's own files, so reports and tables say what the panel says.
 */
async function loadMessages(locale: string | undefined): Promise<void> {
  const g = globalThis as { chrome?: { i18n?: unknown }; browser?: { i18n?: unknown }; [FALLBACK_MESSAGES]?: unknown };
  if (g.chrome?.i18n || g.browser?.i18n || g[FALLBACK_MESSAGES]) return;
  const read = async (name: string) => (await (await fetch(`/_locales/${name}/messages.json`)).json()) as Record<string, { message: string }>;
  const english = await read('en');
  const own = locale && locale !== 'en' && /^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale) ? await read(locale).catch(() => ({})) : {};
  g[FALLBACK_MESSAGES] = { ...english, ...own };
}

/** The export worker's side: builds the file it is asked for and sends it back (a Blob travels by reference). */
export function serveExportWorker(scope: WorkerScope, db: () => ParallaxDB): void {
  scope.onmessage = ({ data }: MessageEvent<ExportWorkerMessage>) => {
    const { locale, ...request } = data;
    loadMessages(locale)
      .then(() => buildExportFile(db(), request))
      .then(
        (file) => {
          scope.postMessage({ ok: true, file } satisfies ExportReply);
        },
        (err: unknown) => {
          scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies ExportReply);
        },
      );
  };
}
