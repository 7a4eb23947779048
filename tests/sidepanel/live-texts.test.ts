import { describe, expect, test } from 'vitest';
import { createLiveTexts, type LiveTexts } from '@/entrypoints/sidepanel/live-texts';
import type { Run } from '@/utils/core/runner/types';

const run = (state: Run['state'], text: string) => ({ id: 'r1', state, text }) as Run;
const delta = (offset: number, text: string) => ({ type: 'delta' as const, runId: 'r1', offset, text });
const attemptStarts = { type: 'state' as const, runId: 'r1', state: 'streaming' as const };

/** Live texts after these live events; `shown()` is run r1's text on screen. */
function liveAfter(...events: Parameters<LiveTexts['onLive']>[0][]) {
  const live = createLiveTexts();
  for (const event of events) live.onLive(event);
  return { live, shown: () => live.textOf('r1').value };
}

describe('live texts: deltas and database checkpoints together', () => {
  test('tokens show as they arrive, and a late checkpoint of the queued run does not take them back', () => {
    const { live, shown } = liveAfter(attemptStarts, delta(0, 'Hello '), delta(6, 'world'));
    // The database snapshot taken before streaming began arrives now.
    live.onStored(run('queued', ''));
    expect(shown()).toBe('Hello world');
    live.onLive(delta(11, '!'));
    expect(shown()).toBe('Hello world!');
    // An older checkpoint while streaming changes nothing either.
    live.onStored(run('streaming', 'Hello'));
    expect(shown()).toBe('Hello world!');
  });

  test('a panel opened mid-answer shows the checkpoint, then resumes from it with the next delta', () => {
    const { live, shown } = liveAfter();
    live.onStored(run('streaming', 'The answer so far'));
    expect(shown()).toBe('The answer so far');
    live.onLive(delta(17, ', and more'));
    expect(shown()).toBe('The answer so far, and more');
    // A delta beyond what any source has is held back rather than shown with a hole.
    live.onLive(delta(100, 'later'));
    expect(shown()).toBe('The answer so far, and more');
  });

  test('a finished run shows the stored answer; a retry starts from nothing', () => {
    const { live, shown } = liveAfter(attemptStarts, delta(0, 'Partial'));
    live.onStored(run('interrupted', 'Partial'));
    expect(shown()).toBe('Partial');
    live.onStored(run('queued', ''));
    live.onLive(attemptStarts);
    expect(shown()).toBe('');
    live.onLive(delta(0, 'New'));
    expect(shown()).toBe('New');
    live.onStored(run('done', 'New answer'));
    expect(shown()).toBe('New answer');
  });

  test('runs do not mix', () => {
    const { live } = liveAfter(attemptStarts, delta(0, 'one'), { type: 'delta', runId: 'r2', offset: 0, text: 'two' });
    expect([live.textOf('r1').value, live.textOf('r2').value]).toEqual(['one', 'two']);
  });
});
