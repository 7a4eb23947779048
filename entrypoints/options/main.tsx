import { render } from 'preact';
import { App } from './App';
import { createSettingsState, SettingsStateContext } from './state';
import '@/components/styles.css';

const state = createSettingsState();
render(
  <SettingsStateContext.Provider value={state}>
    <App />
  </SettingsStateContext.Provider>,
  document.getElementById('app')!,
);
