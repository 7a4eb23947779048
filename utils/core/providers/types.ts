/**
 * The kinds of engine Parallax can ask, plus 'site': the chat site's own answer picked up from the page. A 'site'
 * run is created done and is never executed, retried or configured as an endpoint.
 */
export type ProviderKind = 'openai-compatible' | 'anthropic' | 'gemini' | 'webllm' | 'chrome-builtin' | 'site';

/** A configured endpoint as stored in settings. The API key is stored apart (see utils/settings.ts). */
export interface ProviderConfig {
  /** Stable id chosen at creation (uuid). */
  id: string;
  kind: ProviderKind;
  /** Name the user gave it, e.g. "Ollama on my laptop". */
  label: string;
  /** API root, e.g. "http://127.0.0.1:11434/v1". */
  baseUrl: string;
  /** Default model asked for. */
  model: string;
  /** On-device custom models only: URL of the compiled model library. */
  modelLib?: string;
  /** Requests in flight at once against this endpoint (default 4; on-device 1). */
  maxConcurrent?: number;
  /** Sampling temperature sent with every request, when set. */
  temperature?: number;
}

/** What a provider needs to reach the endpoint; the key is only ever in extension contexts. */
export interface ProviderConnection {
  baseUrl: string;
  apiKey?: string;
  /** On-device custom models: URL of the compiled model library (WebLLM's model_lib). */
  modelLib?: string;
}

/** One chat message in the vendor-neutral shape. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A request to one model. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  seed?: number;
}

/** What a provider yields while streaming. */
export type ChatEvent =
  { type: 'text'; text: string } | { type: 'usage'; inputTokens?: number; outputTokens?: number } | { type: 'done'; finishReason?: string };

/**
 * One way to get an answer; the same interface for WebLLM, Chrome's model and every API.
 * `stream` throws a {@link ProviderError} (see errors.ts) for every failure a user should see.
 */
export interface ChatProvider {
  kind: ProviderKind;
  /** Shown in the UI ("OpenAI-compatible (Ollama, LM Studio, OpenAI …)"). */
  name: string;
  stream(conn: ProviderConnection, req: ChatRequest, signal: AbortSignal): AsyncIterable<ChatEvent>;
}
