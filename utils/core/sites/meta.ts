import { siteId, type SiteAdapter } from './types';

/**
 * Meta AI (www.meta.ai). No saved page was available: every selector here is unverified and the answer is
 * taken once its text is stable. Check with `npm run inspect-page` on a saved page before relying on it.
 */
export const meta: SiteAdapter = {
  id: siteId('meta'),
  name: 'Meta AI',
  matches: ['https://www.meta.ai/*', 'https://meta.ai/*'],
  composer: [
    { css: 'div[contenteditable="true"][role="textbox"]', label: '2025–26 Lexical textbox (unverified)' },
    { css: 'textarea', label: 'legacy textarea (2024, unverified)' },
  ],
  sendButton: [
    { css: '[role="button"][aria-label="Send message"]', label: 'English label (localized, unverified)' },
    { css: 'button[type="submit"]', label: 'form submit (unverified)' },
  ],
  userTurn: [
    { css: '[data-testid="user-message"]', label: 'user message test id (unverified)' },
    { css: '[data-message-author="user"]', label: 'author attribute (unverified)' },
  ],
  assistantTurn: [
    { css: '[data-testid="assistant-message"]', label: 'answer test id (unverified)' },
    { css: '[data-message-author="assistant"]', label: 'author attribute (unverified)' },
  ],
  streaming: [{ css: '[role="button"][aria-label="Stop"]', label: 'English stop label (unverified)' }],
  editing: [{ css: '[data-testid="user-message"]', label: 'user message (edited in place, unverified)' }],
  requiredSelectors: ['composer'],
  checkedAgainst: [{ url: 'tests/fixtures/sites/meta-new.html, meta-old.html (no saved live page yet)', date: '2026-11-23' }],
};
