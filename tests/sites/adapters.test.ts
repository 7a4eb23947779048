// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { watchSubmits, type SubmittedPrompt } from '@/utils/platform/capture/submit';
import { answerWhenDone } from '@/utils/core/sites/answer';
import { adapterForUrl, SITE_ADAPTERS, siteById } from '@/utils/core/sites/registry';
import { findComposer, findSendButton, isStreaming, readTurns, selectorHealth } from '@/utils/core/sites/turns';
import type { SiteAdapter } from '@/utils/core/sites/types';

const FIXTURES = resolve(__dirname, '../fixtures/sites');

/** Every fixture shows the same conversation, each in its site's markup. */
const CONVERSATION = [
  { role: 'user', text: 'What is the capital of Australia?' },
  { role: 'assistant', text: 'Canberra is the capital of Australia.\nIt was chosen as a compromise between Sydney and Melbourne.' },
  { role: 'user', text: 'How many people live there?' },
  { role: 'assistant', text: 'About 470,000 people live in Canberra.' },
];
const NEW_ANSWER = 'Wellington is the capital of New Zealand.';

interface SiteCase {
  id: string;
  variants: ('new' | 'old')[];
  /** Pages of the site the adapter must claim. */
  urls: string[];
}

const SITES: SiteCase[] = [
  { id: 'chatgpt', variants: ['new', 'old'], urls: ['https://chatgpt.com/', 'https://chatgpt.com/c/6f1e2a', 'https://chat.openai.com/c/6f1e2a'] },
  { id: 'claude', variants: ['new', 'old'], urls: ['https://claude.ai/new', 'https://claude.ai/chat/0b9c'] },
  { id: 'gemini', variants: ['new', 'old'], urls: ['https://gemini.google.com/app', 'https://gemini.google.com/app/3f9a1c'] },
  {
    id: 'copilot',
    variants: ['new', 'old'],
    urls: ['https://copilot.microsoft.com/', 'https://copilot.microsoft.com/chats/x1', 'https://www.copilot.com/chats/x1'],
  },
  {
    id: 'perplexity',
    variants: ['new', 'old'],
    urls: ['https://www.perplexity.ai/', 'https://www.perplexity.ai/search/q-1', 'https://perplexity.ai/search/q-1'],
  },
  { id: 'mistral', variants: ['new', 'old'], urls: ['https://chat.mistral.ai/chat', 'https://chat.mistral.ai/chat/5d1e'] },
  { id: 'deepseek', variants: ['new', 'old'], urls: ['https://chat.deepseek.com/', 'https://chat.deepseek.com/a/chat/s/7c2d'] },
  { id: 'grok', variants: ['new', 'old'], urls: ['https://grok.com/', 'https://grok.com/c/a1', 'https://x.com/i/grok', 'https://x.com/i/grok?conversation=1'] },
  { id: 'poe', variants: ['new', 'old'], urls: ['https://poe.com/', 'https://poe.com/chat/2abc'] },
  {
    id: 'huggingchat',
    variants: ['new', 'old'],
    urls: ['https://huggingface.co/chat', 'https://huggingface.co/chat/', 'https://huggingface.co/chat/conversation/66a'],
  },
  { id: 'meta', variants: ['new', 'old'], urls: ['https://www.meta.ai/', 'https://www.meta.ai/prompt/9f'] },
  { id: 'generic', variants: ['new'], urls: ['http://127.0.0.1:8080/', 'https://chat.example.org/'] },
];

/** Pages that look related but belong to no specific site: the generic adapter (user-enabled) handles them. */
const NOT_SITES = [
  'https://x.com/home',
  'https://huggingface.co/models',
  'https://huggingface.co/chatbots',
  'https://chatgpt.com.evil.example/',
  'https://example.com/chatgpt.com/',
  'https://www.google.com/gemini',
  'http://chatgpt.com/',
];

const FIXTURE_CASES = SITES.flatMap((site) => site.variants.map((variant) => ({ id: site.id, variant })));

