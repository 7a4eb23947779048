// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComparisonView } from '@/components/sidepanel/ComparisonView';
import { preloadMarkdown } from '@/components/shared/Markdown';
import { SiteHealthNotice } from '@/components/sidepanel/SiteHealthNotice';
import { siteTarget } from '@/utils/platform/background/capture-handlers';
import { siteHealthItem } from '@/utils/platform/capture/site-health';
import type { Comparison, Run } from '@/utils/core/runner/types';

beforeAll(async () => {
  await preloadMarkdown();
});
beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const source = { kind: 'site' as const, site: 'chatgpt', siteName: 'ChatGPT', url: 'https://chatgpt.com/c/1' };
const comparison: Comparison = { id: 'c', createdAt: Date.now(), prompt: 'Is coffee healthy?', source };
const run = (id: string, position: number, over: Partial<Run>): Run => ({
  id,
  comparisonId: 'c',
  position,
  target: { providerId: id, providerKind: 'openai-compatible', providerLabel: 'Local', baseUrl: 'http://127.0.0.1:1/v1', model: 'm', language: null },
  state: 'done',
  text: `answer ${id}`,
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe("the site's own answer in the panel", () => {
  test('is the first column, labelled "On ChatGPT", and cannot be retried; the header names the site', () => {
    const runs = [
      run('model', 0, { state: 'failed', error: 'boom' }),
      run('site', -1, { target: siteTarget(source), state: 'failed', error: 'never normally' }),
    ];
    const texts = new Map(runs.map((r) => [r.id, signal(r.text)]));
    const view = render(
      <ComparisonView
        comparison={comparison}
        runs={runs.sort((a, b) => a.position - b.position)}
        textOf={(id) => texts.get(id)!}
        onRetry={vi.fn()}
        onCancel={vi.fn()}
        onCancelAll={vi.fn()}
        onOpenSettings={vi.fn()}
      />,
    );
    const columns = [...view.container.querySelectorAll('[data-testid=run]')];
    expect(columns.map((c) => c.getAttribute('aria-label'))).toEqual(['On ChatGPT', 'm']);
    expect(columns[0]!.textContent).toContain("the site's own answer");
    expect(columns.map((c) => c.querySelectorAll('button.button.small').length)).toEqual([0, 1]);
    expect(view.container.querySelector('.meta')!.textContent).toContain('ChatGPT (chatgpt.com)');
  });
});

describe('the selector health notice', () => {
  const report = { key: 'chatgpt', siteName: 'ChatGPT', url: 'https://chatgpt.com/', missing: ['composer' as const], at: 1 };

  test('says nothing while every site works', async () => {
    const view = render(<SiteHealthNotice onOpenSettings={vi.fn()} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(view.container.textContent).toBe('');
  });

  test.each([
    ['composer', 'Capture on ChatGPT needs an update: the composer was not found. Prompts there are not picked up.'],
    ['assistantTurn', "Capture on ChatGPT needs an update: the site's answers were not found. Its own answer is not added to comparisons."],
  ] as const)('a missing %s is explained in one sentence', async (group, sentence) => {
    await siteHealthItem.setValue({ chatgpt: { ...report, missing: [group] } });
    render(<SiteHealthNotice onOpenSettings={vi.fn()} />);
    expect(await screen.findByText(sentence)).toBeTruthy();
  });

  test('appears when a report arrives, opens settings, and Dismiss clears it', async () => {
    const onOpenSettings = vi.fn();
    const view = render(<SiteHealthNotice onOpenSettings={onOpenSettings} />);
    await siteHealthItem.setValue({ chatgpt: report });
    await screen.findByTestId('site-health');
    fireEvent.click(screen.getByRole('button', { name: 'Site settings' }));
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the notice about ChatGPT' }));
    await waitFor(() => expect(view.container.textContent).toBe(''));
    expect(await siteHealthItem.getValue()).toEqual({});
  });
});
