// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { ComparisonView } from '@/components/sidepanel/ComparisonView';
import { preloadMarkdown } from '@/components/shared/Markdown';
import type { Comparison, Run } from '@/utils/core/runner/types';

beforeAll(async () => {
  await preloadMarkdown();
});
afterEach(cleanup);

const comparison: Comparison = { id: 'c', createdAt: Date.now(), prompt: 'Is coffee healthy?', source: { kind: 'panel' }, language: 'en' };
const run = (id: string, position: number, text: string, over: Partial<Run> = {}, language: string | null = null): Run => ({
  id,
  comparisonId: 'c',
  position,
  target: { providerId: id, providerKind: 'openai-compatible', providerLabel: `Model ${id}`, baseUrl: '', model: `m-${id}`, language },
  state: 'done',
  text,
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

function show(runs: Run[], baseline: string) {
  const texts = new Map(runs.map((r) => [r.id, signal(r.text)]));
  const handlers = { onRetry: vi.fn(), onCancel: vi.fn(), onCancelAll: vi.fn(), onOpenSettings: vi.fn() };
  render(<ComparisonView comparison={comparison} runs={runs} textOf={(id) => texts.get(id)!} {...handlers} />);
  fireEvent.change(screen.getByLabelText('Show differences from'), { target: { value: baseline } });
  return (name: string) => screen.getAllByTestId('run').find((el) => el.getAttribute('aria-label') === name)!;
}

describe('word diff against a baseline', () => {
  test('an unrelated answer is not a tangle of strike-throughs: it says so and shows the answer', () => {
    const column = show(
      [
        run('a', 0, 'Coffee is healthy in moderation for most adults, with up to four cups a day.'),
        run('b', 1, 'Paris is the capital of France and has been for centuries.'),
        run('c', 2, 'Coffee is healthy in moderation for most adults.'),
      ],
      'a',
    );
    const b = column('m-b · English');
    expect(within(b).getByTestId('diff-too-different').textContent).toMatch(
      /^Too different from m-a · English for a word diff: \d+ % of the words are shared\. Shown as written\.$/,
    );
    expect(b.querySelectorAll('del, ins')).toHaveLength(0);
    expect(within(b).getByTestId('run-text').textContent).toContain('Paris is the capital of France and has been for centuries.');
    // A related answer is still marked word by word.
    const c = column('m-c · English');
    expect(within(c).queryByTestId('diff-too-different')).toBeNull();
    expect([...c.querySelectorAll('del')].map((e) => e.textContent?.trim())).toEqual([', with up to four cups a day']);
  });

  test('translated answers are diffed in the reading language: back-translation against back-translation', () => {
    const back = (text: string, from: string) => ({
      backTranslation: { language: 'en', from, text, engine: 'chrome' },
      answerLanguage: { code: from, confidence: 0.99 },
    });
    const column = show(
      [
        run('de', 0, 'Kaffee ist in Maßen für die meisten Erwachsenen gesund.', back('Coffee is healthy in moderation for most adults.', 'de'), 'de'),
        run('ja', 1, 'コーヒーは適量なら多くの大人にとって健康的です。', back('Coffee is healthy in moderation for many adults.', 'ja'), 'ja'),
      ],
      'de',
    );
    const ja = column('m-ja · Japanese');
    expect(within(ja).getByTestId('run-back-text').querySelectorAll('ins').length).toBe(1);
    expect(within(ja).getByTestId('run-back-text').querySelector('ins')!.textContent?.trim()).toBe('many');
    expect(within(ja).getByTestId('run-back-text').querySelector('del')!.textContent?.trim()).toBe('most');
    // Switched to the original Japanese, it is compared with the German original: nothing in common, said so.
    fireEvent.click(within(ja).getByRole('button', { name: 'Show original' }));
    expect(within(ja).getByTestId('diff-too-different').textContent).toContain('Too different from m-de · German');
  });
});
