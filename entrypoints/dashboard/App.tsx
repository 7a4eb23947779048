import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BatchScreen } from './BatchScreen';
import type { Drawer } from './ChartCard';
import { ComparisonScreen } from './ComparisonScreen';
import { NoHistory } from './NoHistory';
import { useDashboardState, type Appearance } from './state';
import { t } from '@/utils/core/i18n';

/** Follows the system's light/dark setting, so charts are drawn again when it changes. */
function useSystemDark(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const update = () => setDark(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return dark;
}

/** The classroom dashboard: one comparison in large type, or a batch in charts. */
export function App({ drawer, onOpenSettings }: { drawer?: Drawer; onOpenSettings?: () => void }) {
  const state = useDashboardState();
  const route = state.route.value;
  const recent = state.recent.value;
  const analysis = state.analysis.value;
  const appearance = state.appearance.value;
  const systemDark = useSystemDark();
  const lookKey = `${appearance.theme}:${appearance.projector}:${systemDark}`;
  const openSettings = onOpenSettings ?? (() => void browser.runtime.openOptionsPage());
  const setAppearance = (patch: Partial<Appearance>) => (state.appearance.value = { ...appearance, ...patch });
  const views = [
    { view: 'comparison', label: t('oneComparison'), go: () => state.navigate({ view: 'comparison', id: null }) },
    { view: 'batch', label: t('batchSummary'), go: () => state.navigate({ view: 'batch', batchId: null }) },
  ] as const;

  return (
    <div class="dash">
      <a class="skip-link" href="#dash-main">
        {t('skipToContent')}
      </a>
      <header class="dash-top">
        <h1 class="brand">{t('dashboardTitle')}</h1>
        <nav class="dash-views" aria-label={t('dashboardViews')}>
          {views.map((v) => (
            <button key={v.view} class="tab" aria-current={route.view === v.view ? 'page' : undefined} onClick={v.go}>
              {v.label}
            </button>
          ))}
        </nav>
        <div class="dash-controls">
          <button class="button secondary small" aria-pressed={appearance.projector} onClick={() => setAppearance({ projector: !appearance.projector })}>
            {t('projector')}
          </button>
          <label class="toggle">
            <span>{t('theme')}</span>
            <select value={appearance.theme} onChange={(e) => setAppearance({ theme: e.currentTarget.value as Appearance['theme'] })}>
              <option value="system">{t('asTheSystem')}</option>
              <option value="light">{t('light')}</option>
              <option value="dark">{t('dark')}</option>
            </select>
          </label>
        </div>
      </header>
      {state.error.value && (
        <p class="notice" role="alert">
          {state.error.value}
          <button class="link" onClick={() => (state.error.value = null)}>
            {t('dismiss')}
          </button>
        </p>
      )}
      {analysis && analysis.notes.length > 0 && (
        <div class="notice analysis-notes" role="status" data-testid="analysis-notes">
          {analysis.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      <main id="dash-main" class="dash-main" tabIndex={-1}>
        {recent === undefined ? (
          <p class="muted" role="status">
            {t('loadingHistory')}
          </p>
        ) : recent.length === 0 && route.view === 'comparison' ? (
          <NoHistory onOpenSettings={openSettings} />
        ) : route.view === 'comparison' ? (
          state.shown.value === undefined ? (
            <p class="muted" role="status">
              {t('loadingTheComparison')}
            </p>
          ) : (
            <ComparisonScreen
              recent={recent}
              shown={state.shown.value}
              analysis={state.shownAnalysis.value}
              onPick={(id) => state.navigate({ view: 'comparison', id })}
            />
          )
        ) : (
          <>
            {recent.length === 0 && <NoHistory onOpenSettings={openSettings} />}
            {state.batch.value === undefined ? (
              <p class="muted" role="status">
                {t('loadingComparisons')}
              </p>
            ) : (
              <BatchScreen
                items={state.batch.value}
                filter={state.filter.value}
                batchId={route.batchId}
                batchNames={state.batchNames.value}
                classify={analysis === undefined ? undefined : analysis.classify}
                features={analysis === undefined ? undefined : analysis.features}
                surveys={state.surveys.value}
                surveyError={state.surveyError.value}
                lookKey={lookKey}
                drawer={drawer}
                onFilter={(f) => (state.filter.value = f)}
                onBatch={(batchId) => state.navigate({ view: 'batch', batchId })}
                onLoadSurveys={state.loadSurveys}
              />
            )}
          </>
        )}
      </main>
    </div>
  );
}
