import { describe, expect, test } from 'vitest';
import { senderRole, type SenderContext, type SenderInfo } from '@/utils/platform/messaging/senders';

const ctx: SenderContext = {
  extensionId: 'abcdefghijklmnopabcdefghijklmnop',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  enabled: { sites: [], customSitePatterns: ['http://127.0.0.1/*'] },
};
const ext = (path: string): SenderInfo => ({ id: ctx.extensionId, url: `${ctx.extensionOrigin}${path}` });

describe('senderRole', () => {
  test.each<[string, SenderInfo, string | null]>([
    ['the side panel', ext('/sidepanel.html'), 'ui'],
    ['the options page in a tab', { ...ext('/options.html#welcome'), tab: { id: 3 }, frameId: 0 }, 'ui'],
    ['the offscreen runner', ext('/offscreen.html'), 'runner'],
    ['the background worker', ext('/background.js'), 'background'],
    ['a content script on an enabled site', { id: ctx.extensionId, url: 'http://127.0.0.1:8080/chat', tab: { id: 1 }, frameId: 0 }, 'content'],
    ['a content script on a site the user did not enable', { id: ctx.extensionId, url: 'https://evil.test/', tab: { id: 1 }, frameId: 0 }, null],
    ['a sub-frame of an enabled site', { id: ctx.extensionId, url: 'http://127.0.0.1:8080/frame', tab: { id: 1 }, frameId: 7 }, null],
    ['a sub-frame extension page', { ...ext('/sidepanel.html'), frameId: 2 }, null],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/x.html' }, null],
    ['a page claiming our id without a tab', { id: ctx.extensionId, url: 'http://127.0.0.1:8080/' }, null],
    ['a sender with no url', { id: ctx.extensionId }, null],
    ['a sender with a broken url', { id: ctx.extensionId, url: 'not a url', tab: { id: 1 } }, null],
  ])('%s → %s', (_name, sender, role) => {
    expect(senderRole(sender, ctx)).toBe(role);
  });
});
