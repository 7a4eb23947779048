// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { ComparisonView } from '@/components/sidepanel/ComparisonView';
import { preloadMarkdown } from '@/components/shared/Markdown';
import type { Comparison, Run } from '@/utils/core/runner/types';

beforeAll(async () => {
  await preloadMarkdown();
});
afterEach(cleanup);

const comparison: Comparison = { id: 'c', createdAt: Date.now(), prompt: 'Is coffee healthy?', source: { kind: 'panel' } };
const run = (id: string, position: number, text: string, over: Partial<Run> = {}): Run => ({
  id,
  comparisonId: 'c',
  position,
  target: { providerId: id, providerKind: 'openai-compatible', providerLabel: `Model ${id}`, baseUrl: '', model: `m-${id}`, language: null },
  state: 'done',
  text,
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});
const runs = [
  run('a', 0, 'Coffee is **mostly** healthy in moderation.'),
  run('b', 1, 'Coffee is healthy in moderation for most adults.'),
  run('c', 2, '', { state: 'failed', error: 'The API key was rejected (401).' }),
];
const texts = new Map(runs.map((r) => [r.id, signal(r.text)]));

function setup() {
  const handlers = { onRetry: vi.fn(), onCancel: vi.fn(), onCancelAll: vi.fn(), onOpenSettings: vi.fn() };
  const view = render(<ComparisonView comparison={comparison} runs={runs} textOf={(id) => texts.get(id)!} {...handlers} />);
  const columns = () => [...view.container.querySelectorAll('[data-testid=run]')].map((el) => el.getAttribute('aria-label'));
  return { ...view, ...handlers, columns };
}

describe('ComparisonView', () => {
  test('one column per run, in order, markdown rendered, the failure shown with a retry', () => {
    const { container, columns, onRetry } = setup();
    expect(columns()).toEqual(['m-a', 'm-b', 'm-c']);
    expect(container.querySelector('.md strong')?.textContent).toBe('mostly');
    expect(screen.getByRole('alert').textContent).toBe('The API key was rejected (401).');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith('c');
  });

  test('pinning moves a column first; unpinning puts it back', () => {
    const { columns } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Pin m-b first' }));
    expect(columns()).toEqual(['m-b', 'm-a', 'm-c']);
    fireEvent.click(screen.getByRole('button', { name: 'Unpin m-b' }));
    expect(columns()).toEqual(['m-a', 'm-b', 'm-c']);
  });

  test('collapsing hides an answer', () => {
    const { container } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Collapse m-a' }));
    expect(container.querySelectorAll('[data-testid=run-text]')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Expand m-a' }).getAttribute('aria-expanded')).toBe('false');
  });

  test('differences from a baseline column are marked word by word', () => {
    const { container } = setup();
    fireEvent.change(screen.getByLabelText('Show differences from'), { target: { value: 'a' } });
    const b = container.querySelectorAll('[data-testid=run]')[1]!;
    expect([...b.querySelectorAll('ins')].map((e) => e.textContent?.trim())).toEqual(['for most adults']);
    expect([...b.querySelectorAll('del')].map((e) => e.textContent?.trim())).toEqual(['**mostly**']);
    expect(container.querySelector('.baseline')?.getAttribute('aria-label')).toBe('m-a');
  });

  test('plain view shows the text as written', () => {
    const { container } = setup();
    fireEvent.click(screen.getByLabelText('Formatted'));
    expect(container.querySelector('.md strong')).toBeNull();
    expect(container.querySelector('[data-testid=run-text]')?.textContent).toBe('Coffee is **mostly** healthy in moderation.');
  });
});
