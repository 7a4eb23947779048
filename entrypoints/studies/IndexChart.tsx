import { useState } from 'preact/hooks';
import type { SurveyCell } from '@/utils/core/batches/survey-results';
import { indexPanels, type IndexPanel } from '@/utils/core/dashboard/index-chart';
import { VSM_REFERENCES, type ReferenceVector } from '@/utils/core/surveys/vsm-references';
import { t, uiLanguage, type MessageKey } from '@/utils/core/i18n';

/** Endpoint colours, readable on the light and the dark theme. */
const SERIES = ['#3b6fd8', '#d9480f', '#2f9e44', '#ae3ec9', '#1098ad', '#e03131'];
const SOURCE: Record<ReferenceVector['source'], MessageKey> = { 'seed-example': 'studiesRefSourceSeed', 'masoud-2023': 'studiesRefSourceMasoud' };
const letter = (i: number) => String.fromCharCode(65 + i);
const number = (v: number) => v.toLocaleString(uiLanguage(), { maximumFractionDigits: 1 });

const W = 320;
const PAD = 10;
const ROW = 30;
const LEVEL = 12;

/** One index: a dot and whisker per model × language, dashed marks for published values, an axis with ticks. */
function Panel({ panel, letters }: { panel: IndexPanel; letters: Map<string, string> }) {
  const [lo, hi] = panel.domain;
  const x = (v: number) => PAD + ((v - lo) / (hi - lo || 1)) * (W - 2 * PAD);
  // Marks at the same value share one label ("B C"); labels that would touch stack downwards.
  const groups = new Map<number, string[]>();
  for (const m of panel.marks) groups.set(m.value, [...(groups.get(m.value) ?? []), m.reference]);
  const placed: { x: number; level: number; width: number }[] = [];
  const marks = [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([value, references]) => {
      const at = x(value);
      const text = references.map((r) => letters.get(r)).join(' ');
      const width = text.length * 6 + 4;
      let level = 0;
      while (placed.some((p) => p.level === level && Math.abs(p.x - at) < (p.width + width) / 2)) level++;
      placed.push({ x: at, level, width });
      return { value, references, text, x: at, level };
    });
  const top = LEVEL * Math.max(1, ...marks.map((m) => m.level + 1)) + 4;
  const height = top + panel.rows.length * ROW + 26;
  const bottom = top + panel.rows.length * ROW;
  const describe = panel.rows.map((r) => `${r.label}: ${r.mean === null ? t('studiesChartNoValue') : number(r.mean)}`).join('; ');
  return (
    <section class="index-panel" data-index={panel.id}>
      <h4>
        {panel.id} <span class="muted">{panel.name}</span>
      </h4>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${panel.id}: ${describe}`}>
        {panel.ticks.map((v) => (
          <line key={v} x1={x(v)} x2={x(v)} y1={top} y2={bottom} class={v === 0 ? 'axis-zero' : 'grid'} />
        ))}
        {marks.map((m) => (
          <g key={m.value} class="ref-mark" data-reference={m.references.join(' ')}>
            <line x1={m.x} x2={m.x} y1={LEVEL * m.level + LEVEL} y2={bottom} />
            <text x={m.x} y={LEVEL * m.level + 9} text-anchor="middle">
              {m.text}
            </text>
            <title>{`${m.text}: ${number(m.value)}`}</title>
          </g>
        ))}
        {panel.rows.map((r, i) => {
          const y = top + i * ROW;
          const colour = SERIES[r.series % SERIES.length];
          return (
            <g key={r.label} class="index-row">
              <text x={PAD} y={y + 11} class="row-label">
                {r.label.length > 46 ? `${r.label.slice(0, 45)}…` : r.label}
                {r.mean === null ? ` — ${t('studiesChartNoValue')}` : ` — ${number(r.mean)}`}
              </text>
              {r.low !== null && r.high !== null && (
                <line x1={x(Math.max(lo, r.low))} x2={x(Math.min(hi, r.high))} y1={y + 21} y2={y + 21} stroke={colour} class="whisker" />
              )}
              {/* An interval running past the axis ends in an arrowhead there (the table has its ends). */}
              {r.low !== null && r.low < lo && <path d={`M ${x(lo) - 1} ${y + 21} l 6 -4 v 8 z`} fill={colour} />}
              {r.high !== null && r.high > hi && <path d={`M ${x(hi) + 1} ${y + 21} l -6 -4 v 8 z`} fill={colour} />}
              {r.mean !== null && <circle cx={x(r.mean)} cy={y + 21} r="4" fill={colour} />}
            </g>
          );
        })}
        <line x1={PAD} x2={W - PAD} y1={bottom} y2={bottom} class="axis" />
        {panel.ticks.map((v) => (
          <text key={v} x={x(v)} y={bottom + 15} text-anchor="middle" class="tick">
            {number(v)}
          </text>
        ))}
      </svg>
    </section>
  );
}

export interface IndexChartProps {
  cells: SurveyCell[];
  indices: { id: string; name: string }[];
  constants: Record<string, number>;
}

/** The six indices with their intervals per model and language, and published values to compare with. */
export function IndexChart({ cells, indices, constants }: IndexChartProps) {
  const [shown, setShown] = useState<string[]>(() => VSM_REFERENCES.map((r) => r.id));
  const references = VSM_REFERENCES.filter((r) => shown.includes(r.id));
  const letters = new Map(VSM_REFERENCES.map((r, i) => [r.id, letter(i)]));
  const panels = indexPanels(cells, indices, constants, references);
  const sameConstant = (r: ReferenceVector) => indices.every((x) => (constants[x.id] ?? 0) === r.constant);
  return (
    <figure class="index-chart" data-testid="index-chart">
      <figcaption>{t('studiesChartTitle')}</figcaption>
      <div class="index-panels">
        {panels.map((p) => (
          <Panel key={p.id} panel={p} letters={letters} />
        ))}
      </div>
      <fieldset class="references">
        <legend>{t('studiesReferencesTitle')}</legend>
        {VSM_REFERENCES.map((r) => (
          <label key={r.id} class="toggle reference" data-testid={`reference-${r.id}`}>
            <input
              type="checkbox"
              checked={shown.includes(r.id)}
              onChange={(e) => setShown(e.currentTarget.checked ? [...shown, r.id] : shown.filter((id) => id !== r.id))}
            />
            <span>
              <strong>{letters.get(r.id)}</strong> {r.model}:{' '}
              {Object.entries(r.values)
                .map(([id, v]) => `${id} ${number(v)}`)
                .join(' · ')}
              <br />
              <span class="muted">
                {t(SOURCE[r.source])}; {sameConstant(r) ? t('studiesRefConstantSame', number(r.constant)) : t('studiesRefConstantShifted', number(r.constant))}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </figure>
  );
}
