import { render } from 'preact';
import { App } from './App';
import { createPanelState, PanelStateContext } from './state';
import { ComposeContext } from '@/components/AxesPicker';
import { connectPanelRequests, createComposeState } from './compose-state';
import '@/components/styles.css';

const state = createPanelState();
const compose = createComposeState();
connectPanelRequests(state, compose);
render(
  <PanelStateContext.Provider value={state}>
    <ComposeContext.Provider value={compose}>
      <App />
    </ComposeContext.Provider>
  </PanelStateContext.Provider>,
  document.getElementById('app')!,
);
