import { SENDER_ROLE, parseMessage, type MessageType, type Payload, type Reply, type ReplyData } from './protocol';
import { senderRole, type SenderContext, type SenderInfo } from './senders';

/** Handlers one context implements; the rest of the map is not its business. */
export type Handlers = {
  [K in MessageType]?: (payload: Payload<K>, sender: SenderInfo) => Promise<ReplyData<K>>;
};

export interface RouterOptions {
  /** Reads the sender context at message time (settings may have changed). */
  context: () => Promise<SenderContext>;
  /** The background answers every message, refusing bad ones; other contexts stay silent on what isn't theirs. */
  answerAll?: boolean;
  log?: (reason: string) => void;
}

/**
 * A runtime.onMessage listener: validates the payload, checks the sender's role against the message's, runs the
 * handler, and turns any failure into `{ ok: false, error }`. It never throws, so one bad message cannot break it.
 * Returns undefined synchronously (no reply, so another context may answer) for messages this context does not
 * handle: a listener returning a Promise would claim the reply even when it resolves to nothing.
 */
export function createRouter(handlers: Handlers, opts: RouterOptions) {
  const log = opts.log ?? ((reason: string) => console.warn(`[parallax] message rejected: ${reason}`));
  return (raw: unknown, sender: SenderInfo): Promise<Reply<unknown>> | undefined => {
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      if (!opts.answerAll) return undefined;
      log(parsed.error);
      return Promise.resolve({ ok: false, error: `Invalid message: ${parsed.error}` });
    }
    const { type, payload } = parsed.message;
    const handler = handlers[type] as ((p: unknown, s: SenderInfo) => Promise<unknown>) | undefined;
    if (!handler) return undefined;
    return (async (): Promise<Reply<unknown>> => {
      try {
        const role = senderRole(sender, await opts.context());
        if (role !== SENDER_ROLE[type]) {
          log(`${type} from ${role ?? 'an untrusted sender'} (${sender.url ?? 'no url'})`);
          return { ok: false, error: `${type} is not accepted from this sender.` };
        }
        return { ok: true, data: await handler(payload, sender) };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        log(`${type} failed: ${error}`);
        return { ok: false, error };
      }
    })();
  };
}
