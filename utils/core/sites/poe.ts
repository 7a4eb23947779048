import { siteId, type SiteAdapter } from './types';

/** Poe (poe.com). CSS-module class names keep their prefix; the hash suffix changes per build. */
export const poe: SiteAdapter = {
  id: siteId('poe'),
  name: 'Poe',
  matches: ['https://poe.com/*'],
  composer: [
    { css: 'textarea[class*="GrowingTextArea_textArea"]', label: 'growing textarea module class' },
    { css: 'footer textarea', label: 'textarea in the chat footer' },
  ],
  sendButton: [
    { css: 'button[class*="ChatMessageSendButton_sendButton"]', label: 'send button module class' },
    { css: 'button[data-button-send="true"]', label: 'send data attribute (unverified)' },
    { css: 'button[aria-label="Send message"]', label: 'English label (localized)' },
  ],
  userTurn: [
    { css: '[class*="Message_humanMessageBubble"]', label: 'human bubble module class' },
    { css: '[class*="Message_rightSideMessageBubble"]', label: 'right-side bubble module class' },
  ],
  assistantTurn: [
    { css: '[class*="Message_botMessageBubble"]', label: 'bot bubble module class' },
    { css: '[class*="Message_leftSideMessageBubble"]', label: 'left-side bubble module class' },
  ],
  turnText: [{ css: '[class*="Markdown_markdownContainer"]', label: 'markdown container module class' }],
  streaming: [{ css: 'button[class*="ChatStopMessageButton"]', label: 'stop button module class' }],
  editing: [{ css: '[class*="ChatMessage_chatMessage"]', label: 'message row (edited in place)' }],
  requiredSelectors: ['composer'],
  checkedAgainst: [{ url: 'tests/fixtures/sites/poe-new.html, poe-old.html (no saved live page yet)', date: '2026-11-23' }],
};
