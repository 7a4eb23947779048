import { effect, signal, type Signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import type { ParallaxDB } from '@/utils/platform/db/schema';
import {
  historyFacets,
  isFiltered,
  loadComparisons,
  matchHistory,
  newestIds,
  type HistoryFacets,
  type HistoryFilter,
  type HistoryRow,
} from '@/utils/platform/db/history';
import { send } from '@/utils/platform/messaging/client';
import type { Comparison } from '@/utils/core/runner/types';
import type { ImportReport } from '@/utils/core/history/import-batches';
import type { ExportedFile, ExportKind, ExportPair } from '@/utils/platform/db/export-file';
import type { HistoryTransfers } from './transfer-clients';
import { t } from '@/utils/core/i18n';
import { firstWindow } from '@/components/sidepanel/HistoryList';
import type { HistoryBusy } from '@/components/sidepanel/HistoryView';

export type { ExportKind } from '@/utils/platform/db/export-file';

/** The history view's state: filter, the page it matches, undo of the last delete, import report. */
export interface HistoryState {
  filter: Signal<HistoryFilter>;
  /** Every matching comparison's id, newest first (null while loading). */
  ids: Signal<string[] | null>;
  /** True while `ids` holds only the newest screenful (first opening), before every key has been read. */
  counting: Signal<boolean>;
  /** The rows loaded for the ids on screen. */
  rows: Signal<Map<string, HistoryRow>>;
  /** Ids on screen, set by the list. */
  visible: Signal<string[]>;
  facets: Signal<HistoryFacets | null>;
  /** The last deletion (kept by the background until the next one), for undo. */
  lastDeleted: Signal<{ deletionId: string; deleted: number } | null>;
  importReport: Signal<ImportReport | null>;
  /** An import or export under way (import: comparisons written of those it adds, once the file is read). */
  busy: Signal<HistoryBusy | null>;
  storageUsed: Signal<string | null>;
  remove: (ids: string[]) => Promise<void>;
  undo: () => Promise<void>;
  /** Builds an export of the comparisons the filter matches, in a worker (the panel stays responsive). */
  exportFile: (kind: ExportKind, pair?: ExportPair) => Promise<ExportedFile>;
  /** Has the runner host import an export file (it alone writes), following its progress to the report. */
  importFile: (file: Blob) => Promise<void>;
}

/** The panel's transfers, loaded on first use: the panel opens without their code. */
const defaultTransfers: HistoryTransfers = {
  importFile: async (file, onProgress) => (await import('./transfer-clients')).importInRunner(file, onProgress),
  exportFile: async (request) => (await import('./transfer-clients')).exportInWorker(request),
};

/** Creates the history state; its queries run only while `active()` is true. `transfers` is for tests. */
export function createHistoryState(
  db: ParallaxDB,
  active: () => boolean,
  fail: (err: unknown) => void,
  transfers: HistoryTransfers = defaultTransfers,
): HistoryState {
  const filter = signal<HistoryFilter>({});
  const ids = signal<string[] | null>(null);
  const counting = signal(false);
  const rows = signal(new Map<string, HistoryRow>());
  const visible = signal<string[]>([]);
  const facets = signal<HistoryFacets | null>(null);
  const lastDeleted = signal<{ deletionId: string; deleted: number } | null>(null);
  const importReport = signal<ImportReport | null>(null);
  const busy = signal<HistoryBusy | null>(null);
  const storageUsed = signal<string | null>(null);

  /** Called once the rows on screen have been read (the first opening reads every key only after them). */
  let afterRows: (() => void) | undefined;

  effect(() => {
    if (!active()) return;
    const f = filter.value;
    let subscription: { unsubscribe(): void } | undefined;
    // Keys only: the index changes when a comparison is added, finished, tagged or deleted — not while text streams.
    const subscribe = () => {
      subscription = liveQuery(() => matchHistory(db, f)).subscribe({
        next: (v) => {
          counting.value = false;
          ids.value = v;
          // First opening: load the first screenful now rather than after the list has laid out (same ids it will ask for).
          if (!visible.value.length) visible.value = v.slice(0, firstWindow());
        },
        error: fail,
      });
    };
    if (ids.peek() === null && !isFiltered(f)) {
      // First opening: the newest screenful, then every key. Reading 10,000 keys holds the database for ~50 ms, and
      // the rows on screen would wait behind it.
      let cancelled = false;
      void newestIds(db, firstWindow()).then((head) => {
        if (cancelled) return;
        if (!head.length) {
          subscribe();
          return;
        }
        afterRows = subscribe;
        counting.value = true;
        ids.value = head;
        visible.value = head;
      }, fail);
      return () => {
        cancelled = true;
        afterRows = undefined;
        subscription?.unsubscribe();
      };
    }
    subscribe();
    return () => subscription?.unsubscribe();
  });

  // Filter choices and storage use: once per opening of the history, after the first rows have been read (they would
  // compete for the database), not on every keystroke.
  effect(() => {
    if (!active()) return;
    let subscription: { unsubscribe(): void } | undefined;
    const later = setTimeout(() => {
      subscription = liveQuery(() => historyFacets(db)).subscribe({ next: (v) => (facets.value = v), error: fail });
      void navigator.storage?.estimate().then((e) => (storageUsed.value = e.usage === undefined ? null : `${(e.usage / 1024 / 1024).toFixed(1)} MB`));
    }, 300);
    return () => {
      clearTimeout(later);
      subscription?.unsubscribe();
    };
  });

  // Rows on screen, kept live. A window inside the one already loaded asks nothing new.
  let loaded: { ids: Set<string>; subscription: { unsubscribe(): void } } | undefined;
  effect(() => {
    const onScreen = visible.value;
    if (!active() || !onScreen.length) {
      loaded?.subscription.unsubscribe();
      loaded = undefined;
      return;
    }
    if (loaded && onScreen.every((id) => loaded!.ids.has(id))) return;
    loaded?.subscription.unsubscribe();
    const subscription = liveQuery(() => loadComparisons(db, onScreen)).subscribe({
      next: ({ comparisons, runs, studies }) => {
        // Keep recently seen rows (no flicker when scrolling back), bounded.
        const kept = [...rows.value].filter(([id]) => !onScreen.includes(id)).slice(-300);
        const row = (c: Comparison): HistoryRow => ({
          comparison: c,
          runs: runs.get(c.id) ?? [],
          ...(c.batchId && studies.has(c.batchId) ? { study: studies.get(c.batchId)! } : {}),
        });
        rows.value = new Map([...kept, ...comparisons.map((c) => [c.id, row(c)] as const)]);
        const next = afterRows;
        afterRows = undefined;
        next?.();
      },
      error: fail,
    });
    loaded = { ids: new Set(onScreen), subscription };
  });

  return {
    filter,
    ids,
    counting,
    rows,
    visible,
    facets,
    lastDeleted,
    importReport,
    busy,
    storageUsed,
    async remove(ids) {
      const { deletionId, deleted } = await send('history.delete', { ids });
      lastDeleted.value = deletionId ? { deletionId, deleted } : null;
    },
    async undo() {
      if (!lastDeleted.value) return;
      await send('history.restore', { deletionId: lastDeleted.value.deletionId });
      lastDeleted.value = null;
    },
    async exportFile(kind, pair) {
      if (kind === 'llm-comparator' && !pair) throw new Error(t('chooseTwoModelsToCompare'));
      busy.value = { action: 'export' };
      try {
        const request = kind === 'llm-comparator' ? { kind, filter: filter.value, pair: pair! } : { kind, filter: filter.value };
        return await transfers.exportFile(request);
      } finally {
        busy.value = null;
      }
    },
    async importFile(file) {
      busy.value = { action: 'import' };
      importReport.value = null;
      try {
        importReport.value = await transfers.importFile(file, (done, total) => (busy.value = { action: 'import', done, total }));
      } finally {
        busy.value = null;
      }
    },
  };
}
