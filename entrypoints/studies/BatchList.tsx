import type { BatchRecord } from '@/utils/batches/types';

const STATUS: Record<BatchRecord['data']['status'], string> = {
  ready: 'not started',
  running: 'running',
  paused: 'paused',
  cancelled: 'cancelled',
  done: 'finished',
};

/** Batches of one kind, newest first: open one to see its progress and results. */
export function BatchList({ batches, onOpen, title }: { batches: BatchRecord[]; onOpen(id: string): void; title: string }) {
  return (
    <section class="card" aria-labelledby="batch-list-title">
      <h2 id="batch-list-title">{title}</h2>
      {batches.length === 0 ? (
        <p class="muted" role="status">Nothing run yet. Runs appear here with their progress; they keep going when this page is closed.</p>
      ) : (
        <ul class="list" data-testid="batch-list">
          {batches.map((b) => (
            <li key={b.id}>
              <button class="link batch-link" onClick={() => onOpen(b.id)}>
                <span dir="auto">{b.name}</span>
              </button>
              <span class="muted">
                {STATUS[b.data.status]} · {Object.keys(b.data.created).length} of {b.data.units.length} prompts · {new Date(b.createdAt).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
