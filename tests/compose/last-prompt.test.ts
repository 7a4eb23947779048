// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { answerLastPrompt, lastPromptOf, LAST_PROMPT_REQUEST } from '@/utils/capture/last-prompt';
import { siteById } from '@/utils/sites/registry';

const FIXTURES = resolve(__dirname, '../fixtures/sites');
const load = (name: string) => new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, `${name}.html`), 'utf8'), 'text/html');

describe('the chat’s last prompt, for the keyboard shortcut', () => {
  test.each(['chatgpt', 'claude', 'gemini'])('%s: the last thing the user asked, with the conversation before it', (site) => {
    const last = lastPromptOf(siteById(site)!, load(`${site}-new`));
    expect(last?.text).toBe('How many people live there?');
    expect(last?.context.map((t) => t.role)).toEqual(['user', 'assistant']);
    expect(last?.context[0]!.content).toBe('What is the capital of Australia?');
  });

  test('a page with no conversation has no last prompt', () => {
    expect(lastPromptOf(siteById('chatgpt')!, new DOMParser().parseFromString('<main></main>', 'text/html'))).toBeNull();
  });

  test('the content script answers only the shortcut’s request', async () => {
    const listeners: ((m: unknown) => unknown)[] = [];
    const stop = answerLastPrompt({ addListener: (fn) => listeners.push(fn), removeListener: (fn) => listeners.splice(listeners.indexOf(fn), 1) }, siteById('chatgpt')!, load('chatgpt-new'));
    expect(await listeners[0]!({ type: LAST_PROMPT_REQUEST })).toMatchObject({ text: 'How many people live there?', site: 'ChatGPT' });
    expect(listeners[0]!({ type: 'something.else' })).toBeUndefined();
    stop();
    expect(listeners).toHaveLength(0);
  });
});
