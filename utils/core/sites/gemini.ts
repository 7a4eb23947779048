import { siteId, type SiteAdapter } from './types';

/** Google Gemini (gemini.google.com). Its labels are localized, so only structure and classes are used. */
export const gemini: SiteAdapter = {
  id: siteId('gemini'),
  name: 'Gemini',
  matches: ['https://gemini.google.com/*'],
  // Quill keeps a second contenteditable (.ql-clipboard) for paste handling: a decoy.
  composer: [
    { css: 'rich-textarea .ql-editor[contenteditable="true"]', label: 'Quill editor in rich-textarea' },
    { css: '.ql-editor[contenteditable="true"]:not(.ql-clipboard)', label: 'Quill editor anywhere' },
    { css: 'input-area-v2 [contenteditable="true"][role="textbox"]', label: '2026 input area textbox' },
  ],
  sendButton: [
    { css: 'button.send-button:not(.stop)', label: 'send button class' },
    { css: 'button:has(mat-icon[fonticon="send"])', label: 'button with the send icon' },
  ],
  userTurn: [
    { css: 'user-query', label: 'user-query element' },
    { css: '.user-query-container', label: 'user query container class' },
  ],
  assistantTurn: [
    { css: 'model-response', label: 'model-response element' },
    { css: '.model-response-text', label: 'legacy response text class' },
  ],
  turnText: [
    { css: '.query-text', label: 'user query text' },
    { css: 'message-content', label: 'answer body' },
  ],
  streaming: [
    { css: 'button.send-button.stop', label: 'send button turned stop' },
    { css: 'button:has(mat-icon[fonticon="stop"])', label: 'button with the stop icon' },
  ],
  editing: [
    { css: 'user-query', label: 'user query (edit opens a textarea inside it)' },
    { css: '.query-content.edit-mode', label: 'edit-mode class (unverified)' },
  ],
  requiredSelectors: ['composer'],
  checkedAgainst: [
    { url: 'https://gemini.google.com/app/… (Japanese UI, page saved 2026-02-27, ../shared/captures/gemini-2026-02-ja.html)', date: '2026-02-27' },
    { url: 'tests/fixtures/sites/gemini-new.html, gemini-old.html', date: '2026-11-23' },
  ],
};
