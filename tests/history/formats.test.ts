import { describe, expect, test } from 'vitest';
import { escapeHtml, toCsv, toHtmlReport, toJsonExport, toLlmComparator, toMarkdown } from '@/utils/core/history/formats';
import { planImport, fromExported } from '@/utils/core/history/import';
import { toExported, type ExportedComparison } from '@/utils/core/runner/exported';
import type { Comparison, Run } from '@/utils/core/runner/types';

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script><svg onload=alert(3)>';
const comparison: Comparison = {
  id: 'c1',
  createdAt: Date.UTC(2026, 10, 1, 12),
  prompt: `Is it right? ${XSS}`,
  source: { kind: 'site', site: 'chatgpt', siteName: 'ChatGPT', url: 'https://chatgpt.com/c/1' },
};
const run = (id: string, position: number, over: Partial<Run> = {}): Run => ({
  id,
  comparisonId: 'c1',
  position,
  target: {
    providerId: 'p',
    providerKind: 'openai-compatible',
    providerLabel: `Model ${id}`,
    baseUrl: 'http://x/v1',
    model: `m-${id}`,
    language: position ? 'sw' : null,
  },
  state: 'done',
  text: `Answer ${id}, "quoted", with a comma\nand a line. مرحبا 🌍 ${XSS}`,
  attempts: 1,
  createdAt: comparison.createdAt,
  updatedAt: comparison.createdAt,
  startedAt: comparison.createdAt + 10,
  finishedAt: comparison.createdAt + 900,
  usage: { inputTokens: 5, outputTokens: 9 },
  ...over,
});
const runs = [run('r1', 0), run('r2', 1, { state: 'failed', text: '', error: 'The API key was rejected (401).', errorCode: 'auth' })];
const exported: ExportedComparison[] = [toExported(comparison, runs)];

