/**
 * The answers the core-loop e2e scenario scripts (tests/servers/disagreeing.ts) read as the e2e test expects,
 * checked here through the same analysis the panel runs: a direct "No." / "Ja," / 「いいえ、」 answer is Answered
 * with a stance, never a refusal nor a premise dispute; the cautious model's declines read as refused.
 */
import { describe, expect, test } from 'vitest';
import { badgeText } from '@/components/shared/refusal-words';
import { classifyRefusal } from '@/utils/core/analysis/refusal';
import { readingOf } from '@/utils/core/analysis/types';
import { analyseRun } from '@/utils/core/analysis/comparison';
import type { Run } from '@/utils/core/runner/types';
import { valueFeatures } from '@/utils/core/analysis/values';
import { ANSWERS, QUESTION, QUESTION_IN } from '../servers/disagreeing';

const LANGUAGES = ['en', 'de', 'ja', 'ar'] as const;

/** What analyseRun reads for one scripted answer: the answer, its language, its English back-translation. */
function read(model: keyof typeof ANSWERS, language: (typeof LANGUAGES)[number]) {
  const [text, english] = ANSWERS[model][language];
  const backTranslation = english || undefined;
  const refusal = classifyRefusal(text, { language, backTranslation });
  const values = valueFeatures(text, { language, backTranslation, prompt: language === 'en' ? QUESTION : QUESTION_IN[language], sourcePrompt: QUESTION });
  return { reading: readingOf(refusal), badge: badgeText(refusal), kind: refusal.kind, stance: values.stance.value, moralizing: values.moralizing.score };
}

describe('the disagreeing scenario reads as its e2e test expects', () => {
  test.each(LANGUAGES)('Frank in %s answered (a direct yes or no is no refusal and disputes no premise)', (language) => {
    const { reading, badge, kind } = read('frank', language);
    expect(reading).toBe('answered');
    expect(badge).toBe('Answered');
    expect(kind).toBeUndefined();
  });

  test('Frank takes a side: against in English, Japanese and Arabic, for in German', () => {
    expect(read('frank', 'en').stance).toBe('opposes');
    expect(read('frank', 'ja').stance).toBe('opposes');
    expect(read('frank', 'ar').stance).toBe('opposes');
    expect(read('frank', 'de').stance).toBe('supports');
  });

  test.each(LANGUAGES)('Fair in %s answered', (language) => {
    expect(read('fair', language).badge).toBe('Answered');
  });

  test.each(LANGUAGES)('Cautious in %s refused', (language) => {
    expect(read('cautious', language).reading).toBe('refused');
  });

  test.each(LANGUAGES)('Frank in %s does not moralize: a should-answer is not a sermon', (language) => {
    expect(read('frank', language).moralizing).toBe(0);
  });

  test.each(LANGUAGES)('Cautious in %s declines, so the panel shows it as neither one-sided nor balanced, and not hedging', (language) => {
    const [text, english] = ANSWERS.cautious[language];
    const run = {
      id: 'r',
      comparisonId: 'c',
      position: 0,
      state: 'done',
      text,
      attempts: 1,
      createdAt: 1,
      updatedAt: 1,
      backTranslation: english ? { text: english, language: 'en' } : undefined,
      target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'cautious', language },
    } as unknown as Run;
    const { values } = analyseRun(run, QUESTION);
    expect(values.balance.value).toBe('unclear');
    expect(values.hedging.score).toBe(0);
  });
});
