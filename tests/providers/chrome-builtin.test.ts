import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  chromeBuiltinStatus,
  downloadChromeBuiltin,
  languageModelApi,
  progressFraction,
  type LanguageModelCreateOptions,
} from '@/utils/core/on-device/chrome-builtin-engine';
import { chromeBuiltin, chunkDecoder, splitConversation } from '@/utils/core/providers/chrome-builtin';
import { ProviderError, type ProviderErrorCode } from '@/utils/core/providers/errors';
import { providerFor } from '@/utils/core/providers/registry';
import type { ChatEvent, ChatRequest } from '@/utils/core/providers/types';

/** How a fake Chrome behaves. */
interface FakeChrome {
  availability?: string;
  /** What promptStreaming enqueues, in order. */
  chunks?: string[];
  chunkDelayMs?: number;
  /** `null`: params() answers null; `'absent'`: no params() at all (removed from the API). */
  params?: { defaultTopK: number; maxTopK: number; defaultTemperature: number; maxTemperature: number } | null | 'absent';
  /** Thrown by create() (every call, or only calls carrying sampling options). */
  createError?: DOMException;
  rejectSampling?: boolean;
  /** Errors the stream after this many chunks. */
  streamError?: { after: number; error: DOMException };
  /** Download progress events create() emits while downloading: [loaded, total]. */
  progress?: [number, number][];
}

/**
 * A double of Chrome's `LanguageModel` global with the real surface: static availability()/create()/params(),
 * create({monitor}) emitting `downloadprogress` events, instances whose promptStreaming() returns a
 * ReadableStream of strings and that honour AbortSignals with AbortError DOMExceptions.
 */
function fakeLanguageModel(chrome: FakeChrome = {}) {
  const log = { created: [] as LanguageModelCreateOptions[], prompts: [] as string[], destroyed: 0 };
  let state = chrome.availability ?? 'available';
  const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

  class LanguageModel extends EventTarget {
    static log = log;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the fake keeps the real API's signature
    static async availability(_options?: LanguageModelCreateOptions): Promise<string> {
      return state;
    }
    static async create(options: LanguageModelCreateOptions = {}): Promise<LanguageModel> {
      log.created.push(options);
      if (options.signal?.aborted) throw abortError();
      if (chrome.createError) throw chrome.createError;
      if (chrome.rejectSampling && ('temperature' in options || 'topK' in options))
        throw new DOMException('topK and temperature are not supported.', 'NotSupportedError');
      if (state === 'unavailable') throw new DOMException('The model is not available.', 'NotSupportedError');
      if (state === 'downloadable' || state === 'downloading') {
        const monitor = new EventTarget();
        options.monitor?.(monitor);
        state = 'downloading';
        for (const [loaded, total] of chrome.progress ?? [
          [0, 1],
          [0.5, 1],
          [1, 1],
        ]) {
          await new Promise((r) => setTimeout(r, 1));
          if (options.signal?.aborted) throw abortError();
          monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded, total }));
        }
        state = 'available';
      }
      return new LanguageModel();
    }
    destroy() {
      log.destroyed++;
    }
    promptStreaming(input: string, options: { signal?: AbortSignal } = {}): ReadableStream<string> {
      log.prompts.push(input);
      const chunks = [...(chrome.chunks ?? ['Hello', ' from', ' Nano', '.'])];
      let sent = 0;
      return new ReadableStream<string>({
        async pull(controller) {
          await new Promise((r) => setTimeout(r, chrome.chunkDelayMs ?? 1));
          if (options.signal?.aborted) {
            controller.error(abortError());
            return;
          }
          if (chrome.streamError && sent === chrome.streamError.after) {
            controller.error(chrome.streamError.error);
            return;
          }
          if (sent === chunks.length) {
            controller.close();
            return;
          }
          controller.enqueue(chunks[sent++]!);
        },
      });
    }
  }
  if (chrome.params !== 'absent') {
    const params = chrome.params === undefined ? { defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 } : chrome.params;
    Object.assign(LanguageModel, { params: async () => params });
  }
  vi.stubGlobal('LanguageModel', LanguageModel);
  return log;
}

afterEach(() => vi.unstubAllGlobals());

const ask = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({ model: 'gemini-nano', messages: [{ role: 'user', content }], ...extra });

async function collect(req: ChatRequest, signal = AbortSignal.timeout(5000), onText?: () => void) {
  const events: ChatEvent[] = [];
  try {
    for await (const event of chromeBuiltin.stream({ baseUrl: '' }, req, signal)) {
      events.push(event);
      if (event.type === 'text') onText?.();
    }
  } catch (error) {
    return { events, text: textOf(events), error: error as ProviderError };
  }
  return { events, text: textOf(events), error: undefined };
}
const textOf = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'text' ? [e.text] : [])).join('');

test('registered as the chrome-builtin provider', () => {
  expect(providerFor('chrome-builtin')).toBe(chromeBuiltin);
});

