import { render } from 'preact';
import { App } from './App';
import { createStudiesState, StudiesStateContext } from './state';
import '@/components/styles.css';
import './studies.css';

const state = createStudiesState();
render(
  <StudiesStateContext.Provider value={state}>
    <App />
  </StudiesStateContext.Provider>,
  document.getElementById('app')!,
);
