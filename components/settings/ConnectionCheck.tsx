import { useRef, useState } from 'preact/hooks';
import type { EndpointCheck, EndpointModelsRequest } from '@/utils/platform/messaging/protocol-endpoints';
import { localOriginOf } from '@/utils/core/providers/local-endpoint';
import { t, tn } from '@/utils/core/i18n';
import { ollamaServeCommand } from './LocalServersNote';

/** Where a connection test stands. */
export type CheckState =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'done'; result: EndpointCheck; baseUrl: string }
  /** The test could not run (no access granted, Parallax did not answer). */
  | { state: 'blocked'; message: string };

type CheckError = Extract<EndpointCheck, { error: unknown }>['error'];

/** What a failed test tells the user to do, in the UI language. */
function checkErrorText(error: CheckError, baseUrl: string, extensionOrigin: string): string {
  const { host, status } = error;
  switch (error.code) {
    case 'auth':
      return t('checkAuth', host);
    case 'forbidden':
      return localOriginOf(baseUrl) ? t('checkForbiddenLocal', host, ollamaServeCommand(extensionOrigin)) : t('checkForbidden', host);
    case 'not_found':
      return t('checkNotFound', host);
    case 'network':
      return t('checkNetwork', host);
    case 'timeout':
      return t('checkTimeout', host);
    case 'rate_limited':
      return t('checkRateLimited', host);
    case 'server':
      return t('checkServer', host, status ?? '5xx');
    case 'bad_response':
      return t('checkBadResponse', host);
    case 'bad_request':
      return t('checkBadRequest', host, status ?? '4xx');
    default:
      return error.message;
  }
}

/** "Test connection" for one address: asks the background, keeps the outcome until the address changes. */
export function useConnectionCheck(ask: (request: EndpointModelsRequest) => Promise<EndpointCheck>) {
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  const generation = useRef(0);
  return {
    check,
    /** The models of the last successful test. */
    models: check.state === 'done' && 'models' in check.result ? check.result.models : [],
    async run(request: EndpointModelsRequest): Promise<EndpointCheck | null> {
      const mine = ++generation.current;
      setCheck({ state: 'testing' });
      try {
        const result = await ask(request);
        if (mine === generation.current) setCheck({ state: 'done', result, baseUrl: request.baseUrl });
        return result;
      } catch (err) {
        if (mine === generation.current) setCheck({ state: 'blocked', message: t('checkCouldNotRun', err instanceof Error ? err.message : String(err)) });
        return null;
      }
    },
    block(message: string) {
      generation.current++;
      setCheck({ state: 'blocked', message });
    },
    /** The address, kind or key changed: an old result no longer says anything. */
    reset() {
      generation.current++;
      setCheck((c) => (c.state === 'idle' ? c : { state: 'idle' }));
    },
  };
}

/** The outcome, said plainly: "Connected: 12 models", or what went wrong and what to do. */
export function ConnectionResult({ check, model, extensionOrigin }: { check: CheckState; model?: string; extensionOrigin: string }) {
  if (check.state === 'idle') return null;
  if (check.state === 'testing')
    return (
      <p class="muted" role="status" data-testid="connection-result">
        {t('testingConnection')}
      </p>
    );
  if (check.state === 'blocked')
    return (
      <p class="form-error" role="alert" data-testid="connection-result">
        {check.message}
      </p>
    );
  const { result } = check;
  if ('error' in result) {
    return (
      <div class="check-failed" role="alert" data-testid="connection-result" data-code={result.error.code}>
        <p class="form-error">{checkErrorText(result.error, check.baseUrl, extensionOrigin)}</p>
        {result.error.serverSaid && <p class="muted">{t('serverSaid', result.error.serverSaid)}</p>}
      </div>
    );
  }
  const wanted = model?.trim();
  return (
    <div role="status" data-testid="connection-result" data-code="ok">
      <p class="ok-text">{result.models.length ? tn(result.models.length, 'connectedModelsOne', 'connectedModelsMany') : t('connectedNoModels')}</p>
      {wanted && result.models.length > 0 && !result.models.includes(wanted) && (
        <p class="muted" data-testid="model-not-listed">
          {t('modelNotListed', wanted)}
        </p>
      )}
    </div>
  );
}
