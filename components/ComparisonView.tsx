import type { Signal } from '@preact/signals';
import { isActive } from '@/utils/runner/state';
import type { Comparison, Run } from '@/utils/runner/types';
import { RunColumn } from './RunColumn';
import { formatTime, sourceLabel } from './format';

export interface ComparisonViewProps {
  comparison: Comparison;
  runs: Run[];
  textOf: (runId: string) => Signal<string>;
  onRetry: (runId: string) => void;
  onCancel: (runId: string) => void;
  onCancelAll: () => void;
  onOpenSettings: () => void;
}

/** One comparison: the prompt, then one column per run. */
export function ComparisonView({ comparison, runs, textOf, onRetry, onCancel, onCancelAll, onOpenSettings }: ComparisonViewProps) {
  const unfinished = runs.filter((r) => r.state === 'queued' || isActive(r.state)).length;
  return (
    <section class="comparison" aria-label="Comparison">
      <div class="prompt">
        <div class="meta">
          {sourceLabel(comparison.source)} · <time dateTime={new Date(comparison.createdAt).toISOString()}>{formatTime(comparison.createdAt)}</time>
        </div>
        <p class="prompt-text" dir="auto" data-testid="prompt-text">
          {comparison.prompt}
        </p>
        {unfinished > 1 && (
          <button class="link" onClick={onCancelAll}>
            Cancel all {unfinished}
          </button>
        )}
      </div>
      {runs.length === 0 ? (
        <div class="empty">
          <p>No model was set up when this prompt was sent, so nothing was asked.</p>
          <button class="button" onClick={onOpenSettings}>
            Add a model
          </button>
        </div>
      ) : (
        <div class="columns">
          {runs.map((run) => (
            <RunColumn key={run.id} run={run} text={textOf(run.id)} onRetry={() => onRetry(run.id)} onCancel={() => onCancel(run.id)} />
          ))}
        </div>
      )}
    </section>
  );
}
