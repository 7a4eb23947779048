import { signal, type Signal } from '@preact/signals';
import type { JudgeRubric } from '@/utils/core/analysis/judge';
import type { ParallaxDB } from '@/utils/platform/db/schema';
import { embeddingItem, judgeItem } from '@/utils/platform/storage/judge-settings';
import type { Run } from '@/utils/core/runner/types';
import { apiKeysItem, settingsItem } from '@/utils/platform/storage/settings';
import { t } from '@/utils/core/i18n';

/** The judge as the panel sees it: whether one is set up, a run in progress, and what went wrong. */
export interface JudgeState {
  /** "OpenAI · gpt-4o-mini", or null when no judge is set up. */
  judgeName: Signal<string | null>;
  progress: Signal<{ done: number; total: number } | null>;
  errors: Signal<string[]>;
  run(rubric: JudgeRubric, prompt: string, runs: Run[]): Promise<void>;
  cancel(): void;
  /** "Ollama · nomic-embed-text", or null when no embedding model is set up. */
  embeddingName: Signal<string | null>;
  /** Divergence by meaning of the answers last measured (run ids in matrix order). */
  meaning: Signal<{ order: string[]; matrix: number[][]; model: string } | null>;
  measureMeaning(runs: Run[]): Promise<void>;
}

/**
 * The optional judge, run from the panel (an extension page, so the key never leaves extension storage). Each
 * verdict is stored on its run as it arrives; closing the panel loses only the verdicts not yet given.
 */
export function createJudgeState(db: ParallaxDB): JudgeState {
  const judgeName = signal<string | null>(null);
  const progress = signal<{ done: number; total: number } | null>(null);
  const errors = signal<string[]>([]);
  let controller: AbortController | null = null;

  const embeddingName = signal<string | null>(null);
  const meaning = signal<{ order: string[]; matrix: number[][]; model: string } | null>(null);
  const refresh = async () => {
    const [judge, embedding, settings] = await Promise.all([judgeItem.getValue(), embeddingItem.getValue(), settingsItem.getValue()]);
    const endpoint = judge && settings.providers.find((p) => p.id === judge.providerId);
    judgeName.value = endpoint ? `${endpoint.label} · ${judge.model || endpoint.model}` : null;
    const embedder = embedding && settings.providers.find((p) => p.id === embedding.providerId);
    embeddingName.value = embedder ? `${embedder.label} · ${embedding.model}` : null;
  };
  void refresh();
  judgeItem.watch(() => void refresh());
  embeddingItem.watch(() => void refresh());
  settingsItem.watch(() => void refresh());

  return {
    judgeName,
    progress,
    errors,
    async run(rubric, prompt, runs) {
      controller?.abort();
      const own = (controller = new AbortController());
      errors.value = [];
      const [judge, settings, keys] = await Promise.all([judgeItem.getValue(), settingsItem.getValue(), apiKeysItem.getValue()]);
      const endpoint = judge && settings.providers.find((p) => p.id === judge.providerId);
      if (!judge || !endpoint) {
        errors.value = [t('noJudgeSetUp')];
        return;
      }
      if (endpoint.kind === 'webllm') {
        errors.value = [t('webllmCannotJudge')];
        return;
      }
      // Provider code loads only when someone asks the judge.
      const [{ providerFor }, { judgeRuns, withVerdict }] = await Promise.all([import('@/utils/core/providers/registry'), import('@/utils/core/runner/run-judge')]);
      const provider = providerFor(endpoint.kind);
      if (!provider) {
        errors.value = [t('cannotAskEngines', endpoint.kind)];
        return;
      }
      const model = judge.model || endpoint.model;
      progress.value = { done: 0, total: runs.filter((r) => r.state === 'done' && r.text.trim()).length };
      try {
        await judgeRuns(rubric, prompt, runs, { provider, conn: { baseUrl: endpoint.baseUrl, apiKey: keys[endpoint.id], modelLib: endpoint.modelLib }, model, by: `${endpoint.label}·${model}` }, own.signal, async (outcome, done, total) => {
          progress.value = { done, total };
          if ('error' in outcome) {
            errors.value = [...errors.value, outcome.error];
            return;
          }
          await db.transaction('rw', db.runs, async () => {
            const stored = await db.runs.get(outcome.runId);
            if (stored) await db.runs.update(outcome.runId, { judge: withVerdict(stored.judge, outcome.verdict) });
          });
        });
      } finally {
        if (controller === own) {
          controller = null;
          progress.value = null;
        }
      }
    },
    cancel() {
      controller?.abort();
    },
    embeddingName,
    meaning,
    async measureMeaning(runs) {
      errors.value = [];
      const [embedding, settings, keys] = await Promise.all([embeddingItem.getValue(), settingsItem.getValue(), apiKeysItem.getValue()]);
      const endpoint = embedding && settings.providers.find((p) => p.id === embedding.providerId);
      if (!embedding || !endpoint) {
        errors.value = [t('noEmbeddingSetUp')];
        return;
      }
      const answered = runs.filter((r) => r.state === 'done' && r.text.trim());
      const [{ embedTexts }, { cosineMatrix }] = await Promise.all([import('@/utils/core/providers/embeddings'), import('@/utils/core/analysis/divergence')]);
      progress.value = { done: 0, total: 1 };
      try {
        const vectors = await embedTexts({ baseUrl: endpoint.baseUrl, apiKey: keys[endpoint.id] }, embedding.model, answered.map((r) => r.backTranslation?.text || r.text), new AbortController().signal);
        meaning.value = { order: answered.map((r) => r.id), matrix: cosineMatrix(vectors), model: embedding.model };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const key = keys[endpoint.id];
        errors.value = [key && key.length >= 4 ? message.split(key).join('[key]') : message];
      } finally {
        progress.value = null;
      }
    },
  };
}
