import { endpointFetch } from './endpoint-fetch';
import { errorFromStatus, toProviderError, ProviderError } from './errors';
import { joinUrl } from './openai-compatible';
import { DEFAULT_TIMEOUTS, startDeadline, type Timeouts } from './timeouts';
import type { ProviderConnection } from './types';

/**
 * Embeddings through the OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, LM Studio, vLLM, llama.cpp
 * server): one vector per text, in order. Used to measure how far answers diverge in meaning. The response's
 * headers must come within `timeouts.firstByteMs` and its body within `timeouts.totalMs`, as for answers.
 */
export async function embedTexts(
  conn: ProviderConnection,
  model: string,
  texts: string[],
  signal: AbortSignal,
  timeouts: Timeouts = DEFAULT_TIMEOUTS,
): Promise<number[][]> {
  const url = joinUrl(conn.baseUrl, 'embeddings');
  const endpoint = new URL(url).host;
  const deadline = startDeadline(signal, timeouts, endpoint);
  let res: Response;
  let body: string;
  try {
    res = await Promise.race([
      endpointFetch(
        url,
        {
          method: 'POST',
          signal: deadline.signal,
          headers: { 'content-type': 'application/json', ...(conn.apiKey ? { authorization: `Bearer ${conn.apiKey}` } : {}) },
          body: JSON.stringify({ model, input: texts }),
        },
        conn.apiKey,
        endpoint,
      ),
      deadline.expired,
    ]);
    deadline.arrived();
    body = await Promise.race([res.text(), deadline.expired]);
  } catch (err) {
    throw toProviderError(deadline.explain(err), endpoint, signal);
  } finally {
    deadline.dispose();
  }
  if (!res.ok) throw errorFromStatus(res.status, body, res.headers.get('retry-after'), endpoint);
  let parsed: { data?: { index?: number; embedding?: unknown }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    throw new ProviderError('bad_response', `${endpoint} did not answer with JSON embeddings.`);
  }
  const rows = [...(parsed.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const vectors = rows.map((r) => r.embedding);
  if (vectors.length !== texts.length || !vectors.every((v): v is number[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number'))) {
    throw new ProviderError(
      'bad_response',
      `${endpoint} returned ${vectors.length} embeddings for ${texts.length} answers, or vectors that are not numbers. Is “${model}” an embedding model?`,
    );
  }
  return vectors;
}
