import { useEffect, useState } from 'preact/hooks';
import { EndpointForm } from '@/components/settings/EndpointForm';
import { EndpointList } from '@/components/settings/EndpointList';
import { SitesSettings } from '@/components/settings/SitesSettings';
import { WelcomeGuide } from '@/components/settings/WelcomeGuide';
import { OnDeviceSettings, OnDeviceUnavailable } from '@/components/settings/OnDeviceSettings';
import { ChromeBuiltinSettings } from '@/components/settings/ChromeBuiltinSettings';
import { JudgeSettings } from '@/components/settings/JudgeSettings';
import { HistorySettings } from '@/components/settings/HistorySettings';
import { LocalServersNote } from '@/components/settings/LocalServersNote';
import { TranslationSettings } from '@/components/settings/TranslationSettings';
import { getDb } from '@/utils/platform/db/schema';
import { useSettingsState } from './state';
import { extensionOrigin } from '@/utils/platform/permissions';
import { send } from '@/utils/platform/messaging/client';
import { t } from '@/utils/core/i18n';
import { Interpolated } from '@/components/shared/Interpolated';
import { browserKind, onDeviceEnginesHere } from '@/utils/platform/browser-kind';

/** The settings page; opened with #welcome on first install, where it leads with the setup guide. */
export function App() {
  const state = useSettingsState();
  const settings = state.settings.value;
  const [welcome, setWelcome] = useState(location.hash === '#welcome');
  useEffect(() => {
    if (state.loaded.value && !settings.onboarded && location.hash !== '#settings') setWelcome(true);
  }, [state.loaded.value, settings.onboarded]);
  if (!state.loaded.value) return <p class="page muted">{t('loadingSettings')}</p>;
  return (
    <div class="page">
      <h1>{t('settingsTitle')}</h1>
      <p class="muted">
        <Interpolated
          id="studiesPointer"
          parts={[
            <a key="studies" href="/studies.html" target="_blank" rel="noopener">
              {t('studiesPage')}
            </a>,
          ]}
        />
      </p>
      {welcome && (
        <WelcomeGuide
          hasModel={settings.providers.length > 0}
          hasSite={settings.sites.length > 0 || settings.customSitePatterns.length > 0}
          onDone={() => {
            setWelcome(false);
            void state.finishOnboarding();
          }}
        />
      )}
      <EndpointList
        providers={settings.providers}
        hasKey={state.hasKey.value}
        onRemove={state.removeProvider}
        onRestore={state.restoreProvider}
        onForget={state.forgetKey}
        checkEndpoint={(request) => send('endpoint.models', request)}
        origin={extensionOrigin()}
      />
      <EndpointForm onAdd={state.addProvider} />
      {/* Firefox's build has no declarativeNetRequest rules to strip the Origin header local servers reject. */}
      <LocalServersNote needsServerSetting={browserKind() === 'firefox'} extensionOrigin={extensionOrigin()} />
      {onDeviceEnginesHere() ? (
        <>
          <OnDeviceSettings providers={settings.providers} onAdd={(config) => state.addProvider(config, '')} />
          <ChromeBuiltinSettings providers={settings.providers} onAdd={(config) => state.addProvider(config, '')} />
        </>
      ) : (
        <OnDeviceUnavailable />
      )}
      <TranslationSettings
        settings={settings}
        cache={{
          count: () => getDb().translations.count(),
          clear: async () => {
            await send('translations.clear', {});
          },
        }}
      />
      <JudgeSettings providers={settings.providers} />
      <HistorySettings />
      <SitesSettings
        settings={settings}
        onSetSite={state.setSite}
        onAddCustom={state.addCustomSite}
        onRemoveCustom={state.removeCustomSite}
        onPause={state.setPaused}
      />
    </div>
  );
}
