import { browser } from 'wxt/browser';
import { send } from './client';
import { LIVE_PORT, type LiveEvent } from './protocol';

/**
 * Listens to the runner host's live events (token deltas, run states, engine progress) over a runtime Port,
 * restarting the host and reconnecting when it is not up yet or went away. Returns a function that stops listening.
 */
export function listenLive(onEvent: (event: LiveEvent) => void, retryMs = 1000): () => void {
  let stopped = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const connect = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: LIVE_PORT });
    } catch {
      // The extension is going away (the browser shuts down or the add-on reloads): this page goes with it.
      stopped = true;
      return;
    }
    port.onMessage.addListener((event) => onEvent(event as LiveEvent));
    // The host went away (Chrome closed it, or it crashed): start it again, which marks the runs it left mid-answer
    // interrupted, then reconnect.
    port.onDisconnect.addListener(() =>
      setTimeout(
        () =>
          void send('runner.ensure', {})
            .catch(() => undefined)
            .finally(connect),
        retryMs,
      ),
    );
  };
  connect();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
