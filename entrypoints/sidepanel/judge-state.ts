import { signal, type Signal } from '@preact/signals';
import type { JudgeRubric } from '@/utils/analysis/judge';
import type { ParallaxDB } from '@/utils/db/schema';
import { judgeItem } from '@/utils/judge/settings';
import type { Run } from '@/utils/runner/types';
import { apiKeysItem, settingsItem } from '@/utils/settings';

/** The judge as the panel sees it: whether one is set up, a run in progress, and what went wrong. */
export interface JudgeState {
  /** "OpenAI · gpt-4o-mini", or null when no judge is set up. */
  judgeName: Signal<string | null>;
  progress: Signal<{ done: number; total: number } | null>;
  errors: Signal<string[]>;
  run(rubric: JudgeRubric, prompt: string, runs: Run[]): Promise<void>;
  cancel(): void;
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

  const refresh = async () => {
    const [judge, settings] = await Promise.all([judgeItem.getValue(), settingsItem.getValue()]);
    const endpoint = judge && settings.providers.find((p) => p.id === judge.providerId);
    judgeName.value = endpoint ? `${endpoint.label} · ${judge.model || endpoint.model}` : null;
  };
  void refresh();
  judgeItem.watch(() => void refresh());
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
        errors.value = ['No judge is set up. Choose one in Settings → Judge.'];
        return;
      }
      if (endpoint.kind === 'webllm') {
        errors.value = ['An on-device WebLLM model cannot judge from the panel yet. Choose a remote endpoint or Chrome’s built-in model as judge.'];
        return;
      }
      // Provider code loads only when someone asks the judge.
      const [{ providerFor }, { judgeRuns, withVerdict }] = await Promise.all([import('@/utils/providers/registry'), import('@/utils/judge/run-judge')]);
      const provider = providerFor(endpoint.kind);
      if (!provider) {
        errors.value = [`This version of Parallax cannot ask ${endpoint.kind} engines.`];
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
  };
}
