import { useId, useState } from 'preact/hooks';
import type { ProviderConfig, ProviderKind } from '@/utils/core/providers/types';
import type { ListableKind } from '@/utils/core/providers/models';
import { PROVIDERS } from '@/utils/core/providers/registry';
import { ENDPOINT_PRESETS } from '@/utils/core/providers/presets';
import { extensionOrigin, originPatternOf, requestAccess } from '@/utils/platform/permissions';
import { send } from '@/utils/platform/messaging/client';
import type { EndpointCheck, EndpointModelsRequest } from '@/utils/platform/messaging/protocol-endpoints';
import { t } from '@/utils/core/i18n';
import { isLoopbackHost } from '@/utils/core/providers/local-endpoint';
import { ConnectionResult, useConnectionCheck } from './ConnectionCheck';

export interface EndpointFormProps {
  onAdd: (config: ProviderConfig, apiKey: string) => Promise<void>;
  /** Asks the background for the server's models (tests pass a double). */
  checkEndpoint?: (request: EndpointModelsRequest) => Promise<EndpointCheck>;
  /** This extension's origin, for the local-server advice (default: this copy's). */
  origin?: string;
}

/** Checks a base URL and returns a message saying what is wrong, or null. */
function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return t('enterFullAddress');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return t('addressMustStart');
  return null;
}

