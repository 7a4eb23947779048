// @vitest-environment happy-dom
import { effect, signal } from '@preact/signals';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createHistoryState } from '@/entrypoints/sidepanel/history-state';
import { firstWindow } from '@/components/sidepanel/HistoryList';
import { saveComparison } from '@/utils/platform/db/comparisons';
import { ParallaxDB } from '@/utils/platform/db/schema';
import { planComparison } from '@/utils/core/runner/plan';
import { importBlob } from '@/utils/platform/db/import-write';
import { buildExportFile } from '@/utils/platform/db/export-file';
import { exportComparisons } from '@/utils/platform/db/export-read';
import { toJsonExport } from '@/utils/core/history/formats';
import { MAX_IMPORT_BYTES } from '@/utils/core/history/import';
import { importThroughRunner } from '@/utils/platform/messaging/history-import';
import { serveHistoryImport } from '@/utils/platform/runner-host/import-service';
import type { HistoryTransfers } from '@/entrypoints/sidepanel/transfer-clients';
// Files as a channel carries them between extension pages (happy-dom's own Blob cannot be cloned by Node).
import { Blob as ClonableBlob } from 'node:buffer';

const fileOf = (text: string) => new ClonableBlob([text], { type: 'application/json' }) as unknown as Blob;

/** Each test's history state, closed after it (its live queries must not outlive the page). */
const opened: { value: boolean }[] = [];
afterEach(() => {
  for (const active of opened.splice(0)) active.value = false;
});

/**
 * The runner host, in-process: it takes imports from the import channel and writes them (the extension's host does
 * it in a worker) into the database of the test under way. One for the whole file: Node 20 refuses to post a Blob
 * on a channel name again once a receiver of one has closed.
 */
let hostDb: ParallaxDB | undefined;
serveHistoryImport((file, onProgress) => importBlob(hostDb!, file, onProgress));

/** The panel's transfers as in the extension: imports through the host, exports built from reads of `db`. */
function transfersFor(db: ParallaxDB, ensure = vi.fn(async () => undefined)): HistoryTransfers {
  return {
    importFile: (file, onProgress) => ((hostDb = db), importThroughRunner(file, onProgress, { ensure })),
    exportFile: (request) => buildExportFile(db, request),
  };
}

function openHistory(db: ParallaxDB, fail: (err: unknown) => void = vi.fn(), startActive = true, transfers = transfersFor(db)) {
  const active = signal(startActive);
  opened.push(active);
  return { active, history: createHistoryState(db, () => active.value, fail, transfers) };
}

async function dbWith(count: number) {
  const db = new ParallaxDB(`history-state-${Math.random()}`);
  const providers = [{ id: 'a', kind: 'openai-compatible' as const, label: 'Ollama', baseUrl: 'http://x/v1', model: 'llama3.2' }];
  for (let i = 0; i < count; i++) {
    const p = planComparison({
      prompt: `Question ${i}`,
      source: { kind: 'panel' },
      providers,
      now: 1000 + i,
      newId: () => `c${i}-${Math.random().toString(36).slice(2)}`,
    });
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
    const p = planComparison({
      prompt: 'First',
      source: { kind: 'panel' },
      providers: [{ id: 'a', kind: 'openai-compatible', label: 'A', baseUrl: 'http://x/v1', model: 'm' }],
      now: 5,
      newId: () => `n${Math.random()}`,
    });
    await saveComparison(db, p.comparison, p.runs);
    await vi.waitFor(() => expect(history.ids.value).toEqual([p.comparison.id]));
    expect(history.counting.value).toBe(false);
  });

  test('an import is written by the runner host: progress while it writes, then the report and the rows; nothing stays busy', async () => {
    const source = await dbWith(1200);
    const file = fileOf(toJsonExport(await exportComparisons(source)));
    const { history } = openHistory(await dbWith(0));
    const seen: (string | null)[] = [];
    effect(
      () => void seen.push(history.busy.value ? `${history.busy.value.action} ${history.busy.value.done ?? '-'}/${history.busy.value.total ?? '-'}` : null),
    );
    await history.importFile(file);
    expect(seen[1]).toBe('import -/-'); // "Reading the file…" until the host knows how many there are
    expect(seen).toContain('import 0/1200');
    expect(seen).toContain('import 1200/1200');
    expect(seen.filter((s) => s?.startsWith('import ') && s !== 'import -/-').length).toBeGreaterThan(2);
    expect(history.busy.value).toBeNull();
    expect(history.importReport.value).toMatchObject({ added: 1200, duplicates: 0, skipped: [] });
    await vi.waitFor(() => expect(history.ids.value).toHaveLength(1200));
  });

  test('a failed import says why, clears the progress and keeps no report', async () => {
    const { history } = openHistory(await dbWith(0));
    await expect(history.importFile(fileOf('{"format":"nope"}'))).rejects.toThrow('This JSON file is not a Parallax export.');
    expect(history.busy.value).toBeNull();
    expect(history.importReport.value).toBeNull();
  });

  test('a file over 200 MB is refused before it is read or sent', async () => {
    const db = await dbWith(0);
    const ensure = vi.fn(async () => undefined);
    const { history } = openHistory(db, vi.fn(), true, transfersFor(db, ensure));
    const read = vi.fn();
    const huge = { size: MAX_IMPORT_BYTES + 1, text: read, stream: read, arrayBuffer: read, slice: read } as unknown as Blob;
    await expect(history.importFile(huge)).rejects.toThrow('This file is too large to import (over 200 MB).');
    expect(read).not.toHaveBeenCalled();
    expect(ensure).not.toHaveBeenCalled();
    expect(history.busy.value).toBeNull();
  });

  test('an export holds what the filter matches, newest first, and re-imports', async () => {
    const db = await dbWith(30);
    const { history } = openHistory(db);
    history.filter.value = { text: 'question 2' };
    const file = await history.exportFile('json');
    expect(file.name).toMatch(/^parallax-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await file.blob.text()) as { comparisons: { prompt: string }[] };
    expect(exported.comparisons.map((c) => c.prompt)).toEqual([
      'Question 29',
      'Question 28',
      'Question 27',
      'Question 26',
      'Question 25',
      'Question 24',
      'Question 23',
      'Question 22',
      'Question 21',
      'Question 20',
      'Question 2',
    ]);
    expect(history.busy.value).toBeNull();
    const fresh = await dbWith(0);
    const { history: other } = openHistory(fresh);
    await other.importFile(fileOf(await file.blob.text()));
    expect(other.importReport.value).toMatchObject({ added: 11 });
  });
});
