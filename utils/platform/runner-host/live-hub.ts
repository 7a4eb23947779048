import type { Browser } from 'wxt/browser';
import { LIVE_PORT, type LiveEvent } from '../messaging/protocol';
import { originOf } from '../messaging/senders';

/**
 * Open panels connect a runtime Port named {@link LIVE_PORT} to the runner's host; the hub fans live events
 * (token deltas, state changes) out to them. Only extension pages may connect.
 */
export function createLiveHub(extensionOrigin: string) {
  const ports = new Set<Browser.runtime.Port>();
  return {
    /** runtime.onConnect listener. */
    accept(port: Browser.runtime.Port) {
      if (port.name !== LIVE_PORT) return;
      const url = port.sender?.url;
      if (!url || originOf(url) !== extensionOrigin) {
        port.disconnect();
        return;
      }
      ports.add(port);
      port.onDisconnect.addListener(() => ports.delete(port));
    },
    /** Sends an event to every open panel; a panel that went away is dropped. */
    publish(event: LiveEvent) {
      for (const port of ports) {
        try {
          port.postMessage(event);
        } catch {
          ports.delete(port);
        }
      }
    },
  };
}
