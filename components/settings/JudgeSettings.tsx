import { useEffect, useState } from 'preact/hooks';
import { embeddingItem, judgeItem, type EmbeddingSettings, type JudgeSettings as Judge } from '@/utils/judge/settings';
import type { ProviderConfig } from '@/utils/providers/types';

/** Choose the optional judge: a configured endpoint (and model) that grades answers with a fixed rubric. */
export function JudgeSettings({ providers }: { providers: ProviderConfig[] }) {
  const [judge, setJudge] = useState<Judge | null>(null);
  const [embedding, setEmbedding] = useState<EmbeddingSettings | null>(null);
  useEffect(() => {
    void judgeItem.getValue().then(setJudge);
    void embeddingItem.getValue().then(setEmbedding);
    const unwatch = [judgeItem.watch(setJudge), embeddingItem.watch(setEmbedding)];
    return () => unwatch.forEach((u) => u());
  }, []);
  const embedders = providers.filter((p) => p.kind === 'openai-compatible');
  const [embedProvider, setEmbedProvider] = useState('');
  const [embedModel, setEmbedModel] = useState('');
  const eligible = providers.filter((p) => p.kind !== 'webllm');
  const save = (next: Judge | null) => void judgeItem.setValue(next);
  return (
    <section class="card" aria-labelledby="judge-heading">
      <h2 id="judge-heading">Judge and embeddings</h2>
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
      <h3>Divergence by meaning</h3>
      <p class="muted">By default answers are compared by the words they share (after translating them back). An embedding model on an OpenAI-compatible endpoint (e.g. Ollama’s nomic-embed-text) compares them by meaning instead.</p>
      {embedding ? (
        <p>
          Using <strong>{embedding.model}</strong> on {providers.find((p) => p.id === embedding.providerId)?.label ?? 'a removed endpoint'}.{' '}
          <button class="link" onClick={() => void embeddingItem.setValue(null)}>Stop using it</button>
        </p>
      ) : embedders.length === 0 ? (
        <p class="muted">Add an OpenAI-compatible endpoint above to choose an embedding model.</p>
      ) : (
        <form class="toggle" onSubmit={(e) => {
          e.preventDefault();
          if (embedProvider && embedModel.trim()) void embeddingItem.setValue({ providerId: embedProvider, model: embedModel.trim() });
        }}>
          <select aria-label="Embedding endpoint" value={embedProvider} onChange={(e) => setEmbedProvider(e.currentTarget.value)} required>
            <option value="">Choose an endpoint</option>
            {embedders.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
          <input aria-label="Embedding model" placeholder="nomic-embed-text" value={embedModel} onInput={(e) => setEmbedModel(e.currentTarget.value)} required />
          <button class="button secondary small" type="submit">Use for divergence</button>
        </form>
      )}
    </section>
  );
}
