import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Run } from '@/utils/core/runner/types';
import type { HistoryRow } from '@/utils/platform/db/history';
import { originLabel } from '@/utils/core/words/sources';
import { formatTime } from '../shared/format';
import { t } from '@/utils/core/i18n';

/** Height of one row in px (fixed, so 10,000 rows cost as much as the 20 on screen). */
const ROW_HEIGHT = 78;
const OVERSCAN = 6;
/** Rows to show before the list has measured where it sits: as many as fill the window, plus the overscan. */
export const firstWindow = () => Math.ceil(window.innerHeight / ROW_HEIGHT) + OVERSCAN;

export interface HistoryListProps {
  /** Ids of every matching comparison, newest first. */
  ids: string[];
  /** Loaded rows; rows not loaded yet show a placeholder. */
  rows: Map<string, HistoryRow>;
  /** The ids on screen changed: load them. */
  onVisible: (ids: string[]) => void;
  onOpen: (comparisonId: string) => void;
  /** A Studies run opens in the Studies page, on its study (when that study is still stored). */
  onOpenStudy?: (batchId: string) => void;
  onDelete: (comparisonId: string) => void;
  summary: (runs: Run[]) => string;
}

/** The window of rows on screen, from the page's scroll position (the panel scrolls as one page). */
function useWindow(list: { current: HTMLElement | null }, count: number): [number, number] {
  const [range, setRange] = useState<[number, number]>([0, Math.min(count, firstWindow())]);
  useLayoutEffect(() => {
    const update = () => {
      const el = list.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      // Clamped to the list: a stale scroll position (the page was longer a moment ago) never leaves it empty.
      const first = Math.min(Math.max(0, Math.floor(-top / ROW_HEIGHT) - OVERSCAN), Math.max(0, count - firstWindow()));
      const last = Math.min(count, Math.max(first + firstWindow(), Math.ceil((window.innerHeight - top) / ROW_HEIGHT) + OVERSCAN));
      setRange((r) => (r[0] === first && r[1] === last ? r : [first, Math.max(first, last)]));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [count]);
  return range;
}

/** Every comparison as a row, virtualized: only the rows on screen exist in the DOM. */
export function HistoryList(props: HistoryListProps) {
  const list = useRef<HTMLUListElement>(null);
  const [first, last] = useWindow(list, props.ids.length);
  const visible = props.ids.slice(first, last);
  const key = visible.join(',');
  useEffect(() => props.onVisible(visible), [key]);

  const onKeyDown = (e: KeyboardEvent) => {
    // Arrow keys move between rows; the list scrolls so the focused row exists.
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    e.preventDefault();
    const next = Number(row.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= props.ids.length) return;
    const focusNext = () => list.current?.querySelector<HTMLElement>(`[data-index="${next}"] .history-item`)?.focus();
    const rowTop = (list.current?.getBoundingClientRect().top ?? 0) + window.scrollY + next * ROW_HEIGHT;
    if (rowTop < window.scrollY || rowTop + ROW_HEIGHT > window.scrollY + window.innerHeight) window.scrollTo({ top: rowTop - window.innerHeight / 2 });
    requestAnimationFrame(focusNext);
  };

  return (
    <ul
      ref={list}
      class="history"
      aria-label={t('comparisonsLabel')}
      aria-rowcount={props.ids.length}
      style={{ height: `${props.ids.length * ROW_HEIGHT}px` }}
      onKeyDown={onKeyDown}
    >
      {visible.map((id, i) => {
        const index = first + i;
        const row = props.rows.get(id);
        const style = { top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT - 6}px` };
        if (!row) return <li key={id} class="history-row placeholder" style={style} data-index={index} aria-busy="true" />;
        const { comparison: c, runs, study } = row;
        const inStudies = Boolean(c.batchId && study && props.onOpenStudy);
        return (
          <li key={id} class="history-row" style={style} data-index={index} aria-posinset={index + 1} aria-setsize={props.ids.length}>
            <button
              class="history-item"
              data-testid="history-item"
              title={inStudies ? t('opensInStudies') : undefined}
              onClick={() => (inStudies ? props.onOpenStudy!(c.batchId!) : props.onOpen(c.id))}
            >
              <span class="history-prompt" dir="auto">
                {c.prompt}
              </span>
              <span class="muted history-meta">
                {formatTime(c.createdAt)} · {originLabel(c, study)} · {props.summary(runs)}
                {inStudies ? ' ↗' : ''}
                {c.tags?.map((tag) => (
                  <span key={tag} class="tag">
                    {tag}
                  </span>
                ))}
              </span>
            </button>
            <button class="icon-button" aria-label={t('deletePrompt', c.prompt.slice(0, 40))} title={t('delete')} onClick={() => props.onDelete(c.id)}>
              ✕
            </button>
          </li>
        );
      })}
    </ul>
  );
}
