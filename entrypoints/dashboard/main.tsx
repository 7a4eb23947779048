import { render } from 'preact';
import { App } from './App';
import { createDashboardState, DashboardStateContext } from './state';
import '@/components/styles.css';
import './dashboard.css';

const state = createDashboardState();
render(
  <DashboardStateContext.Provider value={state}>
    <App />
  </DashboardStateContext.Provider>,
  document.getElementById('app')!,
);
