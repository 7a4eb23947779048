import { describe, expect, test } from 'vitest';
import { normalisePrompt, planComparison } from '@/utils/core/runner/plan';
import type { ProviderConfig } from '@/utils/core/providers/types';

const providers: ProviderConfig[] = [
  { id: 'p1', kind: 'openai-compatible', label: 'Ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' },
  { id: 'p2', kind: 'anthropic', label: 'Claude', baseUrl: 'https://api.anthropic.com/v1', model: 'claude-x' },
];
let n = 0;
const newId = () => `id${++n}`;

describe('planComparison', () => {
  test('one queued run per provider, in order, recording where each goes', () => {
    const { comparison, runs } = planComparison({ prompt: '  Hello\r\nworld ', source: { kind: 'panel' }, providers, now: 1000, newId });
    expect(comparison.prompt).toBe('Hello\nworld');
    expect(runs.map((r) => [r.position, r.state, r.target.providerLabel, r.target.model, r.target.baseUrl, r.comparisonId])).toEqual([
      [0, 'queued', 'Ollama', 'llama3.2', 'http://localhost:11434/v1', comparison.id],
      [1, 'queued', 'Claude', 'claude-x', 'https://api.anthropic.com/v1', comparison.id],
    ]);
    expect(new Set([comparison.id, ...runs.map((r) => r.id)]).size).toBe(3);
  });

  test('an empty or whitespace prompt is refused', () => {
    expect(() => planComparison({ prompt: ' \n\t ', source: { kind: 'panel' }, providers, now: 1, newId })).toThrow('The prompt is empty.');
  });

  test('with no provider set up, the comparison is kept with no runs', () => {
    expect(planComparison({ prompt: 'x', source: { kind: 'panel' }, providers: [], now: 1, newId }).runs).toEqual([]);
  });

  test('normalisePrompt keeps inner whitespace, RTL and emoji', () => {
    expect(normalisePrompt('\n مرحبا  🌍\r\n')).toBe('مرحبا  🌍');
  });
});
