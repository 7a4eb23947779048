// @vitest-environment happy-dom
import { effect, signal } from '@preact/signals';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createHistoryState } from '@/entrypoints/sidepanel/history-state';
import { firstWindow } from '@/components/sidepanel/HistoryList';
import { saveComparison } from '@/utils/platform/db/comparisons';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { planComparison } from '@/utils/core/runner/plan';

/** Each test's history state, closed after it (its live queries must not outlive the page). */
const opened: { value: boolean }[] = [];
afterEach(() => {
  for (const active of opened.splice(0)) active.value = false;
});
function openHistory(db: ParallaxDB, fail: (err: unknown) => void = vi.fn(), startActive = true) {
  const active = signal(startActive);
  opened.push(active);
  return { active, history: createHistoryState(db, () => active.value, fail) };
}

async function dbWith(count: number) {
  const db = new ParallaxDB(`history-state-${Math.random()}`);
  const providers = [{ id: 'a', kind: 'openai-compatible' as const, label: 'Ollama', baseUrl: 'http://x/v1', model: 'llama3.2' }];
  for (let i = 0; i < count; i++) {
    const p = planComparison({ prompt: `Question ${i}`, source: { kind: 'panel' }, providers, now: 1000 + i, newId: () => `c${i}-${Math.random().toString(36).slice(2)}` });
    await saveComparison(db, p.comparison, p.runs);
  }
  return db;
}

describe('history opening', () => {
  test('the newest screenful shows with its rows first, counted as pending; then every comparison', async () => {
    const db = await dbWith(firstWindow() + 15);
    const fail = vi.fn();
    const { active, history } = openHistory(db, fail, false);
    const seen: { ids: number; counting: boolean; rowsLoaded: number }[] = [];
    effect(() => {
      const ids = history.ids.value;
      if (ids) seen.push({ ids: ids.length, counting: history.counting.value, rowsLoaded: ids.filter((id) => history.rows.value.has(id)).length });
    });
    active.value = true;
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ ids: firstWindow() + 15, counting: false, rowsLoaded: firstWindow() }));
    expect(seen[0]).toMatchObject({ ids: firstWindow(), counting: true });
    // The rows of the first screen were read before the whole list (the list arrived with them already there).
    expect(seen.find((s) => !s.counting)?.rowsLoaded).toBe(firstWindow());
    const first = history.rows.value.get(history.ids.value![0]!)!;
    expect(first.comparison.prompt).toBe(`Question ${firstWindow() + 14}`);
    expect(first.runs).toHaveLength(1);
    expect(fail).not.toHaveBeenCalled();
  });

  test('an empty history says so at once and still sees the first comparison arrive', async () => {
    const db = await dbWith(0);
    const { history } = openHistory(db);
    await vi.waitFor(() => expect(history.ids.value).toEqual([]));
    const p = planComparison({ prompt: 'First', source: { kind: 'panel' }, providers: [{ id: 'a', kind: 'openai-compatible', label: 'A', baseUrl: 'http://x/v1', model: 'm' }], now: 5, newId: () => `n${Math.random()}` });
    await saveComparison(db, p.comparison, p.runs);
    await vi.waitFor(() => expect(history.ids.value).toEqual([p.comparison.id]));
    expect(history.counting.value).toBe(false);
  });

  test('an import shows its progress while it writes, then the report; nothing stays busy', async () => {
    const source = await dbWith(1200);
    const { exportComparisons } = await import('@/utils/platform/db/transfer');
    const { toJsonExport } = await import('@/utils/core/history/formats');
    const file = toJsonExport(await exportComparisons(source));
    const { history } = openHistory(await dbWith(0));
    const seen: (string | null)[] = [];
    effect(() => void seen.push(history.busy.value ? `${history.busy.value.action} ${history.busy.value.done ?? '-'}/${history.busy.value.total ?? '-'}` : null));
    await history.importFile(file);
    expect(seen).toContain('import -/-');
    expect(seen).toContain('import 1200/1200');
    expect(seen.filter((s) => s?.startsWith('import ') && s !== 'import -/-').length).toBeGreaterThan(2);
    expect(history.busy.value).toBeNull();
    expect(history.importReport.value).toMatchObject({ added: 1200, duplicates: 0 });
  });

  test('a failed import clears the progress and keeps no report', async () => {
    const { history } = openHistory(await dbWith(0));
    await expect(history.importFile('{"format":"nope"}')).rejects.toThrow('not a Parallax export');
    expect(history.busy.value).toBeNull();
    expect(history.importReport.value).toBeNull();
  });
});
