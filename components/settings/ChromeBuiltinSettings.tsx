import { useEffect, useRef, useState } from 'preact/hooks';
import {
  chromeBuiltinStatus,
  downloadChromeBuiltin,
  languageModelApi,
  type BuiltinStatus,
  type LanguageModelApi,
} from '@/utils/core/on-device/chrome-builtin-engine';
import { ProviderError } from '@/utils/core/providers/errors';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { t } from '@/utils/core/i18n';

export interface ChromeBuiltinSettingsProps {
  providers: ProviderConfig[];
  onAdd: (config: ProviderConfig) => Promise<void>;
  /** Chrome's LanguageModel; tests pass a double. */
  api?: LanguageModelApi;
}

const LABELS: Record<BuiltinStatus['availability'], string> = {
  unsupported: t('availUnsupported'),
  unavailable: t('availUnavailable'),
  downloadable: t('availDownloadable'),
  downloading: t('availDownloading'),
  available: t('availReady'),
};

/** The model entry a user adds to compare Chrome's built-in model with the others. */
function chromeBuiltinConfig(): ProviderConfig {
  return { id: crypto.randomUUID(), kind: 'chrome-builtin', label: t('chromeBuiltinLabel'), baseUrl: '', model: 'gemini-nano', maxConcurrent: 1 };
}

/**
 * Chrome's built-in model (Prompt API): its availability, a download started only by a click with its progress,
 * and adding it to the models every comparison asks.
 */
export function ChromeBuiltinSettings({ providers, onAdd, api = languageModelApi() }: ChromeBuiltinSettingsProps) {
  const [status, setStatus] = useState<BuiltinStatus | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = useRef<AbortController | null>(null);

  const refresh = () => chromeBuiltinStatus(api).then(setStatus);
  useEffect(() => {
    void refresh();
    return () => download.current?.abort();
  }, []);

  const added = providers.some((p) => p.kind === 'chrome-builtin');
  const start = async () => {
    setError(null);
    setProgress(0);
    const controller = new AbortController();
    download.current = controller;
    try {
      // Straight from the click: Chrome starts the download only with the user's gesture.
      await downloadChromeBuiltin(setProgress, controller.signal, api);
    } catch (err) {
      if (!(err instanceof ProviderError && err.code === 'aborted')) setError(err instanceof Error ? err.message : String(err));
    } finally {
      download.current = null;
      setProgress(null);
      await refresh();
    }
  };

  const availability = status?.availability;
  return (
    <section class="card" aria-labelledby="chrome-builtin">
      <h2 id="chrome-builtin">{t('chromeBuiltinTitle')}</h2>
      <p class="muted">{t('chromeBuiltinIntro')}</p>
      {!status && <p class="muted">{t('checkingChromeBuiltin')}</p>}
      {status && (
        <p
          data-testid="chrome-builtin-status"
          data-availability={status.availability}
          class={availability === 'unsupported' || availability === 'unavailable' ? 'form-error' : ''}
        >
          <strong>{LABELS[status.availability]}.</strong> {status.message}
        </p>
      )}
      {progress === null && (availability === 'downloadable' || availability === 'downloading') && (
        <div>
          <button class="button" onClick={() => void start()}>
            {availability === 'downloading' ? t('showDownloadProgress') : t('download')}
          </button>
        </div>
      )}
      {progress !== null && (
        <div class="field" role="status" aria-live="polite" data-testid="chrome-builtin-progress">
          <progress max={1} value={progress} aria-label={t('downloadingChromeBuiltin')} />
          <span class="muted">{t('downloadMayFinish', Math.round(progress * 100))}</span>
          <div>
            <button class="link" onClick={() => download.current?.abort()}>
              {t('stopWaiting')}
            </button>
          </div>
        </div>
      )}
      {availability === 'available' && (
        <div>
          <button class="button" disabled={added} onClick={() => void onAdd(chromeBuiltinConfig())}>
            {added ? t('inMyModels') : t('addToMyModels')}
          </button>
        </div>
      )}
      {error && (
        <p class="form-error" role="alert" data-testid="chrome-builtin-error">
          {error}
        </p>
      )}
    </section>
  );
}
