import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { downloadPair } from '@/utils/core/on-device/chrome-translator';
import type { HeldRuns } from '@/utils/core/runner/types';
import { languageLabel } from '@/utils/core/runner/names';
import { t, type MessageKey } from '@/utils/core/i18n';

/** A configured endpoint that could translate instead. */
export interface TranslatorChoice {
  id: string;
  label: string;
}

export interface TranslatorProblemProps {
  /** The sentence that says what was not asked and why. */
  message: string;
  missing: NonNullable<HeldRuns['missing']>;
  /** The prompt's language, the source of the packs to download. */
  source: string;
  /** Endpoints that could translate instead (the first is offered). */
  models: TranslatorChoice[];
  /** After packs are downloaded or the translator was switched: ask now. */
  onReady: () => Promise<void>;
  onUseModel: (providerId: string) => Promise<void>;
  /** Another way out ("Ask only in English", "Don't ask"). */
  children?: ComponentChildren;
}

const AVAILABILITY: Record<NonNullable<HeldRuns['missing']>[number]['availability'], MessageKey> = {
  downloadable: 'availWordDownloadable',
  downloading: 'availWordDownloading',
  unavailable: 'availWordUnavailable',
  unsupported: 'availWordUnsupported',
  'no-translator': 'availWordUnsupported',
};

/** "German: language pack not downloaded; Arabic: not available on this device". */
export function missingReasons(missing: NonNullable<HeldRuns['missing']>): string {
  return missing.map((m) => `${languageLabel(m.language)}: ${t(AVAILABILITY[m.availability])}`).join('; ');
}

/**
 * What to do when the translator cannot reach some languages: download Chrome's packs (from this click, with
 * progress: Chrome downloads only on a user gesture), or translate with a configured model instead. One message,
 * the actions beside it; nothing is started that would fail.
 */
export function TranslatorProblem({ message, missing, source, models, onReady, onUseModel, children }: TranslatorProblemProps) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const downloadable = missing.filter((m) => m.availability === 'downloadable' || m.availability === 'downloading');
  const download = () => {
    setError(null);
    const fractions = new Map<string, number>();
    const track = (key: string) => (f: number) => {
      fractions.set(key, f);
      setProgress([...fractions.values()].reduce((a, b) => a + b, 0) / (downloadable.length * 2));
    };
    // Started in the click itself (no await before create()): both directions, so answers can be read back too.
    const work = downloadable.flatMap((m) => [
      downloadPair(source, m.language, track(`${m.language}>`)),
      downloadPair(m.language, source, track(`<${m.language}`)),
    ]);
    setProgress(0);
    void Promise.all(work)
      .then(onReady)
      .catch((err: unknown) => setError(t('downloadFailed', err instanceof Error ? err.message : String(err))))
      .finally(() => setProgress(null));
  };
  const model = models[0];
  return (
    <div class="held-bar" role="alert" data-testid="translator-problem">
      <p>{message}</p>
      <div class="held-actions">
        {downloadable.length > 0 && progress === null && (
          <button type="button" class="button small" onClick={download}>
            {t('downloadAndAsk')}
          </button>
        )}
        {progress !== null && (
          <span role="status" aria-live="polite">
            <progress max={1} value={progress} /> {t('downloadingPacks', Math.round(progress * 100))}
          </span>
        )}
        {model && (
          <button
            type="button"
            class="button secondary small"
            onClick={() =>
              void onUseModel(model.id)
                .then(onReady)
                .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
            }
          >
            {t('translateWithAndAsk', model.label)}
          </button>
        )}
        {children}
      </div>
      {error && <p class="run-error">{error}</p>}
    </div>
  );
}
