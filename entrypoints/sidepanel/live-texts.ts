import { signal, type Signal } from '@preact/signals';
import type { LiveEvent } from '@/utils/platform/messaging/protocol';
import type { Run } from '@/utils/core/runner/types';

/** States whose stored text is the answer as it stays (the deltas have nothing to add). */
const SETTLED = new Set<Run['state']>(['done', 'failed', 'interrupted']);

/**
 * Each run's text on screen, from two sources: the runner's live deltas (token by token, ahead) and the database's
 * checkpoints (complete, but behind). A checkpoint that arrives late never takes back text the deltas have shown,
 * and a delta after a gap resumes from a checkpoint that covers the gap.
 */
export interface LiveTexts {
  /** The text on screen for a run (a signal, so only its text node re-renders). */
  textOf: (runId: string) => Signal<string>;
  /** A live event from the runner. */
  onLive: (event: LiveEvent) => void;
  /** A run as stored in the database (each checkpoint or state change). */
  onStored: (run: Run) => void;
}

export function createLiveTexts(): LiveTexts {
  const shown = new Map<string, Signal<string>>();
  /** The current attempt's text assembled from deltas. */
  const streamed = new Map<string, string>();
  const stored = new Map<string, Pick<Run, 'state' | 'text'>>();

  const textOf = (runId: string) => {
    let text = shown.get(runId);
    if (!text) shown.set(runId, (text = signal('')));
    return text;
  };

  const show = (runId: string) => {
    const run = stored.get(runId);
    const fromDeltas = streamed.get(runId) ?? '';
    const fromDb = run?.text ?? '';
    const settled = run !== undefined && SETTLED.has(run.state);
    textOf(runId).value = settled || !fromDeltas.startsWith(fromDb) ? fromDb : fromDeltas;
  };

  return {
    textOf,
    onLive(event) {
      if (event.type === 'engine') return;
      const { runId } = event;
      if (event.type === 'state') {
        // A new attempt starts from nothing.
        if (event.state === 'streaming') streamed.set(runId, '');
        show(runId);
        return;
      }
      const text = streamed.get(runId) ?? '';
      const fromDb = stored.get(runId)?.text ?? '';
      if (event.offset === text.length) streamed.set(runId, text + event.text);
      // Deltas were missed (the panel opened mid-answer or reconnected): resume from a checkpoint that reaches here.
      else if (fromDb.length >= event.offset) streamed.set(runId, fromDb.slice(0, event.offset) + event.text);
      else return;
      show(runId);
    },
    onStored(run) {
      stored.set(run.id, { state: run.state, text: run.text });
      show(run.id);
    },
  };
}
