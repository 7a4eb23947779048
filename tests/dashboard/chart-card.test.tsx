// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ChartCard, type Drawer } from '@/entrypoints/dashboard/ChartCard';
import { chartConfig } from '@/entrypoints/dashboard/draw';
import type { Figure } from '@/utils/core/dashboard/figures';

const figure: Figure = {
  id: 'refusal-by-language-and-model',
  title: 'Refusal rate by language and model',
  chart: { kind: 'bar', categories: ['Deutsch (de)'], series: [{ label: '=cmd|calc', values: [50] }], unit: 'percent', axisLabel: 'Refused (%)' },
  table: {
    columns: ['Language', 'Model', 'Refusal rate (%)'],
    rows: [
      ['Deutsch (de)', '=cmd|calc', 50],
      ['Kiswahili (sw)', 'beta', null],
    ],
  },
  note: '1 answer not analysed is left out of the rates.',
};

/** Captures what the page downloads through <a download>: file name, and the blob or data URL behind it. */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const saved: { name: string; href: string; blob?: Blob }[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href, blob: blobs.get(this.href) });
  });
  return saved;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ChartCard without a canvas (as in happy-dom)', () => {
  test('shows the title, the note and the numbers as a table, and says the chart cannot be drawn', () => {
    const drawer = vi.fn<Drawer>();
    render(<ChartCard figure={figure} lookKey="k" drawer={drawer} />);
    expect(screen.getByRole('heading', { name: figure.title })).toBeTruthy();
    expect(screen.getByText(figure.note!)).toBeTruthy();
    const table = within(screen.getByRole('region', { name: `${figure.title}: table` })).getByRole('table');
    const cells = [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(cells).toEqual([
      ['Language', 'Model', 'Refusal rate (%)'],
      ['Deutsch (de)', '=cmd|calc', '50'],
      ['Kiswahili (sw)', 'beta', '—'],
    ]);
    expect(screen.getByText(/Charts cannot be drawn in this browser/)).toBeTruthy();
    expect(drawer).not.toHaveBeenCalled();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: `Download PNG: ${figure.title}` }).disabled).toBe(true);
  });

  test('Download CSV saves the table, formula-safe, with a BOM', async () => {
    const saved = captureDownloads();
    render(<ChartCard figure={figure} lookKey="k" />);
    fireEvent.click(screen.getByRole('button', { name: `Download CSV: ${figure.title}` }));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toMatch(/^parallax-refusal-by-language-and-model-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await saved[0]!.blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe(`Language,Model,Refusal rate (%)\r\nDeutsch (de),"'=cmd|calc",50\r\nKiswahili (sw),beta,\r\n`);
  });

  test('a figure with nothing to draw has no canvas but keeps its table and CSV', () => {
    render(<ChartCard figure={{ ...figure, chart: null, note: 'Analysis pending: no answer has a refusal verdict yet.' }} lookKey="k" />);
    expect(document.querySelector('canvas')).toBeNull();
    expect(screen.getByText(/Analysis pending/)).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /Download CSV/ }).disabled).toBe(false);
  });
});

describe('ChartCard with a canvas', () => {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue({} as CanvasRenderingContext2D);
  });

  test('draws the spec in the page look, and Download PNG saves what the chart renders', async () => {
    const saved = captureDownloads();
    const destroy = vi.fn();
    const drawer = vi.fn<Drawer>(async () => ({ png: () => 'data:image/png;base64,iVBORw0KGgo=', destroy }));
    const { rerender } = render(<ChartCard figure={figure} lookKey="light" drawer={drawer} />);
    const png = screen.getByRole<HTMLButtonElement>('button', { name: `Download PNG: ${figure.title}` });
    await waitFor(() => expect(png.disabled).toBe(false));
    expect(drawer).toHaveBeenCalledTimes(1);
    const [canvas, spec, look] = drawer.mock.calls[0]!;
    expect(canvas.getAttribute('aria-label')).toBe(`${figure.title}. The numbers are in the table below.`);
    expect(spec).toEqual(figure.chart);
    expect(look.fontSize).toBeGreaterThan(0);
    fireEvent.click(png);
    expect(saved).toEqual([
      { name: expect.stringMatching(/^parallax-refusal-by-language-and-model-.*\.png$/), href: 'data:image/png;base64,iVBORw0KGgo=', blob: undefined },
    ]);

    // A new theme draws the chart again, after removing the old one.
    rerender(<ChartCard figure={figure} lookKey="dark" drawer={drawer} />);
    await waitFor(() => expect(drawer).toHaveBeenCalledTimes(2));
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  test('a chart that fails to draw leaves the table and says so', async () => {
    render(<ChartCard figure={figure} lookKey="k" drawer={() => Promise.reject(new Error('no'))} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be drawn/);
    expect(screen.getByRole('table')).toBeTruthy();
  });
});

describe('chartConfig', () => {
  const look = { background: '#000000', foreground: '#ffffff', grid: '#333333', fontSize: 24, fontFamily: 'system-ui' };

  test('percent bars: axis fixed to 0–100, no animation, background painted, no error bars without intervals', () => {
    const config = chartConfig(figure.chart!, look) as unknown as {
      type: string;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walks Chart.js's option tree, whose depth the test names
      options: Record<string, any>;
      plugins: { id: string }[];
      data: { labels: string[] };
    };
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['Deutsch (de)']);
    expect(config.options.animation).toBe(false);
    expect(config.options.scales.y).toMatchObject({ min: 0, max: 100 });
    expect(config.options.font.size).toBe(24);
    expect(config.plugins.map((p) => p.id)).toEqual(['parallaxBackground']);
    expect(config.options.plugins.parallaxBackground.color).toBe('#000000');
  });

  test('bars with intervals get error bars; a radar gets a radial scale', () => {
    const bars = chartConfig(
      { kind: 'bar', categories: ['PDI'], series: [{ label: 'a', values: [40], low: [30], high: [50] }], unit: 'score', axisLabel: 'Index' },
      look,
    ) as unknown as { plugins: { id: string }[]; data: { datasets: { low: number[] }[] } };
    expect(bars.plugins.map((p) => p.id)).toEqual(['parallaxBackground', 'parallaxErrorBars']);
    expect(bars.data.datasets[0]!.low).toEqual([30]);
    // The value axis reaches the ends of the intervals, not just the bars.
    const withNegative = chartConfig(
      { kind: 'bar', categories: ['UAI'], series: [{ label: 'a', values: [-8], low: [-20], high: [4] }], unit: 'score', axisLabel: 'Index' },
      look,
    ) as unknown as { options: { scales: { y: object } } };
    expect(withNegative.options.scales.y).toMatchObject({ suggestedMin: -20, suggestedMax: 4 });
    const radar = chartConfig(
      { kind: 'radar', categories: ['PDI', 'IDV', 'MAS'], series: [{ label: 'a', values: [1, 2, 3] }], unit: 'score', axisLabel: 'Index' },
      look,
    ) as unknown as { options: { scales: Record<string, unknown> } };
    expect(Object.keys(radar.options.scales)).toEqual(['r']);
  });
});
