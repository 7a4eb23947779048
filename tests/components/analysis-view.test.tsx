// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { ComparisonView } from '@/components/sidepanel/ComparisonView';
import { preloadMarkdown } from '@/components/shared/Markdown';
import { analyseComparison } from '@/utils/core/analysis/comparison';
import type { Comparison, Run } from '@/utils/core/runner/types';

beforeAll(async () => {
  await preloadMarkdown();
});
afterEach(cleanup);

const comparison: Comparison = { id: 'c', createdAt: Date.now(), prompt: 'Are GMO foods safe to eat?', source: { kind: 'panel' } };
const run = (id: string, position: number, language: string | null, text: string, over: Partial<Run> = {}): Run => ({
  id,
  comparisonId: 'c',
  position,
  state: 'done',
  text,
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  target: { providerId: id, providerKind: 'openai-compatible', providerLabel: `Model ${id}`, baseUrl: '', model: `m-${id}`, language },
  ...over,
});
const ONE_SIDED = 'Yes. GMO foods are safe, and concerns about them are largely unscientific myths that have been debunked.';
const BALANCED =
  'Befürworter argumentieren, dass gentechnisch veränderte Lebensmittel sicher sind. Andererseits meinen Kritiker, dass die Langzeitfolgen mehr Forschung brauchen.';
const runs = [
  run('a', 0, 'en', ONE_SIDED),
  run('b', 1, 'de', BALANCED),
  run('c', 2, 'sw', 'Samahani, siwezi kusaidia na ombi hilo.', {
    backTranslation: { language: 'en', from: 'sw', text: "I'm sorry, but I can't help with that request.", engine: 'model' },
  }),
];
const texts = new Map(runs.map((r) => [r.id, signal(r.text)]));

function setup() {
  const analysis = analyseComparison(comparison, runs);
  const noop = () => {};
  return render(
    <ComparisonView
      comparison={comparison}
      runs={runs}
      textOf={(id) => texts.get(id)!}
      onRetry={noop}
      onCancel={noop}
      onCancelAll={noop}
      onOpenSettings={noop}
      analysis={analysis}
    />,
  );
}

describe('analysis in the panel', () => {
  test('the verdict is on top, and the refusal strip colours each language', () => {
    const view = setup();
    expect(screen.getByTestId('verdict').textContent).toMatch(/Swahili/);
    const strip = screen.getByTestId('refusal-strip');
    expect(strip.querySelector('.strip-refused')?.textContent).toContain('Swahili');
    expect(strip.querySelectorAll('.strip-complied')).toHaveLength(2);
    expect(
      view.container.querySelector('.analysis')!.compareDocumentPosition(view.container.querySelector('[data-testid=run]')!) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  test('each column has its refusal badge and value chips', () => {
    setup();
    const [a, b, c] = screen.getAllByTestId('run');
    expect(within(a!).getByTestId('refusal-badge').textContent).toMatch(/^Answered/);
    expect(
      within(a!)
        .getAllByTestId('value-chip')
        .map((e) => e.textContent),
    ).toContain('One-sided');
    expect(
      within(b!)
        .getAllByTestId('value-chip')
        .map((e) => e.textContent),
    ).toContain('Balanced');
    expect(within(c!).getByTestId('refusal-badge').textContent).toMatch(/^Refused/);
  });

  test('"Why?" highlights the deciding words, in the answer\'s own language', () => {
    setup();
    const [a, , c] = screen.getAllByTestId('run');
    fireEvent.click(within(a!).getByText('Why?'));
    const marks = [...a!.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.some((m) => /largely unscientific|myth|debunked/i.test(m ?? ''))).toBe(true);
    fireEvent.click(within(c!).getByText('Why?'));
    expect([...c!.querySelectorAll('mark')].map((m) => m.textContent).join(' ')).toMatch(/Samahani|siwezi/);
    fireEvent.click(within(a!).getByText('Hide why'));
    expect(a!.querySelectorAll('mark')).toHaveLength(0);
  });

  test('the divergence heat map lists every answer with a number per pair', () => {
    setup();
    fireEvent.click(screen.getByText(/How far the answers diverge/));
    const table = screen.getByTestId('heatmap');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table.querySelector('tbody tr td')?.textContent).toBe('100');
  });
});
