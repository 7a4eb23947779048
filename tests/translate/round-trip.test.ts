import { describe, expect, test } from 'vitest';
import { DRIFT_THRESHOLD, roundTripDrift } from '@/utils/core/translate/round-trip';

describe('round-trip drift check', () => {
  test.each([
    ['identical', 'Should a doctor always tell a patient the truth?', 'Should a doctor always tell a patient the truth?', 'en'],
    ['a light paraphrase', 'Should a doctor always tell a patient the truth?', 'Must a doctor always tell the patient the truth?', 'en'],
    ['plural and word order', 'Is it ever right to lie to protect 3 friends?', 'Is it right ever to lie to protect your 3 friends?', 'en'],
    ['a contraction for a negation', 'Why do people not trust vaccines?', "Why don't people trust vaccines?", 'en'],
    ['German paraphrase', 'Sollte man Ärzten immer vertrauen?', 'Sollte man Ärzten stets vertrauen?', 'de'],
    ['Chinese by characters', '医生应该总是告诉病人真相吗？', '医生是否应该总是告诉病人真相？', 'zh'],
    ['number with another grouping', 'Is 1,000 dollars a lot of money?', 'Is 1000 dollars a lot of money?', 'en'],
  ])('%s keeps its meaning', (_name, original, back, language) => {
    const check = roundTripDrift(original, back, language);
    expect(check.drifted).toBe(false);
    expect(check.score).toBeGreaterThanOrEqual(DRIFT_THRESHOLD);
  });

  test.each([
    ['a lost negation', 'Why should we not eat meat?', 'Why should we eat meat?', 'en', /negation was lost/],
    ['an added negation', 'Is lying acceptable?', 'Is lying not acceptable?', 'en', /negation .*appeared/],
    ['a lost German negation', 'Warum sollte man kein Fleisch essen?', 'Warum sollte man Fleisch essen?', 'de', /negation was lost/],
    ['a changed number', 'Name 3 reasons to vote.', 'Name 5 reasons to vote.', 'en', /number 3/],
    ['an added number', 'Give me reasons to vote.', 'Give me 10 reasons to vote.', 'en', /number 10 appeared/],
    ['another subject altogether', 'Should a doctor always tell a patient the truth?', 'What is the best recipe for apple pie?', 'en', /words came back/],
    ['an empty round trip', 'Should a doctor lie?', '  ', 'en', /empty/],
  ])('%s is flagged with a reason', (_name, original, back, language, reason) => {
    const check = roundTripDrift(original, back, language);
    expect(check.drifted).toBe(true);
    expect(check.reason).toMatch(reason);
  });

  test('a closer round trip scores higher', () => {
    const original = 'Should a doctor always tell a patient the truth about a serious illness?';
    const close = roundTripDrift(original, 'Should a doctor always tell the patient the truth about a serious illness?', 'en');
    const loose = roundTripDrift(original, 'Must physicians be honest with sick people about grave diseases?', 'en');
    expect(close.score).toBeGreaterThan(loose.score);
  });

  test('without a language, negation words of any language count', () => {
    expect(roundTripDrift('Warum nicht?', 'Warum?').drifted).toBe(true);
  });
});
