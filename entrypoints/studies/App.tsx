import { browser } from 'wxt/browser';
import { t } from '@/utils/core/i18n';
import { BUILT_IN_PROBE_SETS } from '@/utils/core/probes/sets';
import { BatchList } from './BatchList';
import { BatchView } from './BatchView';
import { ProbeSetsTab } from './ProbeSetsTab';
import { SurveysTab } from './SurveysTab';
import { useStudiesState, type StudiesTab } from './state';

const TABS: { id: StudiesTab; label: () => string }[] = [
  { id: 'probes', label: () => t('studiesTabProbes') },
  { id: 'surveys', label: () => t('studiesTabSurveys') },
];

/** The Studies page: probe sets and surveys run as batches over chosen endpoints and languages. */
export function App() {
  const state = useStudiesState();
  const tab = state.tab.value;
  const providers = state.providers.value;
  const open = state.open.value;
  const openSettings = () => void browser.runtime.openOptionsPage();
  const dashboardUrl = (id: string) => browser.runtime.getURL(`/dashboard.html#batch=${encodeURIComponent(id)}` as '/dashboard.html');
  const kind = tab === 'surveys' ? 'survey' : 'probe-set';
  const batches = (state.batches.value ?? []).filter((b) => b.kind === kind);

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = TABS[(TABS.findIndex((x) => x.id === tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    state.setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <div class="studies">
      <header class="topbar">
        <h1 class="brand">{t('studiesTitle')}</h1>
        <div class="tabs" role="tablist" aria-label={t('studiesTabsLabel')} onKeyDown={onTabKey}>
          {TABS.map((x) => (
            <button
              key={x.id}
              id={`tab-${x.id}`}
              role="tab"
              class="tab"
              aria-selected={tab === x.id}
              aria-controls="studies-panel"
              tabIndex={tab === x.id ? 0 : -1}
              onClick={() => state.setTab(x.id)}
            >
              {x.label()}
            </button>
          ))}
        </div>
        <a class="button secondary small" href={browser.runtime.getURL('/dashboard.html')} target="_blank" rel="noopener">
          {t('studiesDashboard')}
        </a>
        <button class="icon-button" title={t('settings')} aria-label={t('settings')} onClick={openSettings}>
          ⚙
        </button>
      </header>
      {state.error.value && (
        <p class="notice" role="alert">
          {state.error.value}
          <button class="link" onClick={() => (state.error.value = null)}>
            {t('dismiss')}
          </button>
        </p>
      )}
      <main class="page studies-main">
        <div id="studies-panel" class="tab-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {state.openId.value ? (
            open === undefined ? (
              <p class="muted" role="status">
                {t('studiesLoadingBatch')}
              </p>
            ) : open === null ? (
              <div class="empty" role="status">
                <p>{t('studiesBatchMissing')}</p>
                <button class="button secondary" onClick={() => state.openBatch(null)}>
                  {t('studiesBackToList')}
                </button>
              </div>
            ) : (
              <BatchView
                batch={open.batch}
                runs={open.runs}
                dashboardUrl={dashboardUrl(open.batch.id)}
                onControl={(action) => state.control(open.batch.id, action)}
                onRead={state.readAnswer}
                onClose={() => state.openBatch(null)}
              />
            )
          ) : providers === undefined ? (
            <p class="muted" role="status">
              {t('loadingSettings')}
            </p>
          ) : (
            <>
              {tab === 'probes' ? (
                <ProbeSetsTab
                  builtIn={BUILT_IN_PROBE_SETS}
                  userSets={state.userSets.value}
                  providers={providers}
                  planProbes={state.planProbes}
                  onRun={state.runProbes}
                  onSave={state.saveSet}
                  onDelete={state.deleteSet}
                  onImport={state.importSets}
                  onOpenSettings={openSettings}
                />
              ) : state.questionnaire.value === undefined ? (
                <p class="muted" role="status">
                  {t('studiesLoadingQuestionnaire')}
                </p>
              ) : (
                <SurveysTab
                  questionnaire={state.questionnaire.value}
                  choices={state.choices.value}
                  providers={providers}
                  planSurvey={state.planSurvey}
                  onRun={state.runSurvey}
                  onImport={state.importQuestionnaire}
                  onClear={state.clearQuestionnaire}
                  onOpenSettings={openSettings}
                />
              )}
              {state.batches.value === undefined ? (
                <p class="muted" role="status">
                  {t('studiesLoadingRuns')}
                </p>
              ) : (
                <BatchList title={tab === 'surveys' ? t('studiesSurveyRuns') : t('studiesProbeRuns')} batches={batches} onOpen={state.openBatch} />
              )}
            </>
          )}
        </div>
      </main>
    </div>
  );
}
