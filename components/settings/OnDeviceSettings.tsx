import { useEffect, useRef, useState } from 'preact/hooks';
import { formatBytes } from '@/utils/core/on-device/webllm-disk';
import type { EngineEvent, ListedModel, ModelRef } from '@/utils/core/on-device/webllm-engine';
import type { LoadProgress } from '@/utils/core/on-device/webllm-progress';
import { send } from '@/utils/platform/messaging/client';
import { listenLive } from '@/utils/platform/messaging/live';
import type { EngineInfo } from '@/utils/platform/messaging/protocol';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { embeddingItem, onDeviceEmbedding, type EmbeddingSettings } from '@/utils/platform/storage/judge-settings';
import { customOnDeviceModelsItem } from '@/utils/platform/storage/on-device-models';
import { t } from '@/utils/core/i18n';
import { OnDeviceModelPicker } from './OnDeviceModelPicker';
import { OnDeviceCache } from './OnDeviceCache';
import { CustomModelForm } from './CustomModelForm';
import { onDeviceFailureText, type OnDeviceFailure } from './on-device-errors';

/** Where the browser has no on-device engine (Firefox): what is missing, why, and what to use instead. */
export function OnDeviceUnavailable() {
  return (
    <section class="card" aria-labelledby="on-device">
      <h2 id="on-device">{t('onDeviceModels')}</h2>
      <p>{t('onDeviceNotInFirefox')}</p>
    </section>
  );
}

export interface OnDeviceSettingsProps {
  providers: ProviderConfig[];
  onAdd: (config: ProviderConfig) => Promise<void>;
}

type Activity = { modelId: string; progress?: LoadProgress } | null;

const mb = (n: number | null) => (n === null ? '' : n >= 1024 ? `${(n / 1024).toFixed(1)} GB` : `${Math.round(n)} MB`);
const refOf = (m: ListedModel, custom: ModelRef[]): ModelRef => custom.find((c) => c.modelId === m.id) ?? { modelId: m.id, kind: m.kind };

/**
 * On-device models (WebLLM): WebGPU check, pickers of the models this GPU can run (to answer, and to measure
 * divergence by meaning), download with progress and cancel, custom models, and the cache manager.
 */