/** A key would cross the network unencrypted: plain http: to a host other than this computer. */
function keyOverPlainHttp(baseUrl: string, apiKey: string): boolean {
  if (!apiKey.trim()) return false;
  try {
    const url = new URL(baseUrl.trim());
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Adds an endpoint: kind, name, base URL, model, optional key. Asks for access to the endpoint's origin.
 * "Test connection" asks the server for its models (in the background, where host access applies) and offers
 * them for the model field, which stays free to type in.
 */
export function EndpointForm({ onAdd, checkEndpoint = (r) => send('endpoint.models', r), origin = extensionOrigin() }: EndpointFormProps) {
  const kinds = PROVIDERS.filter((p) => p.kind !== 'webllm' && p.kind !== 'chrome-builtin');
  const [kind, setKindRaw] = useState<ProviderKind>('openai-compatible');
  const [label, setLabel] = useState('');
  const [baseUrl, setBaseUrlRaw] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKeyRaw] = useState('');
  const check = useConnectionCheck(checkEndpoint);
  const listId = useId();
  // A test says something about one kind, address and key only.
  const setKind = (v: ProviderKind) => {
    setKindRaw(v);
    check.reset();
  };
  const setBaseUrl = (v: string) => {
    setBaseUrlRaw(v);
    check.reset();
  };
  const setApiKey = (v: string) => {
    setApiKeyRaw(v);
    check.reset();
  };

  const testConnection = async () => {
    const problem = baseUrlProblem(baseUrl);
    if (problem) {
      check.block(problem);
      return;
    }
    // Ask first: the browser only shows the permission prompt during the click.
    if (!(await requestAccess([originPatternOf(baseUrl.trim())]))) {
      check.block(t('checkNoAccess', new URL(baseUrl.trim()).host));
      return;
    }
    const result = await check.run({ kind: kind as ListableKind, baseUrl: baseUrl.trim(), ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}) });
    // An empty model field takes the server's first model; a typed one is kept (and flagged when not listed).
    const first = result && 'models' in result ? result.models[0] : undefined;
    if (first) setModel((m) => m.trim() || first);
  };
  const [parallel, setParallel] = useState('4');
  const [temperature, setTemperature] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** The address the user chose to send a key to over plain http anyway (after the warning). */
  const [warnedFor, setWarnedFor] = useState<string | null>(null);
  const warnPlainHttp = keyOverPlainHttp(baseUrl, apiKey);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const temp = temperature.trim() === '' ? undefined : Number(temperature);
    const problem =
      baseUrlProblem(baseUrl) ??
      (model.trim() ? null : t('enterModelName')) ??
      (temp === undefined || (temp >= 0 && temp <= 2) ? null : t('temperatureRange')) ??
      (Number.isInteger(Number(parallel)) && Number(parallel) >= 1 && Number(parallel) <= 16 ? null : t('parallelRange'));
    if (problem) {
      setError(problem);
      return;
    }
    if (warnPlainHttp && warnedFor !== baseUrl.trim()) {
      setWarnedFor(baseUrl.trim());
      setError(null);
      return;
    }
    // Ask first: the browser only shows the permission prompt during the click.
    if (!(await requestAccess([originPatternOf(baseUrl.trim())]))) {
      setError(t('needsAccessTo', new URL(baseUrl.trim()).host));
      return;
    }
    const name = label.trim() || `${model.trim()} @ ${new URL(baseUrl.trim()).host}`;
    try {
      await onAdd(
        {
          id: crypto.randomUUID(),
          kind,
          label: name,
          baseUrl: baseUrl.trim(),
          model: model.trim(),
          maxConcurrent: Number(parallel),
          ...(temp !== undefined ? { temperature: temp } : {}),
        },
        apiKey.trim(),
      );
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return;
    }
    setError(null);
    setWarnedFor(null);
    setSaved(t('addedName', name));
    setLabel('');
    setBaseUrl('');
    setModel('');
    setApiKey('');
    check.reset();
  };

  return (
    <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="add-endpoint">
      <h2 id="add-endpoint">{t('addAnEndpoint')}</h2>
      <div class="field">
        <span class="muted">{t('startFromPreset')}</span>
        <div class="toggle" style={{ flexWrap: 'wrap' }}>
          {ENDPOINT_PRESETS.map((p) => (
            <button
              type="button"
              class="button secondary small"
              key={p.label}
              onClick={() => {
                setKind(p.kind);
                setBaseUrl(p.baseUrl);
                setModel(p.model);
                setLabel(p.label);
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
      </div>
      <div class="field-row">
        <label class="field">
          {t('kind')}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as ProviderKind)}>
            {kinds.map((p) => (
              <option key={p.kind} value={p.kind}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          {t('nameOptional')}
          <input value={label} onInput={(e) => setLabel(e.currentTarget.value)} placeholder={t('endpointNamePlaceholder')} />
        </label>
      </div>
      <div class="field-row">
        <label class="field">
          {t('baseUrl')}
          <input name="baseUrl" value={baseUrl} onInput={(e) => setBaseUrl(e.currentTarget.value)} placeholder="http://localhost:11434/v1" inputMode="url" />
        </label>
        <label class="field">
          {t('model')}
          <input
            name="model"
            list={listId}
            autocomplete="off"
            value={model}
            onInput={(e) => setModel(e.currentTarget.value)}
            placeholder={check.models.length ? t('chooseOrTypeModel') : 'llama3.2'}
          />
          <datalist id={listId} data-testid="model-options">
            {check.models.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </label>
      </div>
      <label class="field">
        {t('apiKeyOptional')}
        <input name="apiKey" type="password" autocomplete="off" value={apiKey} onInput={(e) => setApiKey(e.currentTarget.value)} />
      </label>
      <div class="check-row">
        <button type="button" class="button secondary small" disabled={check.check.state === 'testing'} onClick={() => void testConnection()}>
          {t('testConnection')}
        </button>
        <ConnectionResult check={check.check} model={model} extensionOrigin={origin} />
      </div>
      <div class="field-row">
        <label class="field">
          {t('parallelRequests')}
          <input name="parallel" type="number" min={1} max={16} value={parallel} onInput={(e) => setParallel(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('temperatureEmptyDefault')}
          <input name="temperature" inputMode="decimal" value={temperature} onInput={(e) => setTemperature(e.currentTarget.value)} placeholder="0.7" />
        </label>
      </div>
      {warnPlainHttp && warnedFor === baseUrl.trim() && (
        <p class="form-error" role="alert" data-testid="plain-http-warning">
          {t('keyOverPlainHttp', new URL(baseUrl.trim()).host)}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p class="ok-text" role="status">
          {saved}
        </p>
      )}
      <div>
        <button class="button" type="submit">
          {warnPlainHttp && warnedFor === baseUrl.trim() ? t('addAnyway') : t('addEndpoint')}
        </button>
      </div>
    </form>
  );
}
