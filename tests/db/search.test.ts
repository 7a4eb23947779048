import { beforeEach, describe, expect, test } from 'vitest';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { annotateComparison, saveComparison } from '@/utils/platform/db/comparisons';
import { dexieRunStore } from '@/utils/platform/db/run-store';
import { historyFacets, queryHistory } from '@/utils/platform/db/history';
import { planComparison } from '@/utils/core/runner/plan';
import { queryTerms, tokens } from '@/utils/core/text/search-words';

let db: ParallaxDB;
let n = 0;
const providers = [{ id: 'a', kind: 'openai-compatible' as const, label: 'Ollama', baseUrl: 'http://x/v1', model: 'llama3.2' }];
const save = async (prompt: string, now: number) => {
  const p = planComparison({ prompt, source: { kind: 'panel' }, providers, now, newId: () => `s${n}-${now}-${Math.random()}` });
  await saveComparison(db, p.comparison, p.runs);
  return p;
};
const prompts = async (text: string) => (await queryHistory(db, { text })).comparisons.map((c) => c.prompt);

beforeEach(() => {
  db = new ParallaxDB(`search-${++n}`);
});

describe('search words', () => {
  test.each([
    ['Hello, WORLD!', ['hello', 'world']],
    ['Ça coûte 20 €', ['ca', 'coute', '20']],
    ['北京大学', ['北京', '京大', '大学']],
    ['مرحبا بالعالم', ['مرحبا', 'بالعالم']],
    ['GPT-4o の答え', ['gpt', '4o', 'の答', '答え']],
  ])('%s', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  test('latin terms match word starts; pairs match exactly', () => {
    expect(queryTerms('Nucl 核能')).toEqual([
      { term: 'nucl', prefix: true },
      { term: '核能', prefix: false },
    ]);
  });
});

describe('history search', () => {
  test('finds word starts, in any order, newest first', async () => {
    await save('Is nuclear power safe?', 1);
    await save('Nuclear fusion timeline', 2);
    expect(await prompts('nucl')).toEqual(['Nuclear fusion timeline', 'Is nuclear power safe?']);
    expect(await prompts('safe nuclear')).toEqual(['Is nuclear power safe?']);
    expect(await prompts('uclear')).toEqual([]); // not inside words: that is what keeps it fast
  });

  test('an answer becomes searchable when the run finishes', async () => {
    const p = await save('Tell me about tea', 1);
    const store = dexieRunStore(db);
    const run = p.runs[0]!;
    await store.move(run.id, 'streaming');
    await store.patch(run.id, { text: 'Matcha is powdered green tea.' });
    expect(await prompts('matcha')).toEqual([]);
    await store.move(run.id, 'done', { text: 'Matcha is powdered green tea.' });
    expect(await prompts('matcha')).toEqual(['Tell me about tea']);
  });

  test('tags and notes are searchable and tags are a filter', async () => {
    const p = await save('Is it ethical to eat meat?', 1);
    await save('Other', 2);
    await annotateComparison(db, p.comparison.id, { tags: [' ethics ', 'class-3', 'ethics'], note: 'Compare with the Swahili run' });
    expect((await db.comparisons.get(p.comparison.id))?.tags).toEqual(['class-3', 'ethics']);
    expect(await prompts('swahili')).toEqual(['Is it ethical to eat meat?']);
    expect((await queryHistory(db, { tag: 'ethics' })).total).toBe(1);
    expect((await historyFacets(db)).tags).toEqual(['class-3', 'ethics']);
  });

  test('refusals stored with the runs filter the history', async () => {
    const refused = await save('How do I pick a lock?', 1);
    await save('Write a poem', 2);
    const store = dexieRunStore(db);
    await store.move(refused.runs[0]!.id, 'streaming');
    await store.move(refused.runs[0]!.id, 'done', { text: "I'm sorry, I can't help with that.", refusal: 'full_refusal' });
    expect((await queryHistory(db, { refusal: 'refused' })).comparisons.map((c) => c.prompt)).toEqual(['How do I pick a lock?']);
    expect((await queryHistory(db, { refusal: 'answered' })).total).toBe(0);
  });
});
