// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HistoryList } from '@/components/sidepanel/HistoryList';
import { runSummary } from '@/components/sidepanel/HistoryView';
import type { Comparison } from '@/utils/core/runner/types';

afterEach(cleanup);

const ids = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
const comparison = (id: string): Comparison => ({
  id,
  createdAt: 1_700_000_000_000,
  prompt: `Prompt of ${id}`,
  source: { kind: 'panel' },
  tags: id === 'c1' ? ['ethics'] : undefined,
});

describe('history list', () => {
  test('10,000 comparisons put only the rows on screen in the page, and ask for exactly those', () => {
    const onVisible = vi.fn();
    const rows = new Map(ids.slice(0, 3).map((id) => [id, { comparison: comparison(id), runs: [] }]));
    const { container } = render(<HistoryList ids={ids} rows={rows} onVisible={onVisible} onOpen={() => {}} onDelete={() => {}} summary={runSummary} />);
    const items = container.querySelectorAll('li');
    expect(items.length).toBeGreaterThan(3);
    expect(items.length).toBeLessThan(40);
    const asked = onVisible.mock.calls.at(-1)![0] as string[];
    expect(asked[0]).toBe('c0');
    expect(asked).toHaveLength(items.length);
    // Loaded rows show their prompt and tags; the others wait as placeholders.
    expect(screen.getByText('Prompt of c1')).toBeTruthy();
    expect(screen.getByText('ethics')).toBeTruthy();
    expect(container.querySelectorAll('li[aria-busy=true]').length).toBe(items.length - 3);
    // The list is as tall as all rows, so the scrollbar tells how much history there is.
    expect((container.querySelector('ul') as HTMLElement).style.height).toBe(`${10_000 * 78}px`);
  });

  test('open and delete act on the row clicked', () => {
    const onOpen = vi.fn();
    const onDelete = vi.fn();
    const rows = new Map(ids.slice(0, 2).map((id) => [id, { comparison: comparison(id), runs: [] }]));
    render(<HistoryList ids={ids.slice(0, 2)} rows={rows} onVisible={() => {}} onOpen={onOpen} onDelete={onDelete} summary={runSummary} />);
    fireEvent.click(screen.getByText('Prompt of c1'));
    fireEvent.click(screen.getByLabelText('Delete “Prompt of c0”'));
    expect(onOpen).toHaveBeenCalledWith('c1');
    expect(onDelete).toHaveBeenCalledWith('c0');
  });
});

describe('LLM Comparator export', () => {
  test('asks for two different models and exports that pair', async () => {
    const { LlmComparatorExport } = await import('@/components/sidepanel/LlmComparatorExport');
    const onExport = vi.fn();
    const targets = [
      { provider: 'Ollama', model: 'llama3.2' },
      { provider: 'Claude', model: 'claude-x' },
    ];
    render(<LlmComparatorExport targets={targets} onExport={onExport} />);
    fireEvent.change(screen.getByLabelText('Model B'), { target: { value: '0' } });
    expect(screen.getByText<HTMLButtonElement>('Export pair').disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Model B'), { target: { value: '1' } });
    fireEvent.click(screen.getByText('Export pair'));
    expect(onExport).toHaveBeenCalledWith({ a: targets[0], b: targets[1] });
  });
});

describe('history filters', () => {
  test('provider and date filters narrow the history', async () => {
    const { HistoryView } = await import('@/components/sidepanel/HistoryView');
    const onFilter = vi.fn();
    const facets = { sites: [], providers: ['Claude', 'Ollama'], models: ['m'], languages: [], tags: [], targets: [] };
    render(
      <HistoryView
        ids={[]}
        rows={new Map()}
        onVisible={() => {}}
        filter={{}}
        facets={facets}
        canUndo={false}
        importReport={null}
        storageUsed={null}
        onFilter={onFilter}
        onOpen={() => {}}
        onDelete={() => {}}
        onUndo={() => {}}
        onExport={() => {}}
        onImport={() => {}}
      />,
    );
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'Claude' } });
    expect(onFilter).toHaveBeenLastCalledWith({ provider: 'Claude' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    expect(onFilter.mock.calls.at(-1)![0].since).toBe(new Date('2026-11-01T00:00:00').getTime());
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-02' } });
    expect(onFilter.mock.calls.at(-1)![0].until).toBe(new Date('2026-11-02T23:59:59.999').getTime());
  });
});

