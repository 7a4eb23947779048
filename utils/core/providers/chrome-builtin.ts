import {
  STATUS_MESSAGES,
  TEXT_IO,
  classifyChromeBuiltinError,
  languageModelApi,
  normaliseAvailability,
  type LanguageModelApi,
  type LanguageModelCreateOptions,
  type LanguageModelMessage,
  type LanguageModelSession,
} from '../on-device/chrome-builtin-engine';
import { ProviderError } from './errors';
import type { ChatEvent, ChatMessage, ChatProvider, ChatRequest, ProviderConnection } from './types';

/** The conversation split the way the Prompt API takes it: context up front, the last user turn as the prompt. */
export function splitConversation(messages: readonly ChatMessage[]): { initialPrompts: LanguageModelMessage[]; prompt: string } {
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
  // Chrome accepts one system message, and only first.
  const initialPrompts: LanguageModelMessage[] = system.length ? [{ role: 'system', content: system.join('\n\n') }] : [];
  messages.forEach((m, i) => {
    if (m.role !== 'system' && i !== lastUser) initialPrompts.push({ role: m.role, content: m.content });
  });
  return { initialPrompts, prompt: lastUser >= 0 ? messages[lastUser]!.content : '' };
}

/**
 * Chrome streams deltas; older builds sent the whole answer so far in every chunk. Decided on the second
 * non-empty chunk (it repeats the first only when chunks are cumulative); returns the new text of each chunk.
 */
export function chunkDecoder(): (chunk: string) => string {
  let text = '';
  let seen = 0;
  let cumulative = false;
  return (chunk) => {
    if (!chunk) return '';
    seen++;
    if (seen === 2) cumulative = chunk.length > text.length && chunk.startsWith(text);
    const added = cumulative && chunk.startsWith(text) ? chunk.slice(text.length) : chunk;
    text = cumulative ? chunk : text + chunk;
    return added;
  };
}

/**
 * Temperature (with Chrome's default topK, since Chrome wants both or neither), clamped to the model's limits.
 * Empty when not asked for, or when this Chrome no longer offers sampling parameters (`params()` is gone).
 */
async function samplingFor(api: LanguageModelApi, temperature: number | undefined): Promise<Pick<LanguageModelCreateOptions, 'temperature' | 'topK'>> {
  if (temperature === undefined || typeof api.params !== 'function') return {};
  const params = await api.params().catch(() => null);
  if (!params) return {};
  return { temperature: Math.min(Math.max(0, temperature), params.maxTemperature), topK: params.defaultTopK };
}

const SAMPLING_REJECTED = new Set(['NotSupportedError', 'TypeError', 'RangeError']);

/** Creates a session; a Chrome that rejects the sampling options gets a second try without them. */
async function createSession(api: LanguageModelApi, options: LanguageModelCreateOptions, temperature: number | undefined): Promise<LanguageModelSession> {
  const sampling = await samplingFor(api, temperature);
  if (!('temperature' in sampling)) return api.create(options);
  try {
    return await api.create({ ...options, ...sampling });
  } catch (err) {
    const name = (err as { name?: unknown } | null)?.name;
    if (options.signal?.aborted || typeof name !== 'string' || !SAMPLING_REJECTED.has(name)) throw err;
    return api.create(options);
  }
}

/** Reads a ReadableStream chunk by chunk (no reliance on async iteration of streams). */
async function* chunksOf(stream: ReadableStream<string>): AsyncGenerator<string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (typeof value === 'string') yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Chrome's built-in model (Gemini Nano) through the Prompt API, in the context that runs comparisons (Chrome's
 * offscreen document). A run never starts a download: unless Chrome reports the model 'available', it fails
 * with a message pointing to Settings, where the user downloads it with a click.
 */
export const chromeBuiltin: ChatProvider = {
  kind: 'chrome-builtin',
  name: "Chrome's built-in model (Gemini Nano)",
  async *stream(_conn: ProviderConnection, req: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatEvent> {
    const api = languageModelApi();
    if (!api) throw new ProviderError('unsupported', STATUS_MESSAGES.unsupported);
    let session: LanguageModelSession | undefined;
    try {
      const availability = normaliseAvailability(await api.availability(TEXT_IO));
      if (availability !== 'available') {
        throw new ProviderError(availability === 'unavailable' ? 'unsupported' : 'not_downloaded', STATUS_MESSAGES[availability]);
      }
      if (signal.aborted) throw signal.reason;
      const { initialPrompts, prompt } = splitConversation(req.messages);
      session = await createSession(api, { ...TEXT_IO, signal, ...(initialPrompts.length ? { initialPrompts } : {}) }, req.temperature);
      const decode = chunkDecoder();
      let gotText = false;
      for await (const chunk of chunksOf(session.promptStreaming(prompt, { signal }))) {
        if (signal.aborted) throw signal.reason;
        const text = decode(chunk);
        if (!text) continue;
        gotText = true;
        yield { type: 'text', text };
      }
      if (signal.aborted) throw signal.reason;
      if (!gotText) throw new ProviderError('empty', "Chrome's built-in model returned an empty answer. Try again, or rephrase the prompt.");
      yield { type: 'done' };
    } catch (err) {
      throw classifyChromeBuiltinError(err, signal);
    } finally {
      session?.destroy();
    }
  },
};
