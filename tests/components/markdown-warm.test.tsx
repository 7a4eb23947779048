// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import type { Comparison, Run } from '@/utils/core/runner/types';

vi.mock('@/utils/platform/messaging/client', () => ({ send: () => Promise.reject(new Error('not in this test')) }));
afterEach(cleanup);

const comparison: Comparison = { id: 'c', createdAt: 0, prompt: 'List two fruits', source: { kind: 'panel' } };
const run = (state: Run['state'], text: string): Run => ({
  id: 'r',
  comparisonId: 'c',
  position: 0,
  target: { providerId: 'p', providerKind: 'openai-compatible', providerLabel: 'Local', baseUrl: '', model: 'm', language: null },
  state,
  text,
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
});

// This file's modules are fresh: the Markdown formatter has not been loaded by anyone yet.
test('while an answer streams, the formatter loads in idle time, so the finished answer is formatted at once', async () => {
  const { ComparisonView } = await import('@/components/sidepanel/ComparisonView');
  const text = signal('- apple\n- pear');
  const props = { comparison, textOf: () => text, onRetry: vi.fn(), onCancel: vi.fn(), onCancelAll: vi.fn(), onOpenSettings: vi.fn() };
  const view = render(<ComparisonView {...props} runs={[run('streaming', text.value)]} />);
  // Streaming text stays plain text nodes.
  expect(view.container.querySelector('[data-testid=run-text] li')).toBeNull();
  // Give the idle load its turn, then finish the answer: the very first render of it is a formatted list.
  await new Promise((resolve) => setTimeout(resolve, 400));
  view.rerender(<ComparisonView {...props} runs={[run('done', text.value)]} />);
  expect([...view.container.querySelectorAll('[data-testid=run-text] li')].map((li) => li.textContent)).toEqual(['apple', 'pear']);
});

test('without streaming first, a finished answer shows as plain text until the formatter has loaded', async () => {
  vi.resetModules();
  const { ComparisonView } = await import('@/components/sidepanel/ComparisonView');
  const text = signal('- apple\n- pear');
  const view = render(
    <ComparisonView
      comparison={comparison}
      textOf={() => text}
      runs={[run('done', text.value)]}
      onRetry={vi.fn()}
      onCancel={vi.fn()}
      onCancelAll={vi.fn()}
      onOpenSettings={vi.fn()}
    />,
  );
  expect(view.container.querySelector('[data-testid=run-text] li')).toBeNull();
  await waitFor(() => expect(view.container.querySelectorAll('[data-testid=run-text] li')).toHaveLength(2));
});
