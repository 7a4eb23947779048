/**
 * Test material written for these tests: a stand-in questionnaire with the VSM 2013 structure (24 numbered
 * placeholder items, placeholder option labels) — not the real questionnaire text — and endpoints.
 */
import type { Target } from '@/utils/core/runner/types';

const OPTIONS = [
  '1 = placeholder point one',
  '2 = placeholder point two',
  '3 = placeholder point three',
  '4 = placeholder point four',
  '5 = placeholder point five',
];

/** 24 placeholder items; shared option blocks above items 1, 11 and 21, own options under items 15–20. */
export function placeholderQuestionnaire(): string {
  const lines: string[] = [];
  for (let n = 1; n <= 24; n++) {
    if (n === 1 || n === 11 || n === 21) lines.push('', ...OPTIONS, '');
    lines.push(`${n}. Placeholder statement number ${n} for testing the survey runner?`);
    if (n >= 15 && n <= 20) lines.push(...OPTIONS, '');
  }
  return lines.join('\n');
}

/** An OpenAI-compatible endpoint as a batch target. */
export const target = (id: string, model: string, extra: Partial<Target> = {}): Target => ({
  providerId: id,
  providerKind: 'openai-compatible',
  providerLabel: `Local ${model}`,
  baseUrl: 'http://127.0.0.1:9/v1',
  model,
  language: null,
  ...extra,
});
