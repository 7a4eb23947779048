import { siteId, type SiteAdapter } from './types';

/** Grok (grok.com, and Grok inside x.com at /i/grok). */
export const grok: SiteAdapter = {
  id: siteId('grok'),
  name: 'Grok',
  matches: ['https://grok.com/*', 'https://x.com/i/grok*'],
  composer: [
    { css: 'form .ProseMirror[contenteditable="true"]', label: '2026 contenteditable composer' },
    { css: 'form div[contenteditable="true"]', label: 'contenteditable in the composer form' },
    { css: 'form textarea', label: 'textarea composer (until 2025; x.com/i/grok, unverified)' },
  ],
  sendButton: [
    { css: 'form button[type="submit"]', label: 'composer form submit' },
    { css: 'button[aria-label="Submit"]', label: 'English label (localized, unverified)' },
  ],
  userTurn: [{ css: 'div.items-end[id^="response-"]', label: 'right-aligned response row' }],
  assistantTurn: [{ css: 'div.items-start[id^="response-"]', label: 'left-aligned response row' }],
  turnText: [{ css: '.message-bubble', label: 'message bubble (leaves out timing and actions)' }],
  streaming: [{ css: 'form button[aria-label="Stop model response"]', label: 'English stop label (unverified)' }],
  editing: [{ css: '[id^="response-"]', label: 'response row (edited in place)' }],
  requiredSelectors: ['composer'],
  checkedAgainst: [
    { url: 'https://grok.com/c/… (messages only, page saved 2026-03-23, ../shared/captures/grok-2026-03.html)', date: '2026-03-23' },
    { url: 'tests/fixtures/sites/grok-new.html, grok-old.html', date: '2026-11-23' },
  ],
};
