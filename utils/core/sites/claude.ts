import { siteId, type SiteAdapter } from './types';

/** Claude (claude.ai). */
export const claude: SiteAdapter = {
  id: siteId('claude'),
  name: 'Claude',
  matches: ['https://claude.ai/*'],
  composer: [
    { css: 'div.ProseMirror[contenteditable="true"][data-testid="chat-input"]', label: '2026 ProseMirror composer' },
    { css: '[data-testid="chat-input"][contenteditable="true"]', label: 'chat-input test id' },
    { css: 'fieldset .ProseMirror[contenteditable="true"]', label: 'ProseMirror inside the composer fieldset' },
    { css: 'textarea[data-testid="chat-input-ssr"]', label: 'server-rendered textarea before hydration' },
  ],
  sendButton: [
    { css: 'fieldset button[type="submit"]', label: 'composer fieldset submit' },
    { css: 'button[data-testid="send-button"]', label: 'send button test id (unverified)' },
    { css: 'button[aria-label="Send message"], button[aria-label="Send Message"]', label: 'English label (localized; "Send Message" until 2025)' },
  ],
  userTurn: [
    { css: '[data-testid="user-message"]', label: 'user message test id' },
    { css: '.font-user-message', label: 'user message font class' },
  ],
  assistantTurn: [
    { css: 'div[data-is-streaming]', label: 'answer container with streaming flag' },
    { css: '.font-claude-response', label: '2025–26 answer font class' },
    { css: '.font-claude-message', label: 'legacy answer font class' },
  ],
  turnText: [
    { css: '.font-claude-response', label: '2025–26 answer body' },
    { css: '.font-claude-message', label: 'legacy answer body' },
  ],
  streaming: [
    { css: '[data-is-streaming="true"]', label: 'answer still streaming' },
    { css: 'fieldset button[aria-label="Stop response"]', label: 'English stop label (unverified)' },
  ],
  // Editing an earlier message swaps it for a textarea inside the message group.
  editing: [{ css: '[data-test-render-count]', label: 'message group' }],
  requiredSelectors: ['composer'],
  checkedAgainst: [
    { url: 'https://claude.ai/chat/… (page saved 2026-02-27, ../shared/captures/claude-2026-02.html)', date: '2026-02-27' },
    { url: 'tests/fixtures/sites/claude-new.html, claude-old.html', date: '2026-11-23' },
  ],
};
