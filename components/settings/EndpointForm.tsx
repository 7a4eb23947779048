import { useId, useState } from 'preact/hooks';
import type { ProviderConfig, ProviderKind } from '@/utils/core/providers/types';
import type { ListableKind } from '@/utils/core/providers/models';
import { PROVIDERS } from '@/utils/core/providers/registry';
import { ENDPOINT_PRESETS } from '@/utils/core/providers/presets';
import { extensionOrigin, originPatternOf, requestAccess } from '@/utils/platform/permissions';
import { send } from '@/utils/platform/messaging/client';
import type { EndpointCheck, EndpointModelsRequest } from '@/utils/platform/messaging/protocol-endpoints';
import { t } from '@/utils/core/i18n';
import { ConnectionResult, useConnectionCheck } from './ConnectionCheck';

export interface EndpointFormProps {
  onAdd: (config: ProviderConfig, apiKey: string) => Promise<void>;
  /** Asks the background for the server's models (tests pass a double). */
  checkEndpoint?: (request: EndpointModelsRequest) => Promise<EndpointCheck>;
  /** This extension's origin, for the local-server advice (default: this copy's). */
  origin?: string;
}

/** Checks a base URL and returns a message saying what is wrong, or null. */
export function baseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return t('enterFullAddress');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return t('addressMustStart');
  return null;
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
  const setKind = (v: ProviderKind) => (setKindRaw(v), check.reset());
  const setBaseUrl = (v: string) => (setBaseUrlRaw(v), check.reset());
  const setApiKey = (v: string) => (setApiKeyRaw(v), check.reset());

  const testConnection = async () => {
    const problem = baseUrlProblem(baseUrl);
    if (problem) return check.block(problem);
    // Ask first: the browser only shows the permission prompt during the click.
    if (!(await requestAccess([originPatternOf(baseUrl.trim())]))) return check.block(t('checkNoAccess', new URL(baseUrl.trim()).host));
    const result = await check.run({ kind: kind as ListableKind, baseUrl: baseUrl.trim(), ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}) });
    // An empty model field takes the server's first model; a typed one is kept (and flagged when not listed).
    const first = result && 'models' in result ? result.models[0] : undefined;
    if (first) setModel((m) => m.trim() || first);
  };
  const [parallel, setParallel] = useState('4');
  const [temperature, setTemperature] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const temp = temperature.trim() === '' ? undefined : Number(temperature);
    const problem =
      baseUrlProblem(baseUrl) ??
      (model.trim() ? null : t('enterModelName')) ??
      (temp === undefined || (temp >= 0 && temp <= 2) ? null : t('temperatureRange')) ??
      (Number.isInteger(Number(parallel)) && Number(parallel) >= 1 && Number(parallel) <= 16 ? null : t('parallelRange'));
    if (problem) return setError(problem);
    // Ask first: the browser only shows the permission prompt during the click.
    if (!(await requestAccess([originPatternOf(baseUrl.trim())]))) {
      return setError(t('needsAccessTo', new URL(baseUrl.trim()).host));
    }
    const name = label.trim() || `${model.trim()} @ ${new URL(baseUrl.trim()).host}`;
    await onAdd(
      { id: crypto.randomUUID(), kind, label: name, baseUrl: baseUrl.trim(), model: model.trim(), maxConcurrent: Number(parallel), ...(temp !== undefined ? { temperature: temp } : {}) },
      apiKey.trim(),
    );
    setError(null);
    setSaved(t('addedName', name));
    setLabel('');
    setBaseUrl('');
    setModel('');
    setApiKey('');
    check.reset();
  };

  return (
    <form class="card" onSubmit={submit} aria-labelledby="add-endpoint">
      <h2 id="add-endpoint">{t('addAnEndpoint')}</h2>
      <div class="field">
        <span class="muted">{t('startFromPreset')}</span>
        <div class="toggle" style={{ flexWrap: 'wrap' }}>
          {ENDPOINT_PRESETS.map((p) => (
            <button type="button" class="button secondary small" key={p.label} onClick={() => { setKind(p.kind); setBaseUrl(p.baseUrl); setModel(p.model); setLabel(p.label); }}>
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
              <option key={p.kind} value={p.kind}>{p.name}</option>
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
          <input name="model" list={listId} autocomplete="off" value={model} onInput={(e) => setModel(e.currentTarget.value)} placeholder={check.models.length ? t('chooseOrTypeModel') : 'llama3.2'} />
          <datalist id={listId} data-testid="model-options">
            {check.models.map((m) => <option key={m} value={m} />)}
          </datalist>
        </label>
      </div>
      <label class="field">
        {t('apiKeyOptional')}
        <input name="apiKey" type="password" autocomplete="off" value={apiKey} onInput={(e) => setApiKey(e.currentTarget.value)} />
      </label>
      <div class="check-row">
        <button type="button" class="button secondary small" disabled={check.check.state === 'testing'} onClick={() => void testConnection()}>{t('testConnection')}</button>
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
      {error && <p class="form-error" role="alert">{error}</p>}
      {saved && <p class="ok-text" role="status">{saved}</p>}
      <div>
        <button class="button" type="submit">{t('addEndpoint')}</button>
      </div>
    </form>
  );
}
