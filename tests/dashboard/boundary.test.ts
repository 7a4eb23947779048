import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, closure } from '../support/import-graph';

/** Files and packages an entry reaches. */
function reach(entry: string, dynamic: boolean): { files: string[]; packages: Set<string> } {
  const { files, packages } = closure([join(ROOT, entry)], { dynamic, types: false });
  return { files: [...files].map((f) => relative(ROOT, f)), packages: new Set(packages.keys()) };
}

describe('Chart.js stays in the dashboard', () => {
  test.each([
    'entrypoints/sidepanel/main.tsx',
    'entrypoints/options/main.tsx',
    'entrypoints/capture.content/index.ts',
    'entrypoints/background/index.ts',
    'entrypoints/offscreen/main.ts',
  ])('%s never reaches chart.js or the dashboard, even lazily', (entry) => {
    const { files, packages } = reach(entry, true);
    expect(files.length).toBeGreaterThan(0);
    expect([...packages].filter((p) => p.startsWith('chart.js'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('entrypoints/dashboard/'))).toEqual([]);
  });

  test('the dashboard loads chart.js only on demand, so its first paint does not wait for it', () => {
    expect(reach('entrypoints/dashboard/main.tsx', false).packages.has('chart.js')).toBe(false);
    expect(reach('entrypoints/dashboard/main.tsx', true).packages.has('chart.js')).toBe(true);
  });
});
