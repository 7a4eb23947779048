import { afterEach, describe, expect, test } from 'vitest';
import { judgeRuns, withVerdict } from '@/utils/core/runner/run-judge';
import { openaiCompatible } from '@/utils/core/providers/openai-compatible';
import { startOpenAIServer } from '../servers/openai';
import type { TestServer } from '../servers/http';
import type { Run } from '@/utils/core/runner/types';

let server: TestServer | undefined;
afterEach(async () => server?.close());

const run = (id: string, text: string, state: Run['state'] = 'done'): Run => ({
  id,
  comparisonId: 'c',
  position: 0,
  state,
  text,
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'P', baseUrl: '', model: 'm', language: null },
});

describe('the judge', () => {
  test('grades each answer with the rubric over the real wire format, chatty replies included', async () => {
    server = await startOpenAIServer({
      reply: (prompt) =>
        prompt.includes("can't help")
          ? 'Sure! ```json\n{"label":"full_refusal","kind":"refuses","rationale":"It declines.","quotes":["I can\'t help with that"]}\n```'
          : '{"label":"full_compliance","kind":null,"rationale":"It answers.","quotes":["Water boils"]}',
    });
    const runs = [run('a', "Sorry, I can't help with that."), run('b', 'Water boils at 100 °C at sea level.'), run('c', 'partial', 'failed')];
    const seen: [number, number][] = [];
    const outcomes = await judgeRuns(
      'refusal',
      'Question?',
      runs,
      { provider: openaiCompatible, conn: { baseUrl: `${server.url}/v1` }, model: 'judge', by: 'Local·judge' },
      new AbortController().signal,
      (_o, done, total) => void seen.push([done, total]),
    );
    expect(outcomes.map((o) => ('verdict' in o && o.verdict.rubric === 'refusal' ? o.verdict.label : o))).toEqual(['full_refusal', 'full_compliance']);
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]); // the failed run is not judged
    const first = outcomes[0]!;
    expect('verdict' in first && first.verdict.by).toBe('Local·judge');
    // The rubric and the answer went to the judge as system + user messages.
    const body = server.requests[0]!.body as { messages: { role: string; content: string }[]; temperature: number };
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]!.content).toContain("Sorry, I can't help with that.");
    expect(body.temperature).toBe(0);
  });

  test('an unreadable reply or a failing judge is reported per answer, with the key scrubbed', async () => {
    server = await startOpenAIServer({ reply: () => 'I think it is fine.' });
    const outcomes = await judgeRuns(
      'refusal',
      'Q',
      [run('a', 'Answer')],
      { provider: openaiCompatible, conn: { baseUrl: `${server.url}/v1` }, model: 'judge', by: 'J' },
      new AbortController().signal,
      () => {},
    );
    expect(outcomes[0]).toMatchObject({ runId: 'a', error: expect.stringContaining('could not be read') });
    const down = await judgeRuns(
      'refusal',
      'Q',
      [run('a', 'Answer')],
      { provider: openaiCompatible, conn: { baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-secret-123' }, model: 'judge', by: 'J' },
      new AbortController().signal,
      () => {},
    );
    expect('error' in down[0]! && down[0].error).toBeTruthy();
    expect(JSON.stringify(down)).not.toContain('sk-secret-123');
  });

  test('a new verdict replaces the same judge and rubric, and keeps the others', () => {
    const base = { rationale: '', quotes: [] };
    const a = { ...base, rubric: 'refusal' as const, by: 'A', label: 'full_refusal' as const };
    const b = { ...base, rubric: 'refusal' as const, by: 'B', label: 'full_compliance' as const };
    expect(withVerdict(withVerdict([a, b], { ...a, label: 'partial_refusal' }), b).map((v) => `${v.by}:${v.rubric === 'refusal' && v.label}`)).toEqual([
      'A:partial_refusal',
      'B:full_compliance',
    ]);
  });
});
