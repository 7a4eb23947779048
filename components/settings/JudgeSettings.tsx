import { useEffect, useState } from 'preact/hooks';
import { embeddingItem, judgeItem, onDeviceEmbedding, type EmbeddingSettings, type JudgeSettings as Judge } from '@/utils/platform/storage/judge-settings';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { t } from '@/utils/core/i18n';
import { Interpolated } from '../shared/Interpolated';
import { perBrowser } from '@/utils/platform/browser-kind';

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
      <h2 id="judge-heading">{t('judgeAndEmbeddings')}</h2>
      <p class="muted">{t('judgeIntro')}</p>
      {eligible.length === 0 ? (
        <p class="muted">{t(perBrowser({ chromium: 'addEndpointForJudge', firefox: 'addEndpointForJudgeFirefox' }))}</p>
      ) : (
        <div class="toggle">
          <label>
            {t('judge')}
            <select
              aria-label={t('judgeEndpoint')}
              value={judge?.providerId ?? ''}
              onChange={(e) => save(e.currentTarget.value ? { providerId: e.currentTarget.value, model: judge?.model } : null)}
            >
              <option value="">{t('noJudge')}</option>
              {eligible.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label} · {p.model}
                </option>
              ))}
            </select>
          </label>
          {judge && (
            <label>
              {t('modelOptional')}
              <input
                aria-label={t('judgeModel')}
                placeholder={t('endpointsDefault')}
                value={judge.model ?? ''}
                onChange={(e) => save({ ...judge, model: e.currentTarget.value.trim() || undefined })}
              />
            </label>
          )}
        </div>
      )}
      <h3>{t('divergenceByMeaning')}</h3>
      <p class="muted">{t('divergenceIntro')}</p>
      {embedding ? (
        <p data-testid="embedding-in-use">
          {'onDevice' in embedding ? (
            <Interpolated id="usingOnDeviceEmbedding" parts={[<strong key="model">{onDeviceEmbedding(embedding)!.name}</strong>]} />
          ) : (
            <Interpolated
              id="usingEmbedding"
              parts={[<strong key="model">{embedding.model}</strong>, providers.find((p) => p.id === embedding.providerId)?.label ?? t('aRemovedEndpoint')]}
            />
          )}{' '}
          <button class="link" onClick={() => void embeddingItem.setValue(null)}>
            {t('stopUsingIt')}
          </button>
        </p>
      ) : embedders.length === 0 ? (
        <p class="muted">
          {t('addEndpointForEmbedding')} {t('embeddingOnDeviceHint')}
        </p>
      ) : (
        <form
          class="toggle"
          onSubmit={(e) => {
            e.preventDefault();
            if (embedProvider && embedModel.trim()) void embeddingItem.setValue({ providerId: embedProvider, model: embedModel.trim() });
          }}
        >
          <select aria-label={t('embeddingEndpoint')} value={embedProvider} onChange={(e) => setEmbedProvider(e.currentTarget.value)} required>
            <option value="">{t('chooseAnEndpoint')}</option>
            {embedders.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <input
            aria-label={t('embeddingModel')}
            placeholder="nomic-embed-text"
            value={embedModel}
            onInput={(e) => setEmbedModel(e.currentTarget.value)}
            required
          />
          <button class="button secondary small" type="submit">
            {t('useForDivergence')}
          </button>
        </form>
      )}
      {!embedding && embedders.length > 0 && <p class="muted">{t('embeddingOnDeviceHint')}</p>}
    </section>
  );
}
