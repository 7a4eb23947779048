import { describe, expect, test } from 'vitest';
import { planComparison, type PlanPersona } from '@/utils/core/runner/plan';
import { estimatePlan, formatCost, formatSeconds } from '@/utils/core/runner/estimate';
import { requestFor } from '@/utils/core/runner/execute';
import { contextToSend } from '@/utils/core/runner/context-step';
import { priceOf } from '@/utils/core/providers/prices';
import type { ProviderConfig } from '@/utils/core/providers/types';

const local: ProviderConfig = { id: 'ollama', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' };
const openai: ProviderConfig = { id: 'oa', kind: 'openai-compatible', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' };
const claude: ProviderConfig = { id: 'an', kind: 'anthropic', label: 'Claude', baseUrl: 'https://api.anthropic.com/v1', model: 'claude-3-5-haiku-latest' };
const gemini: ProviderConfig = {
  id: 'ge',
  kind: 'gemini',
  label: 'Gemini',
  baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  model: 'gemini-2.0-flash',
};
const router: ProviderConfig = { id: 'or', kind: 'openai-compatible', label: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', model: 'meta/llama' };
const onDevice: ProviderConfig = { id: 'wl', kind: 'webllm', label: 'On this computer', baseUrl: '', model: 'Qwen2.5-0.5B' };

const japan: PlanPersona = { id: 'jp', label: 'Japan', systemPrompt: 'Answer as a typical person from Japan would.' };
const brazil: PlanPersona = { id: 'br', label: 'Brazil', systemPrompt: 'Answer as a typical person from Brazil would.' };

function plan(over: Partial<Parameters<typeof planComparison>[0]> = {}) {
  let n = 0;
  return planComparison({
    prompt: 'Should parents choose their children’s careers?',
    source: { kind: 'panel' },
    providers: [local, openai],
    now: 5,
    newId: () => `id${++n}`,
    ...over,
  });
}

describe('planning along every axis', () => {
  test.each([
    { axes: {}, runs: 2 },
    { axes: { languages: ['de', 'ja'] }, runs: 4 },
    { axes: { personas: [japan, brazil] }, runs: 4 },
    { axes: { repetitions: 5 }, runs: 10 },
    { axes: { languages: ['de', 'ja'], personas: [japan, brazil] }, runs: 8 },
    { axes: { languages: ['de', 'ja', 'sw'], personas: [japan, brazil], repetitions: 3 }, runs: 36 },
  ])('$axes → $runs runs, positions 0..n-1, each combination asked as many times as asked', ({ axes, runs: expected }) => {
    const { runs } = plan(axes);
    expect(runs).toHaveLength(expected);
    expect(runs.map((r) => r.position)).toEqual([...Array(expected).keys()]);
    const reps = 'repetitions' in axes ? axes.repetitions! : 1;
    const combos = new Map<string, number[]>();
    for (const r of runs) {
      const key = `${r.target.providerId}|${r.target.language}|${r.target.persona?.id}`;
      combos.set(key, [...(combos.get(key) ?? []), r.repetition ?? 1]);
    }
    expect(combos.size).toBe(expected / reps);
    for (const reps_ of combos.values()) expect(reps_).toEqual([...Array(reps).keys()].map((i) => i + 1));
  });

  test('a persona is a system prompt on the target, and its name travels with it', () => {
    const { runs } = plan({ providers: [local], personas: [japan, brazil] });
    expect(runs.map((r) => [r.target.persona?.label, r.target.params?.systemPrompt])).toEqual([
      ['Japan', japan.systemPrompt],
      ['Brazil', brazil.systemPrompt],
    ]);
  });

  test('runs are laid out endpoint by endpoint, then language, then persona, then repetition', () => {
    const { runs } = plan({ languages: ['de', 'ja'], personas: [japan, brazil], repetitions: 2 });
    expect(runs.slice(0, 5).map((r) => `${r.target.providerId}/${r.target.language}/${r.target.persona?.id}/${r.repetition}`)).toEqual([
      'ollama/de/jp/1',
      'ollama/de/jp/2',
      'ollama/de/br/1',
      'ollama/de/br/2',
      'ollama/ja/jp/1',
    ]);
  });

  test('a single ask carries no repetition number; no persona means no system prompt', () => {
    const { runs } = plan();
    expect(runs.every((r) => r.repetition === undefined && r.target.persona === undefined && r.target.params?.systemPrompt === undefined)).toBe(true);
  });

  test('the chosen temperature overrides each endpoint’s own; without one the endpoint’s stays', () => {
    const warm = { ...local, temperature: 0.3 };
    expect(plan({ providers: [warm, openai], temperature: 1.2 }).runs.map((r) => r.target.params?.temperature)).toEqual([1.2, 1.2]);
    expect(plan({ providers: [warm, openai] }).runs.map((r) => r.target.params?.temperature)).toEqual([0.3, undefined]);
  });

  test('previous turns are recorded on the comparison as sent, with the comparison it re-runs', () => {
    const context = [
      { role: 'user' as const, content: 'I am 17.' },
      { role: 'assistant' as const, content: 'What do you enjoy?' },
    ];
    const { comparison } = plan({ context, rerunOf: 'older' });
    expect(comparison.context).toEqual(context);
    expect(comparison.contextSent).toBe(2);
    expect(comparison.rerunOf).toBe('older');
    expect(plan().comparison.contextSent).toBeUndefined();
  });
});

describe('what a run sends', () => {
  const context = [
    { role: 'user' as const, content: 'first question' },
    { role: 'assistant' as const, content: 'first answer' },
    { role: 'user' as const, content: 'second question' },
    { role: 'assistant' as const, content: 'second answer' },
  ];

  test.each([
    { contextSent: undefined, sent: [] },
    { contextSent: 0, sent: [] },
    { contextSent: 2, sent: context.slice(2) },
    { contextSent: 10, sent: context },
  ])('a captured conversation with contextSent=$contextSent sends $sent.length turns', ({ contextSent, sent }) => {
    expect(contextToSend({ context, contextSent })).toEqual(sent);
  });

  test('system prompt, then the turns before, then the prompt', () => {
    const { runs } = plan({ providers: [local], personas: [japan] });
    expect(requestFor(runs[0]!.target, 'now what?', context.slice(2)).messages).toEqual([
      { role: 'system', content: japan.systemPrompt },
      { role: 'user', content: 'second question' },
      { role: 'assistant', content: 'second answer' },
      { role: 'user', content: 'now what?' },
    ]);
  });
});

describe('estimating before a run starts', () => {
  const text = 'Is it fair to tax inheritance?';

  test.each([
    { name: 'two endpoints as written', spec: {}, runs: 2, translations: 0 },
    { name: 'three languages, one the prompt’s own', spec: { languages: ['en', 'de', 'ja'] }, runs: 6, translations: 2 + 4 },
    {
      name: 'a language the user translated needs no prompt translation',
      spec: { languages: ['de'], translations: { de: 'Ist es gerecht?' } },
      runs: 2,
      translations: 0 + 2,
    },
    {
      name: 'context turns are translated into each language',
      spec: { languages: ['de'], context: [{ content: 'a' }, { content: 'b' }] },
      runs: 2,
      translations: 1 + 2 + 2,
    },
    { name: 'personas and repetitions multiply the runs', spec: { personas: [japan, brazil], repetitions: 4 }, runs: 16, translations: 0 },
    { name: 'a subset of endpoints', spec: { providerIds: ['oa'], languages: ['de'] }, runs: 1, translations: 2 },
  ])('$name: $runs runs, $translations translations', ({ spec, runs, translations }) => {
    const e = estimatePlan({ text, sourceLanguage: 'en', ...spec }, [local, openai]);
    expect([e.runs, e.translations, e.calls]).toEqual([runs, translations, runs + translations]);
  });

  test('without a translator nothing is translated', () => {
    expect(estimatePlan({ text, sourceLanguage: 'en', languages: ['de', 'ja'] }, [local], { translator: false }).translations).toBe(0);
  });

  test('time grows with waves of each endpoint’s concurrency; on-device engines go one at a time', () => {
    const remote = (repetitions: number) => estimatePlan({ text, sourceLanguage: 'en', repetitions }, [openai], { remoteSeconds: 10 }).seconds;
    expect([remote(1), remote(4), remote(5), remote(8)]).toEqual([10, 10, 20, 20]);
    expect(estimatePlan({ text, sourceLanguage: 'en', repetitions: 3 }, [onDevice], { onDeviceSeconds: 30 }).seconds).toBe(90);
    expect(estimatePlan({ text, sourceLanguage: 'en', repetitions: 3 }, [{ ...openai, maxConcurrent: 1 }], { remoteSeconds: 10 }).seconds).toBe(30);
  });

  test('cost: list prices for the OpenAI, Anthropic and Gemini presets; free on this computer; unknown elsewhere', () => {
    const priced = estimatePlan({ text, repetitions: 10 }, [openai, claude, gemini, local, onDevice], { outputTokens: 1000 });
    expect(typeof priced.costUsd).toBe('number');
    // 10 answers of 1,000 tokens: gpt-4o-mini $0.60, claude-3-5-haiku $4, gemini-2.0-flash $0.40 per million out.
    expect(priced.costUsd as number).toBeGreaterThan(0.05);
    expect(priced.costUsd as number).toBeLessThan(0.051);
    expect(estimatePlan({ text }, [local, onDevice]).costUsd).toBe(0);
    const unknown = estimatePlan({ text }, [openai, router]);
    expect(unknown.costUsd).toBe('unknown');
    expect(unknown.unpriced).toEqual(['OpenRouter']);
  });

  test.each([
    [{ providerKind: 'openai-compatible' as const, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini-2024-07-18' }, 'priced', 0.15],
    [{ providerKind: 'openai-compatible' as const, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o' }, 'priced', 2.5],
    [{ providerKind: 'gemini' as const, baseUrl: 'https://generativelanguage.googleapis.com/v1beta', model: 'models/gemini-2.0-flash-lite' }, 'priced', 0.075],
    [{ providerKind: 'openai-compatible' as const, baseUrl: 'http://localhost:1234/v1', model: 'gpt-4o' }, 'free', null],
    [{ providerKind: 'openai-compatible' as const, baseUrl: 'https://api.openai.com/v1', model: 'my-fine-tune' }, 'unknown', null],
  ])('priceOf(%o) is %s', (endpoint, kind, input) => {
    const info = priceOf(endpoint);
    expect(info.kind).toBe(kind);
    if (info.kind === 'priced') expect(info.price.inputPerMTok).toBe(input);
  });

  test('an empty selection asks nothing', () => {
    expect(estimatePlan({ text, providerIds: [] }, [local, openai])).toMatchObject({ runs: 0, calls: 0, seconds: 0, costUsd: 0 });
  });

  test.each([
    [0.4, 'about 1 s'],
    [42, 'about 42 s'],
    [150, 'about 3 min'],
    [5400, 'about 1 h 30 min'],
  ])('formatSeconds(%d) = %s', (s, text_) => expect(formatSeconds(s)).toBe(text_));

  test.each([
    [0, 'free'],
    [0.004, '< $0.01'],
    [1.2, '$1.20'],
    ['unknown' as const, 'price unknown'],
  ])('formatCost(%s) = %s', (c, text_) => expect(formatCost(c)).toBe(text_));
});
