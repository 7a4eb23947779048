import { formatBytes } from '@/utils/core/on-device/webllm-disk';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EngineEvent, ModelRef } from '@/utils/core/on-device/webllm-engine';
import type { LoadProgress } from '@/utils/core/on-device/webllm-progress';
import { send } from '@/utils/platform/messaging/client';
import { listenLive } from '@/utils/platform/messaging/live';
import type { EngineInfo } from '@/utils/platform/messaging/protocol';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { t } from '@/utils/core/i18n';

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

/** On-device models (WebLLM): WebGPU check, a picker of models this GPU can run, download with progress and cancel. */
export function OnDeviceSettings({ providers, onAdd }: OnDeviceSettingsProps) {
  const [info, setInfo] = useState<EngineInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState('');
  const [activity, setActivity] = useState<Activity>(null);
  const [custom, setCustom] = useState({ modelId: '', modelUrl: '', modelLib: '' });

  const refresh = async () => {
    try {
      await send('runner.ensure', {});
      const next = await send('engine.info', {});
      setInfo(next);
      setSelected((s) => s || next.defaultModel || next.models[0]?.id || '');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const providersRef = useRef(providers);
  providersRef.current = providers;
  /** The download the user started, added to their models once it is ready. */
  const pending = useRef<{ ref: ModelRef; label: string } | null>(null);
  const added = (modelId: string) => providersRef.current.some((p) => p.kind === 'webllm' && p.model === modelId);
  const addModel = async (ref: ModelRef, label: string) => {
    if (added(ref.modelId)) return;
    await onAdd({ id: crypto.randomUUID(), kind: 'webllm', label, baseUrl: ref.modelUrl ?? '', model: ref.modelId, ...(ref.modelLib ? { modelLib: ref.modelLib } : {}) });
  };

  useEffect(() => {
    void refresh();
    return listenLive((event) => {
      if (event.type !== 'engine') return;
      const e: EngineEvent = event.event;
      if (e.phase === 'progress') setActivity({ modelId: e.modelId, progress: e.progress });
      else {
        setActivity(null);
        if (e.phase === 'failed') setError(e.error);
        if (e.phase === 'ready') {
          if (pending.current?.ref.modelId === e.modelId) void addModel(pending.current.ref, pending.current.label);
          void refresh();
        }
        pending.current = null;
      }
    });
  }, []);

  const download = async (ref: ModelRef, label: string) => {
    setError(null);
    setActivity({ modelId: ref.modelId });
    pending.current = { ref, label };
    try {
      await send('engine.load', ref);
    } catch (err) {
      pending.current = null;
      setActivity(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const model = info?.models.find((m) => m.id === selected);
  const p = activity?.progress;
  return (
    <section class="card" aria-labelledby="on-device">
      <h2 id="on-device">{t('onDeviceModels')}</h2>
      <p class="muted">{t('onDeviceIntro')}</p>
      {!info && !error && <p class="muted">{t('checkingWebGpu')}</p>}
      {info && (
        <p data-testid="webgpu-status" class={info.webgpu.available ? '' : 'form-error'}>
          {info.webgpu.available
            ? t('webGpuLine', `${info.webgpu.description}${info.webgpu.fallback ? t('softwareFallbackSlow') : ''}${info.webgpu.shaderF16 ? '' : t('noShaderF16')}`)
            : info.webgpu.reason}
        </p>
      )}
      {info?.webgpu.available && info.models.length > 0 && (
        <div class="field-row">
          <label class="field">
            {t('model')}
            <select value={selected} onChange={(e) => setSelected(e.currentTarget.value)}>
              {info.models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} · {m.quantization} · {t('gpuMemoryOption', mb(m.vramMB))}{m.cached ? t('downloadedSuffix') : ''}
                </option>
              ))}
            </select>
          </label>
          <div class="toggle" style={{ alignSelf: 'end' }}>
            {model?.cached ? (
              <button class="button" disabled={added(model.id)} onClick={() => void addModel({ modelId: model.id }, t('onDeviceSuffix', model.name))}>
                {added(model.id) ? t('inMyModels') : t('addToMyModels')}
              </button>
            ) : (
              <button class="button" disabled={!model || Boolean(activity)} onClick={() => model && void download({ modelId: model.id }, t('onDeviceSuffix', model.name))}>
                {t('download')}
              </button>
            )}
          </div>
        </div>
      )}
      {activity && (
        <div class="field" role="status" aria-live="polite" data-testid="download-progress">
          <progress max={1} value={p?.fraction ?? 0} aria-label={t('downloadingName', activity.modelId)} />
          <span class="muted">
            {p ? `${Math.round(p.fraction * 100)} %${p.fetchedMB !== null ? ` · ${p.fetchedMB} MB` : ''}${p.etaSeconds !== null ? t('aboutSecondsLeft', p.etaSeconds) : ''} · ${p.phase}` : t('startingModel', activity.modelId)}
          </span>
          <div>
            <button class="link" onClick={() => void send('engine.cancel', {}).catch((err: Error) => setError(err.message))}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {info && info.models.some((m) => m.cached) && (
        <ul class="list" aria-label={t('downloadedModels')}>
          {info.models.filter((m) => m.cached).map((m) => (
            <li key={m.id}>
              <span>{m.name} · {m.quantization}{m.diskBytes ? t('onDisk', formatBytes(m.diskBytes)) : ''}{info.loadedModel === m.id ? t('loadedSuffix') : ''}</span>
              <button class="link" onClick={() => void send('engine.delete', { modelId: m.id }).then(refresh).catch((err: Error) => setError(err.message))}>{t('delete')}</button>
            </li>
          ))}
        </ul>
      )}
      {info?.webgpu.available && (
        <details>
          <summary>{t('addCustomModel')}</summary>
          <form class="field" onSubmit={(e) => { e.preventDefault(); void download(custom, t('onDeviceSuffix', custom.modelId)); }}>
            <label class="field">{t('modelId')}<input name="customModelId" value={custom.modelId} onInput={(e) => setCustom({ ...custom, modelId: e.currentTarget.value })} /></label>
            <label class="field">{t('weightsUrl')}<input name="customModelUrl" value={custom.modelUrl} onInput={(e) => setCustom({ ...custom, modelUrl: e.currentTarget.value })} placeholder="https://huggingface.co/mlc-ai/…" /></label>
            <label class="field">{t('libraryUrl')}<input name="customModelLib" value={custom.modelLib} onInput={(e) => setCustom({ ...custom, modelLib: e.currentTarget.value })} /></label>
            <div><button class="button" type="submit" disabled={!custom.modelId || !custom.modelUrl || !custom.modelLib || Boolean(activity)}>{t('downloadCustomModel')}</button></div>
          </form>
        </details>
      )}
      {error && <p class="form-error" role="alert" data-testid="on-device-error">{error}</p>}
    </section>
  );
}
