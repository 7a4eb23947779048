import { describe, expect, test } from 'vitest';
import { InvalidTransition, RUN_STATES, canRetry, canTransition, isActive, isFinal, transition, type RunState } from '@/utils/core/runner/state';

describe('run state machine', () => {
  test.each<[RunState, RunState, boolean]>([
    ['queued', 'streaming', true],
    ['queued', 'translating', true],
    ['translating', 'streaming', true],
    ['streaming', 'done', true],
    ['streaming', 'failed', true],
    ['streaming', 'interrupted', true],
    ['queued', 'interrupted', true],
    ['failed', 'queued', true],
    ['interrupted', 'queued', true],
    ['done', 'queued', true],
    ['queued', 'done', false],
    ['done', 'streaming', false],
    ['failed', 'done', false],
    ['interrupted', 'streaming', false],
    ['streaming', 'queued', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  test('transition throws on a forbidden move', () => {
    expect(() => transition('done', 'streaming')).toThrow(InvalidTransition);
    expect(transition('queued', 'streaming')).toBe('streaming');
  });

  test('every state is exactly one of: waiting, active, final', () => {
    for (const state of RUN_STATES) {
      expect([state === 'queued', isActive(state), isFinal(state)].filter(Boolean)).toHaveLength(1);
    }
  });

  test('only settled runs can be retried', () => {
    expect(RUN_STATES.filter(canRetry)).toEqual(['done', 'failed', 'interrupted']);
  });
});
