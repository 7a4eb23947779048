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
} from '@/utils/core/dashboard/aggregate';
import { featureFigure, refusalFigure, surveyFigures } from '@/utils/core/dashboard/figures';
import type { SurveyResult } from '@/utils/core/dashboard/survey';
import { ChartCard, type Drawer } from './ChartCard';
import { t } from '@/utils/core/i18n';
import { dayBound, dayOf, plural } from '@/components/shared/format';

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
      <h2 id="batch-heading">{t('batchSummary')}</h2>
      {!noneStored && (
        <form class="filters" aria-label={t('whichComparisons')} onSubmit={(e) => e.preventDefault()}>
          <label class="field">
            {t('from')}
            <input type="date" value={dayOf(filter.since)} onChange={(e) => set({ since: dayBound(e.currentTarget.value, false) })} />
          </label>
          <label class="field">
            {t('to')}
            <input type="date" value={dayOf(filter.until)} onChange={(e) => set({ until: dayBound(e.currentTarget.value, true) })} />
          </label>
          <label class="field">
            {t('probeSetOrBatch')}
            <select value={batchId ?? ''} onChange={(e) => props.onBatch(e.currentTarget.value || null)}>
              <option value="">{t('allComparisons')}</option>
              {batchId && !facets.batchIds.includes(batchId) && <option value={batchId}>{batchLabel(batchId)}</option>}
              {facets.batchIds.map((id) => (
                <option key={id} value={id}>
                  {batchLabel(id)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            {t('filterTag')}
            <select value={filter.tag ?? ''} onChange={(e) => set({ tag: e.currentTarget.value || undefined })}>
              <option value="">{t('anyTag')}</option>
              {facets.tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </label>
        </form>
      )}
      {!noneStored && (
        <p class="totals" aria-live="polite" data-testid="batch-totals">
          {t(
            'batchTotals',
            plural(totals.comparisons, 'comparisonCountOne', 'comparisonCount'),
            plural(totals.answers, 'answersOne', 'answersMany'),
            plural(totals.runs, 'runsOne', 'runsMany'),
            plural(totals.languages, 'languagesOne', 'languagesMany'),
            plural(totals.models, 'modelsOne', 'modelsMany'),
          )}
        </p>
      )}
      {classify === undefined && (
        <p class="muted" role="status">
          {t('loadingTheAnalysis')}
        </p>
      )}
      {noneStored ? null : selected.length === 0 ? (
        <div class="empty" role="status">
          <h3>{t('nothingMatches')}</h3>
          <p>{t('noComparisonInRange')}</p>
        </div>
      ) : (
        <div class="figures">
          <ChartCard figure={refusal} lookKey={props.lookKey} drawer={props.drawer} />
          <ChartCard figure={valueFigure} lookKey={props.lookKey} drawer={props.drawer} />
        </div>
      )}
      <section class="dash-section" aria-labelledby="survey-heading">
        <h2 id="survey-heading">{t('surveyResults')}</h2>
        <div class="toggle">
          <button class="button secondary small" onClick={() => fileInput.current?.click()}>
            {t('loadSurveyResults')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            aria-label={t('surveyResultsFile')}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void file.text().then(props.onLoadSurveys);
              e.currentTarget.value = '';
            }}
          />
        </div>
        {props.surveyError && (
          <p class="form-error" role="alert">
            {props.surveyError}
          </p>
        )}
        {props.surveys.length === 0 ? (
          <p class="muted">{t('noSurveyResults')}</p>
        ) : (
          <div class="figures">
            {survey.map((f) => (
              <ChartCard key={f.id} figure={f} lookKey={props.lookKey} drawer={props.drawer} />
            ))}
          </div>
        )}
      </section>
    </section>
  );
}