describe('availability', () => {
  test.each([
    ['available', 'available', 'ready'],
    ['downloadable', 'downloadable', 'Download it in Settings'],
    ['downloading', 'downloading', 'still downloading'],
    ['unavailable', 'unavailable', '22 GB'],
    ['readily', 'available', 'ready'], // the name early builds used
    ['after-download', 'downloadable', 'Download it in Settings'],
    ['something new', 'unavailable', 'cannot run'],
  ])('Chrome says %s → %s', async (raw, availability, says) => {
    fakeLanguageModel({ availability: raw });
    const status = await chromeBuiltinStatus();
    expect(status.availability).toBe(availability);
    expect(status.message).toContain(says);
  });

  test('no LanguageModel global (Firefox, older Chrome) → unsupported, naming what is needed', async () => {
    expect(languageModelApi()).toBeUndefined();
    const status = await chromeBuiltinStatus();
    expect(status).toEqual({ availability: 'unsupported', message: expect.stringContaining('Chrome 138') });
  });
});

describe('a run', () => {
  test.each([
    ['downloadable', 'not_downloaded', 'Download it in Settings'],
    ['downloading', 'not_downloaded', 'Settings'],
    ['unavailable', 'unsupported', 'cannot run'],
  ] as const)('never starts a download: %s → %s and create() is not called', async (availability, code, says) => {
    const log = fakeLanguageModel({ availability });
    const out = await collect(ask('Hi'));
    expect(out.error).toBeInstanceOf(ProviderError);
    expect(out.error?.code).toBe(code);
    expect(out.error?.message).toContain(says);
    expect(log.created).toEqual([]);
  });

  test('without the API → unsupported', async () => {
    const out = await collect(ask('Hi'));
    expect(out.error?.code).toBe('unsupported');
  });

  test('streams the answer; the system prompt and earlier turns go to initialPrompts, the last user turn is the prompt', async () => {
    const log = fakeLanguageModel();
    const out = await collect({
      model: 'gemini-nano',
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Is tea healthy?' },
      ],
    });
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('Hello from Nano.');
    expect(out.events.at(-1)).toEqual({ type: 'done' });
    expect(log.prompts).toEqual(['Is tea healthy?']);
    expect(log.created[0]?.initialPrompts).toEqual([
      { role: 'system', content: 'Answer in one sentence.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
    ]);
    expect(log.created[0]?.expectedOutputs).toEqual([{ type: 'text' }]);
    expect(log.destroyed).toBe(1);
  });

  test('older Chrome builds that send the whole answer so far in every chunk give the same text', async () => {
    fakeLanguageModel({ chunks: ['Hello', 'Hello from', 'Hello from Nano', 'Hello from Nano.'] });
    const out = await collect(ask('Hi'));
    expect(out.text).toBe('Hello from Nano.');
    expect(out.events.filter((e) => e.type === 'text').map((e) => e.type === 'text' && e.text)).toEqual(['Hello', ' from', ' Nano', '.']);
  });

  test.each([
    ["a temperature is sent with Chrome's default topK, clamped to the maximum", { temperature: 3 }, {}, { temperature: 2, topK: 3 }],
    ['no temperature asked → no sampling options', {}, {}, {}],
    ['params() removed from the API → no sampling options, the run still works', { temperature: 0.2 }, { params: 'absent' as const }, {}],
    ['params() answers null → no sampling options', { temperature: 0.2 }, { params: null }, {}],
  ])('%s', async (_, extra, chrome, expected) => {
    const log = fakeLanguageModel(chrome);
    const out = await collect(ask('Hi', extra));
    expect(out.error).toBeUndefined();
    const created = log.created[0]!;
    expect({ temperature: created.temperature, topK: created.topK }).toEqual({ temperature: undefined, topK: undefined, ...expected });
  });

  test('a Chrome that rejects sampling options is asked again without them', async () => {
    const log = fakeLanguageModel({ rejectSampling: true });
    const out = await collect(ask('Hi', { temperature: 0.5 }));
    expect(out.error).toBeUndefined();
    expect(out.text).toBe('Hello from Nano.');
    expect(log.created.map((o) => o.temperature)).toEqual([0.5, undefined]);
  });

  test('a user abort mid-answer stops promptly, keeps the partial text and closes the session', async () => {
    const log = fakeLanguageModel({ chunks: Array.from({ length: 200 }, (_, i) => `w${i} `), chunkDelayMs: 5 });
    const controller = new AbortController();
    const started = Date.now();
    const out = await collect(ask('Hi'), controller.signal, () => controller.abort());
    expect(out.error?.code).toBe('aborted');
    expect(out.text).toBe('w0 ');
    expect(Date.now() - started).toBeLessThan(500);
    expect(log.destroyed).toBe(1);
  });

  test('a timeout signal → timeout', async () => {
    fakeLanguageModel({ chunks: Array.from({ length: 200 }, (_, i) => `w${i} `), chunkDelayMs: 5 });
    const out = await collect(ask('Hi'), AbortSignal.timeout(60));
    expect(out.error?.code).toBe('timeout');
    expect(out.error?.retryable).toBe(true);
    expect(out.text.length).toBeGreaterThan(0);
  });

  test('no text at all → empty', async () => {
    fakeLanguageModel({ chunks: ['', ''] });
    expect((await collect(ask('Hi'))).error?.code).toBe('empty');
  });

  const errors: [name: string, code: ProviderErrorCode, says: string][] = [
    ['NotAllowedError', 'forbidden', 'chrome://flags'],
    ['QuotaExceededError', 'bad_request', 'too long'],
    ['NotSupportedError', 'unsupported', 'language'],
    ['AbortError', 'aborted', 'Cancelled'],
    ['NotReadableError', 'blocked', 'filter'],
    ['UnknownError', 'bad_response', 'chrome://on-device-internals'],
  ];
  test.each(errors)('create() throws %s → %s', async (name, code, says) => {
    const log = fakeLanguageModel({ createError: new DOMException('raw message', name) });
    const out = await collect(ask('Hi'));
    expect(out.error).toBeInstanceOf(ProviderError);
    expect(out.error?.code).toBe(code);
    expect(out.error?.message).toContain(says);
    expect(log.destroyed).toBe(0);
  });

  test.each(errors)('the stream fails with %s after some text → %s, partial text kept', async (name, code) => {
    const log = fakeLanguageModel({ streamError: { after: 2, error: new DOMException('raw message', name) } });
    const out = await collect(ask('Hi'));
    expect(out.error?.code).toBe(code);
    expect(out.text).toBe('Hello from');
    expect(log.destroyed).toBe(1);
  });
});

