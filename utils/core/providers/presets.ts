import type { ProviderKind } from './types';

/** A ready-made endpoint so a user does not have to look up base URLs. Models are suggestions, editable. */
export interface EndpointPreset {
  label: string;
  kind: ProviderKind;
  baseUrl: string;
  model: string;
  needsKey: boolean;
}

/** Endpoints people use most, local servers first. */
export const ENDPOINT_PRESETS: readonly EndpointPreset[] = [
  { label: 'Ollama', kind: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2', needsKey: false },
  { label: 'LM Studio', kind: 'openai-compatible', baseUrl: 'http://localhost:1234/v1', model: '', needsKey: false },
  { label: 'llama.cpp server', kind: 'openai-compatible', baseUrl: 'http://localhost:8080/v1', model: 'default', needsKey: false },
  { label: 'vLLM', kind: 'openai-compatible', baseUrl: 'http://localhost:8000/v1', model: '', needsKey: false },
  { label: 'OpenAI', kind: 'openai-compatible', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', needsKey: true },
  { label: 'Anthropic', kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1', model: 'claude-3-5-haiku-latest', needsKey: true },
  { label: 'Google Gemini', kind: 'gemini', baseUrl: 'https://generativelanguage.googleapis.com/v1beta', model: 'gemini-2.0-flash', needsKey: true },
  { label: 'OpenRouter', kind: 'openai-compatible', baseUrl: 'https://openrouter.ai/api/v1', model: '', needsKey: true },
  { label: 'Mistral', kind: 'openai-compatible', baseUrl: 'https://api.mistral.ai/v1', model: 'mistral-small-latest', needsKey: true },
  { label: 'DeepSeek', kind: 'openai-compatible', baseUrl: 'https://api.deepseek.com/v1', model: 'deepseek-chat', needsKey: true },
  { label: 'Groq', kind: 'openai-compatible', baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.1-8b-instant', needsKey: true },
  { label: 'Together', kind: 'openai-compatible', baseUrl: 'https://api.together.xyz/v1', model: '', needsKey: true },
];
