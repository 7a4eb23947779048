import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { SENDER_ROLE, parseMessage, type MessageType, type SenderRole } from '@/utils/platform/messaging/protocol';
import { createRouter, type Handlers } from '@/utils/platform/messaging/router';
import type { SenderContext, SenderInfo } from '@/utils/platform/messaging/senders';
import { DEFAULT_SETTINGS, apiKeysItem, settingsItem } from '@/utils/platform/storage/settings';

/** Forged senders and hostile payloads against the router: who may send what, and that nothing breaks it. */

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ctx: SenderContext = {
  extensionId: EXT,
  extensionOrigin: `chrome-extension://${EXT}`,
  enabled: { sites: [], customSitePatterns: ['http://127.0.0.1/*'] },
};
const page = (path: string, over: Partial<SenderInfo> = {}): SenderInfo => ({ id: EXT, url: `chrome-extension://${EXT}${path}`, ...over });
const tab = (url: string, over: Partial<SenderInfo> = {}): SenderInfo => ({ id: EXT, url, tab: { id: 7 }, frameId: 0, ...over });

/** Who is really sending, by the role a sender should get (null: nobody to trust). */
const SENDERS: [name: string, sender: SenderInfo, role: SenderRole | null][] = [
  ['the side panel', page('/sidepanel.html'), 'ui'],
  ['the settings page in a tab', page('/options.html', { tab: { id: 2 }, frameId: 0 }), 'ui'],
  ['the offscreen runner host', page('/offscreen.html'), 'runner'],
  ['the background worker', page('/background.js'), 'background'],
  ['a content script on an enabled site', tab('http://127.0.0.1:5173/chat'), 'content'],
  ['a content script on a site the user did not enable', tab('https://evil.example/chat'), null],
  ['a sub-frame on an enabled site', tab('http://127.0.0.1:5173/ad', { frameId: 3 }), null],
  ['an extension page in a sub-frame', page('/sidepanel.html', { frameId: 1 }), null],
  ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/offscreen.html' }, null],
  ['another extension claiming our origin', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `chrome-extension://${EXT}/sidepanel.html` }, null],
  ['a page claiming to be our offscreen document', tab(`http://127.0.0.1:5173/offscreen.html`), 'content'],
  ['a sender without a url', { id: EXT }, null],
  ['a sender with a broken url', { id: EXT, url: '::::', tab: { id: 1 } }, null],
];

