import { useState } from 'preact/hooks';
import { batchProgress } from '@/utils/batches/results';
import type { BatchRecord, BatchStatus } from '@/utils/batches/types';
import type { Run } from '@/utils/runner/types';
import { ProbeResults } from './ProbeResults';
import { SurveyResults } from './SurveyResults';

const STATUS: Record<BatchStatus, string> = {
  ready: 'Not started',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Finished',
};

export interface BatchViewProps {
  batch: BatchRecord;
  runs: Run[];
  onControl(action: 'start' | 'pause' | 'resume' | 'cancel'): Promise<void>;
  /** Address of the dashboard's view of this batch. */
  dashboardUrl: string;
  onClose(): void;
}

/** One batch: progress, pause/resume/cancel, and its results so far. */
export function BatchView({ batch, runs, onControl, dashboardUrl, onClose }: BatchViewProps) {
  const { data } = batch;
  const progress = batchProgress(data, runs);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: 'start' | 'pause' | 'resume' | 'cancel') => {
    if (action === 'cancel' && !confirm('Cancel this batch? Answers so far are kept; the rest is not asked.')) return;
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
        <h2 id="batch-title" dir="auto">{batch.name}</h2>
        <span class={`badge status-${data.status}`} data-testid="batch-status">{STATUS[data.status]}</span>
        <button class="link" onClick={onClose}>Back to the list</button>
      </div>
      {data.probe && <p class="muted" dir="auto">{data.probe.purpose}</p>}
      <p class="muted">
        {data.targets.map((t) => `${t.providerLabel} (${t.model})`).join(', ')} · started {new Date(data.startedAt ?? batch.createdAt).toLocaleString()}
      </p>
      <div class="progress-row">
        <progress max={progress.units} value={progress.settled} aria-label="Prompts finished" data-testid="batch-progress" />
        <span aria-live="polite" data-testid="batch-progress-text">
          {progress.settled} of {progress.units} prompts finished · {progress.done} of {progress.calls} answers
          {progress.failed ? ` · ${progress.failed} failed` : ''}
          {progress.waiting ? ` · ${progress.waiting} waiting to resume` : ''}
          {progress.active ? ` · ${progress.active} in progress` : ''}
        </span>
      </div>
      {data.status === 'paused' && (
        <p class="muted" role="status">
          Paused: nothing new is asked. Answers that were already streaming finish; the ones set aside are asked again when you resume — even after closing the browser.
        </p>
      )}
      {progress.failed > 0 && (
        <p class="muted">Failed answers keep their reason; open one from the history in the side panel to retry it.</p>
      )}
      <div class="toolbar">
        {data.status === 'ready' && <button class="button" disabled={busy} onClick={() => void act('start')}>Start</button>}
        {data.status === 'running' && <button class="button secondary" disabled={busy} onClick={() => void act('pause')}>Pause</button>}
        {data.status === 'paused' && <button class="button" disabled={busy} onClick={() => void act('resume')}>Resume</button>}
        {(live || data.status === 'ready') && <button class="button secondary" disabled={busy} onClick={() => void act('cancel')}>Cancel batch</button>}
        <a class="button secondary" href={dashboardUrl} target="_blank" rel="noopener">Open in dashboard</a>
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      {data.survey ? <SurveyResults batch={batch} runs={runs} /> : <ProbeResults data={data} runs={runs} />}
    </section>
  );
}