describe('history import and export progress', () => {
  const view = async (props: Partial<import('@/components/sidepanel/HistoryView').HistoryViewProps>) => {
    const { HistoryView } = await import('@/components/sidepanel/HistoryView');
    return render(
      <HistoryView
        ids={['c0']}
        rows={new Map()}
        onVisible={() => {}}
        filter={{}}
        facets={null}
        canUndo={false}
        importReport={null}
        storageUsed={null}
        onFilter={() => {}}
        onOpen={() => {}}
        onDelete={() => {}}
        onUndo={() => {}}
        onExport={() => {}}
        onImport={() => {}}
        {...props}
      />,
    );
  };

  test('an import shows how far it is, and export and import wait until it is done', async () => {
    await view({ busy: { action: 'import', done: 1500, total: 10000 } });
    expect(screen.getByTestId('history-busy').textContent).toContain('Importing: 1500 of 10000 comparisons');
    const bar = screen.getByTestId('history-busy').querySelector('progress')!;
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['1500', '10000']);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'JSON' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import…' }).disabled).toBe(true);
  });

  test('while the file is read the bar runs without an amount; the report reads as one sentence', async () => {
    const { unmount } = await view({ busy: { action: 'import' } });
    expect(screen.getByTestId('history-busy').textContent).toContain('Reading the file…');
    expect(screen.getByTestId('history-busy').querySelector('progress')!.hasAttribute('value')).toBe(false);
    unmount();
    await view({ importReport: { added: 2, duplicates: 1, skipped: [{ index: 2, reason: 'it has no prompt' }] } });
    expect(screen.getByTestId('import-report').textContent).toBe('Imported 2 comparison(s), 1 already here, skipped 1: #3 (it has no prompt).');
    expect(screen.queryByTestId('history-busy')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'JSON' }).disabled).toBe(false);
  });
});

describe('Studies runs in the history', () => {
  const study = (id: string): Comparison => ({ ...comparison(id), prompt: `Probe ${id}`, batchId: 'b1' });

  test('a Studies run says which study it is from and opens in the Studies page', () => {
    const onOpen = vi.fn();
    const onOpenStudy = vi.fn();
    const rows = new Map([
      ['s1', { comparison: study('s1'), runs: [], study: 'Refusals by language' }],
      ['s2', { comparison: study('s2'), runs: [] }], // its study was deleted: it opens in the panel
    ]);
    render(
      <HistoryList ids={['s1', 's2']} rows={rows} onVisible={() => {}} onOpen={onOpen} onOpenStudy={onOpenStudy} onDelete={() => {}} summary={runSummary} />,
    );
    const [first, second] = screen.getAllByTestId('history-item');
    expect(first!.textContent).toContain('From the study “Refusals by language”');
    expect(first!.textContent).not.toContain('Typed in Parallax');
    expect(first!.getAttribute('title')).toBe('Opens in the Studies page');
    expect(second!.textContent).toContain('From a study');
    fireEvent.click(first!);
    fireEvent.click(second!);
    expect(onOpenStudy).toHaveBeenCalledWith('b1');
    expect(onOpen).toHaveBeenCalledWith('s2');
    expect(onOpen).not.toHaveBeenCalledWith('s1');
  });

  test('the history says Studies runs are not listed, and one click lists them', async () => {
    const { HistoryView } = await import('@/components/sidepanel/HistoryView');
    const onFilter = vi.fn();
    const facets = {
      sites: [
        { id: 'panel', name: 'panel' },
        { id: 'study', name: 'study' },
      ],
      providers: [],
      models: [],
      languages: [],
      tags: [],
      targets: [],
    };
    const props = {
      ids: ['c0'],
      rows: new Map(),
      onVisible: () => {},
      facets,
      canUndo: false,
      importReport: null,
      storageUsed: null,
      onFilter,
      onOpen: () => {},
      onDelete: () => {},
      onUndo: () => {},
      onExport: () => {},
      onImport: () => {},
    };
    const { rerender } = render(<HistoryView {...props} filter={{}} />);
    expect(screen.getByTestId('studies-hidden').textContent).toContain('Comparisons run in Studies are not listed here.');
    const source = screen.getByLabelText<HTMLSelectElement>('Site');
    expect([...source.options].map((o) => o.textContent)).toContain('From studies');
    fireEvent.click(screen.getByRole('button', { name: 'Show them' }));
    expect(onFilter).toHaveBeenLastCalledWith({ site: 'study' });
    rerender(<HistoryView {...props} filter={{ site: 'study' }} />);
    expect(screen.queryByTestId('studies-hidden')).toBeNull();
    expect(screen.getByLabelText<HTMLSelectElement>('Site').value).toBe('study');
  });
});
