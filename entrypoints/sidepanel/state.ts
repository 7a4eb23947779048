import { computed, signal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { listComparisons, runsByComparison } from '@/utils/db/comparisons';
import { getDb, type ParallaxDB } from '@/utils/db/schema';
import { send } from '@/utils/messaging/client';
import type { LiveEvent } from '@/utils/messaging/protocol';
import { listenLive } from '@/utils/messaging/live';
import type { Comparison, Run } from '@/utils/runner/types';

/** What the side panel shows, as signals; actions are plain functions. One instance per panel. */
export interface PanelState {
  view: Signal<'live' | 'history'>;
  /** The comparison shown in the live view; null = the newest. */
  selectedId: Signal<string | null>;
  comparisons: Signal<Comparison[]>;
  runsByComparison: Signal<Map<string, Run[]>>;
  /** Streaming text per run: updated by live deltas between database checkpoints, so only text nodes re-render. */
  textOf(runId: string): Signal<string>;
  /** A message for the user about the last action that failed. */
  notice: Signal<string | null>;
  loaded: Signal<boolean>;
  current: Signal<Comparison | null>;
  open(comparisonId: string): void;
  startComparison(text: string): Promise<void>;
  retry(runId: string): Promise<void>;
  cancel(runId: string): Promise<void>;
  cancelAll(comparisonId: string): Promise<void>;
}

export const PanelStateContext = createContext<PanelState | null>(null);

/** The panel state from context. */
export function usePanelState(): PanelState {
  const state = useContext(PanelStateContext);
  if (!state) throw new Error('PanelStateContext is missing');
  return state;
}

/** Creates the panel state and subscribes it to the database and the runner's live events. */
export function createPanelState(db: ParallaxDB = getDb()): PanelState {
  const view = signal<'live' | 'history'>('live');
  const selectedId = signal<string | null>(null);
  const comparisons = signal<Comparison[]>([]);
  const runs = signal(new Map<string, Run[]>());
  const notice = signal<string | null>(null);
  const loaded = signal(false);
  const texts = new Map<string, Signal<string>>();
  const attempts = new Map<string, number>();

  const textOf = (runId: string) => {
    let text = texts.get(runId);
    if (!text) texts.set(runId, (text = signal('')));
    return text;
  };

  // The database is the truth; live deltas only run ahead of it between checkpoints.
  liveQuery(async () => {
    const list = await listComparisons(db);
    return { list, runs: await runsByComparison(db, list.map((c) => c.id)) };
  }).subscribe({
    next: ({ list, runs: byComparison }) => {
      for (const run of [...byComparison.values()].flat()) {
        const text = textOf(run.id);
        const retried = attempts.get(run.id) !== run.attempts;
        attempts.set(run.id, run.attempts);
        if (retried || run.state !== 'streaming' || run.text.length >= text.value.length) text.value = run.text;
      }
      comparisons.value = list;
      runs.value = byComparison;
      loaded.value = true;
    },
    error: (err: unknown) => (notice.value = `Could not read the history: ${String(err)}`),
  });

  const onLive = (event: LiveEvent) => {
    if (event.type === 'engine') return;
    const text = textOf(event.runId);
    if (event.type === 'state') {
      if (event.state === 'streaming') text.value = '';
    } else if (event.offset === text.value.length) {
      text.value += event.text;
    }
  };
  // The runner may not be up yet: ask for it, then listen (listenLive reconnects on its own).
  void send('runner.ensure', {})
    .catch((err: Error) => (notice.value = err.message))
    .finally(() => listenLive(onLive));

  const current = computed(() => {
    const id = selectedId.value;
    return (id ? comparisons.value.find((c) => c.id === id) : comparisons.value[0]) ?? null;
  });

  const act = async (fn: () => Promise<unknown>) => {
    notice.value = null;
    try {
      await fn();
    } catch (err) {
      notice.value = err instanceof Error ? err.message : String(err);
    }
  };

  return {
    view,
    selectedId,
    comparisons,
    runsByComparison: runs,
    textOf,
    notice,
    loaded,
    current,
    open(comparisonId) {
      selectedId.value = comparisonId;
      view.value = 'live';
    },
    startComparison: (text) =>
      act(async () => {
        const { comparisonId } = await send('comparison.start', { text });
        selectedId.value = comparisonId;
        view.value = 'live';
      }),
    retry: (runId) => act(() => send('run.retry', { runId })),
    cancel: (runId) => act(() => send('run.cancel', { runId })),
    cancelAll: (comparisonId) => act(() => send('comparison.cancel', { comparisonId })),
  };
}
