import { describe, expect, test } from 'vitest';
import { createRunner } from '@/utils/core/runner/runner';
import { memoryRunStore } from '@/utils/core/runner/memory-store';
import { planComparison } from '@/utils/core/runner/plan';
import type { ChatEvent, ChatProvider, ChatRequest, ProviderConfig } from '@/utils/core/providers/types';
import type { LiveEvent } from '@/utils/platform/messaging/protocol';
import type { Translator } from '@/utils/core/translate/translator';
import { cachedTranslator, translationCache } from '@/utils/core/translate/cache';
import { answeredInOtherLanguage } from '@/utils/core/translate/detect';
import { SAMPLES } from './samples';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { dexieRunStore } from '@/utils/platform/db/run-store';
import { runsOf, saveComparison } from '@/utils/platform/db/comparisons';

const PROMPT = 'Should a doctor always tell a patient the truth?';

/** A model that answers in the language of the "[xx] " tag its prompt starts with (English without one). */
function polyglotModel(opts: { alwaysEnglish?: boolean } = {}) {
  const requests: ChatRequest[] = [];
  const provider: ChatProvider = {
    kind: 'openai-compatible',
    name: 'Polyglot',
    async *stream(_conn, req): AsyncIterable<ChatEvent> {
      requests.push(req);
      const prompt = req.messages[req.messages.length - 1]!.content;
      const tag = /^\[(\w+)\] /.exec(prompt)?.[1];
      const answer = (!opts.alwaysEnglish && tag && SAMPLES[tag]) || SAMPLES.en!;
      for (const word of answer.split(/(?<= )/)) yield { type: 'text', text: word };
      yield { type: 'done', finishReason: 'stop' };
    },
  };
  return { provider, requests };
}

/** A deterministic translator: tags text with the target language. `fail` makes it refuse one target. */
function taggingTranslator(opts: { fail?: string; waitForAbort?: boolean } = {}) {
  const calls: { text: string; from: string; to: string }[] = [];
  const translator: Translator = {
    id: 'tagger',
    label: 'Tagger',
    onDevice: true,
    model: 'tag-1',
    instructionFor: (from, to) => `Tag ${from} text as ${to}.`,
    async translate(text, from, to, signal) {
      calls.push({ text, from, to });
      if (opts.waitForAbort) await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
      if (to === opts.fail) throw new Error('the engine has no model for this language');
      return `[${to}] ${text}`;
    },
  };
  return { translator, calls };
}

const model: ProviderConfig = { id: 'poly', kind: 'openai-compatible', label: 'Polyglot', baseUrl: 'http://127.0.0.1:9/v1', model: 'poly-1' };

async function compare(opts: {
  languages: (string | null)[];
  translator?: Translator;
  provider?: ChatProvider;
  translations?: Record<string, string>;
  prompt?: string;
}) {
  let n = 0;
  const { comparison, runs } = planComparison({
    prompt: opts.prompt ?? PROMPT,
    source: { kind: 'panel' },
    providers: [model],
    now: 1,
    newId: () => `id-${++n}`,
    languages: opts.languages,
    translations: opts.translations,
  });
  const store = memoryRunStore([comparison], runs);
  const events: LiveEvent[] = [];
  const runner = createRunner({
    store,
    providerFor: () => opts.provider ?? polyglotModel().provider,
    apiKeyFor: async () => undefined,
    onEvent: (e) => events.push(e),
    translator: opts.translator,
  });
  await runner.wake();
  await runner.idle();
  const states = (runId: string) =>
    events.filter((e): e is Extract<LiveEvent, { type: 'state' }> => e.type === 'state' && e.runId === runId).map((e) => e.state);
  return { runs: store.runsOf(comparison.id), states, runner, store };
}