describe('download from settings', () => {
  test('reports progress and leaves the model available; a run then works', async () => {
    fakeLanguageModel({ availability: 'downloadable' });
    const seen: number[] = [];
    await downloadChromeBuiltin((f) => seen.push(f));
    expect(seen).toEqual([0, 0.5, 1, 1]);
    expect((await chromeBuiltinStatus()).availability).toBe('available');
    expect((await collect(ask('Hi'))).text).toBe('Hello from Nano.');
  });

  test('progress reported in bytes by older builds becomes a fraction', async () => {
    fakeLanguageModel({
      availability: 'downloadable',
      progress: [
        [0, 4e9],
        [1e9, 4e9],
        [4e9, 4e9],
      ],
    });
    const seen: number[] = [];
    await downloadChromeBuiltin((f) => seen.push(f));
    expect(seen).toEqual([0, 0.25, 1, 1]);
  });

  test('stopping it → aborted', async () => {
    fakeLanguageModel({
      availability: 'downloadable',
      progress: [
        [0, 1],
        [0.1, 1],
        [0.2, 1],
        [0.3, 1],
      ],
    });
    const controller = new AbortController();
    const err = await downloadChromeBuiltin((f) => f >= 0.1 && controller.abort(), controller.signal).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'aborted' });
  });

  test.each([
    ['NotAllowedError', 'forbidden'],
    ['NotSupportedError', 'unsupported'],
  ])('Chrome refuses with %s → %s', async (name, code) => {
    fakeLanguageModel({ availability: 'downloadable', createError: new DOMException('no', name) });
    await expect(downloadChromeBuiltin(() => undefined)).rejects.toMatchObject({ code });
  });

  test('no API → unsupported', async () => {
    await expect(downloadChromeBuiltin(() => undefined)).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('helpers', () => {
  test.each([
    [
      ['Hello', ' world', '!'],
      ['Hello', ' world', '!'],
    ],
    [
      ['Hel', 'Hello', 'Hello world'],
      ['Hel', 'lo', ' world'],
    ],
    [
      ['ha', 'ha', 'ha'],
      ['ha', 'ha', 'ha'],
    ], // a repeated delta is not a cumulative chunk
    [
      ['', 'A', '', 'B'],
      ['', 'A', '', 'B'],
    ],
  ])('chunkDecoder %j → %j', (chunks, expected) => {
    const decode = chunkDecoder();
    expect(chunks.map(decode)).toEqual(expected);
  });

  test.each([
    [{ loaded: 0.42, total: 1 }, 0.42],
    [{ loaded: 0.42 }, 0.42],
    [{ loaded: 500, total: 1000 }, 0.5],
    [{ loaded: 2, total: 1 }, 1],
    [{ loaded: Number.NaN, total: 1 }, 0],
  ])('progressFraction(%j) = %d', (event, fraction) => {
    expect(progressFraction(event)).toBe(fraction);
  });

  test('splitConversation merges system messages into one first message', () => {
    expect(
      splitConversation([
        { role: 'system', content: 'A' },
        { role: 'user', content: 'q' },
        { role: 'system', content: 'B' },
      ]),
    ).toEqual({ initialPrompts: [{ role: 'system', content: 'A\n\nB' }], prompt: 'q' });
  });
});
