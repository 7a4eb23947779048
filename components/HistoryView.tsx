import { useRef, useState } from 'preact/hooks';
import type { HistoryFilter, HistoryPage } from '@/utils/db/history';
import type { ImportReport } from '@/utils/db/transfer';
import type { Run } from '@/utils/runner/types';
import { formatTime, sourceLabel } from './format';

export type ExportKind = 'json' | 'csv' | 'md' | 'html';

export interface HistoryViewProps {
  page: HistoryPage | null;
  filter: HistoryFilter;
  facets: { sites: { id: string; name: string }[]; providers: string[]; models: string[] } | null;
  canUndo: boolean;
  importReport: ImportReport | null;
  storageUsed: string | null;
  onFilter: (filter: HistoryFilter) => void;
  onOpen: (comparisonId: string) => void;
  onDelete: (comparisonId: string) => void;
  onUndo: () => void;
  onExport: (kind: ExportKind) => void;
  onImport: (file: File) => void;
}

/** "2 answers · 1 failed" */
export function runSummary(runs: Run[]): string {
  if (!runs.length) return 'no model asked';
  const count = (state: Run['state']) => runs.filter((r) => r.state === state).length;
  const done = count('done');
  const pending = runs.length - done - count('failed') - count('interrupted');
  return [`${done} answer${done === 1 ? '' : 's'}`, count('failed') && `${count('failed')} failed`, count('interrupted') && `${count('interrupted')} interrupted`, pending && `${pending} in progress`]
    .filter(Boolean)
    .join(' · ');
}

/** Every comparison, newest first: search, filters, delete with undo, export and import. */
export function HistoryView(props: HistoryViewProps) {
  const { page, filter, facets } = props;
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
    <section class="history-view" aria-label="History">
      <div class="history-tools">
        <input type="search" aria-label="Search prompts and answers" placeholder="Search prompts and answers…" value={text} onInput={(e) => search(e.currentTarget.value)} />
        <div class="toggle">
          <select aria-label="Site" value={filter.site ?? ''} onChange={(e) => set({ site: e.currentTarget.value || undefined })}>
            <option value="">All sites</option>
            {facets?.sites.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <select aria-label="Model" value={filter.model ?? ''} onChange={(e) => set({ model: e.currentTarget.value || undefined })}>
            <option value="">All models</option>
            {facets?.models.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
          <select aria-label="State" value={filter.state ?? ''} onChange={(e) => set({ state: (e.currentTarget.value || undefined) as Run['state'] | undefined })}>
            <option value="">Any outcome</option>
            <option value="failed">With a failure</option>
            <option value="interrupted">Interrupted</option>
          </select>
        </div>
        <div class="toggle history-actions">
          <span class="muted">Export:</span>
          {(['json', 'csv', 'md', 'html'] as const).map((kind) => (
            <button key={kind} class="button secondary small" onClick={() => props.onExport(kind)}>
              {kind === 'md' ? 'Markdown' : kind === 'html' ? 'Report' : kind.toUpperCase()}
            </button>
          ))}
          <button class="button secondary small" onClick={() => fileInput.current?.click()}>Import…</button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-label="Import a JSON export" onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onImport(file);
            e.currentTarget.value = '';
          }} />
        </div>
      </div>
      {props.canUndo && (
        <p class="notice ok" role="status">
          Deleted. <button class="link" onClick={props.onUndo}>Undo</button>
        </p>
      )}
      {props.importReport && (
        <p class="notice ok" role="status" data-testid="import-report">
          Imported {props.importReport.added} comparison(s){props.importReport.duplicates ? `, ${props.importReport.duplicates} already here` : ''}
          {props.importReport.skipped.length ? `, skipped ${props.importReport.skipped.length}: ${props.importReport.skipped.slice(0, 3).map((s) => `#${s.index + 1} (${s.reason})`).join('; ')}` : ''}.
        </p>
      )}
      {!page ? (
        <p class="muted">Loading history…</p>
      ) : page.total === 0 ? (
        <div class="empty">
          <h2>{Object.values(filter).some(Boolean) ? 'Nothing matches' : 'History is empty'}</h2>
          <p>{Object.values(filter).some(Boolean) ? 'Try other words or clear the filters.' : 'Every comparison is kept here, on this device, with its answers.'}</p>
        </div>
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {page.total} comparison{page.total === 1 ? '' : 's'}{page.total > page.comparisons.length ? `, newest ${page.comparisons.length} shown` : ''}{props.storageUsed ? ` · ${props.storageUsed} used` : ''}
          </p>
          <ul class="history" aria-label="Comparisons">
            {page.comparisons.map((c) => (
              <li key={c.id} class="history-row">
                <button class="history-item" data-testid="history-item" onClick={() => props.onOpen(c.id)}>
                  <span class="history-prompt" dir="auto">{c.prompt}</span>
                  <span class="muted">{formatTime(c.createdAt)} · {sourceLabel(c.source)} · {runSummary(page.runs.get(c.id) ?? [])}</span>
                </button>
                <button class="icon-button" aria-label={`Delete “${c.prompt.slice(0, 40)}”`} title="Delete" onClick={() => props.onDelete(c.id)}>✕</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
