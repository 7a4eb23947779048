import { effect, signal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { runsOf } from '@/utils/platform/db/comparisons';
import { listedCount, newestIds } from '@/utils/platform/db/history';
import { getDb, type ParallaxDB } from '@/utils/platform/db/schema';
import { send } from '@/utils/platform/messaging/client';
import type { ComposeSpec } from '@/utils/platform/messaging/protocol-compose';
import { listenLive } from '@/utils/platform/messaging/live';
import type { Comparison, Run } from '@/utils/core/runner/types';
import type { ComparisonAnalysis } from '@/utils/core/analysis/comparison';
import { createHistoryState, type HistoryState } from './history-state';
import { createJudgeState, type JudgeState } from './judge-state';
import { createLiveTexts } from './live-texts';
import { sourceLabel } from '@/components/shared/format';
import type { TranslatorChoice } from '@/components/sidepanel/TranslatorProblem';
import { migrateSettingsV2, settingsItem, translationOf, type Settings } from '@/utils/platform/storage/settings';
import { checkEngine } from '@/utils/core/translate/settings';

/** What the side panel shows, as signals; actions are plain functions. One instance per panel. */
export interface PanelState {
  view: Signal<'live' | 'history'>;
  /** The comparison shown in the live view; null = the newest. */
  selectedId: Signal<string | null>;
  /** The comparison on screen and its runs (undefined while loading, null when there is none). */
  current: Signal<{ comparison: Comparison; runs: Run[] } | null | undefined>;
  /** How many comparisons are stored. */
  count: Signal<number>;
  /** Streaming text per run: updated by live deltas between database checkpoints, so only text nodes re-render. */
  textOf: (runId: string) => Signal<string>;
  /** A message for the user about the last action that failed. */
  notice: Signal<string | null>;
  history: HistoryState;
  /** What differs between the finished answers of the comparison on screen (null until there are some). */
  analysis: Signal<ComparisonAnalysis | null>;
  judge: JudgeState;
  open: (comparisonId: string) => void;
  startComparison: (text: string, spec?: Omit<ComposeSpec, 'text'>) => Promise<void>;
  retry: (runId: string) => Promise<void>;
  cancel: (runId: string) => Promise<void>;
  cancelAll: (comparisonId: string) => Promise<void>;
  annotate: (comparisonId: string, patch: { tags?: string[]; note?: string }) => Promise<void>;
  /** Asks the runs a comparison held, or drops them. */
  extend: (comparisonId: string, dismiss?: boolean) => Promise<void>;
  /** Endpoints that could translate instead of Chrome's translator (on-device ones only in on-device mode). */
  translatorModels: Signal<TranslatorChoice[]>;
  /** Makes a configured endpoint the translator. */
  useTranslatorModel: (providerId: string) => Promise<void>;
  /** Whether the user is writing in the prompt box (set by it). */
  typing: Signal<boolean>;
  /** A comparison picked up while the user was typing or reading another one: offered in a bar, not forced. */
  incoming: Signal<{ id: string; from: string } | null>;
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
  const current = signal<{ comparison: Comparison; runs: Run[] } | null | undefined>(undefined);
  const count = signal(0);
  const notice = signal<string | null>(null);
  const texts = createLiveTexts();

  const fail = (err: unknown) => (notice.value = err instanceof Error ? err.message : String(err));

  let lastShape = '';
  // The comparison on screen: the database is the truth; live deltas only run ahead of it between checkpoints.
  effect(() => {
    const id = selectedId.value;
    const subscription = liveQuery(async () => {
      const comparison = id ? await db.comparisons.get(id) : await newestShown(db);
      return { comparison, runs: comparison ? await runsOf(db, comparison.id) : [] };
    }).subscribe({
      next: ({ comparison, runs }) => {
        // Once shown, the newest stays on screen: a later one replaces it only through the follow rule below.
        if (!id && comparison) {
          selectedId.value = comparison.id;
          return;
        }
        // The comparison on screen was deleted: show the newest again.
        if (id && !comparison) {
          selectedId.value = null;
          return;
        }
        for (const run of runs) texts.onStored(run);
        // A checkpoint of streaming text changes only the text signals: the columns need no re-render.
        const shape = comparison ? JSON.stringify([comparison, runs.map((r) => (r.state === 'streaming' ? { ...r, text: '', updatedAt: 0 } : r))]) : '';
        if (comparison && shape === lastShape) return;
        lastShape = shape;
        current.value = comparison ? { comparison, runs } : null;
      },
      error: fail,
    });
    return () => subscription.unsubscribe();
  });
  // What the History tab lists (Studies runs are not counted: they are listed when chosen).
  liveQuery(() => listedCount(db)).subscribe({ next: (n) => (count.value = n), error: fail });

  // Follow new comparisons (picked up on a chat site, or from a page selection): switch to one when the user is
  // on the newest and not writing; otherwise offer it in a bar instead of pulling the view away.
  const typing = signal(false);
  let starting = 0;
  const startedHere = new Set<string>(); // the live query may report one after its start returned
  const incoming = signal<{ id: string; from: string } | null>(null);
  let newestSeen: string | null | undefined;
  liveQuery(() => newestShown(db)).subscribe({
    next: (newest) => {
      const previous = newestSeen;
      newestSeen = newest?.id ?? null;
      if (!newest || previous === undefined || previous === newest.id) return;
      const shownId = selectedId.value ?? current.value?.comparison.id ?? null;
      // Started here: shown by startComparison.
      if (shownId === newest.id || startedHere.has(newest.id) || (starting > 0 && newest.source.kind === 'panel')) return;
      const onNewest = shownId === null || shownId === previous;
      if (onNewest && !typing.value && view.value === 'live') {
        selectedId.value = newest.id;
        incoming.value = null;
        return;
      }
      incoming.value = { id: newest.id, from: sourceLabel(newest.source) };
    },
    error: fail,
  });

  // Analysis of finished answers: its code (lexicons of 36 languages) loads on first use; recomputed only when an
  // answer finishes or changes, never per streamed token.
  const analysis = signal<ComparisonAnalysis | null>(null);
  const analysisCache = new Map();
  let analysedKey = '';
  effect(() => {
    const shown = current.value;
    const done = shown?.runs.filter((r) => r.state === 'done') ?? [];
    const key = `${shown?.comparison.id}|${done.map((r) => `${r.id}:${r.text.length}:${r.backTranslation?.text.length ?? 0}`).join(',')}|${shown?.runs.map((r) => r.state).join(',')}`;
    if (key === analysedKey) return;
    analysedKey = key;
    if (!shown || !done.length) {
      analysis.value = null;
      return;
    }
    // While answers still stream, the analysis waits: it compares them all, and its work would delay tokens.
    if (shown.runs.some((r) => r.state === 'queued' || r.state === 'translating' || r.state === 'streaming')) return;
    void import('@/utils/core/analysis/comparison')
      .then(({ analyseComparison }) => {
        if (analysedKey === key) analysis.value = analyseComparison(shown.comparison, shown.runs, analysisCache);
      })
      .catch((err: unknown) => console.error('[parallax] analysis failed', err));
  });

  // The runner may not be up yet: ask for it, then listen (listenLive reconnects on its own).
  void send('runner.ensure', {})
    .catch(fail)
    .finally(() => listenLive(texts.onLive));

  const act = async (fn: () => Promise<unknown>) => {
    notice.value = null;
    try {
      await fn();
    } catch (err) {
      fail(err);
    }
  };

  const translatorModels = signal<TranslatorChoice[]>([]);
  const readModels = (settings: Settings | null) => {
    const s = migrateSettingsV2(settings);
    translatorModels.value = s.providers
      .filter((p) => checkEngine({ kind: 'model', providerId: p.id }, s.providers, s.onDeviceOnly).ok)
      .map((p) => ({ id: p.id, label: p.label }));
  };
  void settingsItem.getValue().then(readModels);
  settingsItem.watch(readModels);

  return {
    view,
    selectedId,
    translatorModels,
    typing,
    incoming,
    extend: async (comparisonId, dismiss) => {
      await send('comparison.extend', { comparisonId, ...(dismiss ? { dismiss } : {}) });
    },
    async useTranslatorModel(providerId) {
      const settings = await settingsItem.getValue();
      await settingsItem.setValue({ ...settings, translation: { ...translationOf(settings), engine: { kind: 'model', providerId } } });
    },
    current,
    count,
    textOf: texts.textOf,
    notice,
    history: createHistoryState(db, computedActive(view), fail),
    analysis,
    judge: createJudgeState(),
    open(comparisonId) {
      selectedId.value = comparisonId;
      view.value = 'live';
      if (incoming.value?.id === comparisonId) incoming.value = null;
    },
    startComparison: (text, spec) =>
      act(async () => {
        starting++;
        try {
          const { comparisonId } = await send('comparison.start', { ...spec, text });
          startedHere.add(comparisonId);
          selectedId.value = comparisonId;
          view.value = 'live';
          if (incoming.value?.id === comparisonId) incoming.value = null;
        } finally {
          starting--;
        }
      }),
    retry: (runId) => act(() => send('run.retry', { runId })),
    cancel: (runId) => act(() => send('run.cancel', { runId })),
    cancelAll: (comparisonId) => act(() => send('comparison.cancel', { comparisonId })),
    annotate: (comparisonId, patch) => act(() => send('comparison.annotate', { comparisonId, ...patch })),
  };
}

/** True while the history view is on screen (its queries only run then). */
function computedActive(view: Signal<'live' | 'history'>): () => boolean {
  return () => view.value === 'history';
}

/**
 * The newest comparison the live view shows by default: Studies batches are left to the Studies page. Read through
 * the history index's 'listed' keys, so a study's thousand newer comparisons are not read one by one to skip them.
 */
async function newestShown(db: ParallaxDB): Promise<Comparison | undefined> {
  const [id] = await newestIds(db, 1);
  return id === undefined ? undefined : db.comparisons.get(id);
}
