// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import type { VNode } from 'preact';
import { ComparisonView } from '@/components/sidepanel/ComparisonView';
import { HistoryList } from '@/components/sidepanel/HistoryList';
import { Markdown, preloadMarkdown } from '@/components/shared/Markdown';
import { RunColumn } from '@/components/sidepanel/RunColumn';
import { analyseComparison } from '@/utils/core/analysis/comparison';
import { ComparisonScreen } from '@/entrypoints/dashboard/ComparisonScreen';
import type { Comparison, Run } from '@/utils/core/runner/types';
import { HTML_PAYLOADS, XSS_CORPUS } from '../fixtures/xss-corpus';
import { activeParts } from './inert';

/** Every payload rendered as a prompt and as an answer in each component that shows model or user text. */

beforeAll(async () => {
  await preloadMarkdown();
});
afterEach(() => {
  cleanup();
  expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
});

const comparison = (prompt: string): Comparison => ({ id: 'c1', createdAt: Date.UTC(2025, 0, 2), prompt, source: { kind: 'panel' }, tags: ['t'] });
const run = (text: string, over: Partial<Run> = {}): Run => ({
  id: 'r1',
  comparisonId: 'c1',
  position: 0,
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'Lab', baseUrl: 'http://127.0.0.1:1/v1', model: 'm', language: null },
  state: 'done',
  text,
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});
const noop = () => undefined;
const view = { formatted: true, isBaseline: false, collapsed: false, pinned: false };

/** The element types a component renders from harmless text: hostile text may add none beyond markdown's own. */
const MARKDOWN_TAGS = [
  'p',
  'span',
  'strong',
  'em',
  'del',
  'ins',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'hr',
  'br',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
];
const tagsOf = (root: Element) => new Set([...root.querySelectorAll('*')].map((el) => el.tagName.toLowerCase()));

function expectInert(root: Element, benign: Set<string>, payload: string) {
  expect(activeParts(root, { allowTags: [...benign] }), payload.slice(0, 80)).toEqual([]);
  const unexpected = [...tagsOf(root)].filter((t) => !benign.has(t) && !MARKDOWN_TAGS.includes(t));
  expect(unexpected, payload.slice(0, 80)).toEqual([]);
  // Links that survive are web links that open apart from the extension page.
  for (const a of root.querySelectorAll('a[href]')) {
    expect(a.getAttribute('href')).toMatch(/^(https?|mailto):/);
    expect(a.getAttribute('rel')).toContain('noopener');
  }
}

/** Renders harmless text first (what the component itself is made of), then the payload. */
function renderBoth(make: (text: string) => VNode) {
  const benign = tagsOf(render(make('A plain **answer** with a [link](https://example.org).')).container);
  cleanup();
  return { benign, hostile: (text: string) => render(make(text)).container };
}

describe(`${XSS_CORPUS.length} payloads, rendered inert in components`, () => {
  test('the corpus has at least 50 payloads aimed at HTML, all different', () => {
    expect(HTML_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_CORPUS.map((p) => p.text)).size).toBe(XSS_CORPUS.length);
  });

  test.each(XSS_CORPUS.map((p) => [p.name, p.text]))('Markdown: %s', (_name, text) => {
    const { benign, hostile } = renderBoth((t) => <Markdown text={t} />);
    const root = hostile(text);
    expectInert(root, benign, text);
    // Raw HTML the model wrote is not silently dropped: it is shown as the text it is.
    if (/<[a-z!/]/i.test(text) && text.includes('__xss')) expect(root.textContent).toContain('__xss');
  });

  test.each(XSS_CORPUS.map((p) => [p.name, p.text]))('RunColumn (formatted, streaming, diffed, error and notice): %s', (_name, text) => {
    const make = (state: Run['state'], baseline?: string) => (t: string) => (
      <RunColumn
        run={run(t, { state, error: t, notice: t, target: { ...run('').target, providerLabel: t, model: t } })}
        name={t}
        text={signal(t)}
        view={{ ...view, baseline }}
        onRetry={noop}
        onCancel={noop}
        onToggleCollapse={noop}
        onTogglePin={noop}
      />
    );
    for (const variant of [make('failed'), make('streaming'), make('done', 'A different baseline answer.')]) {
      const { benign, hostile } = renderBoth(variant);
      const root = hostile(text);
      expectInert(root, benign, text);
      // The error and notice are shown exactly as written, as text.
      expect(root.querySelector('[data-testid=run-error]')?.textContent).toBe(text);
      expect(root.querySelector('[data-testid=run-notice]')?.textContent).toBe(text);
      cleanup();
    }
  });

  test.each(XSS_CORPUS.map((p) => [p.name, p.text]))('ComparisonView, as prompt and as answer: %s', (_name, text) => {
    const make = (t: string) => (
      <ComparisonView
        comparison={{ ...comparison(t), tags: [t.slice(0, 40)], note: t }}
        runs={[run(t), run(t, { id: 'r2', position: 1, state: 'streaming' })]}
        textOf={() => signal(t)}
        onRetry={noop}
        onCancel={noop}
        onCancelAll={noop}
        onOpenSettings={noop}
        onAnnotate={noop}
      />
    );
    const { benign, hostile } = renderBoth(make);
    const root = hostile(text);
    expectInert(root, benign, text);
    expect(root.querySelector('[data-testid=prompt-text]')?.textContent).toBe(text);
    expect(root.querySelector('[data-testid=prompt-text]')?.getAttribute('dir')).toBe('auto');
  });

  test.each(XSS_CORPUS.map((p) => [p.name, p.text]))('HistoryList row: %s', (_name, text) => {
    const make = (t: string) => (
      <HistoryList
        ids={['c1']}
        rows={new Map([['c1', { comparison: { ...comparison(t), tags: [t.slice(0, 40)] }, runs: [run(t)] }]])}
        onVisible={noop}
        onOpen={noop}
        onDelete={noop}
        summary={() => '1 answer'}
      />
    );
    const { benign, hostile } = renderBoth(make);
    const root = hostile(text);
    expectInert(root, benign, text);
    expect(root.querySelector('.history-prompt')?.textContent).toBe(text);
  });

  test.each(XSS_CORPUS.map((p) => [p.name, p.text]))('dashboard ComparisonScreen, as prompt and as answer: %s', async (_name, text) => {
    const make = (t: string) => {
      const shown = {
        comparison: comparison(t),
        runs: [run(t, { target: { ...run('').target, providerLabel: t, model: t } }), run('', { id: 'r2', position: 1, state: 'failed', error: t })],
      };
      // With its analysis: the verdict names the hostile model too.
      return <ComparisonScreen recent={[shown.comparison]} shown={shown} analysis={analyseComparison(shown.comparison, shown.runs)} onPick={noop} />;
    };
    const { benign, hostile } = renderBoth(make);
    const root = hostile(text);
    await waitFor(() => expect(root.querySelector('.answer-text .md')).not.toBeNull());
    expectInert(root, benign, text);
    expect(root.querySelector('[data-testid=dashboard-prompt]')?.textContent).toBe(text);
    expect(root.querySelector('[data-testid=dashboard-verdict]')).not.toBeNull();
  });
});
