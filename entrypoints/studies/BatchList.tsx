import type { BatchRecord } from '@/utils/core/batches/types';
import { t, type MessageKey } from '@/utils/core/i18n';

const STATUS: Record<BatchRecord['data']['status'], MessageKey> = {
  ready: 'studiesListStatusReady',
  running: 'studiesListStatusRunning',
  paused: 'studiesListStatusPaused',
  cancelled: 'studiesListStatusCancelled',
  done: 'studiesListStatusDone',
};

/** Batches of one kind, newest first: open one to see its progress and results. */
export function BatchList({ batches, onOpen, title }: { batches: BatchRecord[]; onOpen: (id: string) => void; title: string }) {
  return (
    <section class="card" aria-labelledby="batch-list-title">
      <h2 id="batch-list-title">{title}</h2>
      {batches.length === 0 ? (
        <p class="muted" role="status">
          {t('studiesNothingRun')}
        </p>
      ) : (
        <ul class="list" data-testid="batch-list">
          {batches.map((b) => (
            <li key={b.id}>
              <button class="link batch-link" onClick={() => onOpen(b.id)}>
                <span dir="auto">{b.name}</span>
              </button>
              <span class="muted">
                {t(STATUS[b.data.status])} · {t('studiesBatchPrompts', Object.keys(b.data.created).length, b.data.units.length)} ·{' '}
                {new Date(b.createdAt).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
