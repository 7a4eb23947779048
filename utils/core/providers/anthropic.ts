import { ProviderError } from './errors';
import { joinUrl } from './openai-compatible';
import { closedEarly, malformedEvent, streamEvents } from './stream-request';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConnection } from './types';

/** The API version this adapter speaks (sent as `anthropic-version`). */
export const ANTHROPIC_VERSION = '2023-06-01';
/** Anthropic requires `max_tokens`; used when the request sets none. */
const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

/** The fields of a Messages API stream event we read (message_start, content_block_delta, message_delta, error …). */
interface StreamEvent {
  type?: string;
  message?: { usage?: { input_tokens?: number; output_tokens?: number } };
  delta?: { type?: string; text?: string; stop_reason?: string | null; stop_details?: { explanation?: string } | null };
  usage?: { input_tokens?: number; output_tokens?: number };
  error?: { type?: string; message?: string };
}

/** The Messages API request body: system prompts go top-level, the rest stay in order as user/assistant turns. */
function anthropicBody(req: ChatRequest): Record<string, unknown> {
  const system = req.messages.filter((m) => m.role === 'system').map((m) => m.content);
  return {
    model: req.model,
    max_tokens: req.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    stream: true,
    ...(system.length ? { system: system.join('\n\n') } : {}),
    messages: req.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role, content: m.content })),
    ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
    // The Messages API has no seed parameter; req.seed is ignored.
  };
}

/**
 * Anthropic's Messages API with `stream: true` (SSE: message_start, content_block_delta …, message_delta,
 * message_stop; ping and error events in between). Called straight from the extension, hence the
 * direct-browser-access header.
 */
export const anthropic: ChatProvider = {
  kind: 'anthropic',
  name: 'Anthropic (Claude)',
  async *stream(conn: ProviderConnection, req: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatEvent> {
    const url = joinUrl(conn.baseUrl, 'messages');
    const endpoint = new URL(url).host;
    const headers = {
      'anthropic-version': ANTHROPIC_VERSION,
      'anthropic-dangerous-direct-browser-access': 'true',
      ...(conn.apiKey ? { 'x-api-key': conn.apiKey } : {}),
    };
    let finished = false;
    let gotText = false;
    let inputTokens: number | undefined;
    let stopReason: string | undefined;
    for await (const sse of streamEvents({ url, headers, body: anthropicBody(req), apiKey: conn.apiKey }, signal)) {
      let event: StreamEvent;
      try {
        event = JSON.parse(sse.data) as StreamEvent;
      } catch {
        throw malformedEvent(endpoint);
      }
      const type = event.type ?? sse.event;
      if (type === 'error') {
        const what = event.error?.message ?? event.error?.type ?? 'unknown error';
        throw new ProviderError('server', `${endpoint} reported an error mid-answer: ${what}. Try again later.`);
      }
      if (type === 'message_start') inputTokens = event.message?.usage?.input_tokens;
      if (type === 'content_block_delta' && event.delta?.type === 'text_delta' && event.delta.text) {
        gotText = true;
        yield { type: 'text', text: event.delta.text };
      }
      if (type === 'message_delta') {
        stopReason = event.delta?.stop_reason ?? stopReason;
        yield { type: 'usage', inputTokens: event.usage?.input_tokens ?? inputTokens, outputTokens: event.usage?.output_tokens };
        if (stopReason === 'refusal') {
          const why = event.delta?.stop_details?.explanation;
          throw new ProviderError('blocked', `Claude declined to answer (refusal).${why ? ` ${why}` : ''} Rephrasing the prompt may help.`);
        }
      }
      if (type === 'message_stop') {
        finished = true;
        break;
      }
    }
    if (!finished) throw closedEarly(endpoint);
    if (!gotText) throw new ProviderError('empty', `${endpoint} returned an empty answer. Try again or pick another model.`);
    yield { type: 'done', ...(stopReason ? { finishReason: stopReason } : {}) };
  },
};
