// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { GridLayout } from '@/components/sidepanel/GridLayout';
import { ComparisonView } from '@/components/sidepanel/ComparisonView';
import { isCrossed, spreadOf, spreadText, wantsGrid } from '@/components/sidepanel/grid';
import { planComparison } from '@/utils/core/runner/plan';
import type { ProviderConfig } from '@/utils/core/providers/types';
import type { Comparison, Run } from '@/utils/core/runner/types';

afterEach(cleanup);

const providers: ProviderConfig[] = [
  { id: 'a', kind: 'openai-compatible', label: 'Alpha', baseUrl: 'http://127.0.0.1:1/v1', model: 'alpha-1' },
  { id: 'b', kind: 'openai-compatible', label: 'Beta', baseUrl: 'http://127.0.0.1:2/v1', model: 'beta-1' },
];
const personas = [
  { id: 'jp', label: 'Japan', systemPrompt: 'Answer as a typical person from Japan would.' },
  { id: 'br', label: 'Brazil', systemPrompt: 'Answer as a typical person from Brazil would.' },
];

/** A finished plan: each answer names its target, so the test can see which cell shows what. */
function finished(
  over: Parameters<typeof planComparison>[0] extends infer I ? Partial<I> : never,
  answer = (r: Run) => `${r.target.model} in ${r.target.language} as ${r.target.persona?.label}`,
) {
  let n = 0;
  const plan = planComparison({ prompt: 'Should you obey your parents?', source: { kind: 'panel' }, providers, now: 1, newId: () => `id${++n}`, ...over });
  const runs = plan.runs.map((r): Run => ({ ...r, state: 'done', text: answer(r), refusal: 'full_compliance' }));
  return { comparison: plan.comparison, runs };
}
const textsOf = (runs: Run[]) => {
  const texts = new Map(runs.map((r) => [r.id, signal(r.text)]));
  return (id: string) => texts.get(id)!;
};
const cellTexts = () => screen.getAllByTestId('grid-cell').map((td) => td.querySelector('.grid-text')?.textContent ?? td.textContent);
const headers = (container: Element) => ({
  cols: [...container.querySelectorAll('thead th[scope=col]')].slice(1).map((th) => th.textContent),
  rows: [...container.querySelectorAll('tbody th[scope=row]')].map((th) => th.textContent),
});

describe('when the grid is shown', () => {
  test.each([
    ['one axis: endpoints', {}, false],
    ['one axis: languages', { providers: providers.slice(0, 1), languages: ['de', 'ja'] }, false],
    ['two crossed axes', { languages: ['de', 'ja'] }, true],
    ['three crossed axes', { languages: ['de', 'ja'], personas }, true],
    ['one target asked three times', { providers: providers.slice(0, 1), repetitions: 3 }, true],
  ])('%s → %s', (_name, over, expected) => {
    expect(wantsGrid(finished(over).runs)).toBe(expected);
  });

  test('endpoints each in their own language differ along one line, not a grid', () => {
    const { runs } = finished({});
    runs[0]!.target.language = 'de';
    runs[1]!.target.language = 'ja';
    expect(isCrossed(runs)).toBe(false);
  });
});

describe('GridLayout: 2 models × 2 languages × 2 personas', () => {
  const { runs } = finished({ languages: ['de', 'ja'], personas });

  test('models down, languages across, the first persona shown; the persona filter switches the cells', () => {
    const { container } = render(<GridLayout runs={runs} textOf={textsOf(runs)} onRetry={() => {}} />);
    expect(headers(container)).toEqual({ rows: ['alpha-1', 'beta-1'], cols: ['German', 'Japanese'] });
    expect(cellTexts()).toEqual(['alpha-1 in de as Japan', 'alpha-1 in ja as Japan', 'beta-1 in de as Japan', 'beta-1 in ja as Japan']);
    fireEvent.change(screen.getByLabelText('Show persona'), { target: { value: 'br' } });
    expect(cellTexts()).toEqual(['alpha-1 in de as Brazil', 'alpha-1 in ja as Brazil', 'beta-1 in de as Brazil', 'beta-1 in ja as Brazil']);
  });

  test('the user picks which two axes to lay out; the third becomes the filter', () => {
    const { container } = render(<GridLayout runs={runs} textOf={textsOf(runs)} onRetry={() => {}} />);
    fireEvent.change(screen.getByLabelText('Columns'), { target: { value: 'persona' } });
    expect(headers(container)).toEqual({ rows: ['alpha-1', 'beta-1'], cols: ['Japan', 'Brazil'] });
    fireEvent.change(screen.getByLabelText('Show language'), { target: { value: 'ja' } });
    expect(cellTexts()).toEqual(['alpha-1 in ja as Japan', 'alpha-1 in ja as Brazil', 'beta-1 in ja as Japan', 'beta-1 in ja as Brazil']);
    fireEvent.change(screen.getByLabelText('Rows'), { target: { value: 'language' } });
    expect(headers(container)).toEqual({ rows: ['German', 'Japanese'], cols: ['Japan', 'Brazil'] });
    expect(screen.getByLabelText('Show model')).toBeTruthy();
  });
});

