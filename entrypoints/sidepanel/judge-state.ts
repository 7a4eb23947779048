import { signal, type Signal } from '@preact/signals';
import type { JudgeRubric } from '@/utils/core/analysis/judge';
import { embeddingItem, judgeItem, onDeviceEmbedding } from '@/utils/platform/storage/judge-settings';
import { send } from '@/utils/platform/messaging/client';
import type { Run } from '@/utils/core/runner/types';
import { apiKeysItem, settingsItem } from '@/utils/platform/storage/settings';
import { t } from '@/utils/core/i18n';

/** The opening of each answer sent to an on-device embedding model (its window is 512 tokens; the engine fits it). */
const MAX_EMBED_SENT = 4_000;

/** The judge as the panel sees it: whether one is set up, a run in progress, and what went wrong. */
export interface JudgeState {
  /** "OpenAI · gpt-4o-mini", or null when no judge is set up. */
  judgeName: Signal<string | null>;
  progress: Signal<{ done: number; total: number } | null>;
  errors: Signal<string[]>;
  run: (rubric: JudgeRubric, prompt: string, runs: Run[]) => Promise<void>;
  cancel: () => void;
  /** "Ollama · nomic-embed-text", or null when no embedding model is set up. */
  embeddingName: Signal<string | null>;
  /** Divergence by meaning of the answers last measured (run ids in matrix order). */
  meaning: Signal<{ order: string[]; matrix: number[][]; model: string } | null>;
  measureMeaning: (runs: Run[]) => Promise<void>;
}

/**
 * The optional judge, run from the panel (an extension page, so the key never leaves extension storage). Each
 * verdict is stored on its run as it arrives; closing the panel loses only the verdicts not yet given.
 */
export function createJudgeState(): JudgeState {
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
    const onDevice = onDeviceEmbedding(embedding);
    const embedder = embedding && !onDevice && 'providerId' in embedding ? settings.providers.find((p) => p.id === embedding.providerId) : undefined;
    embeddingName.value = onDevice
      ? t('onThisDeviceName', onDevice.name)
      : embedder && embedding && 'model' in embedding
        ? `${embedder.label} · ${embedding.model}`
        : null;
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
      const [{ providerFor }, { judgeRuns }] = await Promise.all([import('@/utils/core/providers/registry'), import('@/utils/core/runner/run-judge')]);
      const provider = providerFor(endpoint.kind);
      if (!provider) {
        errors.value = [t('cannotAskEngines', endpoint.kind)];
        return;
      }
      const model = judge.model || endpoint.model;
      progress.value = { done: 0, total: runs.filter((r) => r.state === 'done' && r.text.trim()).length };
      try {
        await judgeRuns(
          rubric,
          prompt,
          runs,
          { provider, conn: { baseUrl: endpoint.baseUrl, apiKey: keys[endpoint.id], modelLib: endpoint.modelLib }, model, by: `${endpoint.label}·${model}` },
          own.signal,
          async (outcome, done, total) => {
            progress.value = { done, total };
            if ('error' in outcome) {
              errors.value = [...errors.value, outcome.error];
              return;
            }
            await send('run.judged', { runId: outcome.runId, verdict: outcome.verdict });
          },
        );
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
      const onDevice = onDeviceEmbedding(embedding);
      const endpoint = embedding && !onDevice && 'providerId' in embedding ? settings.providers.find((p) => p.id === embedding.providerId) : undefined;
      if (!onDevice && (!embedding || !endpoint)) {
        errors.value = [t('noEmbeddingSetUp')];
        return;
      }
      const answered = runs.filter((r) => r.state === 'done' && r.text.trim());
      const texts = answered.map((r) => r.backTranslation?.text || r.text);
      const { cosineMatrix } = await import('@/utils/core/analysis/divergence');
      progress.value = { done: 0, total: 1 };
      try {
        let vectors: number[][];
        let model: string;
        if (onDevice) {
          // Computed by the runner host's engine, on this device: the answers go nowhere else.
          await send('runner.ensure', {});
          vectors = (await send('engine.embed', { ...onDevice.onDevice, texts: texts.map((text) => text.slice(0, MAX_EMBED_SENT)) })).vectors;
          model = onDevice.onDevice.modelId;
        } else {
          const { embedTexts } = await import('@/utils/core/providers/embeddings');
          model = (embedding as { model: string }).model;
          vectors = await embedTexts({ baseUrl: endpoint!.baseUrl, apiKey: keys[endpoint!.id] }, model, texts, new AbortController().signal);
        }
        meaning.value = { order: answered.map((r) => r.id), matrix: cosineMatrix(vectors), model };
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const key = endpoint && keys[endpoint.id];
        errors.value = [key && key.length >= 4 ? message.split(key).join('[key]') : message];
      } finally {
        progress.value = null;
      }
    },
  };
}
