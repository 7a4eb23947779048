import { anthropic } from './anthropic';
import { chromeBuiltin } from './chrome-builtin';
import { gemini } from './gemini';
import { openaiCompatible } from './openai-compatible';
import type { ChatProvider, ProviderKind } from './types';
import { webllm } from './webllm';

/** Every provider adapter, one per kind. */
export const PROVIDERS: readonly ChatProvider[] = [openaiCompatible, anthropic, gemini, webllm, chromeBuiltin];

/** The adapter for a kind, or undefined when this build has none. */
export function providerFor(kind: ProviderKind): ChatProvider | undefined {
  return PROVIDERS.find((p) => p.kind === kind);
}
