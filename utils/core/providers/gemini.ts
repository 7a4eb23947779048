import { ProviderError } from './errors';
import { joinUrl } from './openai-compatible';
import { closedEarly, malformedEvent, streamEvents, type StreamRequest } from './stream-request';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConnection } from './types';

/** The fields of a GenerateContentResponse stream chunk we read. */
interface GenerateChunk {
  candidates?: { content?: { parts?: { text?: string; thought?: boolean }[] }; finishReason?: string }[];
  promptFeedback?: { blockReason?: string };
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number };
  error?: { message?: string; status?: string };
}

/** Finish reasons that mean a filter withheld the answer rather than the model finishing it. */
const BLOCKING = new Set(['SAFETY', 'RECITATION', 'LANGUAGE', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

/** The generateContent request body: system prompts become `systemInstruction`, assistant turns role "model". */
function geminiBody(req: ChatRequest): Record<string, unknown> {
  const system = req.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const config = {
    ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
    ...(req.maxTokens !== undefined ? { maxOutputTokens: req.maxTokens } : {}),
    ...(req.seed !== undefined ? { seed: req.seed } : {}),
  };
  return {
    contents: req.messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: [{ text: m.content }] })),
    ...(system.length ? { systemInstruction: { parts: [{ text: system.join('\n\n') }] } } : {}),
    ...(Object.keys(config).length ? { generationConfig: config } : {}),
  };
}

/**
 * Gemini gives no Retry-After header on 429; the wait is in the body as google.rpc.RetryInfo `retryDelay: "2s"`.
 * Returns it as seconds for {@link errorFromStatus}, or null.
 */
export function geminiRetryDelay(body: string): string | null {
  return /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(body)?.[1] ?? null;
}

/**
 * Google's Gemini API: `POST {base}/models/{model}:streamGenerateContent?alt=sse`, key in `x-goog-api-key`.
 * The stream has no end marker: a chunk with a finishReason is the end. Safety blocks surface as 'blocked'.
 */
export const gemini: ChatProvider = {
  kind: 'gemini',
  name: 'Google Gemini',
  async *stream(conn: ProviderConnection, req: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatEvent> {
    const model = encodeURIComponent(req.model.replace(/^models\//, ''));
    const url = joinUrl(conn.baseUrl, `models/${model}:streamGenerateContent?alt=sse`);
    const endpoint = new URL(url).host;
    const request: StreamRequest = {
      url,
      apiKey: conn.apiKey,
      headers: conn.apiKey ? { 'x-goog-api-key': conn.apiKey } : {},
      body: geminiBody(req),
      // Gemini answers a bad key with 400 INVALID_ARGUMENT / API_KEY_INVALID rather than 401.
      statusError: (status: number, body: string) =>
        status === 400 && body.includes('API_KEY_INVALID')
          ? new ProviderError('auth', `The API key for ${endpoint} was rejected. Check the key in Settings.`, 400)
          : undefined,
      retryAfter: geminiRetryDelay,
    };
    let finishReason: string | undefined;
    let gotText = false;
    let usage: GenerateChunk['usageMetadata'];
    // The connection dropping is harmless once the final chunk is in, a cut answer before.
    for await (const sse of streamEvents(request, signal, () => finishReason !== undefined)) {
      let chunk: GenerateChunk;
      try {
        chunk = JSON.parse(sse.data) as GenerateChunk;
      } catch {
        throw malformedEvent(endpoint);
      }
      if (chunk.error) {
        throw new ProviderError(
          'server',
          `${endpoint} reported an error mid-answer: ${chunk.error.message ?? chunk.error.status ?? 'unknown'}. Try again later.`,
        );
      }
      const blocked = chunk.promptFeedback?.blockReason;
      if (blocked) throw new ProviderError('blocked', `Gemini blocked this prompt (${blocked}). Rephrasing the prompt may help.`);
      usage = chunk.usageMetadata ?? usage;
      const candidate = chunk.candidates?.[0];
      for (const part of candidate?.content?.parts ?? []) {
        if (part.text && !part.thought) {
          gotText = true;
          yield { type: 'text', text: part.text };
        }
      }
      if (candidate?.finishReason && BLOCKING.has(candidate.finishReason)) {
        throw new ProviderError('blocked', `Gemini blocked this answer (${candidate.finishReason}). Rephrasing the prompt may help.`);
      }
      finishReason = candidate?.finishReason ?? finishReason;
    }
    if (!finishReason) throw closedEarly(endpoint);
    if (usage) yield { type: 'usage', inputTokens: usage.promptTokenCount, outputTokens: usage.candidatesTokenCount };
    if (!gotText) throw new ProviderError('empty', `${endpoint} returned an empty answer (${finishReason}). Try again or pick another model.`);
    yield { type: 'done', finishReason };
  },
};
