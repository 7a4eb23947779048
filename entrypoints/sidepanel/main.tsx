import { render } from 'preact';
import { t } from '@/utils/core/i18n';
import '@/components/styles.css';

// The page speaks the language its messages come in (the manifest's default when the browser's has none).
document.documentElement.lang = t('pageLang');
const root = document.getElementById('app')!;

// Paint at once; the app with its database layer (Dexie) is the next chunk, fetched in parallel.
render(
  <div class="panel">
    <header class="topbar">
      <h1 class="brand">Parallax</h1>
    </header>
    <p class="muted loading" role="status">
      {t('loadingPanel')}
    </p>
  </div>,
  root,
);

void (async () => {
  const [
    { App },
    { createPanelState, PanelStateContext },
    { ComposeContext },
    { connectPanelRequests, createComposeState },
    { setEndpointPolicy },
    { permissionPolicy },
  ] = await Promise.all([
    import('./App'),
    import('./state'),
    import('@/components/sidepanel/axes-model'),
    import('./compose-state'),
    import('@/utils/core/providers/endpoint-fetch'),
    import('@/utils/platform/endpoint-access'),
  ]);
  // The judge and meaning measurements call endpoints from here: only loopback and origins the user granted.
  setEndpointPolicy(permissionPolicy);
  const state = createPanelState();
  const compose = createComposeState();
  connectPanelRequests(state, compose);
  render(
    <PanelStateContext.Provider value={state}>
      <ComposeContext.Provider value={compose}>
        <App />
      </ComposeContext.Provider>
    </PanelStateContext.Provider>,
    root,
  );
})();
