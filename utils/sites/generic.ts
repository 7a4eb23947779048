import { siteId, type SiteAdapter, type Turn } from './types';
import { visibleText } from './dom';

/**
 * Any site the user turns capture on for: the first textarea or contenteditable composer, a submit-like button,
 * and turns marked with common role attributes. Its match patterns come from the user's settings.
 */
export const generic: SiteAdapter = {
  id: siteId('generic'),
  name: 'Other site',
  matches: [],
  composer: [
    { css: 'textarea:not([hidden]):not([readonly])', label: 'plain textarea' },
    { css: '[contenteditable="true"], [contenteditable=""]', label: 'contenteditable editor' },
    { css: 'input[type="text"], input:not([type])', label: 'single-line input' },
  ],
  sendButton: [
    { css: 'button[type="submit"]', label: 'form submit button' },
    { css: '[data-testid*="send" i]', label: 'data-testid send' },
    { css: 'button[aria-label*="send" i]', label: 'aria-label send (English UI)' },
  ],
  turns(root: ParentNode): Turn[] {
    const nodes = root.querySelectorAll('[data-message-author-role], [data-role="user"], [data-role="assistant"]');
    return [...nodes].flatMap((el): Turn[] => {
      const role = el.getAttribute('data-message-author-role') ?? el.getAttribute('data-role');
      if (role !== 'user' && role !== 'assistant') return [];
      const id = el.getAttribute('data-message-id') ?? undefined;
      return [{ role, text: visibleText(el), ...(id ? { id } : {}) }];
    });
  },
  checkedAgainst: [{ url: 'tests/fixtures/sites/generic.html', date: '2026-11-23' }],
};
