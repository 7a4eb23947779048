import type { ProviderConfig } from '@/utils/providers/types';

export interface EndpointListProps {
  providers: ProviderConfig[];
  hasKey: Set<string>;
  onRemove: (id: string) => void;
}

/** The endpoints every comparison is sent to. */
export function EndpointList({ providers, hasKey, onRemove }: EndpointListProps) {
  return (
    <section class="card" aria-labelledby="endpoints">
      <h2 id="endpoints">Models</h2>
      {providers.length === 0 ? (
        <p class="muted">No model yet. Add an endpoint below: a local server such as Ollama or LM Studio, or an API.</p>
      ) : (
        <ul class="list" data-testid="endpoint-list">
          {providers.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.label}</strong>
                <span class="muted"> · {p.model} · {p.baseUrl}{hasKey.has(p.id) ? ' · key saved' : ''}</span>
              </span>
              <button class="link" onClick={() => onRemove(p.id)} aria-label={`Remove ${p.label}`}>Remove</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
