import { t, tn } from '@/utils/core/i18n';
import { useRef, useState } from 'preact/hooks';
import { STUDY_SOURCE, isFiltered, type HistoryFacets, type HistoryFilter, type HistoryRow } from '@/utils/platform/db/history';
import type { ImportReport } from '@/utils/core/history/import-batches';
import type { Run } from '@/utils/core/runner/types';
import { HistoryList } from './HistoryList';

import { LlmComparatorExport } from './LlmComparatorExport';
import { dayBound, dayOf, plural } from '../shared/format';

type ExportKind = 'json' | 'csv' | 'md' | 'html';

/** Long work on the whole history, for its progress bar (import: comparisons written of those it adds). */
export interface HistoryBusy {
  action: 'import' | 'export';
  done?: number;
  total?: number;
}

export interface HistoryViewProps {
  /** Ids of every matching comparison, newest first; null while loading. */
  ids: string[] | null;
  /** Only the newest screenful of ids is known yet: no count to show. */
  counting?: boolean;
  rows: Map<string, HistoryRow>;
  onVisible: (ids: string[]) => void;
  filter: HistoryFilter;
  facets: HistoryFacets | null;
  canUndo: boolean;
  importReport: ImportReport | null;
  /** An import or export under way: a progress bar, and the buttons wait. */
  busy?: HistoryBusy | null;
  storageUsed: string | null;
  onFilter: (filter: HistoryFilter) => void;
  onOpen: (comparisonId: string) => void;
  /** Opens a Studies run's study in the Studies page. */
  onOpenStudy?: (batchId: string) => void;
  onDelete: (comparisonId: string) => void;
  onUndo: () => void;
  onExport: (kind: ExportKind) => void;
  onExportPair?: (pair: { a: { provider: string; model: string }; b: { provider: string; model: string } }) => void;
  onImport: (file: File) => void;
}

/** "Imported 40 comparison(s), 2 already here, skipped 1: #3 (it has no prompt)." */
function importReportText(report: ImportReport): string {
  const parts = [t('importReportAdded', String(report.added))];
  if (report.duplicates) parts.push(t('importReportDuplicates', String(report.duplicates)));
  if (report.skipped.length)
    parts.push(
      t(
        'importReportSkipped',
        String(report.skipped.length),
        report.skipped
          .slice(0, 3)
          .map((s) => `#${s.index + 1} (${s.reason})`)
          .join('; '),
      ),
    );
  return `${parts.join(', ')}.`;
}

/** Progress of an import or export: a bar with what is happening (indeterminate until the amount is known). */
function BusyNote({ busy }: { busy: HistoryBusy }) {
  const known = busy.total !== undefined && busy.done !== undefined;
  const label = busy.action === 'export' ? t('exportPreparing') : known ? t('importProgress', String(busy.done), String(busy.total)) : t('importReading');
  return (
    <div class="notice ok busy-note" role="status" data-testid="history-busy">
      <span>{label}</span>
      {known ? <progress max={busy.total || 1} value={busy.done} aria-label={label} /> : <progress aria-label={label} />}
    </div>
  );
}

