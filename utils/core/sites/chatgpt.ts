import { siteId, type SiteAdapter } from './types';

/** ChatGPT (chatgpt.com, formerly chat.openai.com). */
export const chatgpt: SiteAdapter = {
  id: siteId('chatgpt'),
  name: 'ChatGPT',
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
  // The hidden textarea[name=prompt-textarea] beside the ProseMirror editor is a decoy: never listed.
  composer: [
    { css: 'div#prompt-textarea[contenteditable="true"]', label: '2025–26 ProseMirror composer by id' },
    { css: 'form[data-type="unified-composer"] .ProseMirror[contenteditable="true"]', label: '2026 unified composer form' },
    { css: 'textarea#prompt-textarea', label: 'legacy textarea composer (until 2024)' },
  ],
  // While the composer is empty the same slot holds a voice button, so no send button is on the page.
  sendButton: [
    { css: 'button#composer-submit-button', label: '2025–26 submit button id' },
    { css: 'button[data-testid="send-button"]', label: 'send button data-testid' },
    { css: 'form button[aria-label="Send prompt"]', label: 'English label (localized)' },
  ],
  userTurn: [
    { css: '[data-message-author-role="user"]', label: 'message author role' },
    { css: 'section[data-turn="user"]', label: '2026 section turn wrapper' },
    { css: 'article[data-turn="user"]', label: 'article turn wrapper (until 2026)' },
  ],
  assistantTurn: [
    { css: '[data-message-author-role="assistant"]', label: 'message author role' },
    { css: 'section[data-turn="assistant"]', label: '2026 section turn wrapper' },
    { css: 'article[data-turn="assistant"]', label: 'article turn wrapper (until 2026)' },
  ],
  turnText: [{ css: '.markdown', label: 'rendered answer body' }],
  // Source pills after a sentence are links, not answer text.
  turnNoise: '[data-testid="webpage-citation-pill"]',
  streaming: [
    { css: '[data-testid="stop-button"]', label: 'stop button in the send slot' },
    { css: '.result-streaming', label: 'legacy streaming class' },
  ],
  editing: [
    { css: 'section[data-turn]', label: '2026 turn wrapper (edit field replaces the message)' },
    { css: 'article[data-turn]', label: 'turn wrapper until 2026' },
    { css: '[data-testid^="conversation-turn-"]', label: 'turn test id' },
  ],
  requiredSelectors: ['composer'],
  checkedAgainst: [
    { url: 'https://chatgpt.com/c/… (page saved 2026-02-27, ../shared/captures/chatgpt-2026-02.html)', date: '2026-02-27' },
    { url: 'tests/fixtures/sites/chatgpt-new.html, chatgpt-old.html', date: '2026-11-23' },
  ],
};
