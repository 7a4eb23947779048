import { useState } from 'preact/hooks';
import type { ProviderConfig } from '@/utils/core/providers/types';
import { LISTABLE_KINDS, type ListableKind } from '@/utils/core/providers/models';
import type { EndpointCheck, EndpointModelsRequest } from '@/utils/platform/messaging/protocol-endpoints';
import { t } from '@/utils/core/i18n';
import { destinationTag } from '../shared/Destination';
import { ConnectionResult, useConnectionCheck } from './ConnectionCheck';
import { UndoToast } from './UndoToast';

/** An endpoint taken out of the list, kept until Undo is no longer offered. */
export interface RemovedEndpoint {
  config: ProviderConfig;
  /** Where it stood in the list. */
  index: number;
}

export interface EndpointListProps {
  providers: ProviderConfig[];
  hasKey: Set<string>;
  /** Takes the endpoint out of the settings; its key is kept until {@link onForget}. */
  onRemove: (id: string) => Promise<RemovedEndpoint | null>;
  /** Undo: puts it back where it was, with its key. */
  onRestore?: (removed: RemovedEndpoint) => Promise<void>;
  /** Undo is over: the removed endpoint's key goes. */
  onForget?: (id: string) => Promise<void>;
  /** Tests a saved endpoint with its saved key (absent: no Test buttons). */
  checkEndpoint?: (request: EndpointModelsRequest) => Promise<EndpointCheck>;
  /** This extension's origin, for the local-server advice. */
  origin?: string;
}

/** The endpoints every comparison is sent to: where each sends prompts, a test, and removal with Undo. */
export function EndpointList({ providers, hasKey, onRemove, onRestore, onForget, checkEndpoint, origin = '' }: EndpointListProps) {
  const [removed, setRemoved] = useState<RemovedEndpoint | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const check = useConnectionCheck(checkEndpoint ?? (() => Promise.reject(new Error('no test'))));
  const finish = (gone: RemovedEndpoint | null) => gone && void onForget?.(gone.config.id);
  const remove = async (id: string) => {
    finish(removed); // a second removal makes the first one final
    if (testing === id) setTesting(null);
    setRemoved(await onRemove(id));
  };
  const test = (p: ProviderConfig) => {
    setTesting(p.id);
    void check.run({ kind: p.kind as ListableKind, baseUrl: p.baseUrl, providerId: p.id });
  };
  return (
    <section class="card" aria-labelledby="endpoints">
      <h2 id="endpoints">{t('models')}</h2>
      {providers.length === 0 ? (
        <p class="muted">{t('noModelYet')}</p>
      ) : (
        <ul class="list" data-testid="endpoint-list">
          {providers.map((p) => (
            <li key={p.id} class="endpoint-item">
              <span>
                <strong>{p.label}</strong>
                <span class="muted">
                  {' '}
                  · {p.model} · {p.baseUrl}
                  {hasKey.has(p.id) ? t('keySaved') : ''}
                </span>
                <span class="destination-tag" data-testid="endpoint-destination">
                  {' '}
                  · {destinationTag(p)}
                </span>
              </span>
              <span class="endpoint-actions">
                {checkEndpoint && (LISTABLE_KINDS as readonly string[]).includes(p.kind) && (
                  <button class="link" onClick={() => test(p)} aria-label={t('testName', p.label)}>
                    {t('test')}
                  </button>
                )}
                <button class="link" onClick={() => void remove(p.id)} aria-label={t('removeName', p.label)}>
                  {t('remove')}
                </button>
              </span>
              {testing === p.id && (
                <div class="endpoint-check">
                  <ConnectionResult check={check.check} model={p.model} extensionOrigin={origin} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {removed && (
        <UndoToast
          message={t('removedName', removed.config.label)}
          onUndo={() => {
            const back = removed;
            setRemoved(null);
            void onRestore?.(back);
          }}
          onExpire={() => {
            finish(removed);
            setRemoved(null);
          }}
        />
      )}
    </section>
  );
}
