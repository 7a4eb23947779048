import { siteId, type SiteAdapter } from './types';

/** Microsoft Copilot (copilot.microsoft.com and www.copilot.com). */
export const copilot: SiteAdapter = {
  id: siteId('copilot'),
  name: 'Microsoft Copilot',
  matches: ['https://copilot.microsoft.com/*', 'https://www.copilot.com/*', 'https://copilot.com/*'],
  composer: [
    { css: 'textarea#userInput', label: '2025–26 composer id' },
    { css: 'textarea[data-testid="composer-input"]', label: 'composer input test id' },
    { css: '[data-testid="composer"] textarea', label: 'textarea inside the composer' },
  ],
  // An empty composer shows the voice ("Talk to Copilot") button instead of the send button.
  sendButton: [
    { css: 'button[data-testid="submit-button"]', label: 'submit button test id (unverified)' },
    { css: '[data-testid="composer"] button[type="submit"]', label: 'composer submit' },
    { css: 'button[aria-label="Submit message"]', label: 'English label (localized, unverified)' },
  ],
  userTurn: [
    { css: '[data-content="user-message"]', label: 'user message content marker' },
    { css: '[data-testid="user-message"]', label: 'user message test id (unverified)' },
  ],
  assistantTurn: [
    { css: '[data-content="ai-message"]', label: 'answer content marker' },
    { css: '[data-testid="ai-message"]', label: 'answer test id' },
  ],
  streaming: [
    { css: 'button[data-testid="stop-button"]', label: 'stop button test id (unverified)' },
    { css: '[data-testid="typing-indicator"]', label: 'typing indicator (unverified)' },
  ],
  editing: [{ css: '[data-content="user-message"]', label: 'user message (edited in place)' }],
  requiredSelectors: ['composer'],
  checkedAgainst: [
    { url: 'https://copilot.microsoft.com/chats/… (page saved 2026-03-20, ../shared/captures/copilot-2026-03.html)', date: '2026-03-20' },
    { url: 'tests/fixtures/sites/copilot-new.html, copilot-old.html', date: '2026-11-23' },
  ],
};
