import { browser } from 'wxt/browser';
import type { MessageType, Payload, Reply, ReplyData } from './protocol';

/** Sends one protocol message and unwraps the reply; throws an Error with the user-facing reason on failure. */
export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<ReplyData<K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ReplyData<K>> | undefined;
  if (!reply) throw new Error('Parallax did not answer. Reload the extension and try again.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}
