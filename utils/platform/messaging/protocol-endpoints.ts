import type { ProviderErrorCode } from '../../core/providers/errors';
import { LISTABLE_KINDS, type ListableKind } from '../../core/providers/models';
import { firstError, id, isObject, optional, str, type Validator } from './validate';

/** What "Test connection" learned: the server's models, or why it could not list them. */
export type EndpointCheck =
  | { models: string[] }
  | {
      error: {
        code: ProviderErrorCode;
        /** The provider layer's message (English), for logs and as a last resort. */
        message: string;
        status?: number;
        /** host[:port] of the address tried. */
        host: string;
        /** The server's own words, keys masked. */
        serverSaid?: string;
      };
    };

/**
 * Asks an endpoint for its models. The key is the one typed in the form (sent once, used for this request
 * only, never stored by the background) or, with `providerId`, the saved key, which never leaves the background.
 */
export interface EndpointModelsRequest {
  kind: ListableKind;
  baseUrl: string;
  apiKey?: string;
  providerId?: string;
}

/** Messages about endpoints, answered by the background where keys live and host access applies. */
export interface EndpointMessages {
  'endpoint.models': { from: 'ui'; payload: EndpointModelsRequest; reply: EndpointCheck };
}

/** Which role may send each of these messages. */
export const ENDPOINT_ROLES: { [K in keyof EndpointMessages]: EndpointMessages[K]['from'] } = {
  'endpoint.models': 'ui',
};

const KNOWN = new Set(['kind', 'baseUrl', 'apiKey', 'providerId']);

const httpUrl = (v: unknown, name: string): string | null => {
  const bad = str(v, name, 2048);
  if (bad) return bad;
  try {
    const url = new URL(v as string);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : `${name} must be an http(s) URL`;
  } catch {
    return `${name} must be an http(s) URL`;
  }
};

/** Payload validators of these messages. */
export const ENDPOINT_VALIDATORS: { [K in keyof EndpointMessages]: Validator } = {
  'endpoint.models': (p) =>
    !isObject(p)
      ? 'payload must be an object'
      : firstError(
          LISTABLE_KINDS.includes(p.kind as ListableKind) ? null : 'kind is not an endpoint kind with a model list',
          httpUrl(p.baseUrl, 'baseUrl'),
          optional(p.apiKey, (v) => str(v, 'apiKey', 1000)),
          optional(p.providerId, (v) => id(v, 'providerId')),
          Object.keys(p).every((k) => KNOWN.has(k)) ? null : 'payload has unknown fields',
        ),
};
