import { EventSourceParserStream, type EventSourceMessage } from 'eventsource-parser/stream';

/**
 * Server-sent events from a fetch body, decoded as UTF-8 across chunk boundaries and parsed by
 * eventsource-parser (comments, split events and multi-line data handled there).
 */
export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<EventSourceMessage> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stopped early (error, abort, or the caller stopped reading): close the connection instead of leaving it open.
    await reader.cancel().catch(() => undefined);
  }
}
