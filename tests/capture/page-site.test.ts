import { describe, expect, test } from 'vitest';
import { adapterForPage, patternCovers } from '@/utils/platform/capture/page-site';
import { SITE_ADAPTERS, adapterForUrl, urlMatches } from '@/utils/core/sites/registry';

const pages = [
  'https://chatgpt.com/',
  'https://chatgpt.com/c/6790-ab?model=gpt-5',
  'https://chat.openai.com/chat',
  'https://claude.ai/new',
  'https://gemini.google.com/app/1a2b',
  'https://www.copilot.com/chats/x',
  'https://copilot.microsoft.com/',
  'https://huggingface.co/chat',
  'https://huggingface.co/chat/conversation/1',
  'https://huggingface.co/models',
  'https://x.com/i/grok?conversation=1',
  'https://x.com/home',
  'https://www.perplexity.ai/search/abc',
  'https://chat.deepseek.com/a/chat/s/1',
  'https://poe.com/chat/1',
  'https://meta.ai/prompt/1',
  'http://chatgpt.com/',
  'http://127.0.0.1:5173/chat',
  'https://chatgpt.com.evil.example/',
];

describe('the adapter the content script picks for its page', () => {
  test.each(pages)('%s: the same as the registry picks', (url) => {
    expect(adapterForPage(url).id).toBe(adapterForUrl(url).id);
  });

  test('every pattern of every site agrees with the match-pattern library on those pages', () => {
    for (const adapter of SITE_ADAPTERS)
      for (const pattern of adapter.matches)
        for (const url of pages) expect(patternCovers(pattern, new URL(url)), `${pattern} on ${url}`).toBe(urlMatches(url, [pattern]));
  });

  test.each([
    ['*://*.example.com/*', 'http://a.b.example.com:8080/x', true],
    ['*://*.example.com/*', 'https://example.com/', true],
    ['*://*.example.com/*', 'https://notexample.com/', false],
    ['https://*/*', 'https://anything.test/', true],
    ['https://*/*', 'http://anything.test/', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:5173/chat?x=1', true],
  ])('user pattern %s on %s: %s', (pattern, url, covered) => {
    expect(patternCovers(pattern, new URL(url))).toBe(covered);
    expect(urlMatches(url, [pattern])).toBe(covered);
  });
});
