import { computed, effect, signal, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { liveQuery } from 'dexie';
import type { BatchFilter, ComparisonWithRuns, DashboardComparison } from '@/utils/core/dashboard/aggregate';
import { parseSurveyResults, type SurveyResult } from '@/utils/core/dashboard/survey';
import { batchNames, comparisonWithRuns, comparisonsBetween, recentComparisons } from '@/utils/platform/db/dashboard';
import { surveyBatchResults } from '@/utils/platform/db/batch-store';
import { getDb, type ParallaxDB } from '@/utils/platform/db/schema';
import { loadAnalysis, type Analysis } from './analysis';
import type { ComparisonAnalysis } from '@/utils/core/analysis/comparison';

/** Which view is on screen, as in the address: #comparison=<id>, #batch, #batch=<batchId>. */
export type Route = { view: 'comparison'; id: string | null } | { view: 'batch'; batchId: string | null };

/** Reads a route from location.hash. */
export function parseHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('batch')) return { view: 'batch', batchId: params.get('batch') || null };
  return { view: 'comparison', id: params.get('comparison') || null };
}

/** Writes a route as a hash. */
export function toHash(route: Route): string {
  if (route.view === 'batch') return route.batchId ? `#batch=${encodeURIComponent(route.batchId)}` : '#batch';
  return route.id ? `#comparison=${encodeURIComponent(route.id)}` : '#comparison';
}

/** Theme and type size, kept in this page's localStorage. */
export interface Appearance {
  theme: 'system' | 'light' | 'dark';
  projector: boolean;
}

const APPEARANCE_KEY = 'parallax.dashboard.appearance';

/** The dashboard's state as signals; undefined = loading. One instance per page. */
export interface DashboardState {
  route: Signal<Route>;
  recent: Signal<DashboardComparison[] | undefined>;
  shown: Signal<ComparisonWithRuns | null | undefined>;
  /** The shown comparison's analysis as the panel reads it (verdict, badges, chips); undefined while it loads. */
  shownAnalysis: Signal<ComparisonAnalysis | null | undefined>;
  /** Date range, tag and batch of the batch view (the batch id lives in the route). */
  filter: Signal<Omit<BatchFilter, 'batchId'>>;
  /** Comparisons in the date range with their runs (tag and batch are applied by the view). */
  batch: Signal<ComparisonWithRuns[] | undefined>;
  batchNames: Signal<Map<string, string>>;
  analysis: Signal<Analysis | undefined>;
  surveys: Signal<SurveyResult[]>;
  surveyError: Signal<string | null>;
  appearance: Signal<Appearance>;
  error: Signal<string | null>;
  navigate: (route: Route) => void;
  loadSurveys: (text: string) => void;
}

export const DashboardStateContext = createContext<DashboardState | null>(null);

/** The dashboard state from context. */
export function useDashboardState(): DashboardState {
  const state = useContext(DashboardStateContext);
  if (!state) throw new Error('DashboardStateContext is missing');
  return state;
}

function storedAppearance(): Appearance {
  try {
    const value = JSON.parse(localStorage.getItem(APPEARANCE_KEY) ?? 'null') as Partial<Appearance> | null;
    const theme = value?.theme === 'light' || value?.theme === 'dark' ? value.theme : 'system';
    return { theme, projector: value?.projector === true };
  } catch {
    return { theme: 'system', projector: false };
  }
}

