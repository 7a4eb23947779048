import { render } from 'preact';
import { t } from '@/utils/core/i18n';
import { App } from './App';
import { createDashboardState, DashboardStateContext } from './state';
import '@/components/styles.css';
import './dashboard.css';

// The page speaks the language its messages come in (the manifest's default when the browser's has none).
document.documentElement.lang = t('pageLang');
document.title = t('dashboardTitle');
const state = createDashboardState();
render(
  <DashboardStateContext.Provider value={state}>
    <App />
  </DashboardStateContext.Provider>,
  document.getElementById('app')!,
);
