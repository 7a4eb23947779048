import type { Handlers } from '../messaging/router';
import type { EndpointCheck } from '../messaging/protocol-endpoints';
import { apiKeysItem } from '../storage/settings';
import { listModels } from '../../core/providers/models';
import { withoutKey } from '../../core/providers/errors';
import { localOriginOf } from '../../core/providers/local-endpoint';
import { allowLocalOriginForTrial } from './local-origin';

/** How long "Test connection" waits for a server. */
const TEST_TIMEOUT_MS = 15_000;

/** What the endpoint handlers work with; tests replace the network and the stored keys. */
export interface EndpointDeps {
  fetch?: typeof fetch;
  /** Saved keys by endpoint id (default: storage, read in the background only). */
  savedKeys?: () => Promise<Record<string, string>>;
  /** Lets a local server be reached before it is saved (default: a declarativeNetRequest session rule). */
  allowLocalOrigin?: (origin: string) => Promise<void>;
  timeoutMs?: number;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * "Test connection" and the model list of the endpoint form, run in the background: host access applies here,
 * a saved key is read here and never sent to a page, and a typed key is used for this one request and dropped.
 */
export function endpointHandlers(deps: EndpointDeps = {}): Handlers {
  const savedKeys = deps.savedKeys ?? (() => apiKeysItem.getValue());
  const allowLocal = deps.allowLocalOrigin ?? ((origin: string) => allowLocalOriginForTrial(origin));
  return {
    async 'endpoint.models'({ kind, baseUrl, apiKey, providerId }): Promise<EndpointCheck> {
      const key = apiKey?.trim() || (providerId ? (await savedKeys())[providerId] : undefined) || undefined;
      const origin = localOriginOf(baseUrl);
      if (origin) await allowLocal(origin).catch((err: unknown) => console.warn('[parallax] could not prepare the local server rule', err));
      const result = await listModels(kind, { baseUrl, ...(key ? { apiKey: key } : {}) }, AbortSignal.timeout(deps.timeoutMs ?? TEST_TIMEOUT_MS), deps.fetch);
      if (result.ok) return { models: result.models };
      const { error, serverSaid } = result;
      // Some servers echo the key they were given: it goes no further than here.
      const mask = (text: string) => withoutKey(text, key);
      return {
        error: {
          code: error.code,
          message: mask(error.message),
          host: hostOf(baseUrl),
          ...(error.status !== undefined ? { status: error.status } : {}),
          ...(serverSaid ? { serverSaid: mask(serverSaid) } : {}),
        },
      };
    },
  };
}
