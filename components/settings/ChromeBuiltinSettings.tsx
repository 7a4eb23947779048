import { useEffect, useRef, useState } from 'preact/hooks';
import { chromeBuiltinStatus, downloadChromeBuiltin, languageModelApi, type BuiltinStatus, type LanguageModelApi } from '@/utils/engines/chrome-builtin';
import { ProviderError } from '@/utils/providers/errors';
import type { ProviderConfig } from '@/utils/providers/types';

export interface ChromeBuiltinSettingsProps {
  providers: ProviderConfig[];
  onAdd: (config: ProviderConfig) => Promise<void>;
  /** Chrome's LanguageModel; tests pass a double. */
  api?: LanguageModelApi;
}

const LABELS: Record<BuiltinStatus['availability'], string> = {
  unsupported: 'Not in this browser',
  unavailable: 'Unavailable on this device',
  downloadable: 'Not downloaded',
  downloading: 'Downloading',
  available: 'Ready',
};

/** The model entry a user adds to compare Chrome's built-in model with the others. */
export function chromeBuiltinConfig(): ProviderConfig {
  return { id: crypto.randomUUID(), kind: 'chrome-builtin', label: "Chrome's built-in model (Gemini Nano)", baseUrl: '', model: 'gemini-nano', maxConcurrent: 1 };
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
      <h2 id="chrome-builtin">Chrome's built-in model</h2>
      <p class="muted">
        Chrome can run Google's Gemini Nano on this computer (Prompt API): nothing you ask leaves the machine. The download is a few GB and starts
        only when you click.
      </p>
      {!status && <p class="muted">Checking Chrome's built-in model…</p>}
      {status && (
        <p data-testid="chrome-builtin-status" data-availability={status.availability} class={availability === 'unsupported' || availability === 'unavailable' ? 'form-error' : ''}>
          <strong>{LABELS[status.availability]}.</strong> {status.message}
        </p>
      )}
      {progress === null && (availability === 'downloadable' || availability === 'downloading') && (
        <div>
          <button class="button" onClick={() => void start()}>
            {availability === 'downloading' ? 'Show download progress' : 'Download'}
          </button>
        </div>
      )}
      {progress !== null && (
        <div class="field" role="status" aria-live="polite" data-testid="chrome-builtin-progress">
          <progress max={1} value={progress} aria-label="Downloading Chrome's built-in model" />
          <span class="muted">{Math.round(progress * 100)} % · Chrome may finish the download even if you leave this page.</span>
          <div>
            <button class="link" onClick={() => download.current?.abort()}>Stop waiting</button>
          </div>
        </div>
      )}
      {availability === 'available' && (
        <div>
          <button class="button" disabled={added} onClick={() => void onAdd(chromeBuiltinConfig())}>
            {added ? 'In my models' : 'Add to my models'}
          </button>
        </div>
      )}
      {error && <p class="form-error" role="alert" data-testid="chrome-builtin-error">{error}</p>}
    </section>
  );
}
