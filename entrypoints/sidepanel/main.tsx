import { render } from 'preact';
import { App } from './App';
import { createPanelState, PanelStateContext } from './state';
import '@/components/styles.css';

const state = createPanelState();
render(
  <PanelStateContext.Provider value={state}>
    <App />
  </PanelStateContext.Provider>,
  document.getElementById('app')!,
);
