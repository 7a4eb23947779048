import { browser } from 'wxt/browser';
import { LIVE_PORT, type LiveEvent } from './protocol';

/**
 * Listens to the runner host's live events (token deltas, run states, engine progress) over a runtime Port,
 * reconnecting when the host is not up yet or Chrome restarted it. Returns a function that stops listening.
 */
export function listenLive(onEvent: (event: LiveEvent) => void, retryMs = 1000): () => void {
  let stopped = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const connect = () => {
    if (stopped) return;
    port = browser.runtime.connect({ name: LIVE_PORT });
    port.onMessage.addListener((event) => onEvent(event as LiveEvent));
    port.onDisconnect.addListener(() => setTimeout(connect, retryMs));
  };
  connect();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
