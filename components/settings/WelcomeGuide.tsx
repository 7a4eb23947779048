import { useEffect, useState } from 'preact/hooks';
import { detectWebGpu, type WebGpuStatus } from '@/utils/core/on-device/webgpu';
import { t } from '@/utils/core/i18n';
import { Interpolated } from '../shared/Interpolated';

export interface WelcomeGuideProps {
  hasModel: boolean;
  hasSite: boolean;
  onDone: () => void;
}

/** First-run steps: a model, a site, then the panel. Each step ticks itself off as settings change below. */
export function WelcomeGuide({ hasModel, hasSite, onDone }: WelcomeGuideProps) {
  const [gpu, setGpu] = useState<WebGpuStatus | null>(null);
  useEffect(() => void detectWebGpu().then(setGpu), []);
  return (
    <section class="card" aria-labelledby="welcome">
      <h2 id="welcome">{t('welcomeTitle')}</h2>
      <p>{t('welcomeIntro')}</p>
      <ol class="steps">
        <li class={hasModel ? 'step-done' : ''}>
          {hasModel ? '✓ ' : ''}
          <Interpolated id="welcomeStepModel" parts={[<a key="models" href="#endpoints">{t('models')}</a>, <a key="on-device" href="#on-device">{t('onDeviceModels')}</a>]} />
          <div class="muted">
            {gpu === null
              ? t('checkingWebGpu')
              : gpu.available
                ? gpu.fallback ? t('webGpuAvailableFallback', gpu.description) : t('webGpuAvailable', gpu.description)
                : gpu.reason}
          </div>
        </li>
        <li class={hasSite ? 'step-done' : ''}>
          {hasSite ? '✓ ' : ''}
          <Interpolated id="welcomeStepSite" parts={[<a key="sites" href="#sites">{t('pickUpPromptsOn')}</a>]} />
        </li>
        <li>{t('welcomeStepPanel')}</li>
      </ol>
      <div>
        <button class="button" onClick={onDone}>
          {hasModel && hasSite ? t('done') : t('skipForNow')}
        </button>
      </div>
    </section>
  );
}
