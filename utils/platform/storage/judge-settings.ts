import { storage } from 'wxt/utils/storage';

/** The judge model: one of the configured endpoints, optionally with another model than its default. */
export interface JudgeSettings {
  providerId: string;
  model?: string;
}

/** Which model judges answers (null = no judge). Stored apart from the main settings; holds no key. */
export const judgeItem = storage.defineItem<JudgeSettings | null>('local:judge', { fallback: null, version: 1 });

/** The embedding model for divergence by meaning: an OpenAI-compatible endpoint and an embedding model. */
export interface EmbeddingSettings {
  providerId: string;
  model: string;
}

/** Which embedding model measures divergence (null = word overlap only). Holds no key. */
export const embeddingItem = storage.defineItem<EmbeddingSettings | null>('local:embedding', { fallback: null, version: 1 });
