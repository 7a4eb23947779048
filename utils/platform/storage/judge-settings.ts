import { storage } from 'wxt/utils/storage';
import type { ModelRef } from '../../core/on-device/webllm-records';

/** The judge model: one of the configured endpoints, optionally with another model than its default. */
export interface JudgeSettings {
  providerId: string;
  model?: string;
}

/** Which model judges answers (null = no judge). Stored apart from the main settings; holds no key. */
export const judgeItem = storage.defineItem<JudgeSettings | null>('local:judge', { fallback: null, version: 1 });

/**
 * The embedding model for divergence by meaning: an OpenAI-compatible endpoint and an embedding model, or a
 * WebLLM embedding model downloaded to this device (the answers never leave it).
 */
export type EmbeddingSettings = { providerId: string; model: string } | { onDevice: ModelRef & { kind: 'embedding' }; name: string };

/** The on-device model of the setting, or null when it is an endpoint's. */
export const onDeviceEmbedding = (setting: EmbeddingSettings | null) => (setting && 'onDevice' in setting ? setting : null);

/** Which embedding model measures divergence (null = word overlap only). Holds no key. */
export const embeddingItem = storage.defineItem<EmbeddingSettings | null>('local:embedding', { fallback: null, version: 1 });
