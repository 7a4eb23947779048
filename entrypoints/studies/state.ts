import { signal, effect, type Signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { planProbeBatch, planSurveyBatch } from '@/utils/core/batches/plan';
import type { BatchData, BatchRecord } from '@/utils/core/batches/types';
import { batchWithRuns, listBatches } from '@/utils/platform/db/batch-store';
import { getDb, type ParallaxDB } from '@/utils/platform/db/schema';
import { t } from '@/utils/core/i18n';
import { send } from '@/utils/platform/messaging/client';
import type { ProbeSet } from '@/utils/core/probes/types';
import {
  DEFAULT_SURVEY_CHOICES,
  deleteUserSet,
  importUserSets,
  questionnaireItem,
  saveUserSet,
  surveyChoicesItem,
  userProbeSetsItem,
  type SurveyChoices,
} from '@/utils/platform/storage/probe-store';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { targetsFor } from '@/utils/core/runner/plan';
import type { Run } from '@/utils/core/runner/types';
import { settingsItem } from '@/utils/platform/storage/settings';
import type { Instrument } from '@/utils/core/surveys/instrument';
import type { HandChoice } from '@/utils/core/surveys/hand-reading';
import { importVsmQuestionnaire, type VsmImport } from '@/utils/core/surveys/vsm2013';

/** The page's two tabs. */
export type StudiesTab = 'probes' | 'surveys';

/** What the user picked for a run: endpoints (by id) and languages. */
export interface RunChoice {
  providerIds: string[];
  languages: string[];
}

/** Address of the page: #probes, #surveys, or #batch=<id> (the batch's own tab). */
export function parseStudiesHash(hash: string): { tab: StudiesTab | null; batchId: string | null } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.get('batch')) return { tab: null, batchId: params.get('batch') };
  return { tab: params.has('surveys') ? 'surveys' : params.has('probes') ? 'probes' : null, batchId: null };
}

/** The Studies page's state as signals (undefined = loading) and its actions. One instance per page. */
export interface StudiesState {
  tab: Signal<StudiesTab>;
  providers: Signal<ProviderConfig[] | undefined>;
  userSets: Signal<ProbeSet[]>;
  questionnaire: Signal<Instrument | null | undefined>;
  choices: Signal<SurveyChoices>;
  batches: Signal<BatchRecord[] | undefined>;
  openId: Signal<string | null>;
  open: Signal<{ batch: BatchRecord; runs: Run[] } | null | undefined>;
  error: Signal<string | null>;
  setTab: (tab: StudiesTab) => void;
  openBatch: (id: string | null) => void;
  /** The plan a choice would run (for the estimate), or the reason it cannot run. */
  planProbes: (set: ProbeSet, choice: RunChoice) => BatchData;
  planSurvey: (choice: RunChoice, choices: SurveyChoices) => BatchData;
  runProbes: (set: ProbeSet, choice: RunChoice) => Promise<string>;
  runSurvey: (choice: RunChoice, choices: SurveyChoices) => Promise<string>;
  control: (batchId: string, action: 'start' | 'pause' | 'resume' | 'cancel') => Promise<void>;
  /** A person's reading of a survey answer, stored by the background (null takes it back). */
  readAnswer: (runId: string, reading: HandChoice | null) => Promise<void>;
  saveSet: (raw: unknown, replacing?: string) => Promise<ProbeSet>;
  deleteSet: (id: string) => Promise<void>;
  importSets: (text: string) => Promise<{ added: ProbeSet[]; errors: string[] }>;
  importQuestionnaire: (text: string, language: string, addLanguage: boolean) => Promise<VsmImport>;
  clearQuestionnaire: () => Promise<void>;
  saveChoices: (choices: SurveyChoices) => Promise<void>;
}

export const StudiesStateContext = createContext<StudiesState | null>(null);