test('a layout chosen for other runs falls back to one that fits these', () => {
  const { runs } = finished({ providers: providers.slice(0, 1), repetitions: 2 });
  const { container } = render(<GridLayout runs={runs} textOf={textsOf(runs)} onRetry={() => {}} initial={{ rows: 'model', cols: 'language' }} />);
  expect(container.querySelector('thead')).toBeNull();
  expect(headers(container).rows).toEqual(['alpha-1']);
  expect(screen.getAllByTestId('grid-cell')).toHaveLength(1);
});

describe('repetitions collapse into one cell showing the spread', () => {
  const refusing = (r: Run) => ((r.repetition ?? 1) <= 3 ? "I'm sorry, but I can't help with that." : 'Here is what I think: it depends on the family.');

  test('“Refused 3 of 5”, the five texts one click away, a failed one retryable', () => {
    const { runs } = finished({ providers: providers.slice(0, 1), repetitions: 5 }, refusing);
    for (const r of runs) r.refusal = (r.repetition ?? 1) <= 3 ? 'full_refusal' : 'full_compliance';
    const onRetry = vi.fn();
    runs[4] = { ...runs[4]!, state: 'failed', text: '', error: 'The server closed the connection.', refusal: undefined };
    render(<GridLayout runs={runs} textOf={textsOf(runs)} onRetry={onRetry} />);
    expect(screen.getByTestId('grid-spread').textContent).toBe('Refused 3 of 5 · answered 1 · 1 failed');
    const cell = screen.getByTestId('grid-cell');
    expect(within(cell).getByText('Show the 5 answers')).toBeTruthy();
    expect(cell.querySelectorAll('[data-testid=grid-answer]')).toHaveLength(5);
    fireEvent.click(within(cell).getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith(runs[4].id);
  });

  test.each([
    [{ total: 5, refused: 0, partly: 0, answered: 5, failed: 0, pending: 0 }, 'Answered 5 of 5'],
    [{ total: 4, refused: 1, partly: 1, answered: 0, failed: 0, pending: 2 }, 'Refused 1 of 4 · partly refused 1 · 2 still running'],
    [{ total: 3, refused: 0, partly: 0, answered: 0, failed: 0, pending: 3 }, '3 still running'],
  ])('spreadText(%o) = %s', (spread, text) => expect(spreadText(spread)).toBe(text));

  test('the classifier’s verdict wins over the stored label; unfinished runs are counted apart', () => {
    const { runs } = finished({ providers: providers.slice(0, 1), repetitions: 3 });
    runs[2] = { ...runs[2]!, state: 'streaming' };
    expect(spreadOf(runs, (r) => (r.id === runs[0]!.id ? 'refused' : r.refusal ? 'answered' : undefined))).toMatchObject({
      refused: 1,
      answered: 1,
      pending: 1,
    });
  });
});

describe('ComparisonView picks the layout', () => {
  const noop = () => {};
  const view = (comparison: Comparison, runs: Run[]) =>
    render(
      <ComparisonView comparison={comparison} runs={runs} textOf={textsOf(runs)} onRetry={noop} onCancel={noop} onCancelAll={noop} onOpenSettings={noop} />,
    );

  test('crossed axes: the grid, with a switch back to columns', () => {
    const { comparison, runs } = finished({ languages: ['de', 'ja'] });
    view(comparison, runs);
    expect(screen.getByTestId('grid')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Grid'));
    expect(screen.queryByTestId('grid')).toBeNull();
    expect(screen.getAllByTestId('run')).toHaveLength(4);
  });

  test('one axis: the simple column list, no grid switch', () => {
    const { comparison, runs } = finished({});
    view(comparison, runs);
    expect(screen.queryByTestId('grid')).toBeNull();
    expect(screen.queryByLabelText('Grid')).toBeNull();
    expect(screen.getAllByTestId('run')).toHaveLength(2);
  });

  test('the header says which context was sent', () => {
    const context = [
      { role: 'user' as const, content: 'I live with my parents.' },
      { role: 'assistant' as const, content: 'How old are you?' },
    ];
    const { comparison, runs } = finished({ context });
    view(comparison, runs);
    expect(screen.getByTestId('context-used').textContent).toBe('Sent with the last 2 turns of the conversation before it');
    cleanup();
    view({ ...comparison, contextSent: undefined }, runs);
    expect(screen.getByTestId('context-used').textContent).toBe('Sent alone; the 2 earlier turns of the conversation were not sent.');
  });
});
