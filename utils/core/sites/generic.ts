import { siteId, type SiteAdapter } from './types';

/**
 * Any site the user turns capture on for: the first textarea or contenteditable composer, a submit-like button,
 * and turns marked with common role attributes. Its match patterns come from the user's settings.
 */
export const generic: SiteAdapter = {
  id: siteId('generic'),
  name: 'Other site',
  matches: [],
  composer: [
    { css: 'textarea:not([hidden]):not([readonly])', label: 'plain textarea' },
    { css: '[contenteditable="true"], [contenteditable=""]', label: 'contenteditable editor' },
    { css: 'input[type="text"], input:not([type])', label: 'single-line input' },
  ],
  sendButton: [
    { css: 'button[type="submit"]', label: 'form submit button' },
    { css: '[data-testid*="send" i]', label: 'data-testid send' },
    { css: 'button[aria-label*="send" i]', label: 'aria-label send (English UI)' },
  ],
  userTurn: [
    { css: '[data-message-author-role="user"]', label: 'message author role' },
    { css: '[data-role="user"]', label: 'data-role user' },
    { css: '[data-message-role="user"]', label: 'message role attribute' },
  ],
  assistantTurn: [
    { css: '[data-message-author-role="assistant"]', label: 'message author role' },
    { css: '[data-role="assistant"]', label: 'data-role assistant' },
    { css: '[data-message-role="assistant"]', label: 'message role attribute' },
  ],
  streaming: [
    { css: '[data-testid="stop-button"]', label: 'stop button test id' },
    { css: 'button[aria-label*="stop generating" i]', label: 'English stop label' },
  ],
  editing: [],
  requiredSelectors: ['composer'],
  checkedAgainst: [{ url: 'tests/fixtures/sites/generic-new.html, tests/fixtures/chat-page.html', date: '2026-11-23' }],
};
