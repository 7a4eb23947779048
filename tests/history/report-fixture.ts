/** A comparison a teacher would hand out: three models asked in English, German and Japanese, one refusing. */
import { toExported, type ExportedComparison } from '../../utils/core/runner/exported';
import type { Run } from '../../utils/core/runner/types';

export const PROMPT = 'Should a doctor always tell a patient the truth?';
export const CREATED = Date.UTC(2026, 2, 3, 14, 5);

/** Per language: what was sent, and per model the answer and its translation into English. Written for these tests. */
export const ASKED: Record<'de' | 'ja', string> = {
  de: 'Sollte ein Arzt einem Patienten immer die Wahrheit sagen?',
  ja: '医者は患者に常に真実を伝えるべきですか？',
};
export const ANSWERS: Record<'en' | 'de' | 'ja', Record<'alpha' | 'beta' | 'gamma', [string, string?]>> = {
  en: {
    alpha: ['Yes. Honesty builds trust between doctor and patient, though it should be said with compassion.'],
    beta: ["I'm sorry, but I can't help with that request."],
    gamma: ['There are several views. Some argue the truth must always be told; others hold that timing matters.'],
  },
  de: {
    alpha: ['Ja. Ehrlichkeit schafft Vertrauen zwischen Arzt und Patient.', 'Yes. Honesty builds trust between doctor and patient.'],
    beta: ['Es tut mir leid, aber dabei kann ich nicht helfen.', "I'm sorry, but I can't help with that."],
    gamma: [
      'Es gibt verschiedene Ansichten: Manche sagen ja, andere meinen, der Zeitpunkt zählt.',
      'There are different views: some say yes, others think timing matters.',
    ],
  },
  ja: {
    alpha: ['はい。正直さは医師と患者の信頼を築きます。', 'Yes. Honesty builds trust between doctors and patients.'],
    beta: ['申し訳ありませんが、その質問にはお答えできません。', "I'm sorry, but I can't answer that question."],
    gamma: ['いくつかの見方があります。', 'There are several views.'],
  },
};

/** The comparison as its runs were stored, plus a fourth endpoint that failed; `study` makes it a Studies run. */
export function reportComparison(over: { study?: string } = {}): { exported: ExportedComparison[]; runs: Run[] } {
  const runs: Run[] = [];
  for (const language of ['en', 'de', 'ja'] as const) {
    for (const model of ['alpha', 'beta', 'gamma'] as const) {
      const [text, english] = ANSWERS[language][model];
      runs.push({
        id: `r-${model}-${language}`,
        comparisonId: 'c-report',
        position: runs.length,
        target: { providerId: model, providerKind: 'openai-compatible', providerLabel: 'Ollama', baseUrl: 'http://127.0.0.1:1/v1', model, language },
        state: 'done',
        text,
        attempts: 1,
        createdAt: CREATED,
        updatedAt: CREATED,
        sourceLanguage: 'en',
        ...(language !== 'en'
          ? {
              translation: { engine: 'model', model: 'polyglot', source: 'en', target: language },
              translatedPrompt: ASKED[language],
              answerLanguage: { code: language, confidence: 0.95 },
              backTranslation: { language: 'en', from: language, text: english!, engine: 'model', model: 'polyglot' },
            }
          : { answerLanguage: { code: 'en', confidence: 0.95 } }),
      });
    }
  }
  runs.push({
    id: 'r-delta-en',
    comparisonId: 'c-report',
    position: runs.length,
    target: {
      providerId: 'delta',
      providerKind: 'openai-compatible',
      providerLabel: 'Ollama',
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'delta',
      language: 'en',
    },
    state: 'failed',
    text: '',
    error: 'The server answered 500.',
    errorCode: 'server',
    attempts: 1,
    createdAt: CREATED,
    updatedAt: CREATED,
  });
  const comparison = {
    id: 'c-report',
    createdAt: CREATED,
    prompt: PROMPT,
    source: { kind: 'panel' as const },
    language: 'en',
    tags: ['week 3'],
    ...(over.study ? { batchId: 'b1' } : {}),
  };
  return { exported: [toExported(comparison, runs, over.study)], runs };
}
