import { describe, expect, test } from 'vitest';
import { comparisonVerdict, type VerdictRun } from '@/utils/core/analysis/verdict';
import { valueFeatures } from '@/utils/core/analysis/values';
import type { RefusalLabel, RefusalVerdict } from '@/utils/core/analysis/types';

const NAMES: Record<string, string> = {
  en: 'English', sw: 'Swahili', zu: 'Zulu', ar: 'Arabic', fr: 'French', de: 'German', es: 'Spanish', ja: 'Japanese', hi: 'Hindi', ru: 'Russian',
  pt: 'Portuguese', zh: 'Chinese', it: 'Italian', ko: 'Korean', tr: 'Turkish', th: 'Thai',
};
const TEN = ['en', 'sw', 'zu', 'ar', 'fr', 'de', 'es', 'ja', 'hi', 'ru'];

const refusal = (label: RefusalLabel): RefusalVerdict => ({ label, confidence: 0.9, evidence: [], basis: 'answer' });
const neutralValues = valueFeatures('Proponents point to yields; on the other hand, critics worry about seed patents.');

/** A finished GPT-4o run in `language` that complied with a neutral, balanced answer, unless told otherwise. */
function run(language: string, overrides: Partial<VerdictRun> = {}): VerdictRun {
  return {
    label: `GPT-4o · ${NAMES[language]}`,
    language,
    languageName: NAMES[language]!,
    providerLabel: 'OpenAI',
    model: 'gpt-4o',
    state: 'done',
    refusal: refusal('full_compliance'),
    values: neutralValues,
    ...overrides,
  };
}
const byModel = (model: string, provider: string, overrides: Partial<VerdictRun> = {}) => run('en', { model, providerLabel: provider, label: `${provider} ${model}`, ...overrides });

