import { siteId, type SiteAdapter } from './types';

/** HuggingChat (huggingface.co/chat). Enter calls the submit handler directly: no form submit event fires. */
export const huggingchat: SiteAdapter = {
  id: siteId('huggingchat'),
  name: 'HuggingChat',
  matches: ['https://huggingface.co/chat', 'https://huggingface.co/chat/*'],
  composer: [
    { css: 'form textarea', label: 'textarea in the chat form' },
    { css: 'textarea[enterkeyhint="send"]', label: 'textarea with a send key hint' },
  ],
  sendButton: [
    { css: 'form button[type="submit"]', label: 'chat form submit' },
    { css: 'button[aria-label="Send message"]', label: 'English label (localized)' },
  ],
  userTurn: [
    { css: '[data-message-type="user"]', label: 'message type attribute' },
    { css: '[data-message-role="user"]', label: 'message role attribute' },
  ],
  assistantTurn: [
    { css: '[data-message-role="assistant"]', label: 'message role attribute' },
    { css: '[data-message-type="assistant"]', label: 'message type attribute' },
  ],
  turnText: [{ css: '.prose', label: 'rendered answer' }],
  streaming: [
    { css: 'button[aria-label="Stop generating"]', label: 'English stop label' },
    { css: '[data-message-role="assistant"] .loading', label: 'loading icon in the answer' },
  ],
  editing: [{ css: '[data-message-id]', label: 'message (edit form opens inside it)' }],
  requiredSelectors: ['composer'],
  checkedAgainst: [{ url: 'tests/fixtures/sites/huggingchat-new.html, huggingchat-old.html (no saved live page yet)', date: '2026-11-23' }],
};