describe('a comparison in three languages', () => {
  test('prompts are translated, answers detected and translated back into the reader’s language', async () => {
    const { translator, calls } = taggingTranslator();
    const { provider, requests } = polyglotModel();
    const { runs, states } = await compare({ languages: ['en', 'de', 'ja'], translator, provider });
    const [en, de, ja] = runs;

    expect(runs.map((r) => r.state)).toEqual(['done', 'done', 'done']);
    expect(states(en!.id)).toEqual(['streaming', 'done']);
    expect(states(de!.id)).toEqual(['translating', 'streaming', 'done']);
    expect(states(ja!.id)).toEqual(['translating', 'streaming', 'done']);
    expect(requests.map((r) => r.messages.at(-1)!.content).sort()).toEqual([PROMPT, `[de] ${PROMPT}`, `[ja] ${PROMPT}`].sort());

    expect(runs.every((r) => r.sourceLanguage === 'en')).toBe(true);
    expect(de).toMatchObject({
      translatedPrompt: `[de] ${PROMPT}`,
      translation: { engine: 'tagger', model: 'tag-1', prompt: 'Tag en text as de.', source: 'en', target: 'de' },
      text: SAMPLES.de,
      answerLanguage: { code: 'de' },
      backTranslation: { language: 'en', from: 'de', text: `[en] ${SAMPLES.de}`, engine: 'tagger', model: 'tag-1' },
    });
    expect(ja).toMatchObject({
      translatedPrompt: `[ja] ${PROMPT}`,
      answerLanguage: { code: 'ja' },
      backTranslation: { from: 'ja', text: `[en] ${SAMPLES.ja}` },
    });
    expect(en!.translation).toBeUndefined();
    expect(en!.translatedPrompt).toBeUndefined();
    expect(en!.backTranslation).toBeUndefined();
    expect(en!.answerLanguage!.code).toBe('en');
    expect(calls.map((c) => `${c.from}>${c.to}`).sort()).toEqual(['de>en', 'en>de', 'en>ja', 'ja>en']);
  });

  test('a translation the user edited is sent as is, without asking the translator for it', async () => {
    const { translator, calls } = taggingTranslator();
    const { provider, requests } = polyglotModel();
    const edited = 'Sollte ein Arzt einem Patienten immer die Wahrheit sagen?';
    const { runs } = await compare({ languages: ['de'], translator, provider, translations: { de: edited } });
    expect(runs[0]).toMatchObject({ state: 'done', translatedPrompt: edited, translation: { engine: 'none', source: 'en', target: 'de' } });
    expect(requests[0]!.messages.at(-1)!.content).toBe(edited);
    expect(calls.filter((c) => c.from === 'en')).toEqual([]);
  });

  test('a translation that fails fails its run with a clear message; the other languages go on', async () => {
    const { translator } = taggingTranslator({ fail: 'ja' });
    const { provider, requests } = polyglotModel();
    const { runs, states } = await compare({ languages: ['de', 'ja'], translator, provider });
    expect(runs.map((r) => r.state)).toEqual(['done', 'failed']);
    expect(runs[1]!.error).toBe('Could not translate the prompt into Japanese with Tagger: the engine has no model for this language');
    expect(runs[1]!.errorCode).toBe('translation');
    expect(states(runs[1]!.id)).toEqual(['translating', 'failed']);
    expect(requests).toHaveLength(1);
  });

  test('without a translator a language run sends the prompt as written and says so', async () => {
    const { provider, requests } = polyglotModel();
    const { runs, states } = await compare({ languages: ['sw'], provider });
    expect(runs[0]!.state).toBe('done');
    expect(states(runs[0]!.id)).toEqual(['streaming', 'done']);
    expect(requests[0]!.messages.at(-1)!.content).toBe(PROMPT);
    expect(runs[0]!.notice).toBe('No translator is set up, so the prompt was sent in English as written, not in Swahili.');
    expect(runs[0]!.translatedPrompt).toBeUndefined();
  });

  test('an answer in English to a question asked in Swahili is detected as such', async () => {
    const { translator } = taggingTranslator();
    const { runs } = await compare({ languages: ['sw'], translator, provider: polyglotModel({ alwaysEnglish: true }).provider });
    expect(runs[0]!.answerLanguage!.code).toBe('en');
    expect(answeredInOtherLanguage(runs[0]!.target.language, runs[0]!.answerLanguage)).toBe(true);
    expect(runs[0]!.backTranslation).toBeUndefined(); // already in the reader's language
  });

  test('a failed back-translation keeps the answer done and says why', async () => {
    const { translator } = taggingTranslator({ fail: 'fr' });
    const { runs } = await compare({ languages: ['de'], translator, prompt: 'Un médecin doit-il toujours dire la vérité à son patient ?' });
    expect(runs[0]).toMatchObject({ state: 'done', sourceLanguage: 'fr', text: SAMPLES.de, answerLanguage: { code: 'de' } });
    expect(runs[0]!.backTranslation).toMatchObject({ language: 'fr', text: '', error: expect.stringContaining('Could not translate the answer into French') });
  });

  test('cancelling while translating interrupts the run before anything is sent', async () => {
    const { translator } = taggingTranslator({ waitForAbort: true });
    const { provider, requests } = polyglotModel();
    let n = 0;
    const { comparison, runs } = planComparison({
      prompt: PROMPT,
      source: { kind: 'panel' },
      providers: [model],
      now: 1,
      newId: () => `c-${++n}`,
      languages: ['th'],
    });
    const store = memoryRunStore([comparison], runs);
    const runner = createRunner({ store, providerFor: () => provider, apiKeyFor: async () => undefined, translator });
    await runner.wake();
    await new Promise((r) => setTimeout(r, 10));
    expect(store.runsOf(comparison.id)[0]!.state).toBe('translating');
    await runner.cancel(runs[0]!.id);
    await runner.idle();
    expect(store.runsOf(comparison.id)[0]).toMatchObject({ state: 'interrupted', errorCode: 'cancelled' });
    expect(requests).toEqual([]);
  });

  test('with a cache, asking the same prompt again reuses its translations', async () => {
    const { translator, calls } = taggingTranslator();
    const cached = cachedTranslator(translator, translationCache());
    await compare({ languages: ['de', 'ja'], translator: cached });
    await compare({ languages: ['de', 'ja'], translator: cached });
    expect(
      calls
        .filter((c) => c.from === 'en')
        .map((c) => c.to)
        .sort(),
    ).toEqual(['de', 'ja']);
  });

  test('what a language run records survives in the database', async () => {
    const db = new ParallaxDB('translate-runner-db');
    const { translator } = taggingTranslator();
    let n = 0;
    const { comparison, runs } = planComparison({
      prompt: PROMPT,
      source: { kind: 'panel' },
      providers: [model],
      now: 1,
      newId: () => `db-${++n}`,
      languages: ['de'],
    });
    await saveComparison(db, comparison, runs);
    const runner = createRunner({ store: dexieRunStore(db), providerFor: () => polyglotModel().provider, apiKeyFor: async () => undefined, translator });
    await runner.wake();
    await runner.idle();
    const [stored] = await runsOf(db, comparison.id);
    expect(stored).toMatchObject({
      state: 'done',
      sourceLanguage: 'en',
      translatedPrompt: `[de] ${PROMPT}`,
      answerLanguage: { code: 'de' },
      backTranslation: { text: `[en] ${SAMPLES.de}` },
    });
    db.close();
  });
});
