import { ProviderError, localServerForbidden } from './errors';
import { localOriginOf } from './local-endpoint';
import { closedEarly, malformedEvent, streamEvents, type StreamRequest } from './stream-request';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConnection } from './types';

/** The subset of an OpenAI chat-completions stream chunk we read. */
interface CompletionChunk {
  choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

/** The streamed chat-completions request for `req` (OpenAI's shape, which WebLLM's engine takes too), without the model. */
export function chatCompletionsBody(req: ChatRequest) {
  return {
    messages: req.messages,
    stream: true as const,
    stream_options: { include_usage: true },
    ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
    ...(req.maxTokens !== undefined ? { max_tokens: req.maxTokens } : {}),
    ...(req.seed !== undefined ? { seed: req.seed } : {}),
  };
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
    const request: StreamRequest = {
      url,
      apiKey: conn.apiKey,
      headers: conn.apiKey ? { authorization: `Bearer ${conn.apiKey}` } : {},
      body: { model: req.model, ...chatCompletionsBody(req) },
      // A local server's 403 is its origin check (Ollama's OLLAMA_ORIGINS), not a key problem.
      statusError: (status: number, body: string) => (status === 403 && localOriginOf(url) ? localServerForbidden(body, endpoint) : undefined),
    };
    let finished = false;
    let gotText = false;
    for await (const event of streamEvents(request, signal)) {
      if (event.data === '[DONE]') {
        finished = true;
        break;
      }
      let chunk: CompletionChunk;
      try {
        chunk = JSON.parse(event.data) as CompletionChunk;
      } catch {
        throw malformedEvent(endpoint);
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
    if (!finished) throw closedEarly(endpoint);
    if (!gotText) throw new ProviderError('empty', `${endpoint} returned an empty answer. Try again, or check the model name.`);
    yield { type: 'done' };
  },
};