/** The page state from context. */
export function useStudiesState(): StudiesState {
  const state = useContext(StudiesStateContext);
  if (!state) throw new Error('StudiesStateContext is missing');
  return state;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Creates the page state: settings and stored sets, the batches table and the open batch, live. */
export function createStudiesState(db: ParallaxDB = getDb()): StudiesState {
  const initial = parseStudiesHash(location.hash);
  const tab = signal<StudiesTab>(initial.tab ?? 'probes');
  const providers = signal<ProviderConfig[] | undefined>(undefined);
  const userSets = signal<ProbeSet[]>([]);
  const questionnaire = signal<Instrument | null | undefined>(undefined);
  const choices = signal<SurveyChoices>(DEFAULT_SURVEY_CHOICES);
  const batches = signal<BatchRecord[] | undefined>(undefined);
  const openId = signal<string | null>(initial.batchId);
  const open = signal<{ batch: BatchRecord; runs: Run[] } | null | undefined>(undefined);
  const error = signal<string | null>(null);
  const fail = (err: unknown) => (error.value = message(err));

  void settingsItem.getValue().then((s) => (providers.value = s.providers), fail);
  settingsItem.watch((s) => (providers.value = s?.providers ?? []));
  void userProbeSetsItem.getValue().then((v) => (userSets.value = v), fail);
  userProbeSetsItem.watch((v) => (userSets.value = v ?? []));
  void questionnaireItem.getValue().then((v) => (questionnaire.value = v), fail);
  questionnaireItem.watch((v) => (questionnaire.value = v ?? null));
  void surveyChoicesItem.getValue().then((v) => (choices.value = { ...DEFAULT_SURVEY_CHOICES, ...v }), fail);

  liveQuery(() => listBatches(db)).subscribe({ next: (v) => (batches.value = v), error: fail });
  effect(() => {
    const id = openId.value;
    open.value = id ? undefined : null;
    if (!id) return;
    const subscription = liveQuery(() => batchWithRuns(db, id)).subscribe({
      next: (v) => {
        open.value = v;
        if (v) tab.value = v.batch.kind === 'survey' ? 'surveys' : 'probes';
      },
      error: fail,
    });
    return () => subscription.unsubscribe();
  });
  addEventListener('hashchange', () => {
    const route = parseStudiesHash(location.hash);
    openId.value = route.batchId;
    if (route.tab) tab.value = route.tab;
  });

  const targets = (choice: RunChoice) => targetsFor((providers.value ?? []).filter((p) => choice.providerIds.includes(p.id)));
  const setHash = (hash: string) => {
    if (location.hash !== hash) history.pushState(null, '', hash);
  };

  async function launch(kind: BatchRecord['kind'], name: string, data: BatchData): Promise<string> {
    const id = crypto.randomUUID();
    await send('batch.create', { id, kind, name, data });
    state.openBatch(id);
    try {
      await send('batch.start', { batchId: id });
    } catch (err) {
      // The plan is kept: the batch view offers Start again.
      error.value = t('studiesNotStarted', message(err));
    }
    return id;
  }

  const state: StudiesState = {
    tab,
    providers,
    userSets,
    questionnaire,
    choices,
    batches,
    openId,
    open,
    error,
    setTab(next) {
      tab.value = next;
      openId.value = null;
      setHash(`#${next}`);
    },
    openBatch(id) {
      openId.value = id;
      setHash(id ? `#batch=${encodeURIComponent(id)}` : `#${tab.value}`);
    },
    planProbes: (set, choice) => planProbeBatch({ set, targets: targets(choice), languages: choice.languages, now: Date.now() }),
    planSurvey(choice, picked) {
      if (!questionnaire.value) throw new Error(t('studiesNeedQuestionnaire'));
      return planSurveyBatch({
        instrument: questionnaire.value,
        targets: targets(choice),
        languages: choice.languages,
        repetitions: picked.repetitions,
        temperature: picked.temperature,
        seedPolicy: { kind: 'per-repetition', base: picked.seedBase },
        constants: picked.constants,
        now: Date.now(),
      });
    },
    runProbes: (set, choice) => launch('probe-set', set.name, state.planProbes(set, choice)),
    async runSurvey(choice, picked) {
      await state.saveChoices(picked);
      const name = `${questionnaire.value?.name.replace(/ —.*$/, '') ?? 'Survey'} · ${choice.languages.join(', ')} · ${picked.repetitions}×`;
      return launch('survey', name, state.planSurvey(choice, picked));
    },
    async control(batchId, action) {
      await send(`batch.${action}`, { batchId });
    },
    async readAnswer(runId, reading) {
      await send('survey.read', { runId, reading });
    },
    saveSet: (raw, replacing) => saveUserSet(raw, replacing),
    deleteSet: deleteUserSet,
    importSets: importUserSets,
    async importQuestionnaire(text, language, addLanguage) {
      const result = importVsmQuestionnaire(text, language, addLanguage && questionnaire.value ? questionnaire.value : undefined);
      if (result.ok) {
        await questionnaireItem.setValue(result.instrument);
        questionnaire.value = result.instrument;
      }
      return result;
    },
    async clearQuestionnaire() {
      await questionnaireItem.setValue(null);
      questionnaire.value = null;
    },
    async saveChoices(next) {
      choices.value = next;
      await surveyChoicesItem.setValue(next);
    },
  };
  return state;
}
