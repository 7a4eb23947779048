import { useEffect, useState } from 'preact/hooks';
import {
  detectorAvailability,
  downloadDetector,
  downloadPair,
  languageDetectorApi,
  pairAvailability,
  translatorApi,
  type LanguageDetectorApi,
  type PairAvailability,
  type TranslatorApi,
} from '@/utils/core/on-device/chrome-translator';
import { LANGUAGES, languageName } from '@/utils/core/translate/languages';
import { NativeName } from '../shared/LanguagePicker';
import { t } from '@/utils/core/i18n';

export interface ChromeTranslatorPairsProps {
  /** The reading language: pairs are it → each language and back. */
  reading: string;
  /** Chrome's globals; tests pass doubles. */
  api?: TranslatorApi;
  detector?: LanguageDetectorApi;
}

const LABEL: Record<PairAvailability, string> = {
  available: t('availReady'),
  downloadable: t('availDownloadable'),
  downloading: t('availDownloading'),
  unavailable: t('availNotAvailable'),
  unsupported: t('availUnsupported'),
};

type Pair = { to: PairAvailability; from: PairAvailability };
const needsDownload = (a: PairAvailability) => a === 'downloadable' || a === 'downloading';
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Chrome's on-device translator per language pair (reading language → language and back) and its language
 * detector: what is ready, what can be downloaded (only when the user clicks), and the download's progress.
 */
export function ChromeTranslatorPairs({ reading, api = translatorApi(), detector = languageDetectorApi() }: ChromeTranslatorPairsProps) {
  const [pairs, setPairs] = useState<Record<string, Pair> | null>(null);
  const [detectorState, setDetectorState] = useState<PairAvailability | null>(null);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const others = LANGUAGES.filter((l) => l.code !== reading);

  const refresh = async () => {
    const entries = await Promise.all(
      others.map(async (l) => [l.code, { to: await pairAvailability(reading, l.code, api), from: await pairAvailability(l.code, reading, api) }] as const),
    );
    setPairs(Object.fromEntries(entries));
    setDetectorState(await detectorAvailability(detector));
  };
  useEffect(() => void refresh(), [reading, api]);

  if (!api) {
    return (
      <p class="form-error" data-testid="chrome-translator-status">
        {t('chromeTranslatorMissing')}
      </p>
    );
  }
  if (!pairs)
    return (
      <p class="muted" role="status">
        {t('checkingChromeLanguages')}
      </p>
    );

  const track = (key: string, work: (onProgress: (f: number) => void) => Promise<void>[]) => {
    setErrors((e) => ({ ...e, [key]: '' }));
    // Started straight from the click: Chrome downloads only with the user's gesture, so nothing is awaited first.
    const started = work((f) => setProgress((p) => ({ ...p, [key]: f })));
    setProgress((p) => ({ ...p, [key]: 0 }));
    void Promise.all(started)
      .catch((err: unknown) => setErrors((e) => ({ ...e, [key]: reason(err) })))
      .finally(() => {
        setProgress((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== key)));
        void refresh();
      });
  };
  const download = (code: string) => {
    const pair = pairs[code]!;
    track(code, (onProgress) => [
      ...(needsDownload(pair.to) ? [downloadPair(reading, code, onProgress, undefined, api)] : []),
      ...(needsDownload(pair.from) ? [downloadPair(code, reading, onProgress, undefined, api)] : []),
    ]);
  };

  const counts = Object.values(pairs).reduce(
    (n, p) => {
      const state = p.to === 'available' && p.from === 'available' ? 'ready' : needsDownload(p.to) || needsDownload(p.from) ? 'download' : 'none';
      return { ...n, [state]: n[state] + 1 };
    },
    { ready: 0, download: 0, none: 0 },
  );

  return (
    <div class="field" data-testid="chrome-translator-pairs">
      <p class="muted" data-testid="chrome-translator-status">
        {t('pairCounts', languageName(reading, t('pageLang')), counts.ready, counts.download, counts.none)}
      </p>
      <p data-testid="language-detector" data-availability={detectorState ?? ''}>
        {t('languageDetector')} <strong>{LABEL[detectorState ?? 'unavailable']}</strong>{' '}
        {detectorState && needsDownload(detectorState) && progress.detector === undefined && (
          <button
            type="button"
            class="button secondary small"
            onClick={() => track('detector', (onProgress) => [downloadDetector(onProgress, undefined, detector)])}
          >
            {t('download')}
          </button>
        )}
        {progress.detector !== undefined && <progress max={1} value={progress.detector} aria-label={t('downloadingDetector')} />}
        {errors.detector && (
          <span class="form-error" role="alert">
            {' '}
            {errors.detector}
          </span>
        )}
      </p>
      <details>
        <summary>{t('languagePacks', others.length)}</summary>
        <ul class="list">
          {others.map((l) => {
            const pair = pairs[l.code]!;
            const key = l.code;
            return (
              <li key={key} data-testid="pair" data-code={key} data-to={pair.to} data-from={pair.from}>
                <NativeName code={key} />{' '}
                <span class="muted">
                  {l.name} · {key}
                </span>{' '}
                <span>{t('pairToBack', LABEL[pair.to], LABEL[pair.from])}</span>{' '}
                {progress[key] === undefined && (needsDownload(pair.to) || needsDownload(pair.from)) && (
                  <button
                    type="button"
                    class="button secondary small"
                    aria-label={t('downloadName', languageName(key, t('pageLang')))}
                    onClick={() => download(key)}
                  >
                    {t('download')}
                  </button>
                )}
                {progress[key] !== undefined && (
                  <span role="status" aria-live="polite">
                    <progress max={1} value={progress[key]} aria-label={t('downloadingName', languageName(key, t('pageLang')))} />{' '}
                    {Math.round(progress[key] * 100)} %
                  </span>
                )}
                {errors[key] && (
                  <span class="form-error" role="alert">
                    {' '}
                    {errors[key]}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}
