import { endpointFetch } from './endpoint-fetch';
import { ProviderError, errorFromStatus, localServerForbidden, toProviderError } from './errors';
import { localOriginOf } from './local-endpoint';
import { sseEvents } from './sse';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConnection } from './types';

/** The subset of an OpenAI chat-completions stream chunk we read. */
interface CompletionChunk {
  choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

/** Joins a base URL and a path without doubling or dropping slashes. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * OpenAI chat completions with `stream: true` (SSE, `data: [DONE]` at the end). Works with OpenAI, OpenRouter,
 * Mistral, DeepSeek, Groq, Together, Ollama, LM Studio, llama.cpp server and vLLM.
 */
export const openaiCompatible: ChatProvider = {
  kind: 'openai-compatible',
  name: 'OpenAI-compatible (OpenAI, Ollama, LM Studio, …)',
  async *stream(conn: ProviderConnection, req: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatEvent> {
    const url = joinUrl(conn.baseUrl, 'chat/completions');
    const endpoint = new URL(url).host;
    let res: Response;
    try {
      res = await endpointFetch(url, {
        method: 'POST',
        signal,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(conn.apiKey ? { authorization: `Bearer ${conn.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: req.model,
          messages: req.messages,
          stream: true,
          stream_options: { include_usage: true },
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
          ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
          ...(req.seed !== undefined ? { seed: req.seed } : {}),
        }),
      }, conn.apiKey, endpoint);
    } catch (err) {
      throw toProviderError(err, endpoint, signal);
    }
    if (!res.ok || !res.body) {
      const body = await res.text().catch(() => '');
      // A local server's 403 is its origin check (Ollama's OLLAMA_ORIGINS), not a key problem.
      if (res.status === 403 && localOriginOf(url)) throw localServerForbidden(body, endpoint);
      throw errorFromStatus(res.status, body, res.headers.get('retry-after'), endpoint);
    }

    let finished = false;
    let gotText = false;
    try {
      for await (const event of sseEvents(res.body)) {
        if (event.data === '[DONE]') {
          finished = true;
          break;
        }
        let chunk: CompletionChunk;
        try {
          chunk = JSON.parse(event.data) as CompletionChunk;
        } catch {
          throw new ProviderError('bad_response', `${endpoint} sent a malformed event; the answer may be incomplete. Try again.`);
        }
        if (chunk.error) throw new ProviderError('server', `${endpoint} reported an error mid-answer: ${chunk.error.message ?? 'unknown'}`);
        const choice = chunk.choices?.[0];
        const text = choice?.delta?.content;
        if (text) {
          gotText = true;
          yield { type: 'text', text };
        }
        if (chunk.usage) {
          yield { type: 'usage', inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
        }
        if (choice?.finish_reason) finished = true;
      }
    } catch (err) {
      if (err instanceof ProviderError || signal.aborted) throw toProviderError(err, endpoint, signal);
      // The connection dropped while the answer was arriving.
      throw new ProviderError('stream_cut', `The connection to ${endpoint} was lost before the answer was complete. The partial answer is kept. Try again.`);
    }
    if (!finished) throw new ProviderError('stream_cut', `The connection to ${endpoint} closed before the answer was complete. The partial answer is kept. Try again.`);
    if (!gotText) throw new ProviderError('empty', `${endpoint} returned an empty answer. Try again, or check the model name.`);
    yield { type: 'done' };
  },
};
