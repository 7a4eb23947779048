import type { Comparison, Run } from '@/utils/runner/types';
import { formatTime, sourceLabel } from './format';

export interface HistoryListProps {
  comparisons: Comparison[];
  runsByComparison: Map<string, Run[]>;
  loaded: boolean;
  onOpen: (comparisonId: string) => void;
}

/** "2 answers · 1 failed" */
function summary(runs: Run[]): string {
  if (!runs.length) return 'no model asked';
  const done = runs.filter((r) => r.state === 'done').length;
  const failed = runs.filter((r) => r.state === 'failed').length;
  const interrupted = runs.filter((r) => r.state === 'interrupted').length;
  const pending = runs.length - done - failed - interrupted;
  return [
    `${done} answer${done === 1 ? '' : 's'}`,
    failed && `${failed} failed`,
    interrupted && `${interrupted} interrupted`,
    pending && `${pending} in progress`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Every comparison, newest first; opening one shows it in the comparison view. */
export function HistoryList({ comparisons, runsByComparison, loaded, onOpen }: HistoryListProps) {
  if (!loaded) return <p class="muted">Loading history…</p>;
  if (!comparisons.length)
    return (
      <div class="empty">
        <h2>History is empty</h2>
        <p>Every comparison is kept here, on this device, with its answers.</p>
      </div>
    );
  return (
    <ul class="history" aria-label="History">
      {comparisons.map((c) => (
        <li key={c.id}>
          <button class="history-item" data-testid="history-item" onClick={() => onOpen(c.id)}>
            <span class="history-prompt" dir="auto">
              {c.prompt}
            </span>
            <span class="muted">
              {formatTime(c.createdAt)} · {sourceLabel(c.source)} · {summary(runsByComparison.get(c.id) ?? [])}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
