import { t } from '@/utils/core/i18n';
import { browser } from 'wxt/browser';
import { ComparisonView } from '@/components/sidepanel/ComparisonView';
import { HistoryView } from '@/components/sidepanel/HistoryView';
import { PromptBox } from '@/components/sidepanel/PromptBox';
import { ComposeContext } from '@/components/sidepanel/axes-model';
import { useContext } from 'preact/hooks';
import { rerunDraft } from '@/utils/platform/storage/panel-requests';
import { SiteHealthNotice } from '@/components/sidepanel/SiteHealthNotice';
import { usePanelState } from './state';

/** Saves a file through a temporary link (the panel has no downloads permission): the browser writes it from the Blob. */
function download({ name, blob }: { name: string; blob: Blob }) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The side panel: the live comparison, the history, and a way to start one by hand. */
export function App() {
  const state = usePanelState();
  const compose = useContext(ComposeContext);
  const { history } = state;
  const view = state.view.value;
  const current = state.current.value;
  const openSettings = () => void browser.runtime.openOptionsPage();
  const guard = (fn: () => Promise<unknown>) => void fn().catch((err: unknown) => (state.notice.value = err instanceof Error ? err.message : String(err)));
  return (
    <div class="panel">
      <header class="topbar">
        <h1 class="brand">Parallax</h1>
        <nav class="tabs" role="tablist" aria-label={t('viewsLabel')}>
          <button role="tab" aria-selected={view === 'live'} class="tab" onClick={() => (state.view.value = 'live')}>
            {t('tabComparison')}
          </button>
          <button
            role="tab"
            aria-selected={view === 'history'}
            class="tab"
            onClick={() => {
              // The history opens at its top: a scroll position kept from a long comparison would leave its window of rows empty.
              window.scrollTo(0, 0);
              state.view.value = 'history';
            }}
          >
            {t('tabHistory')} <span class="count">{state.count.value}</span>
          </button>
        </nav>
        <button
          class="icon-button"
          title={t('openDashboardButton')}
          aria-label={t('openDashboardButton')}
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') })}
        >
          ▦
        </button>
        <button
          class="icon-button"
          title={t('openStudiesButton')}
          aria-label={t('openStudiesButton')}
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/studies.html') })}
        >
          Σ
        </button>
        <button class="icon-button" title={t('settings')} aria-label={t('settings')} onClick={openSettings}>
          ⚙
        </button>
      </header>
      {state.notice.value && (
        <p class="notice" role="alert">
          {state.notice.value}
          <button class="link" onClick={() => (state.notice.value = null)}>
            {t('dismiss')}
          </button>
        </p>
      )}
      <SiteHealthNotice onOpenSettings={openSettings} />
      <main class="content">
        {view === 'history' ? (
          <HistoryView
            ids={history.ids.value}
            counting={history.counting.value}
            rows={history.rows.value}
            onVisible={(ids) => (history.visible.value = ids)}
            filter={history.filter.value}
            facets={history.facets.value}
            canUndo={Boolean(history.lastDeleted.value)}
            importReport={history.importReport.value}
            busy={history.busy.value}
            storageUsed={history.storageUsed.value}
            onFilter={(f) => (history.filter.value = f)}
            onOpen={state.open}
            onOpenStudy={(batchId) =>
              void browser.tabs.create({ url: browser.runtime.getURL(`/studies.html#batch=${encodeURIComponent(batchId)}` as '/studies.html') })
            }
            onDelete={(id) => guard(() => history.remove([id]))}
            onUndo={() => guard(history.undo)}
            onExportPair={(pair) => guard(async () => download(await history.exportFile('llm-comparator', pair)))}
            onExport={(kind) => guard(async () => download(await history.exportFile(kind)))}
            // The runner host reads the file (a file over the size limit is refused unread) and writes it.
            onImport={(file) => guard(() => history.importFile(file))}
          />
        ) : (
          <>
            <PromptBox
              onSubmit={state.startComparison}
              translator={{ models: state.translatorModels.value, onUseModel: state.useTranslatorModel }}
              onTyping={(typing) => (state.typing.value = typing)}
            />
            {state.incoming.value && (
              <p class="incoming-bar" role="status" data-testid="incoming">
                {t('newComparisonFrom', state.incoming.value.from)}{' '}
                <button class="button small" onClick={() => state.open(state.incoming.value!.id)}>
                  {t('show')}
                </button>
              </p>
            )}
            {current ? (
              <ComparisonView
                comparison={current.comparison}
                runs={current.runs}
                textOf={state.textOf}
                onRetry={(runId) => void state.retry(runId)}
                onCancel={(runId) => void state.cancel(runId)}
                onCancelAll={() => void state.cancelAll(current.comparison.id)}
                onOpenSettings={openSettings}
                onAnnotate={(patch) => void state.annotate(current.comparison.id, patch)}
                onRerun={compose ? () => compose.prefill(rerunDraft(current.comparison, current.runs)) : undefined}
                held={
                  current.comparison.held
                    ? {
                        translatorModels: state.translatorModels.value,
                        onExtend: (dismiss) =>
                          state
                            .extend(current.comparison.id, dismiss)
                            .catch((err: unknown) => void (state.notice.value = err instanceof Error ? err.message : String(err))),
                        onUseModel: state.useTranslatorModel,
                      }
                    : undefined
                }
                judge={
                  state.judge.judgeName.value
                    ? {
                        name: state.judge.judgeName.value,
                        progress: state.judge.progress.value,
                        errors: state.judge.errors.value,
                        onRun: (rubric) => guard(() => state.judge.run(rubric, current.comparison.prompt, current.runs)),
                        onCancel: state.judge.cancel,
                      }
                    : null
                }
                meaning={
                  state.judge.embeddingName.value
                    ? {
                        name: state.judge.embeddingName.value,
                        matrix:
                          state.judge.meaning.value && state.analysis.value && state.judge.meaning.value.order.join() === state.analysis.value.order.join()
                            ? state.judge.meaning.value.matrix
                            : null,
                        onMeasure: () => guard(() => state.judge.measureMeaning(current.runs)),
                        errors: state.judge.errors.value,
                      }
                    : null
                }
                analysis={state.analysis.value?.order.every((id) => current.runs.some((r) => r.id === id)) ? state.analysis.value : null}
              />
            ) : (
              current === null && (
                <div class="empty">
                  <h2>{t('noComparisonTitle')}</h2>
                  <p>{t('noComparisonBody')}</p>
                  <button class="button" onClick={openSettings}>
                    {t('setUpModels')}
                  </button>
                </div>
              )
            )}
          </>
        )}
      </main>
    </div>
  );
}
