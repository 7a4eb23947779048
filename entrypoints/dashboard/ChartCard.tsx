import { useEffect, useRef, useState } from 'preact/hooks';
import { fileName, tableToCsv } from '@/utils/core/dashboard/csv';
import type { ChartSpec, DataTable, Figure } from '@/utils/core/dashboard/figures';
import type { ChartLook, DrawnChart } from './draw';
import { downloadText, downloadUrl } from './download';
import { t } from '@/utils/core/i18n';

/** Draws a spec on a canvas; the default loads Chart.js on first use. */
export type Drawer = (canvas: HTMLCanvasElement, spec: ChartSpec, look: ChartLook) => Promise<DrawnChart>;

const loadAndDraw: Drawer = async (canvas, spec, look) => (await import('./draw')).drawChart(canvas, spec, look);

/** Whether this canvas can be drawn on (test DOMs and some locked-down browsers cannot). */
function canDraw(canvas: HTMLCanvasElement): boolean {
  try {
    return Boolean(canvas.getContext('2d'));
  } catch {
    return false;
  }
}

/** The theme's colours and the card's type size, from the page's CSS. */
function lookOf(el: Element): ChartLook {
  const root = getComputedStyle(document.documentElement);
  const own = getComputedStyle(el);
  const value = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  return {
    background: value('--bg', '#ffffff'),
    foreground: value('--fg', '#1b1d22'),
    grid: value('--line', '#d9dce3'),
    fontSize: Math.round(parseFloat(own.fontSize) || 16),
    fontFamily: own.fontFamily || 'system-ui, sans-serif',
  };
}

const show = (v: string | number | null) => (v === null ? '—' : typeof v === 'number' ? v.toLocaleString() : v);

/** A table of the figure's numbers: the chart's text alternative. */
export function DataTableView({ table, caption }: { table: DataTable; caption: string }) {
  return (
    <div class="table-wrap" role="region" aria-label={t('tableOf', caption)} tabIndex={0}>
      <table class="data-table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {/* Cells keep the page's direction, so "العربية (ar)" reads name first, then the code. */}
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {show(cell)}
                  </th>
                ) : (
                  <td key={j} class={typeof cell === 'number' ? 'num' : undefined}>
                    {show(cell)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ChartCardProps {
  figure: Figure;
  /** Changes when theme or type size change, so the chart is drawn again in the new look. */
  lookKey: string;
  drawer?: Drawer;
}

/** One figure: title, chart (when there is data and a canvas), its table, and PNG / CSV downloads. */
export function ChartCard({ figure, lookKey, drawer = loadAndDraw }: ChartCardProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<DrawnChart | null>(null);
  const [status, setStatus] = useState<'idle' | 'drawn' | 'unavailable' | 'failed'>('idle');
  const specKey = figure.chart ? JSON.stringify(figure.chart) : '';

  useEffect(() => {
    const el = canvas.current;
    if (!el || !figure.chart) return;
    if (!canDraw(el)) {
      setStatus('unavailable');
      return;
    }
    let cancelled = false;
    drawer(el, figure.chart, lookOf(el)).then(
      (chart) => {
        if (cancelled) {
          chart.destroy();
          return;
        }
        drawn.current = chart;
        setStatus('drawn');
      },
      () => !cancelled && setStatus('failed'),
    );
    return () => {
      cancelled = true;
      drawn.current?.destroy();
      drawn.current = null;
      setStatus('idle');
    };
  }, [specKey, lookKey]);

  const titleId = `figure-${figure.id}`;
  const chartAlt = figure.tableShown ? t('chartAltAbove', figure.title) : t('chartAltBelow', figure.title);
  return (
    <section class="figure" aria-labelledby={titleId} data-testid={`figure-${figure.id}`}>
      <header class="figure-head">
        <h3 id={titleId}>{figure.title}</h3>
        <div class="figure-actions">
          <button
            class="button secondary small"
            disabled={status !== 'drawn'}
            aria-label={t('downloadPngOf', figure.title)}
            onClick={() => drawn.current && downloadUrl(fileName(figure.id, 'png'), drawn.current.png())}
          >
            {t('downloadPng')}
          </button>
          <button
            class="button secondary small"
            aria-label={t('downloadCsvOf', figure.title)}
            onClick={() => downloadText(fileName(figure.id, 'csv'), 'text/csv', tableToCsv(figure.table))}
          >
            {t('downloadCsv')}
          </button>
        </div>
      </header>
      {figure.note && <p class="muted figure-note">{figure.note}</p>}
      {figure.chart && status !== 'unavailable' && (
        <div class="chart-box">
          <canvas ref={canvas} role="img" aria-label={chartAlt} />
        </div>
      )}
      {status === 'unavailable' && <p class="muted">{t('chartsCannotBeDrawn')}</p>}
      {status === 'failed' && (
        <p class="muted" role="alert">
          {t('chartFailed')}
        </p>
      )}
      {figure.tableShown ? <p class="muted">{t('numbersInTableAbove')}</p> : <DataTableView table={figure.table} caption={figure.title} />}
    </section>
  );
}
