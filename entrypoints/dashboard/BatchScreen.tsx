import { useMemo, useRef } from 'preact/hooks';
import {
  batchFacets,
  batchTotals,
  featuresByLanguage,
  filterBatch,
  refusalByLanguageModel,
  type BatchFilter,
  type Classify,
  type ComparisonWithRuns,
  type ExtractFeatures,
} from '@/utils/dashboard/aggregate';
import { featureFigure, refusalFigure, surveyFigures } from '@/utils/dashboard/figures';
import type { SurveyResult } from '@/utils/dashboard/survey';
import { ChartCard, type Drawer } from './ChartCard';

export interface BatchScreenProps {
  /** Comparisons in the date range (tag and batch are applied here). */
  items: ComparisonWithRuns[];
  filter: Omit<BatchFilter, 'batchId'>;
  batchId: string | null;
  batchNames: Map<string, string>;
  /** Undefined while loading; null when not available. */
  classify: Classify | null | undefined;
  features: ExtractFeatures | null | undefined;
  surveys: SurveyResult[];
  surveyError: string | null;
  lookKey: string;
  drawer?: Drawer;
  onFilter: (filter: Omit<BatchFilter, 'batchId'>) => void;
  onBatch: (batchId: string | null) => void;
  onLoadSurveys: (text: string) => void;
}

const notAnalysed = () => null;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** 'YYYY-MM-DD' of a local time, for <input type=date>. */
const dayOf = (ms: number | undefined) => {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Start (or end) of a local day given as 'YYYY-MM-DD'; undefined when empty. */
function dayBound(value: string, end: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return end ? new Date(y, mo, d, 23, 59, 59, 999).getTime() : new Date(y, mo, d).getTime();
}

/** A set of comparisons (date range, tag, batch) summarised in charts, each with its table and downloads. */
export function BatchScreen(props: BatchScreenProps) {
  const { items, filter, batchId, classify, features } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const facets = useMemo(() => batchFacets(items), [items]);
  const selected = useMemo(() => filterBatch(items, { ...filter, batchId: batchId ?? undefined }), [items, filter, batchId]);
  const totals = useMemo(() => batchTotals(selected), [selected]);
  const refusal = useMemo(() => refusalFigure(refusalByLanguageModel(selected, classify ?? notAnalysed)), [selected, classify]);
  const valueFigure = useMemo(() => featureFigure(featuresByLanguage(selected, features ?? notAnalysed)), [selected, features]);
  const survey = useMemo(() => surveyFigures(props.surveys), [props.surveys]);
  const set = (patch: Partial<Omit<BatchFilter, 'batchId'>>) => props.onFilter({ ...filter, ...patch });
  const batchLabel = (id: string) => props.batchNames.get(id) ?? id;
  // Nothing stored at all (the page explains how to start): only the survey part is shown.
  const noneStored = items.length === 0 && filter.since === undefined && filter.until === undefined;

  return (
    <section class="dash-section" aria-labelledby="batch-heading">
      <h2 id="batch-heading">Batch summary</h2>
      {!noneStored && (
      <form class="filters" aria-label="Which comparisons" onSubmit={(e) => e.preventDefault()}>
        <label class="field">
          From
          <input type="date" value={dayOf(filter.since)} onChange={(e) => set({ since: dayBound(e.currentTarget.value, false) })} />
        </label>
        <label class="field">
          To
          <input type="date" value={dayOf(filter.until)} onChange={(e) => set({ until: dayBound(e.currentTarget.value, true) })} />
        </label>
        <label class="field">
          Probe set or batch
          <select value={batchId ?? ''} onChange={(e) => props.onBatch(e.currentTarget.value || null)}>
            <option value="">All comparisons</option>
            {batchId && !facets.batchIds.includes(batchId) && <option value={batchId}>{batchLabel(batchId)}</option>}
            {facets.batchIds.map((id) => <option key={id} value={id}>{batchLabel(id)}</option>)}
          </select>
        </label>
        <label class="field">
          Tag
          <select value={filter.tag ?? ''} onChange={(e) => set({ tag: e.currentTarget.value || undefined })}>
            <option value="">Any tag</option>
            {facets.tags.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
      </form>
      )}
      {!noneStored && (
        <p class="totals" aria-live="polite" data-testid="batch-totals">
          {plural(totals.comparisons, 'comparison')} · {plural(totals.answers, 'answer')} of {plural(totals.runs, 'run')} · {plural(totals.languages, 'language')} · {plural(totals.models, 'model')}
        </p>
      )}
      {classify === undefined && <p class="muted" role="status">Loading the analysis…</p>}
      {noneStored ? null : selected.length === 0 ? (
        <div class="empty" role="status">
          <h3>Nothing matches</h3>
          <p>No comparison falls in this date range, batch and tag. Widen the dates or choose “All comparisons”.</p>
        </div>
      ) : (
        <div class="figures">
          <ChartCard figure={refusal} lookKey={props.lookKey} drawer={props.drawer} />
          <ChartCard figure={valueFigure} lookKey={props.lookKey} drawer={props.drawer} />
        </div>
      )}
      <section class="dash-section" aria-labelledby="survey-heading">
        <h2 id="survey-heading">Survey results</h2>
        <div class="toggle">
          <button class="button secondary small" onClick={() => fileInput.current?.click()}>
            Load survey results (JSON)…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label="Survey results file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void file.text().then(props.onLoadSurveys);
              e.currentTarget.value = '';
            }}
          />
        </div>
        {props.surveyError && <p class="form-error" role="alert">{props.surveyError}</p>}
        {props.surveys.length === 0 ? (
          <p class="muted">
            No survey results yet. Results of a survey run appear here per model and language: each index with its mean, 95 % interval and n.
          </p>
        ) : (
          <div class="figures">
            {survey.map((f) => <ChartCard key={f.id} figure={f} lookKey={props.lookKey} drawer={props.drawer} />)}
          </div>
        )}
      </section>
    </section>
  );
}