describe('export formats', () => {
  test('JSON round-trips through the importer to the same records', () => {
    const plan = planImport(toJsonExport(exported));
    expect(plan.skipped).toEqual([]);
    expect(plan.comparisons).toHaveLength(1);
    const back = plan.comparisons[0]!;
    expect(back.comparison).toEqual(comparison);
    expect(back.runs.map((r) => [r.id, r.state, r.text, r.error, r.target.model, r.target.language, r.usage, r.startedAt, r.finishedAt])).toEqual(
      runs.map((r) => [r.id, r.state, r.text, r.error, r.target.model, r.target.language, r.usage, r.startedAt, r.finishedAt]),
    );
  });

  test('CSV: one row per run, quoted, formula-safe, with a BOM', () => {
    const csv = toCsv(exported);
    expect(csv.startsWith('\uFEFFcomparison_id,created_at,prompt')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 2); // header + two runs (a newline inside a quoted cell is not a row break)
    expect(csv).toContain('"Answer r1, ""quoted"", with a comma\nand a line. مرحبا 🌍');
    expect(toCsv([{ ...exported[0]!, prompt: '=HYPERLINK("http://evil")' }])).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  test('Markdown quotes model text so it cannot break the document', () => {
    const md = toMarkdown(exported);
    // Named as in the panel, labelled with what the analysis read, or the state in words when it did not finish.
    expect(md).toMatch(/^### m-r1 — Answered/m);
    expect(md).toContain('### m-r2 · Swahili — Failed');
    expect(md).toMatch(/^\*\*What differs:\*\* \S/m);
    expect(md).toContain('> and a line.');
    expect(md).toContain('_Error: The API key was rejected (401)._');
  });

  test('Markdown export of 200 KB of backslashes keeps them and still breaks the image and the script link', () => {
    const slashes = '\\'.repeat(200_000);
    const md = toMarkdown([toExported(comparison, [run('r1', 0, { text: `${slashes}![tracker](https://evil.example/p.png) [x](javascript:alert(1))` })])]);
    // An even run escapes only itself: the image is still an image to a viewer, so it is shown as a link instead.
    expect(md).toContain(`> ${slashes}\\![tracker](https://evil.example/p.png) [x\\](javascript:alert(1))`);
    const odd = toMarkdown([toExported(comparison, [run('r1', 0, { text: `${slashes}\\![shown as text]` })])]);
    expect(odd).toContain(`> ${slashes}\\![shown as text]`); // the writer's own escape is kept, not doubled
  });

  test('the HTML report is self-contained and renders every payload inert', () => {
    const html = toHtmlReport(exported);
    expect(html).not.toMatch(/<(script|img|svg)/i);
    expect(html).toContain(escapeHtml(XSS));
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });

  test('LLM Comparator JSON pairs the two chosen targets and skips comparisons missing one', () => {
    const both = toExported(comparison, [run('r1', 0), run('r3', 1)]);
    const out = JSON.parse(toLlmComparator([both, exported[0]!], { provider: 'Model r1', model: 'm-r1' }, { provider: 'Model r3', model: 'm-r3' }));
    expect(out.models).toEqual([{ name: 'Model r1 · m-r1' }, { name: 'Model r3 · m-r3' }]);
    expect(out.examples).toHaveLength(1);
    expect(out.examples[0]).toMatchObject({ input_text: comparison.prompt, score: 0, individual_rater_scores: [], custom_fields: { language_b: 'sw' } });
    expect(out.metadata.custom_fields_schema).toHaveLength(2);
  });
});

describe('import validation', () => {
  test.each([
    ['not JSON', 'hello', 'not a JSON file'],
    ["another app's JSON", '{"items": []}', 'not a Parallax export'],
    ['a future version', '{"format":"parallax-comparisons","version":9,"comparisons":[]}', 'version 9'],
    ['no list', '{"format":"parallax-comparisons","version":1}', 'no comparisons list'],
  ])('%s is refused with a reason', (_name, text, reason) => {
    expect(() => planImport(text)).toThrow(reason);
  });

  test('bad comparisons are skipped with a reason; good ones pass', () => {
    const good = exported[0]!;
    const file = JSON.stringify({
      format: 'parallax-comparisons',
      version: 1,
      comparisons: [
        good,
        { ...good, id: 'bad id!' },
        { ...good, id: 'c2', prompt: '' },
        { ...good, id: 'c3', answers: [{ ...good.answers[0], state: 'exploded' }] },
        42,
      ],
    });
    const plan = planImport(file);
    expect(plan.comparisons.map((p) => p.comparison.id)).toEqual(['c1']);
    expect(plan.skipped).toEqual([
      { index: 1, id: 'bad id!', reason: 'it has no valid id' },
      { index: 2, id: 'c2', reason: 'it has no prompt' },
      { index: 3, id: 'c3', reason: 'answer 1 has an unknown state' },
      { index: 4, reason: 'it is not an object' },
    ]);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['params that are not numbers', { params: { temperature: 'hot' } }, 'answer 1 has a malformed params'],
    ['a base URL that is not text', { baseUrl: { href: 'https://attacker.example' } }, 'answer 1 has a malformed baseUrl'],
    ['usage with text counts', { usage: { outputTokens: '9' } }, 'answer 1 has a malformed usage'],
    ['an error that is an object', { error: { message: 'x' } }, 'answer 1 has a malformed error'],
    ['a translation without its languages', { translation: { engine: 'chrome' } }, 'answer 1 has a malformed translation'],
    ['messages with an unknown role', { messages: [{ role: 'tool', content: 'x' }] }, 'answer 1 has a malformed messages'],
    [
      'a judge verdict with a score of 9',
      { judge: [{ rubric: 'values', by: 'j', rationale: '', quotes: [], stance: 'neutral', dimensions: { balance: { score: 9, quote: '' } } }] },
      'answer 1 has a malformed judge',
    ],
    ['attempts as text', { attempts: 'many' }, 'answer 1 has a malformed attempts'],
  ])('an answer with %s is reported and its comparison not imported', (_name, field, reason) => {
    const good = exported[0]!;
    const file = JSON.stringify({
      format: 'parallax-comparisons',
      version: 1,
      comparisons: [{ ...good, answers: [{ ...good.answers[0], ...field }, good.answers[1]] }],
    });
    const plan = planImport(file);
    expect(plan.comparisons).toEqual([]);
    expect(plan.skipped).toEqual([{ index: 0, id: 'c1', reason }]);
  });

  test('a site source without its address, and tags that are not text, are reported', () => {
    const good = exported[0]!;
    const file = JSON.stringify({
      format: 'parallax-comparisons',
      version: 1,
      comparisons: [
        { ...good, source: { kind: 'site', site: 'chatgpt' } },
        { ...good, id: 'c2', tags: [1] },
      ],
    });
    expect(planImport(file).skipped.map((s) => s.reason)).toEqual(['its source is not valid', 'its tags field is malformed']);
  });

  test('a run exported mid-stream comes back interrupted, with its text', () => {
    const { runs: back } = fromExported(toExported(comparison, [run('r9', 0, { state: 'streaming', text: 'half' })]));
    expect(back[0]).toMatchObject({ state: 'interrupted', text: 'half', errorCode: 'interrupted' });
  });
});

describe('JSON export in pieces', () => {
  test('big exports are compact and parse to the same file as the whole', async () => {
    const { toJsonExportParts } = await import('@/utils/core/history/formats');
    const one = { id: 'c', createdAt: '2026-01-01T00:00:00.000Z', prompt: 'p "q"', source: { kind: 'panel' as const }, answers: [] };
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...one, id: `c${i}` }));
    const now = new Date('2026-02-02T00:00:00Z');
    const parts = toJsonExportParts(many, now);
    expect(parts.length).toBe(1003);
    const joined = parts.join('');
    expect(joined).not.toContain('\n');
    expect(JSON.parse(joined)).toEqual(JSON.parse(toJsonExport(many, now)));
    expect(JSON.parse(joined).comparisons[1000].id).toBe('c1000');
  });
});
