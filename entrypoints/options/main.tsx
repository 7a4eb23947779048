import { render } from 'preact';
import { t } from '@/utils/core/i18n';
import { App } from './App';
import { createSettingsState, SettingsStateContext } from './state';
import '@/components/styles.css';

// The page speaks the language its messages come in (the manifest's default when the browser's has none).
document.documentElement.lang = t('pageLang');
document.title = t('settingsTitle');
const state = createSettingsState();
render(
  <SettingsStateContext.Provider value={state}>
    <App />
  </SettingsStateContext.Provider>,
  document.getElementById('app')!,
);
