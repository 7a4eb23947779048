import { describe, expect, test } from 'vitest';
import { exportSplitter, type SplitExport } from '@/utils/core/history/export-splitter';
import { planInBatches } from '@/utils/core/history/import-batches';
import { planImport, MAX_IMPORT_COMPARISONS } from '@/utils/core/history/import';

/** Feeds `text` cut into pieces of `size` characters. */
function splitIn(text: string, size: number): SplitExport {
  const splitter = exportSplitter();
  for (let at = 0; at < text.length; at += size) splitter.feed(text.slice(at, at + size));
  return splitter.end();
}

const SIZES = [1, 2, 3, 5, 7, 16, 64, 1000, Infinity];

/** What a split gives back, read again: every member and item as the values JSON.parse sees. */
const parsed = (split: SplitExport) =>
  'whole' in split
    ? split
    : { members: JSON.parse(`{${split.members.join(',')}}`) as unknown, items: split.items?.map((i) => JSON.parse(i) as unknown) ?? null };

const tricky = {
  format: 'parallax-comparisons',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  note: 'a "quoted" member with \\ backslashes, brackets ] } [ { and commas, ,',
  comparisons: [
    { id: 'a', prompt: 'Is this "fine"? \\ ] } , ', answers: [{ text: 'مرحبا 🌍 \u2028 \n\t end\\' }], nested: { deep: [[[{}]]] } },
    7,
    'a string element, with ] and }',
    null,
    [1, [2, [3]]],
    { id: 'b', escapes: '\\\\\\"\\u0041', empty: {}, list: [] },
  ],
  after: [true, false, -1.5e3],
};

describe('splitting an export file as it is read', () => {
  test.each(SIZES)('in pieces of %s characters: every member and every comparison read back as JSON.parse reads them', (size) => {
    for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2), `\uFEFF${JSON.stringify(tricky, null, '\t')}\n`]) {
      const { comparisons, ...members } = tricky;
      expect(parsed(splitIn(text, size))).toEqual({ members, items: comparisons });
    }
  });

  test('the list may come before the other members', () => {
    const text = '{"comparisons":[{"id":"x"}],"format":"parallax-comparisons","version":1}';
    expect(parsed(splitIn(text, 4))).toEqual({ members: { format: 'parallax-comparisons', version: 1 }, items: [{ id: 'x' }] });
  });

  test('an empty object, an empty list, and a file without a list are split', () => {
    expect(splitIn('{}', 1)).toEqual({ members: [], items: null });
    expect(splitIn('{ "comparisons" : [ ] }', 1)).toEqual({ members: [], items: [] });
    expect(splitIn('{"comparisons":{"a":1}}', 3)).toEqual({ members: ['"comparisons":{"a":1}'], items: null });
  });

  test.each([
    ['empty', ''],
    ['plain text', 'Comparisons from last week'],
    ['a list at the top', '[{"id":"a"}]'],
    ['null', 'null'],
    ['cut off inside a comparison', '{"comparisons":[{"id":"a","prompt":"unfinished'],
    ['cut off after the list', '{"comparisons":[]'],
    ['text after the end', '{"comparisons":[]} {}'],
    ['a trailing comma in the list', '{"comparisons":[{"id":"a"},]}'],
    ['a missing value', '{"format":,"comparisons":[]}'],
    ['two comparisons lists', '{"comparisons":[1],"comparisons":[2]}'],
    ['a key that is not a string', '{format:"x"}'],
  ])('%s is not split: the whole text goes to planImport', (_name, text) => {
    for (const size of SIZES) expect(splitIn(text, size)).toEqual({ whole: true });
  });

  // Read again from its start at each piece, this would take minutes (the test's time limit fails it).
  test('values spanning thousands of pieces are read whole, each character once', () => {
    const text = JSON.stringify({ format: 'parallax-comparisons', pad: 'x'.repeat(5_000_000), comparisons: [{ id: 'y'.repeat(2_000_000) }] });
    const split = splitIn(text, 1024);
    expect('whole' in split ? null : [split.members[1]?.length, split.items?.[0]?.length]).toEqual([5_000_008, 2_000_009]);
  });
});

describe('planning an import a batch at a time', () => {
  const file = (comparisons: unknown[], over: object = {}) =>
    JSON.stringify({ format: 'parallax-comparisons', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', comparisons, ...over });
  const good = (i: number) => ({
    id: `c${i}`,
    createdAt: '2025-01-01T00:00:00.000Z',
    prompt: `Question ${i}`,
    source: { kind: 'panel' },
    answers: [
      {
        runId: `r${i}`,
        provider: 'P',
        providerKind: 'openai-compatible',
        baseUrl: 'http://x/v1',
        model: 'm',
        language: null,
        state: 'done',
        text: `answer ${i}`,
        attempts: 1,
      },
    ],
  });

  test('batches plan what planImport plans for the whole file, with skipped comparisons counted in the whole file', () => {
    const comparisons = Array.from({ length: 23 }, (_, i) => (i % 5 === 3 ? { id: `bad ${i}` } : good(i)));
    const text = file(comparisons);
    const { total, batches } = planInBatches(splitIn(text, 100), () => text, 4);
    const all = [...batches];
    expect(total).toBe(23);
    expect(all).toHaveLength(6);
    const whole = planImport(text);
    expect(all.flatMap((b) => b.comparisons)).toEqual(whole.comparisons);
    expect(all.flatMap((b) => b.skipped)).toEqual(whole.skipped);
    expect(all.flatMap((b) => b.positions)).toEqual(comparisons.flatMap((c, i) => ('prompt' in c ? [i] : [])));
    expect(all.reduce((n, b) => n + b.size, 0)).toBe(23);
  });

  test.each([
    ['an empty file', '', 'This is not a JSON file.'],
    ['cut-off JSON', file([good(1)]).slice(0, -5), 'This is not a JSON file.'],
    ['a broken comparison', file([good(1)]).replace('"Question 1"', '"Question 1'), 'This is not a JSON file.'],
    ['a JSON list', '[]', 'This JSON file is not a Parallax export.'],
    ['another format', JSON.stringify({ format: 'chat-history', comparisons: [] }), 'This JSON file is not a Parallax export.'],
    ['a newer version', file([good(1)], { version: 2 }), 'This export has version 2; this Parallax reads version 1.'],
    ['no comparisons list', JSON.stringify({ format: 'parallax-comparisons', version: 1, comparisons: { a: 1 } }), 'This export has no comparisons list.'],
  ])("%s is refused with planImport's message before any batch", (_name, text, message) => {
    expect(() => planImport(text)).toThrow(message);
    expect(() => [...planInBatches(splitIn(text, 7), () => text).batches]).toThrow(message);
  });

  test(`more than ${MAX_IMPORT_COMPARISONS.toLocaleString('en-US')} comparisons is refused before any is parsed`, () => {
    const text = file(Array.from({ length: MAX_IMPORT_COMPARISONS + 1 }, () => 0));
    expect(() => planInBatches(splitIn(text, 65536), () => text)).toThrow(/has 100,001 comparisons; Parallax imports at most 100,000 at a time/);
  });
});
