// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { App } from '@/entrypoints/dashboard/App';
import { createDashboardState, DashboardStateContext, type DashboardState } from '@/entrypoints/dashboard/state';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { run } from './fixtures';

let db: ParallaxDB;

beforeEach(() => {
  db = new ParallaxDB(`dashboard-app-${Math.random()}`);
  history.replaceState(null, '', '#');
  localStorage.clear();
  document.documentElement.className = '';
  delete document.documentElement.dataset.theme;
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

async function seed() {
  const comparison = (id: string, createdAt: number, prompt: string, batchId?: string) => ({
    id,
    createdAt,
    prompt,
    source: { kind: 'panel' as const },
    ...(batchId ? { batchId } : {}),
  });
  await db.comparisons.bulkAdd([comparison('old', 1_000, 'Is tea better than coffee?'), comparison('new', 2_000, 'Should homework be banned?', 'probe-1')]);
  await db.runs.bulkAdd([run('old', 0, 'alpha', null, 'Tea, mostly.'), run('new', 0, 'alpha', 'fr', 'Non.'), run('new', 1, 'beta', 'fr', 'Oui.')]);
}

function mount(onOpenSettings = vi.fn()): { state: DashboardState; onOpenSettings: typeof onOpenSettings } {
  const state = createDashboardState(db);
  render(
    <DashboardStateContext.Provider value={state}>
      <App onOpenSettings={onOpenSettings} />
    </DashboardStateContext.Provider>,
  );
  return { state, onOpenSettings };
}

describe('dashboard page', () => {
  test('with no history it explains how to start and links to the settings', async () => {
    const { onOpenSettings } = mount();
    await screen.findByRole('heading', { name: 'No comparisons yet' });
    expect(screen.getByText(/Set up at least one model/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenSettings).toHaveBeenCalled();
  });

  test('shows the newest comparison first; #comparison=<id> and the picker choose another', async () => {
    await seed();
    const { state } = mount();
    await waitFor(() => expect(screen.getByTestId('dashboard-prompt').textContent).toBe('Should homework be banned?'));
    expect(screen.getAllByTestId('answer')).toHaveLength(2);

    fireEvent.change(screen.getByRole('combobox', { name: 'Comparison' }), { target: { value: 'old' } });
    await waitFor(() => expect(screen.getByTestId('dashboard-prompt').textContent).toBe('Is tea better than coffee?'));
    expect(location.hash).toBe('#comparison=old');

    history.replaceState(null, '', '#comparison=new');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(state.route.value).toEqual({ view: 'comparison', id: 'new' }));
    await waitFor(() => expect(screen.getByTestId('dashboard-prompt').textContent).toBe('Should homework be banned?'));
  });

  test('an address that names a missing comparison says it is not found', async () => {
    await seed();
    history.replaceState(null, '', '#comparison=deleted-one');
    mount();
    await screen.findByRole('heading', { name: 'Comparison not found' });
  });

  test('the batch view sums up the stored comparisons and narrows to a batch', async () => {
    await seed();
    mount();
    await screen.findByTestId('dashboard-prompt');
    fireEvent.click(screen.getByRole('button', { name: 'Batch summary' }));
    expect(location.hash).toBe('#batch');
    await waitFor(() => expect(screen.getByTestId('batch-totals').textContent).toBe('2 comparisons · 3 answers of 3 runs · 2 languages · 2 models'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Probe set or batch' }), { target: { value: 'probe-1' } });
    expect(location.hash).toBe('#batch=probe-1');
    await waitFor(() => expect(screen.getByTestId('batch-totals').textContent).toBe('1 comparison · 2 answers of 2 runs · 1 language · 2 models'));
    expect(screen.getByRole('button', { name: 'Batch summary' }).getAttribute('aria-current')).toBe('page');
  });

  test('projector mode and theme apply to the page and are remembered', async () => {
    const { state } = mount();
    await screen.findByRole('heading', { name: 'No comparisons yet' });
    const projector = screen.getByRole('button', { name: 'Projector' });
    expect(projector.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(projector);
    expect(projector.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.classList.contains('projector')).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(JSON.parse(localStorage.getItem('parallax.dashboard.appearance')!)).toEqual({ theme: 'dark', projector: true });
    expect(state.appearance.value).toEqual({ theme: 'dark', projector: true });
    // A new page starts with what was chosen.
    cleanup();
    mount();
    expect(screen.getByRole('button', { name: 'Projector' }).getAttribute('aria-pressed')).toBe('true');
  });

  test('survey results load into the batch view; a broken file is reported', async () => {
    const { state } = mount();
    state.loadSurveys('not json');
    expect(state.surveyError.value).toMatch(/^Could not read survey results/);
    state.loadSurveys(JSON.stringify([{ label: 'alpha · en', indices: { PDI: { mean: 40, low: 30, high: 50, n: 5 } } }]));
    expect(state.surveyError.value).toBeNull();
    state.navigate({ view: 'batch', batchId: null });
    await screen.findByTestId('figure-survey-radar');
  });
});
