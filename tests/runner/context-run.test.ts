import { describe, expect, test } from 'vitest';
import { createRunner } from '@/utils/core/runner/runner';
import { memoryRunStore } from '@/utils/core/runner/memory-store';
import { planComparison, type PlanInput } from '@/utils/core/runner/plan';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConfig } from '@/utils/core/providers/types';
import type { Translator } from '@/utils/core/translate/translator';

const PROMPT = 'And what would you do in my place?';
const CONTEXT = [
  { role: 'user' as const, content: 'My landlord kept my deposit.' },
  { role: 'assistant' as const, content: 'That sounds frustrating. Did you sign an inventory?' },
];
const model: ProviderConfig = { id: 'm', kind: 'openai-compatible', label: 'Echo', baseUrl: 'http://127.0.0.1:9/v1', model: 'echo-1' };

/** A model that records what it was sent and answers with the number of messages. */
function recordingModel() {
  const requests: ChatRequest[] = [];
  const provider: ChatProvider = {
    kind: 'openai-compatible',
    name: 'Recorder',
    async *stream(_conn, req): AsyncIterable<ChatEvent> {
      requests.push(req);
      yield { type: 'text', text: `I saw ${req.messages.length} messages.` };
      yield { type: 'done', finishReason: 'stop' };
    },
  };
  return { provider, requests };
}

const tagger: Translator = { id: 'tagger', label: 'Tagger', onDevice: true, translate: async (text, _from, to) => `[${to}] ${text}` };

async function run(over: Partial<PlanInput>, translator?: Translator) {
  let n = 0;
  const { comparison, runs } = planComparison({
    prompt: PROMPT,
    source: { kind: 'panel' },
    providers: [model],
    now: 1,
    newId: () => `id-${++n}`,
    language: 'en',
    ...over,
  });
  const store = memoryRunStore([comparison], runs);
  const { provider, requests } = recordingModel();
  const runner = createRunner({ store, providerFor: () => provider, apiKeyFor: async () => undefined, translator });
  await runner.wake();
  await runner.idle();
  return { runs: store.runsOf(comparison.id), requests };
}

describe('running with the conversation’s context', () => {
  test('alone: only the prompt is sent, and the run records it', async () => {
    const { runs, requests } = await run({});
    expect(requests[0]!.messages).toEqual([{ role: 'user', content: PROMPT }]);
    expect(runs[0]!.messages).toEqual(requests[0]!.messages);
  });

  test('with context: the previous turns go before the prompt, after the persona’s system prompt; the run records exactly that', async () => {
    const persona = { id: 'de', label: 'Germany', systemPrompt: 'Answer as a typical person from Germany would.' };
    const { runs, requests } = await run({ context: CONTEXT, personas: [persona] });
    const sent = [{ role: 'system', content: persona.systemPrompt }, ...CONTEXT, { role: 'user', content: PROMPT }];
    expect(requests[0]!.messages).toEqual(sent);
    expect(runs[0]!.messages).toEqual(sent);
    expect(runs[0]!.text).toBe('I saw 4 messages.');
  });

  test('in another language the turns are translated with the prompt', async () => {
    const { runs, requests } = await run({ context: CONTEXT, languages: ['de'] }, tagger);
    expect(requests[0]!.messages.map((m) => m.content)).toEqual([...CONTEXT.map((t) => `[de] ${t.content}`), `[de] ${PROMPT}`]);
    expect(runs[0]!.messages).toEqual(requests[0]!.messages);
  });

  test('repetitions ask the same target again, each one recorded with its number', async () => {
    const { runs, requests } = await run({ repetitions: 3, temperature: 0.9 });
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => r.temperature === 0.9)).toBe(true);
    expect(runs.map((r) => [r.repetition, r.state])).toEqual([
      [1, 'done'],
      [2, 'done'],
      [3, 'done'],
    ]);
  });
});
