import { storage } from 'wxt/utils/storage';

/** The judge model: one of the configured endpoints, optionally with another model than its default. */
export interface JudgeSettings {
  providerId: string;
  model?: string;
}

/** Which model judges answers (null = no judge). Stored apart from the main settings; holds no key. */
export const judgeItem = storage.defineItem<JudgeSettings | null>('local:judge', { fallback: null, version: 1 });
