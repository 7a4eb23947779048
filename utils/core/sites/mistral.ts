import { siteId, type SiteAdapter } from './types';

/** Mistral Le Chat (chat.mistral.ai). Turn selectors follow a 2025-11 observation; not checked on a saved page. */
export const mistral: SiteAdapter = {
  id: siteId('mistral'),
  name: 'Le Chat (Mistral)',
  matches: ['https://chat.mistral.ai/*'],
  composer: [
    { css: 'form div.ProseMirror[contenteditable="true"]', label: '2025–26 ProseMirror composer' },
    { css: 'div.ProseMirror[contenteditable="true"]', label: 'ProseMirror anywhere' },
    { css: 'textarea[name="message.text"]', label: 'legacy textarea composer' },
  ],
  sendButton: [
    { css: 'form button[type="submit"]', label: 'composer form submit' },
    { css: 'button[aria-label="Send question"]', label: 'English label (localized, unverified)' },
  ],
  userTurn: [{ css: '[data-message-author-role="user"]', label: 'message author role' }],
  assistantTurn: [{ css: '[data-message-author-role="assistant"]', label: 'message author role' }],
  turnText: [
    { css: '.markdown-container-style', label: 'answer markdown' },
    { css: '.select-text', label: 'user message text' },
  ],
  turnNoise: '.text-hint',
  streaming: [
    { css: 'form button[aria-label="Stop generation"]', label: 'English stop label (unverified)' },
    { css: '[data-message-author-role="assistant"][aria-busy="true"]', label: 'busy answer (unverified)' },
  ],
  editing: [{ css: '[data-message-author-role]', label: 'message (edited in place)' }],
  requiredSelectors: ['composer'],
  checkedAgainst: [{ url: 'tests/fixtures/sites/mistral-new.html, mistral-old.html (no saved live page yet)', date: '2026-11-23' }],
};