export function OnDeviceSettings({ providers, onAdd }: OnDeviceSettingsProps) {
  const [info, setInfo] = useState<EngineInfo | null>(null);
  const [failure, setFailure] = useState<OnDeviceFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState({ chat: '', embedding: '' });
  const [activity, setActivity] = useState<Activity>(null);
  const [embedding, setEmbedding] = useState<EmbeddingSettings | null>(null);
  const [custom, setCustom] = useState<ModelRef[]>([]);

  const providersRef = useRef(providers);
  providersRef.current = providers;
  /** Custom models to list: the ones downloaded here, and custom models among the user's endpoints. */
  const customRefs = async () => {
    const stored = await customOnDeviceModelsItem.getValue();
    const fromProviders = providersRef.current
      .filter((p) => p.kind === 'webllm' && p.modelLib)
      .map((p): ModelRef => ({ modelId: p.model, modelUrl: p.baseUrl, modelLib: p.modelLib, kind: 'chat' }));
    return [...stored, ...fromProviders.filter((p) => !stored.some((s) => s.modelId === p.modelId))];
  };
  const refresh = async () => {
    try {
      await send('runner.ensure', {});
      const refs = await customRefs();
      setCustom(refs);
      const next = await send('engine.info', { custom: refs });
      setInfo(next);
      setSelected((s) => ({ chat: s.chat || next.defaultModel || '', embedding: s.embedding || next.defaultEmbeddingModel || '' }));
    } catch (err) {
      setFailure({ error: err instanceof Error ? err.message : String(err) });
    }
  };

  /** The download the user started, and what to do once it is ready. */
  const pending = useRef<{ ref: ModelRef; label: string } | null>(null);
  const added = (modelId: string) => providersRef.current.some((p) => p.kind === 'webllm' && p.model === modelId);
  const addModel = async (ref: ModelRef, label: string) => {
    if (added(ref.modelId)) return;
    await onAdd({
      id: crypto.randomUUID(),
      kind: 'webllm',
      label,
      baseUrl: ref.modelUrl ?? '',
      model: ref.modelId,
      ...(ref.modelLib ? { modelLib: ref.modelLib } : {}),
    });
  };
  const useForDivergence = (ref: ModelRef, name: string) => embeddingItem.setValue({ onDevice: { ...ref, kind: 'embedding' }, name });
  const whenReady = async ({ ref, label }: { ref: ModelRef; label: string }) => {
    if (ref.modelUrl) await customOnDeviceModelsItem.setValue([...(await customOnDeviceModelsItem.getValue()).filter((m) => m.modelId !== ref.modelId), ref]);
    if (ref.kind === 'embedding') await useForDivergence(ref, label);
    else await addModel(ref, t('onDeviceSuffix', label));
  };

  useEffect(() => {
    void refresh();
    void embeddingItem.getValue().then(setEmbedding);
    const unwatch = embeddingItem.watch(setEmbedding);
    const stop = listenLive((event) => {
      if (event.type !== 'engine') return;
      const e: EngineEvent = event.event;
      if (e.phase === 'progress') {
        setActivity({ modelId: e.modelId, progress: e.progress });
        return;
      }
      if (e.phase === 'unloaded') return void refresh();
      setActivity(null);
      if (e.phase === 'failed') setFailure({ code: e.code, error: e.error, suggestion: e.suggestion, detail: e.detail });
      if (e.phase === 'cancelled') setNotice(t('downloadCancelled'));
      const started = e.phase === 'ready' && pending.current?.ref.modelId === e.modelId ? pending.current : null;
      if (e.phase !== 'ready' || started) pending.current = null;
      // The cache manager is asked again once the model is remembered (a custom one is listed from then on).
      void (started ? whenReady(started) : Promise.resolve()).finally(refresh);
    });
    return () => {
      unwatch();
      stop();
    };
  }, []);

  const download = async (ref: ModelRef, label: string) => {
    setFailure(null);
    setNotice(null);
    setActivity({ modelId: ref.modelId });
    pending.current = { ref, label };
    try {
      await send('engine.load', ref);
    } catch (err) {
      pending.current = null;
      setActivity(null);
      setFailure({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  const act = (action: Promise<unknown>) =>
    void action.then(refresh).catch((err: unknown) => setFailure({ error: err instanceof Error ? err.message : String(err) }));
  const remove = async (m: ListedModel) => {
    const ref = refOf(m, custom);
    await send('engine.delete', ref);
    await customOnDeviceModelsItem.setValue((await customOnDeviceModelsItem.getValue()).filter((c) => c.modelId !== m.id));
    if (onDeviceEmbedding(await embeddingItem.getValue())?.onDevice.modelId === m.id) await embeddingItem.setValue(null);
  };

  const models = info?.models ?? [];
  const chatModels = models.filter((m) => m.kind === 'chat' && !m.custom);
  const embeddingModels = models.filter((m) => m.kind === 'embedding' && !m.custom);
  const inUse = onDeviceEmbedding(embedding)?.onDevice.modelId;
  const p = activity?.progress;
  return (
    <section class="card" aria-labelledby="on-device">
      <h2 id="on-device">{t('onDeviceModels')}</h2>
      <p class="muted">{t('onDeviceIntro')}</p>
      {!info && !failure && <p class="muted">{t('checkingWebGpu')}</p>}
      {info && (
        <p data-testid="webgpu-status" class={info.webgpu.available ? '' : 'form-error'}>
          {info.webgpu.available
            ? t(
                'webGpuLine',
                `${info.webgpu.description}${info.webgpu.fallback ? t('softwareFallbackSlow') : ''}${info.webgpu.shaderF16 ? '' : t('noShaderF16')}`,
              )
            : info.webgpu.reason}
        </p>
      )}
      {info?.webgpu.available && chatModels.length > 0 && (
        <OnDeviceModelPicker
          heading={t('chatModelsHeading')}
          label={t('answerModelLabel')}
          models={chatModels}
          selected={selected.chat}
          onSelect={(chat) => setSelected({ ...selected, chat })}
          optionText={(m) => `${m.name} · ${m.quantization} · ${t('gpuMemoryOption', mb(m.vramMB))}${m.cached ? t('downloadedSuffix') : ''}`}
          action={(m) =>
            m?.cached
              ? {
                  label: added(m.id) ? t('inMyModels') : t('addToMyModels'),
                  disabled: added(m.id),
                  onClick: () => void addModel({ modelId: m.id }, t('onDeviceSuffix', m.name)),
                }
              : { label: t('download'), disabled: !m || Boolean(activity), onClick: () => m && void download({ modelId: m.id, kind: 'chat' }, m.name) }
          }
        />
      )}
      {info?.webgpu.available && embeddingModels.length > 0 && (
        <OnDeviceModelPicker
          heading={t('embeddingModelsHeading')}
          intro={t('embeddingModelsIntro')}
          label={t('embeddingModelLabel')}
          models={embeddingModels}
          selected={selected.embedding}
          onSelect={(id) => setSelected({ ...selected, embedding: id })}
          optionText={(m) =>
            `${t('embeddingOption', `${m.name} · ${m.quantization}`, m.downloadBytes ? formatBytes(m.downloadBytes) : '?', mb(m.vramMB))}${m.cached ? t('downloadedSuffix') : ''}`
          }
          action={(m) =>
            m?.cached
              ? {
                  label: inUse === m.id ? t('inUseForDivergence') : t('useForDivergence'),
                  disabled: inUse === m.id,
                  onClick: () => void useForDivergence({ modelId: m.id }, m.name),
                }
              : { label: t('download'), disabled: !m || Boolean(activity), onClick: () => m && void download({ modelId: m.id, kind: 'embedding' }, m.name) }
          }
        />
      )}
      {activity && (
        <div class="field" role="status" aria-live="polite" data-testid="download-progress">
          <progress max={1} value={p?.fraction ?? 0} aria-label={t('downloadingName', activity.modelId)} />
          <span class="muted" data-testid="download-progress-text">
            {p
              ? `${Math.round(p.fraction * 100)} %${p.fetchedMB !== null ? ` · ${p.fetchedMB} MB` : ''}${p.etaSeconds !== null ? t('aboutSecondsLeft', p.etaSeconds) : ''} · ${p.phase === 'downloading' ? t('phaseDownloading') : t('phaseLoading')}`
              : t('startingModel', activity.modelId)}
          </span>
          <div>
            <button
              class="link"
              onClick={() => void send('engine.cancel', {}).catch((err: unknown) => setFailure({ error: err instanceof Error ? err.message : String(err) }))}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {notice && !activity && (
        <p class="muted" role="status" data-testid="on-device-notice">
          {notice}
        </p>
      )}
      {info && (
        <OnDeviceCache
          models={models.filter((m) => m.cached)}
          loaded={info.loadedModels}
          onUnload={(m) => act(send('engine.unload', { modelId: m.id }))}
          onDelete={(m) => act(remove(m))}
        />
      )}
      {info?.webgpu.available && <CustomModelForm busy={Boolean(activity)} onDownload={(ref) => void download(ref, ref.modelId)} />}
      {failure && (
        <p class="form-error" role="alert" data-testid="on-device-error">
          {onDeviceFailureText(failure)}
        </p>
      )}
    </section>
  );
}
