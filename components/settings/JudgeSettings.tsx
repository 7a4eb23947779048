import { useEffect, useState } from 'preact/hooks';
import { judgeItem, type JudgeSettings as Judge } from '@/utils/judge/settings';
import type { ProviderConfig } from '@/utils/providers/types';

/** Choose the optional judge: a configured endpoint (and model) that grades answers with a fixed rubric. */
export function JudgeSettings({ providers }: { providers: ProviderConfig[] }) {
  const [judge, setJudge] = useState<Judge | null>(null);
  useEffect(() => {
    void judgeItem.getValue().then(setJudge);
    return judgeItem.watch(setJudge);
  }, []);
  const eligible = providers.filter((p) => p.kind !== 'webllm');
  const save = (next: Judge | null) => void judgeItem.setValue(next);
  return (
    <section class="card" aria-labelledby="judge-heading">
      <h2 id="judge-heading">Judge</h2>
      <p class="muted">
        A model of your choice can grade each answer with a fixed rubric (refusal, or value dimensions with quotes). Its
        verdict is shown beside Parallax’s own analysis, never instead of it. Every answer is sent to the judge’s endpoint.
      </p>
      {eligible.length === 0 ? (
        <p class="muted">Add a remote endpoint or Chrome’s built-in model above to use it as a judge.</p>
      ) : (
        <div class="toggle">
          <label>
            Judge
            <select aria-label="Judge endpoint" value={judge?.providerId ?? ''} onChange={(e) => save(e.currentTarget.value ? { providerId: e.currentTarget.value, model: judge?.model } : null)}>
              <option value="">No judge</option>
              {eligible.map((p) => <option key={p.id} value={p.id}>{p.label} · {p.model}</option>)}
            </select>
          </label>
          {judge && (
            <label>
              Model (optional)
              <input aria-label="Judge model" placeholder="the endpoint's default" value={judge.model ?? ''} onChange={(e) => save({ ...judge, model: e.currentTarget.value.trim() || undefined })} />
            </label>
          )}
        </div>
      )}
    </section>
  );
}