/** Creates the dashboard state: follows the address, queries the database while a view needs it. */
export function createDashboardState(db: ParallaxDB = getDb()): DashboardState {
  const route = signal<Route>(parseHash(location.hash));
  const recent = signal<DashboardComparison[] | undefined>(undefined);
  const shown = signal<ComparisonWithRuns | null | undefined>(undefined);
  const shownAnalysis = signal<ComparisonAnalysis | null | undefined>(undefined);
  const filter = signal<Omit<BatchFilter, 'batchId'>>({});
  const batch = signal<ComparisonWithRuns[] | undefined>(undefined);
  const names = signal<Map<string, string>>(new Map());
  const analysis = signal<Analysis | undefined>(undefined);
  const surveys = signal<SurveyResult[]>([]);
  const surveyError = signal<string | null>(null);
  const appearance = signal<Appearance>(storedAppearance());
  const error = signal<string | null>(null);
  const fail = (err: unknown) => (error.value = err instanceof Error ? err.message : String(err));

  addEventListener('hashchange', () => (route.value = parseHash(location.hash)));

  effect(() => {
    const { theme, projector } = appearance.value;
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    root.classList.toggle('projector', projector);
    try {
      localStorage.setItem(APPEARANCE_KEY, JSON.stringify(appearance.value));
    } catch {
      /* private windows may refuse storage; the choice then lasts this visit */
    }
  });

  // The picker always, so both views know whether there is any history at all.
  liveQuery(() => recentComparisons(db)).subscribe({ next: (v) => (recent.value = v), error: fail });

  // The comparison asked for, else the newest; a computed, so new history does not re-query a chosen one.
  const shownId = computed(() => {
    const r = route.value;
    if (r.view !== 'comparison') return undefined;
    return r.id ?? (recent.value ? (recent.value[0]?.id ?? null) : undefined);
  });
  effect(() => {
    const id = shownId.value;
    if (!id) {
      shown.value = id === null ? null : undefined;
      return;
    }
    const subscription = liveQuery(() => comparisonWithRuns(db, id)).subscribe({ next: (v) => (shown.value = v), error: fail });
    return () => subscription.unsubscribe();
  });

  // Its analysis, the panel's own (its code loads on first use); a new comparison clears the old one's first.
  let analysedId: string | undefined;
  effect(() => {
    const value = shown.value;
    if (value?.comparison.id !== analysedId) shownAnalysis.value = value === null ? null : undefined;
    analysedId = value?.comparison.id;
    if (!value) return;
    let live = true;
    void import('@/utils/core/analysis/comparison').then(
      ({ analyseComparison }) => live && (shownAnalysis.value = analyseComparison(value.comparison, value.runs)),
      (err: unknown) => live && ((shownAnalysis.value = null), fail(err)),
    );
    return () => void (live = false);
  });

  effect(() => {
    if (route.value.view !== 'batch') return;
    const { since, until } = filter.value;
    batch.value = undefined;
    const subscription = liveQuery(() => comparisonsBetween(db, { since, until })).subscribe({ next: (v) => (batch.value = v), error: fail });
    void batchNames(db).then((v) => (names.value = v), fail);
    return () => subscription.unsubscribe();
  });

  // #batch=<id> of a stored survey batch (Studies page) feeds the survey charts, live while it runs.
  const batchRoute = computed(() => (route.value.view === 'batch' ? route.value.batchId : null));
  effect(() => {
    const id = batchRoute.value;
    if (!id) return;
    const subscription = liveQuery(() => surveyBatchResults(db, id)).subscribe({ next: (v) => v && (surveys.value = v), error: fail });
    return () => subscription.unsubscribe();
  });

  void loadAnalysis().then(
    (v) => (analysis.value = v),
    (err: unknown) => (analysis.value = { classify: null, features: null, notes: [`Analysis could not be loaded: ${String(err)}`] }),
  );

  return {
    route,
    recent,
    shown,
    shownAnalysis,
    filter,
    batch,
    batchNames: names,
    analysis,
    surveys,
    surveyError,
    appearance,
    error,
    navigate(next) {
      const hash = toHash(next);
      if (location.hash !== hash) history.pushState(null, '', hash);
      route.value = next;
    },
    loadSurveys(text) {
      try {
        surveys.value = parseSurveyResults(JSON.parse(text));
        surveyError.value = null;
      } catch (err) {
        surveyError.value = `Could not read survey results: ${err instanceof Error ? err.message : String(err)}`;
      }
    },
  };
}
