// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { answerLastPrompt, lastPromptOf, LAST_PROMPT_REQUEST } from '@/utils/platform/capture/last-prompt';
import { siteById } from '@/utils/core/sites/registry';

const FIXTURES = resolve(__dirname, '../fixtures/sites');
const load = (name: string) => new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, `${name}.html`), 'utf8'), 'text/html');

describe('the chat’s last prompt, for the keyboard shortcut', () => {
  test.each(['chatgpt', 'claude', 'gemini'])('%s: the last thing the user asked, with the conversation before it', (site) => {
    const last = lastPromptOf(siteById(site)!, load(`${site}-new`));
    expect(last?.text).toBe('How many people live there?');
    expect(last?.context.map((t) => t.role)).toEqual(['user', 'assistant']);
    expect(last?.context[0]!.content).toBe('What is the capital of Australia?');
  });

  test('a site the user added is named after its host', () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('http://127.0.0.1:8080/chat');
    const page = load('generic-new');
    document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
    expect(lastPromptOf(siteById('generic')!, document)).toMatchObject({
      site: '127.0.0.1:8080',
      url: 'http://127.0.0.1:8080/chat',
      text: 'How many people live there?',
    });
  });

  test('a page with no conversation has no last prompt', () => {
    expect(lastPromptOf(siteById('chatgpt')!, new DOMParser().parseFromString('<main></main>', 'text/html'))).toBeNull();
  });

  test('the content script answers only the shortcut’s request, synchronously', () => {
    type Listener = Parameters<typeof answerLastPrompt>[0] extends { addListener(fn: infer L): void } ? L : never;
    const listeners: Listener[] = [];
    const stop = answerLastPrompt(
      { addListener: (fn) => listeners.push(fn), removeListener: (fn) => listeners.splice(listeners.indexOf(fn), 1) },
      siteById('chatgpt')!,
      load('chatgpt-new'),
    );
    const replies: unknown[] = [];
    listeners[0]!({ type: LAST_PROMPT_REQUEST }, {}, (reply) => replies.push(reply));
    listeners[0]!({ type: 'something.else' }, {}, (reply) => replies.push(reply));
    expect(replies).toEqual([expect.objectContaining({ text: 'How many people live there?', site: 'ChatGPT' })]);
    stop();
    expect(listeners).toHaveLength(0);
  });
});
