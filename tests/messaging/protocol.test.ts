import { describe, expect, test } from 'vitest';
import { MAX_PROMPT_CHARS, parseMessage } from '@/utils/platform/messaging/protocol';

describe('parseMessage', () => {
  test.each([
    ['a captured prompt', { type: 'prompt.captured', payload: { text: 'hi', url: 'https://x.test/', via: 'enter' } }],
    ['a panel prompt', { type: 'comparison.start', payload: { text: 'مرحبا 🌍' } }],
    ['a retry', { type: 'run.retry', payload: { runId: '3f1c2a9e-aaaa-4bbb-8ccc-0123456789ab' } }],
    ['a wake with an empty payload', { type: 'runner.wake', payload: {} }],
    ['a 200,000-character prompt', { type: 'comparison.start', payload: { text: 'x'.repeat(200_000) } }],
  ])('accepts %s', (_name, raw) => {
    expect(parseMessage(raw)).toMatchObject({ ok: true, message: { type: raw.type } });
  });

  test.each([
    ['null', null, 'message must be an object'],
    ['an array', [], 'message must be an object'],
    ['an unknown type', { type: 'keys.dump', payload: {} }, 'unknown message type "keys.dump"'],
    ['a prototype key as type', { type: 'toString', payload: {} }, 'unknown message type'],
    ['a missing payload', { type: 'run.retry' }, 'payload must be an object'],
    ['a non-string text', { type: 'comparison.start', payload: { text: 42 } }, 'text must be a string'],
    ['an oversized prompt', { type: 'comparison.start', payload: { text: 'x'.repeat(MAX_PROMPT_CHARS + 1) } }, 'text is too long'],
    ['an unknown send method', { type: 'prompt.captured', payload: { text: 'a', url: 'https://x.test', via: 'telepathy' } }, 'via is not a known send method'],
    ['a run id with a selector in it', { type: 'run.cancel', payload: { runId: 'a"]; drop' } }, 'runId is not an id'],
    ['extra fields on an empty payload', { type: 'runner.wake', payload: { evil: 1 } }, 'payload must be {}'],
  ])('rejects %s with a reason', (_name, raw, reason) => {
    const parsed = parseMessage(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });
});
