import { browser } from 'wxt/browser';
import type { MessageType, Payload, Reply, ReplyData } from './protocol';

/** Waits between tries when no context answered (e.g. the runner host page is still starting). */
const NO_ANSWER_RETRIES_MS = [150, 400, 1000];

/**
 * Sends one protocol message and unwraps the reply; throws an Error with the user-facing reason on failure.
 * No reply at all means no context handled it (nothing was done), so it is safe to ask again a few times.
 */
export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<ReplyData<K>> {
  for (let attempt = 0; ; attempt++) {
    const reply = await browser.runtime.sendMessage<{ type: K; payload: Payload<K> }, Reply<ReplyData<K>> | undefined>({ type, payload });
    if (reply) {
      if (!reply.ok) throw new Error(reply.error);
      return reply.data;
    }
    const wait = NO_ANSWER_RETRIES_MS[attempt];
    if (wait === undefined) throw new Error('Parallax did not answer. Reload the extension and try again.');
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
