import { useState } from 'preact/hooks';
import { batchProgress } from '@/utils/core/batches/results';
import type { BatchRecord, BatchStatus } from '@/utils/core/batches/types';
import { t, type MessageKey } from '@/utils/core/i18n';
import { perBrowser } from '@/utils/platform/browser-kind';
import type { Run } from '@/utils/core/runner/types';
import type { HandChoice } from '@/utils/core/surveys/hand-reading';
import { ProbeResults } from './ProbeResults';
import { SurveyResults } from './SurveyResults';

const STATUS: Record<BatchStatus, MessageKey> = {
  ready: 'studiesStatusReady',
  running: 'studiesStatusRunning',
  paused: 'studiesStatusPaused',
  cancelled: 'studiesStatusCancelled',
  done: 'studiesStatusDone',
};

export interface BatchViewProps {
  batch: BatchRecord;
  runs: Run[];
  onControl: (action: 'start' | 'pause' | 'resume' | 'cancel') => Promise<void>;
  /** Stores a person's reading of a survey answer (null takes it back). */
  onRead: (runId: string, reading: HandChoice | null) => Promise<void>;
  /** Address of the dashboard's view of this batch. */
  dashboardUrl: string;
  onClose: () => void;
}

/** One batch: progress, pause/resume/cancel, and its results so far. */
export function BatchView({ batch, runs, onControl, onRead, dashboardUrl, onClose }: BatchViewProps) {
  const { data } = batch;
  const progress = batchProgress(data, runs);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: 'start' | 'pause' | 'resume' | 'cancel') => {
    if (action === 'cancel' && !confirm(t('studiesConfirmCancel'))) return;
    setBusy(true);
    setError(null);
    try {
      await onControl(action);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const live = data.status === 'running' || data.status === 'paused';
  return (
    <section class="card batch" aria-labelledby="batch-title" data-testid="batch-view" data-status={data.status}>
      <div class="batch-head">
        <h2 id="batch-title" dir="auto">
          {batch.name}
        </h2>
        <span class={`badge status-${data.status}`} data-testid="batch-status">
          {t(STATUS[data.status])}
        </span>
        <button class="link" onClick={onClose}>
          {t('studiesBackToList')}
        </button>
      </div>
      {data.probe && (
        <p class="muted" dir="auto">
          {data.probe.purpose}
        </p>
      )}
      <p class="muted">
        {data.targets.map((x) => `${x.providerLabel} (${x.model})`).join(', ')} ·{' '}
        {t('studiesStartedAt', new Date(data.startedAt ?? batch.createdAt).toLocaleString())}
      </p>
      <div class="progress-row">
        <progress max={progress.units} value={progress.settled} aria-label={t('studiesProgressLabel')} data-testid="batch-progress" />
        <span aria-live="polite" data-testid="batch-progress-text">
          {t('studiesProgress', progress.settled, progress.units, progress.done, progress.calls)}
          {progress.failed ? ` · ${t('studiesProgressFailed', progress.failed)}` : ''}
          {progress.waiting ? ` · ${t('studiesProgressWaiting', progress.waiting)}` : ''}
          {progress.active ? ` · ${t('studiesProgressActive', progress.active)}` : ''}
        </span>
      </div>
      {data.status === 'paused' && (
        <p class="muted" role="status">
          {t('studiesPausedNote')}
        </p>
      )}
      {progress.failed > 0 && <p class="muted">{t(perBrowser({ chromium: 'studiesFailedNote', firefox: 'studiesFailedNoteSidebar' }))}</p>}
      <div class="toolbar">
        {data.status === 'ready' && (
          <button class="button" disabled={busy} onClick={() => void act('start')}>
            {t('studiesStart')}
          </button>
        )}
        {data.status === 'running' && (
          <button class="button secondary" disabled={busy} onClick={() => void act('pause')}>
            {t('studiesPause')}
          </button>
        )}
        {data.status === 'paused' && (
          <button class="button" disabled={busy} onClick={() => void act('resume')}>
            {t('studiesResume')}
          </button>
        )}
        {(live || data.status === 'ready') && (
          <button class="button secondary" disabled={busy} onClick={() => void act('cancel')}>
            {t('studiesCancelBatch')}
          </button>
        )}
        <a class="button secondary" href={dashboardUrl} target="_blank" rel="noopener">
          {t('studiesOpenInDashboard')}
        </a>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {data.survey ? <SurveyResults batch={batch} runs={runs} onRead={onRead} /> : <ProbeResults data={data} runs={runs} />}
    </section>
  );
}
