import { describe, expect, test } from 'vitest';
import { createLiveTexts } from '@/entrypoints/sidepanel/live-texts';
import type { Run } from '@/utils/runner/types';

const run = (state: Run['state'], text: string) => ({ id: 'r1', state, text }) as Run;
const delta = (offset: number, text: string) => ({ type: 'delta' as const, runId: 'r1', offset, text });

describe('live texts: deltas and database checkpoints together', () => {
  test('tokens show as they arrive, and a late checkpoint of the queued run does not take them back', () => {
    const live = createLiveTexts();
    live.onLive({ type: 'state', runId: 'r1', state: 'streaming' });
    live.onLive(delta(0, 'Hello '));
    live.onLive(delta(6, 'world'));
    // The database snapshot taken before streaming began arrives now.
    live.onStored(run('queued', ''));
    expect(live.textOf('r1').value).toBe('Hello world');
    live.onLive(delta(11, '!'));
    expect(live.textOf('r1').value).toBe('Hello world!');
    // An older checkpoint while streaming changes nothing either.
    live.onStored(run('streaming', 'Hello'));
    expect(live.textOf('r1').value).toBe('Hello world!');
  });

  test('a panel opened mid-answer shows the checkpoint, then resumes from it with the next delta', () => {
    const live = createLiveTexts();
    live.onStored(run('streaming', 'The answer so far'));
    expect(live.textOf('r1').value).toBe('The answer so far');
    live.onLive(delta(17, ', and more'));
    expect(live.textOf('r1').value).toBe('The answer so far, and more');
    // A delta beyond what any source has is held back rather than shown with a hole.
    live.onLive(delta(100, 'later'));
    expect(live.textOf('r1').value).toBe('The answer so far, and more');
  });

  test('a finished run shows the stored answer; a retry starts from nothing', () => {
    const live = createLiveTexts();
    live.onLive({ type: 'state', runId: 'r1', state: 'streaming' });
    live.onLive(delta(0, 'Partial'));
    live.onStored(run('interrupted', 'Partial'));
    expect(live.textOf('r1').value).toBe('Partial');
    live.onStored(run('queued', ''));
    live.onLive({ type: 'state', runId: 'r1', state: 'streaming' });
    expect(live.textOf('r1').value).toBe('');
    live.onLive(delta(0, 'New'));
    expect(live.textOf('r1').value).toBe('New');
    live.onStored(run('done', 'New answer'));
    expect(live.textOf('r1').value).toBe('New answer');
  });

  test('runs do not mix', () => {
    const live = createLiveTexts();
    live.onLive({ type: 'state', runId: 'r1', state: 'streaming' });
    live.onLive(delta(0, 'one'));
    live.onLive({ type: 'delta', runId: 'r2', offset: 0, text: 'two' });
    expect([live.textOf('r1').value, live.textOf('r2').value]).toEqual(['one', 'two']);
  });
});