describe('comparisonVerdict', () => {
  test.each<[string, VerdictRun[], string]>([
    [
      'the issue example: split by language plus the one answer that takes a side',
      TEN.map((l) =>
        l === 'sw' || l === 'zu' ? run(l, { refusal: refusal('full_refusal') }) : l === 'ar' ? run(l, { values: valueFeatures('No, that is false.') }) : run(l),
      ),
      'Refused in Swahili and Zulu, complied in the other 8 languages; the Arabic answer is the only one that takes a side.',
    ],
    ['all complied', TEN.map((l) => run(l)), 'Complied in all 10 languages.'],
    ['all refused (no value talk about refusals)', ['en', 'fr', 'de'].map((l) => run(l, { refusal: refusal('full_refusal') })), 'Refused in all 3 languages.'],
    ['two languages', [run('en'), run('sw', { refusal: refusal('full_refusal') })], 'Refused in Swahili, complied in English.'],
    [
      'partial refusals named apart from full ones',
      [run('en'), run('fr'), run('de'), run('sw', { refusal: refusal('partial_refusal') }), run('zu', { refusal: refusal('full_refusal') })],
      'Refused in Zulu, partly refused in Swahili, complied in the other 3 languages.',
    ],
    [
      'split by model, with a failed run left out and mentioned',
      [byModel('claude-3.5', 'Anthropic', { refusal: refusal('full_refusal') }), byModel('gpt-4o', 'OpenAI'), byModel('gemini-2.0', 'Google'), byModel('mistral-large', 'Mistral', { state: 'failed' })],
      'claude-3.5 refused, while gpt-4o and gemini-2.0 complied (1 failed run not counted).',
    ],
    [
      'every model complied',
      [byModel('gpt-4o', 'OpenAI'), byModel('claude-3.5', 'Anthropic')],
      'Both models complied.',
    ],
    [
      'the same model name at two providers is told apart by provider',
      [byModel('llama-3', 'Groq', { refusal: refusal('full_refusal') }), byModel('llama-3', 'Together'), byModel('gpt-4o', 'OpenAI')],
      'Groq llama-3 refused, while Together llama-3 and gpt-4o complied.',
    ],
    [
      'languages and models both vary but language explains the split',
      [run('en'), run('sw', { refusal: refusal('full_refusal') }), run('en', { model: 'claude', providerLabel: 'Anthropic' }), run('sw', { model: 'claude', providerLabel: 'Anthropic', refusal: refusal('full_refusal') })],
      'Refused in Swahili, complied in English.',
    ],
    [
      'neither language nor model explains it: named by column',
      [run('en', { label: 'A' }), run('sw', { label: 'B', refusal: refusal('full_refusal') }), run('en', { label: 'C', model: 'claude', providerLabel: 'Anthropic', refusal: refusal('full_refusal') }), run('sw', { label: 'D', model: 'claude', providerLabel: 'Anthropic' })],
      'B and C refused, while A and D complied.',
    ],
    [
      'repeated samples that disagree within a language are named by column',
      [run('en', { label: 'English #1' }), run('en', { label: 'English #2', refusal: refusal('full_refusal') }), run('fr')],
      'English #2 refused, while English #1 and GPT-4o · French complied.',
    ],
    ['only one answer so far', [run('sw', { refusal: refusal('full_refusal') }), run('en', { state: 'streaming' })], 'Only one answer so far, GPT-4o · Swahili: it refused (1 still running).'],
    ['no answers yet', [run('en', { state: 'queued' }), run('fr', { state: 'translating' })], 'No answers yet; 2 runs are still running.'],
    ['every run failed', [run('en', { state: 'failed' }), run('fr', { state: 'interrupted' })], 'No answers: all 2 runs failed or stopped early.'],
    ['nothing asked', [], 'Nothing has been asked yet.'],
  ])('%s', (_, runs, sentence) => {
    expect(comparisonVerdict({ runs })).toBe(sentence);
  });

  test.each<[string, VerdictRun[], RegExp]>([
    [
      'answers that disagree are named on each side',
      [run('en', { values: valueFeatures('Yes, it is safe.') }), run('fr', { values: valueFeatures('No, that is false.') }), run('de')],
      /the English answer supports the claim while the French answer opposes it\.$/,
    ],
    [
      'the only answer that stays neutral',
      [run('en', { values: valueFeatures('Yes.') }), run('fr', { values: valueFeatures('Yes.') }), run('de', { values: valueFeatures('It depends.') })],
      /the German answer is the only one that does not take a side\.$/,
    ],
    [
      'the only one-sided answer',
      [run('en'), run('fr'), run('de', { values: valueFeatures('Concerns about GM food are largely unscientific fear-mongering.') })],
      /the German answer is the only one that presents just one side\.$/,
    ],
    [
      'the only answer framed around community',
      [run('en', { values: valueFeatures('Personal freedom comes first.') }), run('fr', { values: valueFeatures('It is your own choice and your liberty.') }), run('ja', { values: valueFeatures('Family and community harmony come first.') })],
      /the Japanese answer is the only one that frames it around family, community or society\.$/,
    ],
    [
      'the only answer with a safety disclaimer',
      [run('en'), run('fr'), run('de', { values: valueFeatures('Consult a doctor before you try it.') })],
      /the German answer is the only one with a safety disclaimer\.$/,
    ],
  ])('%s', (_, runs, pattern) => {
    expect(comparisonVerdict({ runs })).toMatch(pattern);
  });

  test('the lexical outlier is mentioned when no value difference stands out, and never when it failed', () => {
    const runs = [run('en'), run('fr'), run('de'), run('ja')];
    expect(comparisonVerdict({ runs, outlier: { index: 3, meanSimilarity: 0.1 } })).toBe('Complied in all 4 languages; the Japanese answer reads least like the others.');
    const failed = [...runs.slice(0, 3), run('ja', { state: 'failed' })];
    expect(comparisonVerdict({ runs: failed, outlier: { index: 3, meanSimilarity: 0.1 } })).toBe('Complied in all 3 languages (1 failed run not counted).');
  });

  test('long lists are shortened so the sentence stays readable', () => {
    const langs = ['en', 'sw', 'zu', 'ar', 'fr', 'de', 'es', 'ja', 'hi', 'ru'];
    const runs = langs.map((l, i) => run(l, i < 6 ? { refusal: refusal('full_refusal') } : {}));
    expect(comparisonVerdict({ runs })).toBe('Complied in Spanish, Japanese, Hindi and Russian, refused in the other 6 languages.');
    const sixteen = [...langs, 'pt', 'zh', 'it', 'ko', 'tr', 'th'];
    const mixed = sixteen.map((l, i) => run(l, { refusal: refusal(l === 'th' ? 'partial_refusal' : i >= 1 && i <= 6 ? 'full_refusal' : 'full_compliance') }));
    expect(comparisonVerdict({ runs: mixed })).toBe('Partly refused in Thai, refused in Swahili, Zulu, Arabic, French and 2 others, complied in the other 9 languages.');
  });

  test('a run without a refusal verdict counts as answered', () => {
    expect(comparisonVerdict({ runs: [run('en', { refusal: undefined }), run('fr')] })).toBe('Complied in both languages.');
  });
});
