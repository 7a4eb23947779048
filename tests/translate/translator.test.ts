import { describe, expect, test } from 'vitest';
import { EmptyTranslation, modelTranslator } from '@/utils/core/translate/translator';
import type { ChatEvent, ChatProvider, ChatRequest } from '@/utils/core/providers/types';

/** A chat provider that streams a scripted reply in small pieces and keeps the requests it got. */
function scriptedProvider(reply: string, kind: ChatProvider['kind'] = 'openai-compatible') {
  const requests: ChatRequest[] = [];
  const provider: ChatProvider = {
    kind,
    name: 'Scripted',
    async *stream(_conn, req, signal): AsyncIterable<ChatEvent> {
      requests.push(req);
      for (let i = 0; i < reply.length; i += 4) {
        if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
        yield { type: 'text', text: reply.slice(i, i + 4) };
      }
      yield { type: 'done', finishReason: 'stop' };
    },
  };
  return { provider, requests };
}

const signal = new AbortController().signal;

describe('a chat model as translator', () => {
  test('asks with the strict prompt at temperature 0 and returns the cleaned, reassembled reply', async () => {
    const { provider, requests } = scriptedProvider('Here is the translation:\n\n"Ist Ehrlichkeit immer das Beste?"');
    const translator = modelTranslator(provider, { baseUrl: 'http://127.0.0.1:11434/v1' }, 'llama3.2');
    expect(await translator.translate('Is honesty always best?', 'en', 'de', signal)).toBe('Ist Ehrlichkeit immer das Beste?');
    expect(requests[0]).toMatchObject({ model: 'llama3.2', temperature: 0 });
    expect(requests[0]!.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(requests[0]!.messages[1]!.content).toContain('Is honesty always best?');
    expect(translator).toMatchObject({ onDevice: true, model: 'llama3.2', label: 'llama3.2 on 127.0.0.1:11434' }); // a server on this computer
    expect(translator.instructionFor!('en', 'de')).toBe(requests[0]!.messages[0]!.content);
  });

  test('the engine id differs per model and endpoint, so their translations are cached apart', () => {
    const { provider } = scriptedProvider('x');
    const ids = new Set([
      modelTranslator(provider, { baseUrl: 'http://a.example/v1' }, 'm1').id,
      modelTranslator(provider, { baseUrl: 'http://a.example/v1' }, 'm2').id,
      modelTranslator(provider, { baseUrl: 'http://b.example/v1' }, 'm1').id,
    ]);
    expect(ids.size).toBe(3);
  });

  test('an on-device engine is marked as such', () => {
    const { provider } = scriptedProvider('x', 'webllm');
    expect(modelTranslator(provider, { baseUrl: '' }, 'Qwen2.5-1.5B').onDevice).toBe(true);
  });

  test('a server elsewhere is not on this device, on the local network or not', () => {
    const { provider } = scriptedProvider('x');
    expect(modelTranslator(provider, { baseUrl: 'http://192.168.1.20:11434/v1' }, 'm').onDevice).toBe(false);
    expect(modelTranslator(provider, { baseUrl: 'https://api.openai.com/v1' }, 'm').onDevice).toBe(false);
  });

  test('a reply with nothing but reasoning is an error, not an empty translation', async () => {
    const { provider } = scriptedProvider('<think>hmm</think>');
    await expect(modelTranslator(provider, { baseUrl: 'http://x/v1' }, 'm').translate('Hi', 'en', 'fr', signal)).rejects.toBeInstanceOf(EmptyTranslation);
  });
});
