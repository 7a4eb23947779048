import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJudgeState } from '@/entrypoints/sidepanel/judge-state';
import { embeddingItem } from '@/utils/platform/storage/judge-settings';
import type { Run } from '@/utils/core/runner/types';

const sent = vi.hoisted(() => ({ calls: [] as { type: string; payload: unknown }[], vectors: [] as number[][] }));
vi.mock('@/utils/platform/messaging/client', () => ({
  send: async (type: string, payload: unknown) => {
    sent.calls.push({ type, payload });
    if (type === 'engine.embed') return { vectors: sent.vectors };
    return { ready: true };
  },
}));

const run = (id: string, text: string, state: Run['state'] = 'done'): Run =>
  ({
    id,
    comparisonId: 'c',
    position: 0,
    state,
    text,
    target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'Local', baseUrl: '', model: id },
  }) as unknown as Run;

beforeEach(() => {
  fakeBrowser.reset();
  sent.calls = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('divergence by meaning with an on-device embedding model', () => {
  test('the answers go to the runner host’s engine (engine.embed), never to the network; the heat map is by meaning', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    await embeddingItem.setValue({ onDevice: { modelId: 'snowflake-arctic-embed-s-q0f32-MLC-b4', kind: 'embedding' }, name: 'snowflake arctic embed s' });
    const judge = createJudgeState();
    await vi.waitFor(() => expect(judge.embeddingName.value).toBe('snowflake arctic embed s (on this device)'));
    sent.vectors = [
      [1, 0],
      [0.8, 0.6],
      [0, 1],
    ];
    await judge.measureMeaning([run('a', 'Rent.'), run('b', 'Buy.'), run('x', '', 'failed'), run('c', 'x'.repeat(9000))]);
    const embed = sent.calls.find((c) => c.type === 'engine.embed')!.payload as { modelId: string; kind: string; texts: string[] };
    expect(embed.modelId).toBe('snowflake-arctic-embed-s-q0f32-MLC-b4');
    expect(embed.texts.map((t) => t.length)).toEqual([5, 4, 4000]); // failed runs left out, long answers cut
    expect(sent.calls[0]!.type).toBe('runner.ensure');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(judge.meaning.value?.order).toEqual(['a', 'b', 'c']);
    expect(judge.meaning.value?.matrix[0]![1]).toBeCloseTo(0.8);
    expect(judge.errors.value).toEqual([]);
  });
});
