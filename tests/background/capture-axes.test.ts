import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHandlers } from '@/utils/platform/background/handlers';
import type { RunnerHost } from '@/utils/platform/runner-host/runner-host';
import { runsOf } from '@/utils/platform/db/comparisons';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/platform/storage/settings';
import { composerPrefsItem } from '@/utils/platform/storage/templates';
import type { TranslationReadiness } from '@/utils/core/translate/readiness';

let n = 0;
let db: ParallaxDB;
let wakes: number;
/** Languages the translator can reach now (the rest are "language pack not downloaded"). */
let reachable: string[];
const checks: { source: string | null; targets: string[] }[] = [];
const host: RunnerHost = {
  ensure: async () => undefined,
  wake: async () => {
    wakes++;
  },
  cancel: async () => true,
  cancelAll: async () => 0,
  checkTranslation: async (source, targets): Promise<TranslationReadiness> => {
    checks.push({ source, targets });
    return {
      engine: 'chrome',
      ready: targets.filter((t) => t === source || reachable.includes(t)),
      missing: targets.filter((t) => t !== source && !reachable.includes(t)).map((language) => ({ language, availability: 'downloadable' as const })),
    };
  },
};
const endpoint = (id: string) => ({ id, kind: 'openai-compatible' as const, label: id.toUpperCase(), baseUrl: 'http://127.0.0.1:9/v1', model: id });
const chatTab = { id: 'ext', url: 'http://127.0.0.1:5173/chat/42', tab: { id: 1 }, frameId: 0 };
const captured = { text: 'Should genetically modified food be banned?', url: chatTab.url, via: 'enter' as const };
const languagesOf = async (id: string) => (await runsOf(db, id)).map((r) => `${r.target.model}:${r.target.language}`);

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ParallaxDB(`capture-axes-${++n}`);
  wakes = 0;
  reachable = ['de', 'ar', 'ja'];
  checks.length = 0;
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, providers: ['a', 'b', 'c'].map(endpoint), customSitePatterns: ['http://127.0.0.1/*'] });
});

describe('a prompt picked up on a chat site is asked with the axes chosen in the prompt box', () => {
  test('3 endpoints × English, German and Arabic: 9 runs in those languages', async () => {
    await composerPrefsItem.setValue({
      last: { languages: ['en', 'de', 'ar'], personas: [], repetitions: 1 },
      templates: [],
      defaultTemplateId: null,
      customPersonas: [],
    });
    const h = backgroundHandlers({ db, runner: host });
    const { comparisonId } = await h['prompt.captured']!(captured, chatTab);
    expect(await languagesOf(comparisonId!)).toEqual(['a:en', 'a:de', 'a:ar', 'b:en', 'b:de', 'b:ar', 'c:en', 'c:de', 'c:ar']);
    expect(checks).toEqual([{ source: 'en', targets: ['en', 'de', 'ar'] }]);
    expect((await db.comparisons.get(comparisonId!))?.held).toBeUndefined();
    expect(wakes).toBe(1);
  });

  test('only the chosen endpoints, personas and repetitions', async () => {
    const persona = { id: 'jp', label: 'Japan', systemPrompt: 'Answer as someone living in Japan.' };
    await composerPrefsItem.setValue({
      last: { providerIds: ['b'], languages: [], personas: [persona], repetitions: 2, temperature: 0 },
      templates: [],
      defaultTemplateId: null,
      customPersonas: [],
    });
    const h = backgroundHandlers({ db, runner: host });
    const { comparisonId } = await h['prompt.captured']!(captured, chatTab);
    const runs = await runsOf(db, comparisonId!);
    expect(runs.map((r) => [r.target.model, r.target.persona?.label, r.repetition, r.target.params?.temperature])).toEqual([
      ['b', 'Japan', 1, 0],
      ['b', 'Japan', 2, 0],
    ]);
  });

  test('languages the translator cannot reach are held with the reason, never started to fail', async () => {
    reachable = ['de'];
    await composerPrefsItem.setValue({
      last: { languages: ['en', 'de', 'ar'], personas: [], repetitions: 1 },
      templates: [],
      defaultTemplateId: null,
      customPersonas: [],
    });
    const h = backgroundHandlers({ db, runner: host });
    const { comparisonId } = await h['prompt.captured']!(captured, chatTab);
    expect(await languagesOf(comparisonId!)).toEqual(['a:en', 'a:de', 'b:en', 'b:de', 'c:en', 'c:de']);
    const held = (await db.comparisons.get(comparisonId!))!.held!;
    expect(held).toMatchObject({ reason: 'translator', runs: 3, axes: { languages: ['ar'] }, missing: [{ language: 'ar', availability: 'downloadable' }] });

    // Still not downloaded: asking again says so and starts nothing.
    await expect(h['comparison.extend']!({ comparisonId: comparisonId! }, chatTab)).rejects.toThrow(/cannot translate into Arabic/);
    expect(await languagesOf(comparisonId!)).toHaveLength(6);

    // Once the pack is there, the held languages are asked and the hold is gone.
    reachable = ['de', 'ar'];
    expect(await h['comparison.extend']!({ comparisonId: comparisonId! }, chatTab)).toEqual({ started: 3 });
    expect((await languagesOf(comparisonId!)).slice(6)).toEqual(['a:ar', 'b:ar', 'c:ar']);
    expect((await db.comparisons.get(comparisonId!))!.held).toBeUndefined();
  });

  test('above the confirmation size nothing starts until the user says so; dismissing drops them', async () => {
    await composerPrefsItem.setValue({
      last: { languages: ['en', 'de', 'ar'], personas: [], repetitions: 3 },
      templates: [],
      defaultTemplateId: null,
      customPersonas: [],
    });
    const h = backgroundHandlers({ db, runner: host });
    const first = (await h['prompt.captured']!(captured, chatTab)).comparisonId!;
    expect(await runsOf(db, first)).toEqual([]);
    expect((await db.comparisons.get(first))!.held).toMatchObject({ reason: 'confirm', runs: 27 });
    expect(wakes).toBe(0);
    expect(await h['comparison.extend']!({ comparisonId: first }, chatTab)).toEqual({ started: 27 });
    expect(wakes).toBe(1);

    const second = (await h['prompt.captured']!({ ...captured, text: 'Is nuclear power safe?' }, chatTab)).comparisonId!;
    expect(await h['comparison.extend']!({ comparisonId: second, dismiss: true }, chatTab)).toEqual({ started: 0 });
    expect((await db.comparisons.get(second))!.held).toBeUndefined();
    expect(await runsOf(db, second)).toEqual([]);
  });
});
