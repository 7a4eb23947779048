import { beforeEach, describe, expect, test } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { saveComparison } from '@/utils/platform/db/comparisons';
import { deleteComparisons, historyFacets, queryHistory } from '@/utils/platform/db/history';
import { planComparison } from '@/utils/core/runner/plan';
import type { ComparisonSource } from '@/utils/core/runner/types';

let db: ParallaxDB;
let n = 0;
beforeEach(async () => {
  db = new ParallaxDB(`history-${++n}`);
  const providers = [
    { id: 'a', kind: 'openai-compatible' as const, label: 'Ollama', baseUrl: 'http://x/v1', model: 'llama3.2' },
    { id: 'b', kind: 'anthropic' as const, label: 'Claude', baseUrl: 'http://y/v1', model: 'claude-x' },
  ];
  const rows: [string, number, ComparisonSource, string[], ('done' | 'failed')[]][] = [
    [
      'Is nuclear power safe?',
      1000,
      { kind: 'site', site: 'chatgpt', siteName: 'ChatGPT', url: 'https://chatgpt.com/c/1' },
      ['It is among the safest sources.', 'Éthique et sûreté: it depends.'],
      ['done', 'done'],
    ],
    ['¿Es ético comer carne?', 2000, { kind: 'panel' }, ['Depende de la perspectiva.', ''], ['done', 'failed']],
    [
      'Write a poem about rain',
      3000,
      { kind: 'site', site: 'claude', siteName: 'Claude', url: 'https://claude.ai/chat/2' },
      ['Rain taps the glass.', 'Drops of silver.'],
      ['done', 'done'],
    ],
  ];
  let i = 0;
  for (const [prompt, now, source, texts, states] of rows) {
    const p = planComparison({ prompt, source, providers, now, newId: () => `h${n}-${++i}` });
    p.runs.forEach((r, k) => Object.assign(r, { text: texts[k], state: states[k] }));
    await saveComparison(db, p.comparison, p.runs);
  }
});

const prompts = async (filter: Parameters<typeof queryHistory>[1]) => (await queryHistory(db, filter)).comparisons.map((c) => c.prompt);

describe('history queries', () => {
  test('newest first, with runs and the total', async () => {
    const page = await queryHistory(db, {}, 2);
    expect(page.comparisons.map((c) => c.createdAt)).toEqual([3000, 2000]);
    expect(page.total).toBe(3);
    expect(page.runs.get(page.comparisons[0]!.id)!.map((r) => r.target.providerLabel)).toEqual(['Ollama', 'Claude']);
  });

  test.each([
    [{ text: 'nuclear' }, ['Is nuclear power safe?']],
    [{ text: 'ETHIQUE surete' }, ['Is nuclear power safe?']], // in an answer, accents and case folded
    [{ text: 'etico' }, ['¿Es ético comer carne?']],
    [{ text: 'rain silver' }, ['Write a poem about rain']],
    [{ text: 'rain nuclear' }, []],
    [{ site: 'panel' }, ['¿Es ético comer carne?']],
    [{ site: 'chatgpt' }, ['Is nuclear power safe?']],
    [{ state: 'failed' as const }, ['¿Es ético comer carne?']],
    [{ model: 'claude-x', since: 1500 }, ['Write a poem about rain', '¿Es ético comer carne?']],
    [{ until: 1500 }, ['Is nuclear power safe?']],
  ])('%j', async (filter, expected) => {
    expect(await prompts(filter)).toEqual(expected);
  });

  test('facets list what is stored', async () => {
    const f = await historyFacets(db);
    expect(f.providers).toEqual(['Claude', 'Ollama']);
    expect(f.models).toEqual(['claude-x', 'llama3.2']);
    expect(f.sites.map((s) => s.id).sort()).toEqual(['chatgpt', 'claude', 'panel']);
  });

  test('delete removes comparisons with their runs and their index entries', async () => {
    const before = await queryHistory(db);
    const target = before.comparisons[1]!;
    expect(await deleteComparisons(db, [target.id, 'not-there'])).toBe(1);
    expect((await queryHistory(db)).total).toBe(2);
    expect(await db.runs.where('comparisonId').equals(target.id).count()).toBe(0);
    expect(await db.search.where('comparisonId').equals(target.id).count()).toBe(0);
  });
});
