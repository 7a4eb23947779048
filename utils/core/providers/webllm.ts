import { webLlmHost } from '../on-device/webllm-engine';
import { ProviderError } from './errors';
import { chatCompletionsBody } from './openai-compatible';
import { classifyWebLlmError } from './webllm-errors';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConnection } from './types';

/**
 * On-device models through WebLLM (WebGPU). The engine lives in the runner's host page and keeps its model
 * loaded between runs; `conn.baseUrl` is the model's weights URL (recorded on the run), `conn.modelLib` its
 * compiled library for custom models. Never downloads: see utils/engines/webllm-engine.ts.
 */
export const webllm: ChatProvider = {
  kind: 'webllm',
  name: 'On-device (WebLLM, WebGPU)',
  async *stream(conn: ProviderConnection, req: ChatRequest, signal: AbortSignal): AsyncGenerator<ChatEvent> {
    let interrupt: (() => void) | undefined;
    try {
      const engine = await webLlmHost().ready({ modelId: req.model, modelUrl: conn.baseUrl || undefined, modelLib: conn.modelLib });
      interrupt = () => void engine.interruptGenerate();
      signal.addEventListener('abort', interrupt, { once: true });
      const chunks = await engine.chat.completions.create(chatCompletionsBody(req));
      let gotText = false;
      for await (const chunk of chunks) {
        if (signal.aborted) throw new ProviderError('aborted', 'Cancelled.');
        const text = chunk.choices[0]?.delta?.content;
        if (text) {
          gotText = true;
          yield { type: 'text', text };
        }
        if (chunk.usage) yield { type: 'usage', inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
      }
      if (!gotText) throw new ProviderError('empty', 'The on-device model returned an empty answer.');
      yield { type: 'done' };
    } catch (err) {
      throw classifyWebLlmError(err);
    } finally {
      if (interrupt) signal.removeEventListener('abort', interrupt);
    }
  },
};
