import { siteId, type SiteAdapter } from './types';

/**
 * DeepSeek (chat.deepseek.com). Class names are hashed and change per build; the stable hooks are the
 * `ds-` design-system classes and the virtual list's item keys. Streaming has no known signal: the answer is
 * taken once its text is stable.
 */
export const deepseek: SiteAdapter = {
  id: siteId('deepseek'),
  name: 'DeepSeek',
  matches: ['https://chat.deepseek.com/*'],
  composer: [
    { css: 'textarea#chat-input', label: 'composer id (until 2026-01)' },
    { css: 'textarea', label: '2026 plain textarea (the only one outside messages)' },
  ],
  sendButton: [
    { css: 'div[role="button"][class*="_7436101"]', label: '2025 hashed send button class' },
    { css: 'div[role="button"][aria-label="Send"]', label: 'English label (unverified)' },
  ],
  userTurn: [
    { css: '.ds-message:not(:has(.ds-markdown))', label: 'design-system message without answer markdown' },
    { css: 'div[class*="_9663006"]', label: '2025 hashed user message class' },
  ],
  assistantTurn: [
    { css: '.ds-message:has(.ds-markdown)', label: 'design-system message with answer markdown' },
    { css: '.ds-markdown', label: 'answer markdown only' },
  ],
  // The reasoning pane of DeepThink mode is not part of the answer.
  turnNoise: '.ds-think-content',
  streaming: [],
  editing: [
    { css: '.ds-message', label: 'message (edited in place)' },
    { css: '[data-virtual-list-item-key]', label: 'virtual list item' },
  ],
  requiredSelectors: ['composer'],
  checkedAgainst: [{ url: 'tests/fixtures/sites/deepseek-new.html, deepseek-old.html (no saved live page yet)', date: '2026-11-23' }],
};
