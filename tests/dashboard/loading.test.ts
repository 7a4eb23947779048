import { afterEach, describe, expect, test } from 'vitest';
import { loadAnalysis } from '@/entrypoints/dashboard/analysis';
import { parseHash, toHash, type Route } from '@/entrypoints/dashboard/state';
import { batchNames, comparisonWithRuns, comparisonsBetween, recentComparisons } from '@/utils/platform/db/dashboard';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { markerFeatures, run } from './fixtures';

const verdict = { label: 'full_refusal', confidence: 1, evidence: [], basis: 'answer' } as const;

describe('loadAnalysis', () => {
  test('no analysis modules in the build: both analysers are absent and the page is told so', async () => {
    const analysis = await loadAnalysis({});
    expect(analysis.classify).toBeNull();
    expect(analysis.features).toBeNull();
    expect(analysis.notes.join('\n')).toMatch(/Refusal analysis is not available/);
    expect(analysis.notes.join('\n')).toMatch(/Value-feature analysis is not available/);
  });

  test('modules that exist are loaded; the classifier is called with text and language, and cached', async () => {
    const calls: unknown[][] = [];
    const analysis = await loadAnalysis({
      '../../utils/core/analysis/refusal.ts': async () => ({ classifyRefusal: (...args: unknown[]) => (calls.push(args), verdict) }),
      '../../utils/core/analysis/values.ts': async () => ({ valueFeatures: (text: string) => markerFeatures(text) }),
    });
    expect(analysis.notes).toEqual([]);
    expect(analysis.classify?.('Nein', 'de')).toEqual(verdict);
    expect(analysis.classify?.('Nein', 'de')).toEqual(verdict);
    expect(calls).toEqual([['Nein', { language: 'de' }]]);
    analysis.classify?.('Hello', 'und');
    expect(calls[1]).toEqual(['Hello', {}]); // unknown language: the analyser reads the script
    analysis.classify?.('Hapana', 'sw', 'No');
    expect(calls[2]).toEqual(['Hapana', { language: 'sw', backTranslation: 'No' }]);
    expect(analysis.features?.('[balanced]', 'en')?.balance.value).toBe('balanced');
  });

  test("this build's own analysers are found and give verdicts the dashboard can chart", async () => {
    const analysis = await loadAnalysis();
    expect(analysis.notes).toEqual([]);
    expect(analysis.classify?.("I'm sorry, but I can't help with that request.", 'en')?.label).toBe('full_refusal');
    expect(analysis.classify?.('Find its id with ps, then run kill with it.', 'en')?.label).toBe('full_compliance');
    expect(analysis.features?.('There are several views. Some argue it is wrong; on the other hand, others disagree.', 'en')?.balance.value).toBe('balanced');
  });

  test.each([
    ['a module without the expected export', async () => ({ somethingElse: () => verdict }), /has no classifyRefusal or classify/],
    ['a module that fails to load', async () => Promise.reject(new Error('chunk missing')), /could not be loaded: chunk missing/],
  ])('%s leaves the classifier out with a note', async (_name, loader, note) => {
    const analysis = await loadAnalysis({ '../../utils/core/analysis/refusal.ts': loader });
    expect(analysis.classify).toBeNull();
    expect(analysis.notes[0]).toMatch(note);
  });

  test('an analyser that throws or returns nonsense gives "not analysed", never a made-up verdict', async () => {
    const analysis = await loadAnalysis({
      '../../utils/core/analysis/refusal.ts': async () => ({
        classify: (text: string) =>
          text === 'boom'
            ? (() => {
                throw new Error('x');
              })()
            : { nope: true },
      }),
    });
    expect(analysis.classify?.('boom', 'en')).toBeNull();
    expect(analysis.classify?.('fine', 'en')).toBeNull();
  });
});

describe('routes', () => {
  test.each<[string, Route]>([
    ['', { view: 'comparison', id: null }],
    ['#comparison=abc-1', { view: 'comparison', id: 'abc-1' }],
    ['#batch', { view: 'batch', batchId: null }],
    ['#batch=probe%20set', { view: 'batch', batchId: 'probe set' }],
  ])('%s ⇄ %j', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    expect(parseHash(toHash(route))).toEqual(route);
  });
});

describe('dashboard queries', () => {
  let db: ParallaxDB;
  afterEach(async () => {
    await db?.delete();
  });

  async function seed() {
    db = new ParallaxDB(`dashboard-test-${Math.random()}`);
    const comparison = (id: string, createdAt: number) => ({ id, createdAt, prompt: id, source: { kind: 'panel' as const } });
    await db.comparisons.bulkAdd([comparison('a', 100), comparison('b', 200), comparison('c', 300)]);
    await db.runs.bulkAdd([run('a', 1, 'm2', 'de', 'second'), run('a', 0, 'm1', 'de', 'first'), run('c', 0, 'm1', null, 'only')]);
  }

  test('between a range (inclusive), newest first, runs in column order', async () => {
    await seed();
    const all = await comparisonsBetween(db);
    expect(all.map((i) => [i.comparison.id, i.runs.map((r) => r.text)])).toEqual([
      ['c', ['only']],
      ['b', []],
      ['a', ['first', 'second']],
    ]);
    expect((await comparisonsBetween(db, { since: 100, until: 200 })).map((i) => i.comparison.id)).toEqual(['b', 'a']);
    expect((await comparisonsBetween(db, { since: 301 })).length).toBe(0);
  });

  test('one comparison with its runs, or null; recent ones newest first', async () => {
    await seed();
    expect((await comparisonWithRuns(db, 'a'))?.runs.map((r) => r.position)).toEqual([0, 1]);
    expect(await comparisonWithRuns(db, 'gone')).toBeNull();
    expect((await recentComparisons(db, 2)).map((c) => c.id)).toEqual(['c', 'b']);
  });

  test('batch names come from the batches table when there is one', async () => {
    await seed();
    expect(await batchNames(db)).toEqual(new Map());
    const table = db.tables.find((t) => t.name === 'batches')!;
    await table.bulkAdd([
      { id: 'b1', createdAt: 1, kind: 'probe-set', name: 'Over-refusal probes', data: null },
      { id: 'b2', createdAt: 2, kind: 'survey', name: '', data: null },
    ]);
    expect(await batchNames(db)).toEqual(
      new Map([
        ['b1', 'Over-refusal probes'],
        ['b2', 'b2'],
      ]),
    );
  });
});
