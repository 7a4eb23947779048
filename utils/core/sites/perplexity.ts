import { siteId, type SiteAdapter } from './types';

/** Perplexity (www.perplexity.ai). Enter is the main way prompts are sent. */
export const perplexity: SiteAdapter = {
  id: siteId('perplexity'),
  name: 'Perplexity',
  matches: ['https://www.perplexity.ai/*', 'https://perplexity.ai/*'],
  composer: [
    { css: 'div#ask-input[contenteditable="true"]', label: '2025–26 Lexical composer by id' },
    { css: 'div[contenteditable="true"][data-lexical-editor="true"]', label: 'Lexical editor' },
    { css: 'textarea#ask-input', label: 'legacy textarea composer (2024)' },
  ],
  sendButton: [
    { css: 'button[data-testid="submit-button"]', label: 'submit test id (unverified)' },
    { css: 'button[aria-label="Submit"]', label: 'English label (localized)' },
  ],
  userTurn: [
    { css: '[class*="group/query"]', label: 'query block class' },
    { css: 'h1[class*="query"]', label: 'legacy query heading' },
  ],
  assistantTurn: [
    { css: 'div[id^="markdown-content-"]', label: 'answer markdown by id' },
    { css: '[class*="group/answer"] .prose', label: 'answer prose (unverified)' },
  ],
  // Source chips after a sentence ("wikipedia +2") are links, not answer text.
  turnNoise: '[data-pplx-citation], .citation',
  streaming: [
    { css: 'button[data-testid="stop-generating-response-button"]', label: 'stop button test id (unverified)' },
    { css: 'button[aria-label="Stop generating response"]', label: 'English stop label (unverified)' },
  ],
  editing: [{ css: '[class*="group/query"]', label: 'query block (edited in place)' }],
  requiredSelectors: ['composer'],
  checkedAgainst: [
    { url: 'https://www.perplexity.ai/search/… (page saved 2026-02-27, ../shared/captures/perplexity-2026-02.html)', date: '2026-02-27' },
    { url: 'tests/fixtures/sites/perplexity-new.html, perplexity-old.html', date: '2026-11-23' },
  ],
};
