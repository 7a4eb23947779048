import { toCsv, toHtmlReport, toJsonExportParts, toLlmComparator, toMarkdown } from '../../core/history/formats';
import type { WorkerScope } from '../worker-scope';
import { exportComparisons } from './export-read';
import { isFiltered, matchHistory, type HistoryFilter } from './history';
import type { ParallaxDB } from './schema';

export type ExportKind = 'json' | 'csv' | 'md' | 'html' | 'llm-comparator';

/** Two targets whose answers the LLM Comparator export pairs. */
export type ExportPair = { a: { provider: string; model: string }; b: { provider: string; model: string } };

/** What to export: the comparisons the history's filter matches (all when it narrows nothing). */
export type ExportRequest = { kind: Exclude<ExportKind, 'llm-comparator'>; filter: HistoryFilter } | { kind: 'llm-comparator'; filter: HistoryFilter; pair: ExportPair };

/** A file ready to save. */
export interface ExportedFile {
  name: string;
  blob: Blob;
}

const MIME: Record<ExportKind, string> = { json: 'application/json', csv: 'text/csv', md: 'text/markdown', html: 'text/html', 'llm-comparator': 'application/json' };

/** Builds an export file from the database. Reads only. */
export async function buildExportFile(db: ParallaxDB, request: ExportRequest, now = new Date()): Promise<ExportedFile> {
  const { kind, filter } = request;
  const ids = isFiltered(filter) ? await matchHistory(db, filter) : undefined;
  const data = await exportComparisons(db, ids);
  const stamp = now.toISOString().slice(0, 10);
  const type = MIME[kind];
  if (request.kind === 'llm-comparator') return { name: `parallax-llm-comparator-${stamp}.json`, blob: new Blob([toLlmComparator(data, request.pair.a, request.pair.b)], { type }) };
  const content = kind === 'json' ? toJsonExportParts(data, now) : [kind === 'csv' ? toCsv(data) : kind === 'md' ? toMarkdown(data) : toHtmlReport(data, undefined, now)];
  return { name: `parallax-${stamp}.${kind}`, blob: new Blob(content, { type }) };
}

/** The export worker's reply. */
export type ExportReply = { ok: true; file: ExportedFile } | { ok: false; error: string };

/** The export worker's side: builds the file it is asked for and sends it back (a Blob travels by reference). */
export function serveExportWorker(scope: WorkerScope, db: () => ParallaxDB): void {
  scope.onmessage = ({ data }: MessageEvent<ExportRequest>) => {
    buildExportFile(db(), data).then(
      (file) => scope.postMessage({ ok: true, file } satisfies ExportReply),
      (err: unknown) => scope.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies ExportReply),
    );
  };
}
