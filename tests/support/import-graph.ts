import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository's root. */
export const ROOT = resolve(__dirname, '../..');

/** How to follow a module's imports. */
export interface ImportOptions {
  /** Follow `import('…')` too (what a page can load later). */
  dynamic?: boolean;
  /** Follow `import type` too (the architecture's layers hold for types as well). */
  types?: boolean;
}

/** Import specifiers of a module: static imports and re-exports, side-effect imports, and optionally dynamic ones. */
export function importsOf(file: string, { dynamic = false, types = true }: ImportOptions = {}): string[] {
  const source = readFileSync(file, 'utf8');
  const statics = types ? /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm : /^\s*(?:import|export)\s(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/gm;
  const found = [...source.matchAll(statics), ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  if (dynamic) found.push(...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!));
  return found;
}

/** The file a project-local specifier (`@/…` or relative) names, or null for a package. */
export function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every module reachable from the entry files (absolute paths), and each package import with the file making it. */
export function closure(entries: string[], options: ImportOptions = {}): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file) || !existsSync(file)) continue;
    files.add(file);
    for (const spec of importsOf(file, options)) {
      const local = resolveLocal(file, spec);
      if (local) queue.push(local);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.set(spec, file);
    }
  }
  return { files, packages };
}
