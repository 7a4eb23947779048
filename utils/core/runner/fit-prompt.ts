import { localOriginOf } from '../providers/local-endpoint';
import type { ChatRequest } from '../providers/types';
import type { Target } from './types';

/**
 * Fits a prompt into the target's context window before it is sent, so a 200,000-character paste is shortened
 * with a notice on the run instead of failing (or being cut silently by the server). Budgets are conservative:
 * tokens are estimated generously and the answer keeps room of its own.
 */

/** Context windows (tokens) of model families, first match wins; unknown models get {@link DEFAULT_CONTEXT_TOKENS}. */
const FAMILIES: [RegExp, number][] = [
  [/gpt-4\.1/i, 1_000_000],
  [/gpt-5/i, 400_000],
  [/gpt-4o|gpt-4-turbo|\bo[134](-|$)/i, 128_000],
  [/gpt-3\.5/i, 16_000],
  [/gpt-4/i, 8_000],
  [/claude/i, 200_000],
  [/gemini-(1\.5|2|3)/i, 1_000_000],
  [/gemma/i, 8_000],
  [/llama-?3\.[123]/i, 128_000],
  [/llama-?3/i, 8_000],
  [/llama-?2/i, 4_000],
  [/deepseek/i, 64_000],
];

export const DEFAULT_CONTEXT_TOKENS = 32_000;
/** A local server's window is its own setting (Ollama's num_ctx), often far below what the model could take. */
const LOCAL_SERVER_CAP = 32_000;
/** Chrome's built-in model (Gemini Nano) takes a few thousand tokens per session. */
const CHROME_BUILTIN_TOKENS = 4_096;

/** WebLLM's prebuilt models: "-1k" builds have 1,024 tokens, a few older models 2,048, the rest 4,096. */
export function webLlmContextTokens(modelId: string): number {
  if (/-1k$/i.test(modelId)) return 1_024;
  if (/^(RedPajama|TinyLlama|phi-2|phi-1_5)/i.test(modelId)) return 2_048;
  return 4_096;
}

/** The context window assumed for a target, in tokens. */
export function contextTokens(target: Pick<Target, 'providerKind' | 'model' | 'baseUrl'>): number {
  if (target.providerKind === 'webllm') return webLlmContextTokens(target.model);
  if (target.providerKind === 'chrome-builtin') return CHROME_BUILTIN_TOKENS;
  const family = FAMILIES.find(([pattern]) => pattern.test(target.model))?.[1] ?? DEFAULT_CONTEXT_TOKENS;
  return localOriginOf(target.baseUrl) ? Math.min(family, LOCAL_SERVER_CAP) : family;
}

/** Tokens a character may cost: English runs about 4 characters a token (3.5 assumed); any other script up to 1. */
const costOf = (code: number) => (code < 128 ? 1 / 3.5 : 1);

/** A generous estimate of the tokens a text costs. */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (let i = 0; i < text.length; i++) tokens += costOf(text.charCodeAt(i));
  return Math.ceil(tokens);
}

/** Index up to which `text` fits `tokens` when read from the start, never inside a surrogate pair. */
function headEnd(text: string, tokens: number): number {
  let used = 0;
  let i = 0;
  for (; i < text.length && used + costOf(text.charCodeAt(i)) <= tokens; i++) used += costOf(text.charCodeAt(i));
  return i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) ? i - 1 : i;
}

/** Index from which `text` fits `tokens` when read from the end, never inside a surrogate pair. */
function tailStart(text: string, tokens: number): number {
  let used = 0;
  let i = text.length;
  for (; i > 0 && used + costOf(text.charCodeAt(i - 1)) <= tokens; i--) used += costOf(text.charCodeAt(i - 1));
  return i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]!) ? i + 1 : i;
}

const MARKER = '\n\n[…]\n\n';
/** Per-message framing the chat templates add. */
const PER_MESSAGE_TOKENS = 8;

/**
 * The request with its last message (the prompt) shortened to the target's context, keeping its start and its
 * end (where the question usually is), and the notice to show on the run; the request as it was when it fits.
 */
export function fitRequest(request: ChatRequest, target: Pick<Target, 'providerKind' | 'model' | 'baseUrl'>): { request: ChatRequest; notice?: string } {
  const prompt = request.messages.at(-1);
  if (!prompt) return { request };
  const size = contextTokens(target);
  const answerRoom = Math.min(request.maxTokens ?? 2_048, Math.floor(size / 4));
  const others = request.messages.slice(0, -1).reduce((sum, m) => sum + estimateTokens(m.content) + PER_MESSAGE_TOKENS, 0);
  // The prompt keeps at least a quarter of the window, even under a long conversation.
  const budget = Math.max(Math.floor(size / 4), size - answerRoom - others - PER_MESSAGE_TOKENS);
  if (estimateTokens(prompt.content) <= budget) return { request };
  const room = budget - estimateTokens(MARKER);
  const head = headEnd(prompt.content, Math.floor((room * 2) / 3));
  const tail = Math.max(head, tailStart(prompt.content, room - Math.floor((room * 2) / 3)));
  const content = `${prompt.content.slice(0, head)}${MARKER}${prompt.content.slice(tail)}`;
  const kept = (n: number) => n.toLocaleString('en-US');
  return {
    request: { ...request, messages: [...request.messages.slice(0, -1), { ...prompt, content }] },
    notice: `Prompt shortened to fit ${target.model}'s context (kept the first ${kept(head)} and last ${kept(prompt.content.length - tail)} characters).`,
  };
}