function load(id: string, variant: string): { doc: Document; adapter: SiteAdapter } {
  const html = readFileSync(resolve(FIXTURES, `${id}-${variant}.html`), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, adapter: siteById(id)! };
}

function template(doc: Document, state: string): HTMLTemplateElement | null {
  return doc.querySelector<HTMLTemplateElement>(`template[data-state="${state}"]`);
}

/** Puts the site into a state its fixture describes: the template's nodes go into `data-into` (or the body). */
function enter(doc: Document, state: string, replace = false): Element[] {
  const tpl = template(doc, state)!;
  const into = tpl.dataset.into ? doc.querySelector(tpl.dataset.into)! : doc.body;
  const nodes = [...(tpl.content.cloneNode(true) as DocumentFragment).children];
  if (replace) into.replaceChildren(...nodes);
  else into.append(...nodes);
  return nodes;
}

function type(el: Element, text: string) {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') (el as HTMLTextAreaElement).value = text;
  else {
    const p = el.ownerDocument.createElement('p');
    p.textContent = text;
    el.replaceChildren(p);
  }
}

function key(el: Element, init: KeyboardEventInit) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true, ...init }));
}

function click(el: Element) {
  (el.querySelector('svg') ?? el).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}

function watch(doc: Document, adapter: SiteAdapter) {
  const prompts: SubmittedPrompt[] = [];
  let clock = 1_000_000;
  // Events made here are synthetic (untrusted); these tests are about each site's page, trust has its own (tests/capture/trusted-events.test.ts).
  const stop = watchSubmits(doc, adapter, (p) => prompts.push(p), { now: () => clock, trusted: () => true });
  return { prompts, stop, advance: (ms: number) => (clock += ms) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('site registry', () => {
  test('every registered adapter is in this table, and the other way round', () => {
    expect(SITES.map((s) => s.id).sort()).toEqual(SITE_ADAPTERS.map((a) => a.id).sort());
  });

  test.each(SITES.flatMap((s) => s.urls.map((url) => [url, s.id])))('%s is handled by %s', (url, id) => {
    expect(adapterForUrl(url).id).toBe(id);
  });

  test.each(NOT_SITES)('%s belongs to no specific site', (url) => {
    expect(adapterForUrl(url).id).toBe('generic');
  });

  test.each(SITE_ADAPTERS.filter((a) => a.matches.length > 0).map((a) => [a.id, a] as const))(
    '%s: match patterns are valid and name a host the settings page can show',
    (_id, adapter) => {
      for (const pattern of adapter.matches) {
        expect(() => new MatchPattern(pattern)).not.toThrow();
        expect(new URL(pattern.replace('*.', '')).host).not.toBe('');
      }
    },
  );
});

describe.each(FIXTURE_CASES)('$id ($variant page)', ({ id, variant }) => {
  test('finds the composer and send button, and every required selector matches', () => {
    const { doc, adapter } = load(id, variant);
    expect(findComposer(adapter, doc)).not.toBeNull();
    expect(findSendButton(adapter, doc)).not.toBeNull();
    expect(selectorHealth(adapter, doc)).toEqual({ ok: true, missing: [] });
  });

  test('reads the turns in page order, as the user sees them', () => {
    const { doc, adapter } = load(id, variant);
    expect(readTurns(adapter, doc).map(({ role, text }) => ({ role, text }))).toEqual(CONVERSATION);
  });

  test('Enter sends; Shift+Enter is a new line', () => {
    const { doc, adapter } = load(id, variant);
    const composer = findComposer(adapter, doc)!;
    const { prompts } = watch(doc, adapter);
    type(composer, 'Line one');
    key(composer, { shiftKey: true });
    expect(prompts).toEqual([]);
    type(composer, 'Is honesty always the best policy?');
    key(composer, {});
    expect(prompts).toEqual([{ text: 'Is honesty always the best policy?', via: 'enter' }]);
  });

  test('Enter that commits an IME composition is not a send', () => {
    const { doc, adapter } = load(id, variant);
    const composer = findComposer(adapter, doc)!;
    const { prompts } = watch(doc, adapter);
    type(composer, '正直は最善の策ですか');
    key(composer, { isComposing: true });
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- chat sites' composers still send keyCode (229 while composing), the adapter must read it
    key(composer, { keyCode: 229 });
    composer.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    key(composer, {});
    composer.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    expect(prompts).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- chat sites' composers still send keyCode (229 while composing), the adapter must read it
    key(composer, { keyCode: 13 });
    expect(prompts).toEqual([{ text: '正直は最善の策ですか', via: 'enter' }]);
  });

  test('the send button and the form submit send; one send fired several ways is one prompt', () => {
    const { doc, adapter } = load(id, variant);
    const composer = findComposer(adapter, doc)!;
    const { prompts, advance } = watch(doc, adapter);
    type(composer, 'Name three rivers.');
    click(findSendButton(adapter, doc)!);
    key(composer, {});
    composer.closest('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(prompts).toEqual([{ text: 'Name three rivers.', via: 'button' }]);
    advance(5000);
    key(composer, {});
    expect(prompts.map((p) => p.text)).toEqual(['Name three rivers.', 'Name three rivers.']);
    type(composer, 'Name three lakes.');
    const form = composer.closest('form');
    if (form) form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    else key(composer, {});
    expect(prompts.at(-1)).toEqual({ text: 'Name three lakes.', via: form ? 'form' : 'enter' });
  });

  test('editing an earlier message is not a new prompt', () => {
    const { doc, adapter } = load(id, variant);
    const composer = findComposer(adapter, doc)!;
    const edit = enter(doc, 'editing', true);
    expect(findComposer(adapter, doc)).toBe(composer);
    type(composer, 'An unsent draft');
    const { prompts } = watch(doc, adapter);
    const field = edit.flatMap((n) => [n, ...n.querySelectorAll('*')]).find((n) => n.matches('textarea, [contenteditable="true"]'))!;
    key(field, {});
    for (const node of edit) {
      for (const button of [node, ...node.querySelectorAll('*')].filter((n) => n.matches('button, [role="button"]'))) click(button);
      for (const form of [node, ...node.querySelectorAll('form')].filter((n) => n.matches('form'))) form.dispatchEvent(new Event('submit', { bubbles: true }));
    }
    expect(prompts).toEqual([]);
    expect(
      readTurns(adapter, doc)
        .map((t) => t.text)
        .join(' '),
    ).not.toContain('New Zealand');
  });

  test.skipIf(!template(load(id, variant).doc, 'streaming'))('while an answer streams, the stop button is not a send', () => {
    const { doc, adapter } = load(id, variant);
    expect(isStreaming(adapter, doc)).toBe(false);
    const stop = enter(doc, 'streaming');
    expect(isStreaming(adapter, doc)).toBe(true);
    expect(readTurns(adapter, doc).at(-1)).toMatchObject({ role: 'assistant', streaming: true });
    type(findComposer(adapter, doc)!, 'A follow-up typed while waiting');
    const { prompts } = watch(doc, adapter);
    for (const node of stop) click(node.matches('button, [role="button"]') ? node : node.querySelector('button, [role="button"]')!);
    expect(prompts).toEqual([]);
    stop.forEach((n) => n.remove());
    expect(isStreaming(adapter, doc)).toBe(false);
  });

  test("the site's new answer is captured once it has finished", async () => {
    const { doc, adapter } = load(id, variant);
    const streams = template(doc, 'streaming') !== null;
    let settled = false;
    const answer = answerWhenDone(adapter, doc, new AbortController().signal, { stableMs: 60, timeoutMs: 3000 });
    void answer.finally(() => (settled = true));
    const stop = streams ? enter(doc, 'streaming') : [];
    const [added] = enter(doc, 'answer');
    const paragraph = [...added!.querySelectorAll('p')].at(-1)!;
    paragraph.textContent = 'Wellington';
    await sleep(20);
    paragraph.textContent = NEW_ANSWER;
    await sleep(150);
    expect(settled).toBe(!streams);
    stop.forEach((n) => n.remove());
    await expect(answer).resolves.toBe(NEW_ANSWER);
  });
});
