// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { signal } from '@preact/signals';
import { RunColumn } from '@/components/sidepanel/RunColumn';
import { planImport } from '@/utils/core/history/import';
import { toJsonExport } from '@/utils/core/history/formats';
import { toExported } from '@/utils/core/runner/exported';
import type { Run } from '@/utils/core/runner/types';

const asked: Run = {
  id: 'r1',
  comparisonId: 'c1',
  position: 0,
  target: { providerId: 'p1', providerKind: 'openai-compatible', providerLabel: 'Endpoint', baseUrl: 'https://api.example.com/v1', model: 'm', language: null },
  state: 'failed',
  text: '',
  error: 'The server did not answer.',
  errorCode: 'server',
  attempts: 1,
  createdAt: 0,
  updatedAt: 0,
};

afterEach(cleanup);

const retryShown = (run: Run) => {
  const noop = () => undefined;
  render(
    <RunColumn
      run={run}
      name="m"
      text={signal(run.text)}
      view={{ formatted: false, isBaseline: false, collapsed: false, pinned: false }}
      onRetry={noop}
      onCancel={noop}
      onToggleCollapse={noop}
      onTogglePin={noop}
    />,
  );
  return screen.queryByRole('button', { name: 'Retry' }) !== null;
};

describe('an imported answer is a read-only record', () => {
  test('a failed answer asked here offers Retry; the same answer read back from an export file does not', () => {
    expect(retryShown(asked)).toBe(true);
    cleanup();
    const file = toJsonExport([toExported({ id: 'c1', createdAt: 0, prompt: 'q', source: { kind: 'panel' } }, [asked])]);
    const imported = planImport(file).comparisons[0]!.runs[0]!;
    expect(imported.state).toBe('failed');
    expect(retryShown(imported)).toBe(false);
  });

  test("an imported answer does not claim its prompt was sent to the file's address", () => {
    const file = toJsonExport([
      toExported({ id: 'c1', createdAt: 0, prompt: 'q', source: { kind: 'panel' } }, [
        { ...asked, target: { ...asked.target, baseUrl: 'https://attacker.example/v1' } },
      ]),
    ]);
    const imported = planImport(file).comparisons[0]!.runs[0]!;
    retryShown(imported);
    expect(screen.getByTestId('run-destination').textContent).toBe('Imported from a file (not asked from here)');
    expect(document.body.textContent).not.toContain('attacker.example');
  });
});
