import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Import specifiers of a module that survive compilation (not `import type`), and `import('…')` ones when asked. */
function importsOf(file: string, dynamic: boolean): string[] {
  const source = readFileSync(file, 'utf8');
  const found = [
    ...source.matchAll(/^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!);
  if (dynamic) found.push(...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!));
  return found;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Files and packages an entry reaches. */
function reach(entry: string, dynamic: boolean): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(ROOT, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file) || !existsSync(file)) continue;
    files.add(file);
    for (const spec of importsOf(file, dynamic)) {
      const local = resolveLocal(file, spec);
      if (local) queue.push(local);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return { files: [...files].map((f) => relative(ROOT, f)), packages };
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
