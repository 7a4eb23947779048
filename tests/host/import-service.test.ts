import { describe, expect, test, vi } from 'vitest';
import type { ImportReport } from '@/utils/core/history/import-batches';
import { IMPORT_CHANNEL, importThroughRunner } from '@/utils/platform/messaging/history-import';
import { serveHistoryImport, type RunImport } from '@/utils/platform/runner-host/import-service';

/**
 * The panel hands a file to the runner host over the import channel (BroadcastChannel, as between extension pages)
 * and follows it. One host for the whole file, started by the first test that needs it: Node 20 refuses to post a
 * Blob on a channel name again once a receiver of one has closed.
 */
const report: ImportReport = { added: 3, duplicates: 1, skipped: [] };
let run: RunImport = async () => report;
const runs = vi.fn<RunImport>((file, onProgress) => run(file, onProgress));
let host: (() => void) | undefined;
const startHost = async () => void (host ??= serveHistoryImport(runs));
const file = () => new Blob(['{"format":"parallax-comparisons"}'], { type: 'application/json' });

describe('history import through the runner host', () => {
  test('with no host answering, the panel says so after a few tries', async () => {
    const ensure = vi.fn(async () => undefined);
    await expect(importThroughRunner(file(), () => undefined, { ensure, acceptMs: 20, tries: 3 })).rejects.toThrow(
      'Parallax did not answer. Reload the extension and try again.',
    );
    expect(ensure).toHaveBeenCalledTimes(3);
  });

  test('a host that is still starting gets the file when asked again, and imports it once', async () => {
    let calls = 0;
    const ensure = vi.fn(async () => {
      if (++calls === 2) await startHost();
    });
    const progress: [number, number][] = [];
    run = async (blob, onProgress) => {
      expect(await blob.text()).toBe('{"format":"parallax-comparisons"}');
      onProgress(0, 4);
      onProgress(4, 4);
      return report;
    };
    expect(await importThroughRunner(file(), (done, total) => progress.push([done, total]), { ensure, acceptMs: 30 })).toEqual(report);
    expect(progress).toEqual([
      [0, 4],
      [4, 4],
    ]);
    expect(runs).toHaveBeenCalledTimes(1);
    expect(ensure).toHaveBeenCalledTimes(2);
  });

  test('one import at a time: a second is refused with the reason while the first goes on to its report', async () => {
    await startHost();
    let finish: () => void = () => undefined;
    run = () => new Promise((resolve) => (finish = () => resolve(report)));
    const ensure = async () => undefined;
    const first = importThroughRunner(file(), () => undefined, { ensure });
    await vi.waitFor(() => expect(runs).toHaveBeenCalledTimes(2));
    await expect(importThroughRunner(file(), () => undefined, { ensure })).rejects.toThrow('Another import is under way. Try again when it has finished.');
    finish();
    expect(await first).toEqual(report);
    run = async () => report;
    expect(await importThroughRunner(file(), () => undefined, { ensure })).toEqual(report);
  });

  test("the host's error reaches the panel as it was written", async () => {
    await startHost();
    run = async () => {
      throw new Error('This export has version 2; this Parallax reads version 1.');
    };
    await expect(importThroughRunner(file(), () => undefined, { ensure: async () => undefined })).rejects.toThrow(
      'This export has version 2; this Parallax reads version 1.',
    );
  });

  test('anything else on the channel is ignored: a request without a file or with a bad id starts nothing', async () => {
    await startHost();
    const before = runs.mock.calls.length;
    const other = new BroadcastChannel(IMPORT_CHANNEL);
    other.postMessage({ type: 'import.start', id: 'x1', file: '{"format":"parallax-comparisons"}' });
    other.postMessage({ type: 'import.start', id: 'not an id!', file: null });
    other.postMessage({ type: 'import.done', id: 'x2', report });
    other.postMessage('import.start');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs.mock.calls.length).toBe(before);
  });
});