/** "2 answers · 1 failed" */
export function runSummary(runs: Run[]): string {
  if (!runs.length) return t('summaryNoModel');
  const count = (state: Run['state']) => runs.filter((r) => r.state === state).length;
  const done = count('done');
  const pending = runs.length - done - count('failed') - count('interrupted');
  return [
    plural(done, 'answersOne', 'answersMany'),
    count('failed') && t('summaryFailed', count('failed')),
    count('interrupted') && t('summaryInterrupted', count('interrupted')),
    pending && t('summaryInProgress', pending),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Every comparison, newest first: search, filters, delete with undo, export and import. */
export function HistoryView(props: HistoryViewProps) {
  const { ids, filter, facets } = props;
  const filtered = isFiltered(filter);
  // Studies runs are their own source, left out unless chosen: say so, with a way to show them.
  const studiesHidden = !filter.site && Boolean(facets?.sites.some((s) => s.id === STUDY_SOURCE));
  const [text, setText] = useState(filter.text ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fileInput = useRef<HTMLInputElement>(null);
  const set = (patch: HistoryFilter) => props.onFilter({ ...filter, ...patch });
  const search = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => set({ text: value }), 150);
  };

  return (
    <section class="history-view" aria-label={t('historyLabel')}>
      <div class="history-tools">
        <input type="search" aria-label={t('searchLabel')} placeholder={t('searchPlaceholder')} value={text} onInput={(e) => search(e.currentTarget.value)} />
        <div class="toggle">
          <select aria-label={t('filterSite')} value={filter.site ?? ''} onChange={(e) => set({ site: e.currentTarget.value || undefined })}>
            <option value="">{t('allSites')}</option>
            {facets?.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === 'panel' ? t('typedInParallax') : s.id === 'page' ? t('selectedOnAPage') : s.id === STUDY_SOURCE ? t('fromStudies') : s.name}
              </option>
            ))}
          </select>
          {(facets?.providers.length ?? 0) > 1 && (
            <select aria-label={t('filterProvider')} value={filter.provider ?? ''} onChange={(e) => set({ provider: e.currentTarget.value || undefined })}>
              <option value="">{t('allProviders')}</option>
              {facets!.providers.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
          <select aria-label={t('filterModel')} value={filter.model ?? ''} onChange={(e) => set({ model: e.currentTarget.value || undefined })}>
            <option value="">{t('allModels')}</option>
            {facets?.models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          {!!facets?.languages.length && (
            <select aria-label={t('filterLanguage')} value={filter.language ?? ''} onChange={(e) => set({ language: e.currentTarget.value || undefined })}>
              <option value="">{t('allLanguages')}</option>
              {facets.languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          )}
          {!!facets?.tags.length && (
            <select aria-label={t('filterTag')} value={filter.tag ?? ''} onChange={(e) => set({ tag: e.currentTarget.value || undefined })}>
              <option value="">{t('allTags')}</option>
              {facets.tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
          <select
            aria-label={t('filterRefusals')}
            value={filter.refusal ?? ''}
            onChange={(e) => set({ refusal: (e.currentTarget.value || undefined) as HistoryFilter['refusal'] })}
          >
            <option value="">{t('refusedOrNot')}</option>
            <option value="refused">{t('someRefused')}</option>
            <option value="answered">{t('someAnswered')}</option>
          </select>
          <select
            aria-label={t('filterState')}
            value={filter.state ?? ''}
            onChange={(e) => set({ state: (e.currentTarget.value || undefined) as Run['state'] | undefined })}
          >
            <option value="">{t('anyOutcome')}</option>
            <option value="failed">{t('withFailure')}</option>
            <option value="interrupted">{t('interruptedFilter')}</option>
          </select>
          <label class="date-filter">
            {t('filterSince')}
            <input type="date" value={dayOf(filter.since)} onChange={(e) => set({ since: dayBound(e.currentTarget.value, false) })} />
          </label>
          <label class="date-filter">
            {t('filterUntil')}
            <input type="date" value={dayOf(filter.until)} onChange={(e) => set({ until: dayBound(e.currentTarget.value, true) })} />
          </label>
        </div>
        <div class="toggle history-actions">
          <span class="muted">{t('exportLabel')}</span>
          {(['json', 'csv', 'md', 'html'] as const).map((kind) => (
            <button key={kind} class="button secondary small" disabled={Boolean(props.busy)} onClick={() => props.onExport(kind)}>
              {kind === 'md' ? t('exportMarkdown') : kind === 'html' ? t('exportReport') : kind.toUpperCase()}
            </button>
          ))}
          {props.onExportPair && facets && <LlmComparatorExport targets={facets.targets} onExport={props.onExportPair} />}
          <button class="button secondary small" disabled={Boolean(props.busy)} onClick={() => fileInput.current?.click()}>
            {t('importButton')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label={t('importLabel')}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) props.onImport(file);
              e.currentTarget.value = '';
            }}
          />
        </div>
      </div>
      {props.canUndo && (
        <p class="notice ok" role="status">
          {t('deletedUndo')}{' '}
          <button class="link" onClick={props.onUndo}>
            {t('undo')}
          </button>
        </p>
      )}
      {props.busy && <BusyNote busy={props.busy} />}
      {props.importReport && (
        <p class="notice ok" role="status" data-testid="import-report">
          {importReportText(props.importReport)}
        </p>
      )}
      {studiesHidden && (
        <p class="muted studies-hidden" data-testid="studies-hidden">
          {t('studiesNotListed')}{' '}
          <button class="link" onClick={() => set({ site: STUDY_SOURCE })}>
            {t('showStudies')}
          </button>
        </p>
      )}
      {!ids ? (
        <p class="muted">{t('loadingHistory')}</p>
      ) : ids.length === 0 ? (
        <div class="empty">
          <h2>{filtered ? t('nothingMatches') : t('historyEmpty')}</h2>
          <p>{filtered ? t('nothingMatchesBody') : t('historyEmptyBody')}</p>
        </div>
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {props.counting ? t('countingComparisons') : tn(ids.length, 'comparisonCountOne', 'comparisonCount')}
            {props.storageUsed ? ` · ${t('storageUsed', props.storageUsed)}` : ''}
          </p>
          <HistoryList
            ids={ids}
            rows={props.rows}
            onVisible={props.onVisible}
            onOpen={props.onOpen}
            onOpenStudy={props.onOpenStudy}
            onDelete={props.onDelete}
            summary={runSummary}
          />
        </>
      )}
    </section>
  );
}
