import { useEffect, useState } from 'preact/hooks';
import { detectWebGpu, type WebGpuStatus } from '@/utils/core/on-device/webgpu';
import { t } from '@/utils/core/i18n';
import { onDeviceEnginesHere, perBrowser } from '@/utils/platform/browser-kind';
import { Interpolated } from '../shared/Interpolated';

export interface WelcomeGuideProps {
  hasModel: boolean;
  hasSite: boolean;
  onDone: () => void;
}

/**
 * First-run steps: a model, a site, then the panel. Each step ticks itself off as settings change below. Where
 * the browser has on-device models (Chrome, Edge) the first step offers them with what WebGPU can do here; in
 * Firefox it offers local servers and APIs, and the panel is the sidebar.
 */
export function WelcomeGuide({ hasModel, hasSite, onDone }: WelcomeGuideProps) {
  const onDevice = onDeviceEnginesHere();
  const [gpu, setGpu] = useState<WebGpuStatus | null>(null);
  useEffect(() => void (onDevice && detectWebGpu().then(setGpu)), []);
  const models = (
    <a key="models" href="#endpoints">
      {t('models')}
    </a>
  );
  return (
    <section class="card" aria-labelledby="welcome">
      <h2 id="welcome">{t('welcomeTitle')}</h2>
      <p>{t('welcomeIntro')}</p>
      <ol class="steps">
        <li class={hasModel ? 'step-done' : ''}>
          {hasModel ? '✓ ' : ''}
          {onDevice ? (
            <>
              <Interpolated
                id="welcomeStepModel"
                parts={[
                  models,
                  <a key="on-device" href="#on-device">
                    {t('onDeviceModels')}
                  </a>,
                ]}
              />
              <div class="muted">
                {gpu === null
                  ? t('checkingWebGpu')
                  : gpu.available
                    ? gpu.fallback
                      ? t('webGpuAvailableFallback', gpu.description)
                      : t('webGpuAvailable', gpu.description)
                    : gpu.reason}
              </div>
            </>
          ) : (
            <Interpolated id="welcomeStepModelFirefox" parts={[models]} />
          )}
        </li>
        <li class={hasSite ? 'step-done' : ''}>
          {hasSite ? '✓ ' : ''}
          <Interpolated
            id="welcomeStepSite"
            parts={[
              <a key="sites" href="#sites">
                {t('pickUpPromptsOn')}
              </a>,
            ]}
          />
        </li>
        <li>{t(perBrowser({ chromium: 'welcomeStepPanel', firefox: 'welcomeStepSidebar' }))}</li>
      </ol>
      <div>
        <button class="button" onClick={onDone}>
          {hasModel && hasSite ? t('done') : t('skipForNow')}
        </button>
      </div>
    </section>
  );
}
