import { formatBytes } from '@/utils/core/on-device/webllm-disk';
import type { ListedModel } from '@/utils/core/on-device/webllm-engine';
import { t } from '@/utils/core/i18n';

export interface OnDeviceCacheProps {
  /** Downloaded models. */
  models: ListedModel[];
  loaded: string[];
  onUnload: (model: ListedModel) => void;
  onDelete: (model: ListedModel) => void;
}

/** The cache manager: what is downloaded, for what, how much disk it takes, and a way to free GPU memory and disk. */
export function OnDeviceCache({ models, loaded, onUnload, onDelete }: OnDeviceCacheProps) {
  if (!models.length) return null;
  return (
    <div class="field">
      <h3 id="on-device-downloaded">{t('downloadedModels')}</h3>
      <ul class="list" aria-labelledby="on-device-downloaded" data-testid="on-device-cache">
        {models.map((m) => (
          <li key={m.id} data-model={m.id}>
            <span>
              {m.name}
              {m.quantization ? ` · ${m.quantization}` : ''} · {m.kind === 'embedding' ? t('kindEmbedding') : t('kindChat')}
              {m.diskBytes ? t('onDisk', formatBytes(m.diskBytes)) : ''}
              {loaded.includes(m.id) ? t('loadedSuffix') : ''}
            </span>
            <span class="toggle">
              {loaded.includes(m.id) && (
                <button class="link" onClick={() => onUnload(m)}>
                  {t('unload')}
                </button>
              )}
              <button class="link" onClick={() => onDelete(m)}>
                {t('delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
