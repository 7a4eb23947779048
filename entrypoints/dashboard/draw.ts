/**
 * Draws a ChartSpec with Chart.js. Loaded lazily and only by the dashboard: only the pieces used are registered,
 * so the rest of Chart.js is left out of the build.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { ChartSpec } from '@/utils/core/dashboard/figures';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

/** Okabe–Ito: tells series apart with most colour-vision deficiencies, on light and dark backgrounds. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

/** The page's colours and type size, read from its CSS so charts follow the theme and projector mode. */
export interface ChartLook {
  background: string;
  foreground: string;
  grid: string;
  fontSize: number;
  fontFamily: string;
}

/** Paints the background, so a downloaded PNG looks like the screen instead of being transparent. */
const background: Plugin = {
  id: 'parallaxBackground',
  beforeDraw(chart, _args, options: { color?: string }) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.color ?? '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Draws each bar's interval (the series' low..high) as an error bar with caps. */
const errorBars: Plugin<'bar'> = {
  id: 'parallaxErrorBars',
  afterDatasetsDraw(chart, _args, options: { color?: string }) {
    const y = chart.scales.y;
    if (!y) return;
    const { ctx } = chart;
    ctx.save();
    ctx.strokeStyle = options.color ?? '#000000';
    ctx.lineWidth = 1.5;
    chart.data.datasets.forEach((dataset, i) => {
      const { low, high } = dataset as { low?: (number | null)[]; high?: (number | null)[] };
      const meta = chart.getDatasetMeta(i);
      if (!low || !high || meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const lo = low[j];
        const hi = high[j];
        if (lo === null || lo === undefined || hi === null || hi === undefined) return;
        const cap = Math.min(8, ((bar as unknown as { width?: number }).width ?? 16) / 3);
        const top = y.getPixelForValue(hi);
        const bottom = y.getPixelForValue(lo);
        ctx.beginPath();
        ctx.moveTo(bar.x, top);
        ctx.lineTo(bar.x, bottom);
        ctx.moveTo(bar.x - cap, top);
        ctx.lineTo(bar.x + cap, top);
        ctx.moveTo(bar.x - cap, bottom);
        ctx.lineTo(bar.x + cap, bottom);
        ctx.stroke();
      });
    });
    ctx.restore();
  },
};

/** Chart.js configuration for a spec. No animation: the first frame is the final one (and what a PNG shows). */
export function chartConfig(spec: ChartSpec, look: ChartLook): ChartConfiguration {
  const font = { size: look.fontSize, family: look.fontFamily };
  const percent = spec.unit === 'percent';
  const datasets = spec.series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length]!;
    return spec.kind === 'radar'
      ? { label: s.label, data: s.values, borderColor: color, backgroundColor: `${color}33`, pointBackgroundColor: color, borderWidth: 2, fill: true }
      : { label: s.label, data: s.values, backgroundColor: color, borderColor: color, low: s.low, high: s.high };
  });
  const ticks = { color: look.foreground, font, ...(percent ? { callback: (v: string | number) => `${v} %` } : {}) };
  // Intervals must fit on the axis too, not only the bars.
  const reach = spec.series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])]).filter((v): v is number => typeof v === 'number');
  const range = percent ? { min: 0, max: 100 } : reach.length ? { suggestedMin: Math.min(0, ...reach), suggestedMax: Math.max(0, ...reach) } : {};
  const scales =
    spec.kind === 'radar'
      ? {
          r: {
            grid: { color: look.grid },
            angleLines: { color: look.grid },
            pointLabels: { color: look.foreground, font },
            ticks: { ...ticks, backdropColor: look.background },
          },
        }
      : {
          x: { grid: { color: look.grid }, ticks: { color: look.foreground, font } },
          y: {
            grid: { color: look.grid },
            ticks,
            ...range,
            title: { display: true, text: spec.axisLabel, color: look.foreground, font },
          },
        };
  return {
    type: spec.kind,
    data: { labels: spec.categories, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      color: look.foreground,
      font,
      scales,
      plugins: {
        legend: { labels: { color: look.foreground, font } },
        tooltip: { titleFont: font, bodyFont: font },
        parallaxBackground: { color: look.background },
        parallaxErrorBars: { color: look.foreground },
      },
    },
    plugins: [background, ...(spec.series.some((s) => s.low) ? [errorBars as Plugin] : [])],
  } as ChartConfiguration;
}

/** A drawn chart: its PNG and a way to remove it. */
export interface DrawnChart {
  png: () => string;
  destroy: () => void;
}

/** Draws the spec on the canvas. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec, look: ChartLook): DrawnChart {
  const chart = new Chart(canvas, chartConfig(spec, look));
  return { png: () => chart.toBase64Image('image/png', 1), destroy: () => chart.destroy() };
}
