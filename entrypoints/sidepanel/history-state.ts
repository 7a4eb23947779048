import { effect, signal, type Signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import type { ParallaxDB } from '@/utils/db/schema';
import { deleteComparisons, historyFacets, matchHistory, queryHistory, restoreComparisons, type Deleted, type HistoryFilter, type HistoryPage } from '@/utils/db/history';
import { exportComparisons, importComparisons, type ImportReport } from '@/utils/db/transfer';
import { toCsv, toHtmlReport, toJsonExport, toMarkdown } from '@/utils/history/formats';

export type ExportKind = 'json' | 'csv' | 'md' | 'html';

/** The history view's state: filter, the page it matches, undo of the last delete, import report. */
export interface HistoryState {
  filter: Signal<HistoryFilter>;
  page: Signal<HistoryPage | null>;
  facets: Signal<Awaited<ReturnType<typeof historyFacets>> | null>;
  lastDeleted: Signal<Deleted | null>;
  importReport: Signal<ImportReport | null>;
  storageUsed: Signal<string | null>;
  remove(ids: string[]): Promise<void>;
  undo(): Promise<void>;
  exportFile(kind: ExportKind): Promise<{ name: string; type: string; content: string }>;
  importFile(text: string): Promise<void>;
}

const MIME: Record<ExportKind, string> = { json: 'application/json', csv: 'text/csv', md: 'text/markdown', html: 'text/html' };

/** Creates the history state; its queries run only while `active()` is true. */
export function createHistoryState(db: ParallaxDB, active: () => boolean, fail: (err: unknown) => void): HistoryState {
  const filter = signal<HistoryFilter>({});
  const page = signal<HistoryPage | null>(null);
  const facets = signal<Awaited<ReturnType<typeof historyFacets>> | null>(null);
  const lastDeleted = signal<Deleted | null>(null);
  const importReport = signal<ImportReport | null>(null);
  const storageUsed = signal<string | null>(null);

  effect(() => {
    if (!active()) return;
    const f = filter.value;
    const subscription = liveQuery(() => queryHistory(db, f)).subscribe({ next: (p) => (page.value = p), error: fail });
    void historyFacets(db).then((v) => (facets.value = v), fail);
    void navigator.storage?.estimate().then((e) => (storageUsed.value = e.usage === undefined ? null : `${(e.usage / 1024 / 1024).toFixed(1)} MB`));
    return () => subscription.unsubscribe();
  });

  return {
    filter,
    page,
    facets,
    lastDeleted,
    importReport,
    storageUsed,
    async remove(ids) {
      lastDeleted.value = await deleteComparisons(db, ids);
    },
    async undo() {
      if (!lastDeleted.value) return;
      await restoreComparisons(db, lastDeleted.value);
      lastDeleted.value = null;
    },
    async exportFile(kind) {
      const filtered = Object.values(filter.value).some((v) => v !== undefined && v !== '');
      const ids = filtered ? await matchHistory(db, filter.value) : undefined;
      const data = await exportComparisons(db, ids);
      const content = kind === 'json' ? toJsonExport(data) : kind === 'csv' ? toCsv(data) : kind === 'md' ? toMarkdown(data) : toHtmlReport(data);
      const stamp = new Date().toISOString().slice(0, 10);
      return { name: `parallax-${stamp}.${kind}`, type: MIME[kind], content };
    },
    async importFile(text) {
      importReport.value = await importComparisons(db, text);
    },
  };
}
