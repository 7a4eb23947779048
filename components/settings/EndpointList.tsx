import type { ProviderConfig } from '@/utils/core/providers/types';
import { t } from '@/utils/core/i18n';

export interface EndpointListProps {
  providers: ProviderConfig[];
  hasKey: Set<string>;
  onRemove: (id: string) => void;
}

/** The endpoints every comparison is sent to. */
export function EndpointList({ providers, hasKey, onRemove }: EndpointListProps) {
  return (
    <section class="card" aria-labelledby="endpoints">
      <h2 id="endpoints">{t('models')}</h2>
      {providers.length === 0 ? (
        <p class="muted">{t('noModelYet')}</p>
      ) : (
        <ul class="list" data-testid="endpoint-list">
          {providers.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.label}</strong>
                <span class="muted"> · {p.model} · {p.baseUrl}{hasKey.has(p.id) ? t('keySaved') : ''}</span>
              </span>
              <button class="link" onClick={() => onRemove(p.id)} aria-label={t('removeName', p.label)}>{t('remove')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
