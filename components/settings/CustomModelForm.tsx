import { useState } from 'preact/hooks';
import { modelUrlProblem, toIntegrity } from '@/utils/core/on-device/model-source';
import type { ModelRef } from '@/utils/core/on-device/webllm-engine';
import { t } from '@/utils/core/i18n';

export interface CustomModelFormProps {
  busy: boolean;
  onDownload: (ref: ModelRef) => void;
}

/** Why the form cannot be sent yet (addresses not https:/loopback, a hash that is not one), or null. */
function problemOf(form: { modelUrl: string; modelLib: string; integrity: string }): string | null {
  for (const [label, url] of [
    [t('weightsUrl'), form.modelUrl],
    [t('libraryUrl'), form.modelLib],
  ] as const) {
    if (url.trim() && modelUrlProblem(url.trim())) return t('insecureModelUrl', label);
  }
  if (form.integrity.trim() && !toIntegrity(form.integrity)) return t('integrityInvalid');
  return null;
}

/** A model in MLC format from addresses the user gives, for answers or for divergence by meaning. */
export function CustomModelForm({ busy, onDownload }: CustomModelFormProps) {
  const [form, setForm] = useState({ modelId: '', modelUrl: '', modelLib: '', integrity: '', kind: 'chat' as ModelRef['kind'] });
  const problem = problemOf(form);
  const complete = form.modelId.trim() && form.modelUrl.trim() && form.modelLib.trim();
  return (
    <details>
      <summary>{t('addCustomModel')}</summary>
      <form
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          if (problem || !complete) return;
          const integrity = form.integrity.trim() ? toIntegrity(form.integrity)! : undefined;
          onDownload({
            modelId: form.modelId.trim(),
            modelUrl: form.modelUrl.trim(),
            modelLib: form.modelLib.trim(),
            kind: form.kind,
            ...(integrity ? { integrity } : {}),
          });
        }}
      >
        <label class="field">
          {t('customKind')}
          <select
            name="customKind"
            aria-label={t('customKind')}
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as ModelRef['kind'] })}
          >
            <option value="chat">{t('customKindChat')}</option>
            <option value="embedding">{t('customKindEmbedding')}</option>
          </select>
        </label>
        <label class="field">
          {t('modelId')}
          <input name="customModelId" value={form.modelId} onInput={(e) => setForm({ ...form, modelId: e.currentTarget.value })} />
        </label>
        <label class="field">
          {t('weightsUrl')}
          <input
            name="customModelUrl"
            value={form.modelUrl}
            onInput={(e) => setForm({ ...form, modelUrl: e.currentTarget.value })}
            placeholder="https://huggingface.co/mlc-ai/…"
          />
        </label>
        <label class="field">
          {t('libraryUrl')}
          <input name="customModelLib" value={form.modelLib} onInput={(e) => setForm({ ...form, modelLib: e.currentTarget.value })} />
        </label>
        <label class="field">
          {t('integrityOptional')}
          <input name="customIntegrity" value={form.integrity} onInput={(e) => setForm({ ...form, integrity: e.currentTarget.value })} placeholder="sha256-…" />
        </label>
        <p class="muted">{t('libraryPinnedNote')}</p>
        {problem && (
          <p class="form-error" data-testid="custom-model-problem">
            {problem}
          </p>
        )}
        <div>
          <button class="button" type="submit" disabled={!complete || Boolean(problem) || busy}>
            {t('downloadCustomModel')}
          </button>
        </div>
      </form>
    </details>
  );
}
