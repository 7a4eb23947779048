import { render } from 'preact';
import { t } from '@/utils/core/i18n';
import { App } from './App';
import { createStudiesState, StudiesStateContext } from './state';
import '@/components/styles.css';
import './studies.css';

// The page speaks the language its messages come in (the manifest's default when the browser's has none).
document.documentElement.lang = t('pageLang');
document.title = t('studiesTitle');
const state = createStudiesState();
render(
  <StudiesStateContext.Provider value={state}>
    <App />
  </StudiesStateContext.Provider>,
  document.getElementById('app')!,
);
