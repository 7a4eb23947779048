import { ANTHROPIC_VERSION } from './anthropic';
import { ProviderError, errorFromStatus, localServerForbidden, toProviderError, vendorMessage } from './errors';
import { localOriginOf } from './local-endpoint';
import { joinUrl } from './openai-compatible';
import type { ProviderConnection } from './types';

/** Endpoint kinds with a model list over HTTP (on-device engines have their own catalogues). */
export type ListableKind = 'openai-compatible' | 'anthropic' | 'gemini';
export const LISTABLE_KINDS: readonly ListableKind[] = ['openai-compatible', 'anthropic', 'gemini'];

/** A server's model list, or why there is none. `serverSaid` is the server's own error message, when it gave one. */
export type ModelListResult = { ok: true; models: string[] } | { ok: false; error: ProviderError; serverSaid?: string };

/** At most this many models are kept, from at most this many pages, each id at most this long. */
const MAX_MODELS = 2000;
const MAX_PAGES = 10;
const MAX_ID = 200;
/** A model list larger than this is not read (OpenRouter's, with descriptions, is about 1 MB). */
const MAX_BODY_CHARS = 8_000_000;

type Fetch = typeof fetch;

/** One page: the ids on it and the query that fetches the next, if any. */
interface Page {
  ids: unknown[];
  next?: Record<string, string>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** OpenAI, LM Studio, llama.cpp, vLLM, OpenRouter, Ollama's /v1: `{ data: [{ id }] }`. */
function openaiPage(json: unknown): Page | null {
  if (!isRecord(json) || !Array.isArray(json.data)) return null;
  return { ids: json.data.map((m) => (isRecord(m) ? m.id : undefined)) };
}

/** Ollama's own `/api/tags`: `{ models: [{ name, model }] }`. */
function ollamaPage(json: unknown): Page | null {
  if (!isRecord(json) || !Array.isArray(json.models)) return null;
  return { ids: json.models.map((m) => (isRecord(m) ? (m.name ?? m.model) : undefined)) };
}

/** Anthropic: `{ data: [{ id, display_name }], has_more, last_id }`, paged with `after_id`. */
function anthropicPage(json: unknown): Page | null {
  const page = openaiPage(json);
  if (!page || !isRecord(json)) return null;
  return json.has_more === true && typeof json.last_id === 'string' ? { ...page, next: { after_id: json.last_id } } : page;
}

/**
 * Gemini: `{ models: [{ name: "models/…", supportedGenerationMethods }], nextPageToken }`. Only models that
 * generate text are kept (not embedding or image models), without the "models/" prefix.
 */
function geminiPage(json: unknown): Page | null {
  if (!isRecord(json)) return null;
  if (json.models !== undefined && !Array.isArray(json.models)) return null;
  if (json.models === undefined && Object.keys(json).some((k) => k !== 'nextPageToken')) return null;
  const ids = listOf(json.models)
    .filter((m) => isRecord(m) && (!Array.isArray(m.supportedGenerationMethods) || m.supportedGenerationMethods.includes('generateContent')))
    .map((m) => (isRecord(m) && typeof m.name === 'string' ? m.name.replace(/^models\//, '') : undefined));
  return typeof json.nextPageToken === 'string' && json.nextPageToken ? { ids, next: { pageToken: json.nextPageToken } } : { ids };
}

function headersFor(kind: ListableKind, apiKey: string | undefined): Record<string, string> {
  const key = apiKey ?? '';
  if (kind === 'anthropic')
    return { 'anthropic-version': ANTHROPIC_VERSION, 'anthropic-dangerous-direct-browser-access': 'true', ...(key ? { 'x-api-key': key } : {}) };
  if (kind === 'gemini') return key ? { 'x-goog-api-key': key } : {};
  return key ? { authorization: `Bearer ${key}` } : {};
}

const withQuery = (url: string, query: Record<string, string>) => {
  const u = new URL(url);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.toString();
};

/** Fetches every page of one list URL; a failure is returned, not thrown. */
async function fetchList(
  kind: ListableKind,
  url: string,
  parse: (json: unknown) => Page | null,
  conn: ProviderConnection,
  signal: AbortSignal,
  fetchFn: Fetch,
): Promise<ModelListResult> {
  const host = new URL(url).host;
  const ids: string[] = [];
  // The largest page each API allows, then the cursor of the next page on top.
  const size: Record<string, string> = kind === 'anthropic' ? { limit: '1000' } : kind === 'gemini' ? { pageSize: '1000' } : {};
  let next: Record<string, string> = {};
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = { ...size, ...next };
    let res: Response;
    try {
      res = await fetchFn(Object.keys(query).length ? withQuery(url, query) : url, {
        method: 'GET',
        signal,
        headers: { accept: 'application/json', ...headersFor(kind, conn.apiKey) },
        // A key must never follow a redirect to another origin.
        ...(conn.apiKey ? { redirect: 'error' as const } : {}),
      });
    } catch (err) {
      return { ok: false, error: toProviderError(err, host, signal) };
    }
    const body = await res.text().catch(() => '');
    if (!res.ok) {
      const serverSaid = vendorMessage(body);
      // A local server's 403 is its origin check (Ollama's OLLAMA_ORIGINS); Gemini answers a bad key with 400.
      const error =
        res.status === 403 && localOriginOf(url)
          ? localServerForbidden(body, host)
          : res.status === 400 && body.includes('API_KEY_INVALID')
            ? new ProviderError('auth', `The API key for ${host} was rejected. Check the key in Settings.`, 400)
            : errorFromStatus(res.status, body, res.headers.get('retry-after'), host);
      return { ok: false, error, ...(serverSaid ? { serverSaid } : {}) };
    }
    let parsed: Page | null = null;
    try {
      parsed = body.length <= MAX_BODY_CHARS ? parse(JSON.parse(body)) : null;
    } catch {
      parsed = null;
    }
    if (!parsed)
      return {
        ok: false,
        error: new ProviderError('bad_response', `${host} answered, but not with a list of models. Check the kind of endpoint and the base URL.`, res.status),
      };
    ids.push(...parsed.ids.filter((id): id is string => typeof id === 'string' && id.trim() !== '' && id.length <= MAX_ID).map((id) => id.trim()));
    if (!parsed.next || ids.length >= MAX_MODELS) break;
    next = parsed.next;
  }
  return { ok: true, models: [...new Set(ids)].slice(0, MAX_MODELS) };
}

/** Ollama's native list beside an OpenAI-compatible base URL: `http://host:11434/v1` → `http://host:11434/api/tags`. */
export function ollamaTagsUrl(baseUrl: string): string {
  const u = new URL(baseUrl);
  u.pathname = `${u.pathname.replace(/\/+$/, '').replace(/\/v1$/, '')}/api/tags`;
  u.search = '';
  return u.toString();
}

/**
 * The models a server offers: `GET {base}/models` (OpenAI-compatible servers — LM Studio, llama.cpp, vLLM,
 * Ollama's /v1 — Anthropic and Gemini, each in its own shape and paging), and for an OpenAI-compatible address
 * whose list is missing, Ollama's own `/api/tags`. Never throws: failures come back classified like a chat
 * request's (errors.ts), so the settings can say what to do.
 */
export async function listModels(
  kind: ListableKind,
  conn: ProviderConnection,
  signal: AbortSignal,
  fetchFn: Fetch = (...args) => fetch(...args),
): Promise<ModelListResult> {
  let url: string;
  try {
    url = joinUrl(conn.baseUrl, 'models');
    new URL(url);
  } catch {
    return { ok: false, error: new ProviderError('bad_request', `“${conn.baseUrl}” is not a web address.`) };
  }
  const parse = kind === 'anthropic' ? anthropicPage : kind === 'gemini' ? geminiPage : openaiPage;
  const result = await fetchList(kind, url, parse, conn, signal, fetchFn);
  if (result.ok || kind !== 'openai-compatible' || !['not_found', 'bad_response'].includes(result.error.code) || signal.aborted) return result;
  const tags = await fetchList(kind, ollamaTagsUrl(conn.baseUrl), ollamaPage, conn, signal, fetchFn);
  return tags.ok ? tags : result;
}
