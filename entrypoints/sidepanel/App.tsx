import { browser } from 'wxt/browser';
import { ComparisonView } from '@/components/ComparisonView';
import { HistoryList } from '@/components/HistoryList';
import { PromptBox } from '@/components/PromptBox';
import { usePanelState } from './state';

/** The side panel: the live comparison, the history, and a way to start one by hand. */
export function App() {
  const state = usePanelState();
  const view = state.view.value;
  const current = state.current.value;
  return (
    <div class="panel">
      <header class="topbar">
        <h1 class="brand">Parallax</h1>
        <nav class="tabs" role="tablist" aria-label="Views">
          <button role="tab" aria-selected={view === 'live'} class="tab" onClick={() => (state.view.value = 'live')}>
            Comparison
          </button>
          <button role="tab" aria-selected={view === 'history'} class="tab" onClick={() => (state.view.value = 'history')}>
            History <span class="count">{state.comparisons.value.length}</span>
          </button>
        </nav>
        <button class="icon-button" title="Settings" aria-label="Settings" onClick={() => void browser.runtime.openOptionsPage()}>
          ⚙
        </button>
      </header>
      {state.notice.value && (
        <p class="notice" role="alert">
          {state.notice.value}
          <button class="link" onClick={() => (state.notice.value = null)}>Dismiss</button>
        </p>
      )}
      <main class="content">
        {view === 'history' ? (
          <HistoryList
            comparisons={state.comparisons.value}
            runsByComparison={state.runsByComparison.value}
            loaded={state.loaded.value}
            onOpen={state.open}
          />
        ) : (
          <>
            <PromptBox onSubmit={state.startComparison} />
            {current ? (
              <ComparisonView
                comparison={current}
                runs={state.runsByComparison.value.get(current.id) ?? []}
                textOf={state.textOf}
                onRetry={state.retry}
                onCancel={state.cancel}
                onCancelAll={() => void state.cancelAll(current.id)}
                onOpenSettings={() => void browser.runtime.openOptionsPage()}
              />
            ) : (
              state.loaded.value && (
                <div class="empty">
                  <h2>No comparison yet</h2>
                  <p>
                    Send a prompt on a chat site where capture is on, or type one above. Parallax asks every model you
                    set up and shows the answers side by side.
                  </p>
                  <button class="button" onClick={() => void browser.runtime.openOptionsPage()}>
                    Set up models and sites
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
