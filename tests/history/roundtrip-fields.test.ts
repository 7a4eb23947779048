import { describe, expect, test } from 'vitest';
import { toJsonExport } from '@/utils/core/history/formats';
import { planImport } from '@/utils/core/history/import';
import { toExported } from '@/utils/core/runner/exported';
import type { Comparison, Run } from '@/utils/core/runner/types';

describe('export → import keeps what a run recorded', () => {
  test('persona, repetition, messages sent, translation, answer language, back-translation, refusal, judge and a hand reading', () => {
    const comparison: Comparison = {
      id: 'c1',
      createdAt: Date.parse('2026-01-02T03:04:05Z'),
      prompt: 'Is it fair?',
      source: { kind: 'panel' },
      language: 'en',
      batchId: 'b1',
      tags: ['week 3'],
      note: 'see sw',
    };
    const run: Run = {
      id: 'r1',
      comparisonId: 'c1',
      position: 0,
      state: 'done',
      text: 'Samahani, siwezi.',
      attempts: 1,
      createdAt: comparison.createdAt,
      updatedAt: comparison.createdAt,
      startedAt: comparison.createdAt,
      finishedAt: comparison.createdAt + 1000,
      target: {
        providerId: 'p',
        providerKind: 'openai-compatible',
        providerLabel: 'Local',
        baseUrl: 'http://127.0.0.1:1/v1',
        model: 'm',
        language: 'sw',
        params: { systemPrompt: 'Answer as a typical person from Kenya.' },
        persona: { id: 'kenya', label: 'Kenya' },
      },
      repetition: 2,
      messages: [
        { role: 'system', content: 'Answer as a typical person from Kenya.' },
        { role: 'user', content: 'Je, ni haki?' },
      ],
      sourceLanguage: 'en',
      translation: { engine: 'model', model: 'm', prompt: 'Translate…', source: 'en', target: 'sw' },
      translatedPrompt: 'Je, ni haki?',
      answerLanguage: { code: 'sw', confidence: 0.9 },
      backTranslation: { language: 'en', from: 'sw', text: "Sorry, I can't.", engine: 'model' },
      refusal: 'full_refusal',
      judge: [{ rubric: 'refusal', by: 'J·x', label: 'full_refusal', rationale: 'declines', quotes: ['siwezi'] }],
      surveyReading: { value: 2.5, by: 'person', at: comparison.createdAt + 5000 },
    };
    const plan = planImport(toJsonExport([toExported(comparison, [run])]));
    expect(plan.skipped).toEqual([]);
    const [imported] = plan.comparisons;
    // The prompt's language (names and verdicts need it) and the study it belongs to (kept out of the history's list).
    expect(imported!.comparison).toMatchObject({ tags: ['week 3'], note: 'see sw', language: 'en', batchId: 'b1' });
    const back = imported!.runs[0]!;
    expect(back.target.persona).toEqual(run.target.persona);
    for (const key of [
      'repetition',
      'messages',
      'sourceLanguage',
      'translation',
      'translatedPrompt',
      'answerLanguage',
      'backTranslation',
      'refusal',
      'judge',
      'surveyReading',
    ] as const) {
      expect(back[key], key).toEqual(run[key]);
    }
  });
});