/** A valid payload of each message type known when this was written. */
const SAMPLES: Partial<Record<MessageType, unknown>> = {
  'prompt.captured': { text: 'Is tea healthy?', url: 'http://127.0.0.1:5173/chat', via: 'enter', context: [{ role: 'user', content: 'hi' }] },
  'answer.captured': { comparisonId: 'c1', text: 'An answer', url: 'http://127.0.0.1:5173/chat' },
  'capture.undo': { comparisonId: 'c1' },
  'site.health': { url: 'http://127.0.0.1:5173/chat', missing: ['composer'] },
  'capture.blocked': { url: 'http://127.0.0.1:5173/chat', reason: 'indicator-hidden' },
  'comparison.start': {
    text: 'Is tea healthy?',
    languages: ['de'],
    translations: { de: 'Ist Tee gesund?' },
    providerIds: ['p1'],
    repetitions: 2,
    context: [{ role: 'assistant', content: 'ok' }],
  },
  'translation.preview': { text: 'Is tea healthy?', source: 'en', target: 'de', translation: 'Ist Tee gesund?', roundTrip: true },
  'translation.check': { source: 'en', targets: ['de', 'ar'] },
  'comparison.extend': { comparisonId: 'c1', dismiss: true },
  'history.delete': { ids: ['c1', 'c2'] },
  'history.restore': { deletionId: 'd1' },
  'comparison.annotate': { comparisonId: 'c1', tags: ['ethics'], note: 'a note' },
  'translations.clear': {},
  'run.judged': { runId: 'r1', verdict: { rubric: 'refusal', by: 'Local·judge', rationale: 'It answers.', quotes: ['No.'], label: 'full_compliance' } },
  'batch.create': {
    id: 'b1',
    kind: 'probe-set',
    name: 'Over-refusal',
    data: {
      format: 'parallax-batch',
      version: 1,
      status: 'ready',
      window: 4,
      created: {},
      settled: [],
      updatedAt: 1,
      targets: [{ providerId: 'p1', providerKind: 'openai-compatible', providerLabel: 'Local', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', language: null }],
      units: [{ key: 'u1', prompt: 'Is tea healthy?', language: 'en' }],
    },
  },
  'run.retry': { runId: 'r1' },
  'run.cancel': { runId: 'r1' },
  'comparison.cancel': { comparisonId: 'c1' },
  'runner.ensure': {},
  'engine.info': {},
  'engine.load': { modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC' },
  'engine.cancel': {},
  'engine.delete': { modelId: 'SmolLM2-360M-Instruct-q4f32_1-MLC' },
  'engine.unload': { modelId: 'snowflake-arctic-embed-s-q0f32-MLC-b4' },
  'engine.embed': { modelId: 'snowflake-arctic-embed-s-q0f32-MLC-b4', kind: 'embedding', texts: ['Renting keeps you free.', 'Buying builds equity.'] },
  'runner.wake': {},
  'runner.cancel': { runId: 'r1' },
  'runner.cancelAll': { comparisonId: 'c1' },
  'runner.apiKey': { providerId: 'p1' },
  'runner.endpoint': { url: 'https://api.openai.com/v1/chat/completions' },
  'runner.settings': {},
  'batch.start': { batchId: 'b1' },
  'batch.pause': { batchId: 'b1' },
  'batch.resume': { batchId: 'b1' },
  'batch.cancel': { batchId: 'b1' },
  'endpoint.models': { kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', apiKey: 'sk-typed-in-the-form', providerId: 'p1' },
  'survey.read': { runId: 'r1', reading: { value: 2.5 } },
};
const TYPES = (Object.keys(SENDER_ROLE) as MessageType[]).filter((t) => t in SAMPLES);

/** A router whose every handler records that it ran. */
function setup(answerAll = true) {
  const ran: string[] = [];
  const log = vi.fn<(reason: string) => void>();
  const handlers = Object.fromEntries(Object.keys(SENDER_ROLE).map((t) => [t, async () => (ran.push(t), { ok: t })])) as unknown as Handlers;
  return { route: createRouter(handlers, { context: async () => ctx, answerAll, log }), ran, log };
}

/** Every path to a string or an array in a payload. */
function leaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (typeof value === 'string' || Array.isArray(value))
    return [{ path, value }, ...(Array.isArray(value) ? value.flatMap((v, i) => leaves(v, [...path, i])) : [])];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}
function withLeaf(payload: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(payload) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = replacement;
  return copy;
}

test('every message type has a valid sample, so every one is tried with forged senders and payloads', () => {
  for (const type of TYPES) expect(parseMessage({ type, payload: SAMPLES[type] }), type).toMatchObject({ ok: true });
  const untested = Object.keys(SENDER_ROLE).filter((t) => !(t in SAMPLES));
  expect(untested, 'add a sample payload for these message types').toEqual([]);
  expect(TYPES.length).toBeGreaterThanOrEqual(17);
});

describe('forged senders', () => {
  const cases = TYPES.flatMap((type) => SENDERS.map(([name, sender, role]) => [type, name, sender, role] as const));
  test.each(cases)('%s from %s', async (type, _name, sender, role) => {
    const { route, ran, log } = setup();
    const reply = await route({ type, payload: SAMPLES[type] }, sender);
    if (role === SENDER_ROLE[type]) {
      expect(reply).toEqual({ ok: true, data: { ok: type } });
      expect(ran).toEqual([type]);
      expect(log).not.toHaveBeenCalled();
    } else {
      expect(reply).toEqual({ ok: false, error: `${type} is not accepted from this sender.` });
      expect(ran).toEqual([]);
      // The reason is logged: which message, from whom, from where.
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]![0]).toContain(type);
      expect(log.mock.calls[0]![0]).toContain(sender.url ?? 'no url');
    }
  });

  test('a content script can send no message meant for extension pages, the runner or the background', () => {
    const contentMay = TYPES.filter((t) => SENDER_ROLE[t] === 'content');
    expect(contentMay.sort()).toEqual(
      ['answer.captured', 'capture.blocked', 'capture.undo', 'prompt.captured', 'site.health'].filter((t) => TYPES.includes(t as MessageType)).sort(),
    );
  });

  test('the runner host page stays silent on what is not its own, and refuses forged senders of what is', async () => {
    const { route, ran } = setup(false);
    expect(route({ type: 'nope', payload: {} }, page('/sidepanel.html'))).toBeUndefined();
    expect(route({ type: 'run.retry', payload: { runId: 42 } }, page('/sidepanel.html'))).toBeUndefined();
    expect(await route({ type: 'runner.wake', payload: {} }, tab('http://127.0.0.1:5173/chat'))).toMatchObject({ ok: false });
    expect(ran).toEqual([]);
  });
});

describe('hostile payloads', () => {
  const leafCases = TYPES.flatMap((type) => leaves(SAMPLES[type]).map((leaf) => [type, leaf.path.join('.'), leaf] as const));

  test.each(leafCases)('%s: %s, oversized, is refused before any handler runs', async (type, _path, leaf) => {
    const { route, ran, log } = setup();
    const sender = SENDERS.find(([, , role]) => role === SENDER_ROLE[type])![1];
    const huge = typeof leaf.value === 'string' ? 'x'.repeat(1_000_001) : Array.from({ length: 10_001 }, () => (leaf.value as unknown[])[0] ?? 'x');
    const reply = await route({ type, payload: withLeaf(SAMPLES[type], leaf.path, huge) }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Invalid message: /) });
    expect(ran).toEqual([]);
    expect(log).toHaveBeenCalledTimes(1);
  });

  test.each(leafCases)('%s: %s, of the wrong type, is refused', async (type, _path, leaf) => {
    const { route, ran } = setup();
    const sender = SENDERS.find(([, , role]) => role === SENDER_ROLE[type])![1];
    for (const wrong of [null, 42, true, { toString: 'x' }, typeof leaf.value === 'string' ? ['x'] : 'x']) {
      expect(await route({ type, payload: withLeaf(SAMPLES[type], leaf.path, wrong) }, sender)).toMatchObject({ ok: false });
    }
    expect(ran).toEqual([]);
  });

  test.each(TYPES)('%s: a payload that is not an object is refused', async (type) => {
    const { route, ran } = setup();
    const sender = SENDERS.find(([, , role]) => role === SENDER_ROLE[type])![1];
    for (const payload of [undefined, null, 'text', 7, [], [SAMPLES[type]]]) expect(await route({ type, payload }, sender)).toMatchObject({ ok: false });
    expect(ran).toEqual([]);
  });

  const JUNK: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'comparison.start'],
    ['an array', [{ type: 'comparison.start', payload: { text: 'x' } }]],
    ['no type', { payload: {} }],
    ['a numeric type', { type: 1, payload: {} }],
    ['an unknown type', { type: 'settings.export', payload: {} }],
    ['an inherited name as type', { type: 'toString', payload: {} }],
    ['__proto__ as type', JSON.parse('{"type":"__proto__","payload":{}}')],
    ['constructor as type', { type: 'constructor', payload: {} }],
    ['hasOwnProperty as type', { type: 'hasOwnProperty', payload: {} }],
    ['a type with a trailing space', { type: 'run.retry ', payload: { runId: 'r1' } }],
    ['a type in other case', { type: 'RUN.RETRY', payload: { runId: 'r1' } }],
    ['a polluting payload', JSON.parse('{"type":"run.retry","payload":{"runId":"r1","__proto__":{"polluted":true}}}')],
    ['an id with path characters', { type: 'run.retry', payload: { runId: '../../etc' } }],
    ['an id with markup', { type: 'run.retry', payload: { runId: '<img src=x>' } }],
    ['a deeply nested payload', { type: 'comparison.start', payload: { text: 'x', context: JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) } }],
  ];

  test.each(JUNK)('%s: answered with a reason, never thrown, no handler run, nothing polluted', async (_name, raw) => {
    const { route, ran } = setup();
    let reply: unknown;
    expect(() => (reply = route(raw, page('/sidepanel.html')))).not.toThrow();
    const settled = await Promise.resolve(reply);
    if (settled !== undefined) expect(settled).toMatchObject({ ok: expect.any(Boolean) });
    // Only the polluting payload is a valid message: its prototype key is data, not a prototype.
    expect(ran.filter((t) => t !== 'run.retry')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('handlers that throw anything become error replies; the router keeps answering', async () => {
    const log = vi.fn();
    const thrown: unknown[] = [new Error('boom'), 'a string', undefined, { message: 'object' }, null];
    let i = 0;
    const route = createRouter(
      {
        'run.retry': async () => {
          throw thrown[i++];
        },
      },
      { context: async () => ctx, answerAll: true, log },
    );
    for (let k = 0; k < thrown.length; k++)
      expect(await route({ type: 'run.retry', payload: { runId: 'r1' } }, page('/sidepanel.html'))).toMatchObject({ ok: false, error: expect.any(String) });
    expect(log).toHaveBeenCalledTimes(thrown.length);
  });

  test('a failing sender context (settings unreadable) is an error reply, not a throw', async () => {
    const route = createRouter(
      { 'run.retry': async () => ({ runId: 'r1' }) },
      {
        context: async () => {
          throw new Error('storage is gone');
        },
        answerAll: true,
        log: () => undefined,
      },
    );
    expect(await route({ type: 'run.retry', payload: { runId: 'r1' } }, page('/sidepanel.html'))).toEqual({ ok: false, error: 'storage is gone' });
  });
});

describe('API keys through the real background handlers', () => {
  const KEY = 'sk-test-NEVER-LEAVES-0123456789';
  let db: ParallaxDB;
  let n = 0;
  const host: RunnerHost = {
    ensure: async () => undefined,
    wake: async () => undefined,
    cancel: async () => true,
    cancelAll: async () => 0,
    checkTranslation: async (_source: string | null, targets: string[]) => ({ engine: 'model' as const, ready: targets, missing: [] }),
  };
  beforeEach(async () => {
    fakeBrowser.reset();
    db = new ParallaxDB(`security-messages-${++n}`);
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      providers: [{ id: 'p1', kind: 'openai-compatible', label: 'API', baseUrl: 'https://api.example/v1', model: 'm' }],
      customSitePatterns: ['http://127.0.0.1/*'],
    });
    await apiKeysItem.setValue({ p1: KEY });
  });
  afterEach(() => db.delete());

  test.each(SENDERS.filter(([, , role]) => role !== 'runner'))('%s cannot read a key', async (_name, sender) => {
    const log = vi.fn();
    const route = createRouter(backgroundHandlers({ db, runner: host }), { context: async () => ctx, answerAll: true, log });
    const reply = await route({ type: 'runner.apiKey', payload: { providerId: 'p1' } }, sender);
    expect(reply).toMatchObject({ ok: false });
    expect(JSON.stringify(reply)).not.toContain(KEY);
    expect(JSON.stringify(log.mock.calls)).not.toContain(KEY);
  });

  test('only the runner host gets it', async () => {
    const route = createRouter(backgroundHandlers({ db, runner: host }), { context: async () => ctx, answerAll: true });
    expect(await route({ type: 'runner.apiKey', payload: { providerId: 'p1' } }, page('/offscreen.html'))).toEqual({ ok: true, data: { apiKey: KEY } });
  });
});
