import { describe, expect, test, vi } from 'vitest';

const connect = vi.hoisted(() => ({ calls: 0, fail: true }));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      connect: () => {
        connect.calls++;
        if (connect.fail) throw new Error('NS_ERROR_NOT_INITIALIZED');
        return { onMessage: { addListener: () => undefined }, onDisconnect: { addListener: () => undefined }, disconnect: () => undefined };
      },
    },
  },
}));
vi.mock('@/utils/platform/messaging/client', () => ({ send: () => Promise.resolve() }));

const { listenLive } = await import('@/utils/platform/messaging/live');

describe('the live connection to the runner host', () => {
  test('when the extension is going away (Firefox shutting down), connecting fails quietly and is not retried', () => {
    let stop: (() => void) | undefined;
    expect(() => (stop = listenLive(() => undefined, 1))).not.toThrow();
    expect(connect.calls).toBe(1);
    expect(() => stop?.()).not.toThrow();
  });
});
