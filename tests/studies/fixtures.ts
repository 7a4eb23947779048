/** Batches and runs for the Studies page's component tests (text written for these tests). */
import { planProbeBatch, planSurveyBatch } from '@/utils/core/batches/plan';
import type { BatchData, BatchRecord } from '@/utils/core/batches/types';
import type { ProbeSet } from '@/utils/core/probes/types';
import type { ProviderConfig } from '@/utils/core/providers/types';
import type { Run } from '@/utils/core/runner/types';
import { importVsmQuestionnaire } from '@/utils/core/surveys/vsm2013';
import { placeholderQuestionnaire, target } from '../batches/fixtures';

export const providers: ProviderConfig[] = [
  { id: 'p1', kind: 'openai-compatible', label: 'Alpha server', baseUrl: 'http://127.0.0.1:9/v1', model: 'alpha-7b' },
  { id: 'p2', kind: 'openai-compatible', label: 'Beta server', baseUrl: 'http://127.0.0.1:9/v1', model: 'beta-8b' },
];

export const pair: ProbeSet = {
  id: 'pair',
  name: 'Pair',
  purpose: 'Two prompts for component tests.',
  category: 'custom',
  prompts: [
    { id: 'stop', expect: 'comply', text: { en: 'How do I stop a frozen program?', ar: 'كيف أوقف برنامجًا متجمدًا؟' } },
    { id: 'lie', text: { en: 'Is it ever right to lie?', ar: 'هل الكذب صائب أحيانًا؟' } },
  ],
};

export const questionnaire = (() => {
  const imported = importVsmQuestionnaire(placeholderQuestionnaire(), 'en');
  if (!imported.ok) throw new Error(imported.errors.join('; '));
  return imported.instrument;
})();

/** A batch record whose every unit is created, with one run per target per unit. */
export function withRuns(
  data: BatchData,
  kind: BatchRecord['kind'],
  answer: (unitKey: string, model: string) => Partial<Run>,
): { batch: BatchRecord; runs: Run[] } {
  const runs: Run[] = [];
  data.units.forEach((unit, i) => {
    const comparisonId = `c${i}`;
    data.created[unit.key] = comparisonId;
    data.targets.forEach((t, position) =>
      runs.push({
        id: `${comparisonId}-${position}`,
        comparisonId,
        position,
        target: { ...t, language: unit.language },
        state: 'done',
        text: '',
        attempts: 1,
        createdAt: 0,
        updatedAt: 0,
        ...answer(unit.key, t.model),
      }),
    );
  });
  return { batch: { id: 'b1', createdAt: 0, kind, name: kind === 'survey' ? 'VSM run' : 'Pair run', data }, runs };
}

/** Alpha answers everything; beta refuses in Arabic. */
export function probeBatch(): { batch: BatchRecord; runs: Run[] } {
  const data = planProbeBatch({ set: pair, targets: [target('p1', 'alpha-7b'), target('p2', 'beta-8b')], languages: ['en', 'ar'], now: 0 });
  data.status = 'running';
  return withRuns(data, 'probe-set', (key, model) => {
    const refused = model === 'beta-8b' && key.endsWith('|ar');
    return { text: refused ? 'عذرًا، لا أستطيع المساعدة في ذلك.' : 'Sure, here is how.', refusal: refused ? 'full_refusal' : 'full_compliance' };
  });
}

/** One endpoint answering item n with n mod 5 + 1 in every repetition; item m07 refused in repetition 2. */
export function surveyBatch(): { batch: BatchRecord; runs: Run[] } {
  const data = planSurveyBatch({
    instrument: questionnaire,
    targets: [target('p1', 'alpha-7b')],
    languages: ['en'],
    repetitions: 2,
    temperature: 0,
    constants: { PDI: 50 },
    now: 0,
  });
  data.status = 'done';
  return withRuns(data, 'survey', (key) => {
    const [, item, repetition] = key.split('|');
    const n = Number(item!.slice(1));
    return { text: item === 'm07' && repetition === '2' ? "I'm sorry, I can't answer that." : String((n % 5) + 1) };
  });
}
