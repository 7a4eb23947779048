import type { Signal } from '@preact/signals';
import type { Run } from '@/utils/runner/types';
import { canRetry, isActive } from '@/utils/runner/state';
import { STATE_LABEL, formatDuration } from './format';

export interface RunColumnProps {
  run: Run;
  /** Streaming text; passed as a signal so a token only re-renders this text node. */
  text: Signal<string>;
  onRetry: () => void;
  onCancel: () => void;
}

/** One answer: who answered, its state, the text as it streams, and what to do when it failed. */
export function RunColumn({ run, text, onRetry, onCancel }: RunColumnProps) {
  const { target } = run;
  const busy = run.state === 'queued' || isActive(run.state);
  const took = run.startedAt && run.finishedAt ? formatDuration(run.finishedAt - run.startedAt) : null;
  return (
    <article class={`run run-${run.state}`} data-testid="run" data-state={run.state} aria-busy={busy}>
      <header class="run-head">
        <div class="run-who">
          <strong>{target.providerLabel}</strong>
          <span class="model">{target.model}</span>
        </div>
        <span class={`badge state-${run.state}`}>{STATE_LABEL[run.state]}</span>
      </header>
      {/* Model output is untrusted: rendered as a text node, never as HTML. */}
      <div class="run-text" dir="auto" data-testid="run-text">
        {text}
      </div>
      {run.state === 'queued' && !text.value && <p class="muted">Waiting for a free slot…</p>}
      {run.state === 'streaming' && !text.value && <p class="muted">Waiting for the first words…</p>}
      {run.notice && (
        <p class="run-notice" role="status" data-testid="run-notice">
          {run.notice}
        </p>
      )}
      {run.error && (
        <p class="run-error" role="alert" data-testid="run-error">
          {run.error}
        </p>
      )}
      <footer class="run-foot">
        <span class="muted">
          {took && <>{took}</>}
          {run.usage?.outputTokens !== undefined && <> · {run.usage.outputTokens} tokens</>}
        </span>
        {busy && (
          <button class="link" onClick={onCancel}>
            Cancel
          </button>
        )}
        {canRetry(run.state) && run.state !== 'done' && (
          <button class="button small" onClick={onRetry}>
            Retry
          </button>
        )}
      </footer>
    </article>
  );
}
