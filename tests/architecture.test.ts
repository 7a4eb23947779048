import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, closure } from './support/import-graph';
import { SITE_ADAPTERS } from '@/utils/core/sites/registry';
import { PROVIDERS } from '@/utils/core/providers/registry';

const read = (file: string) => readFileSync(file, 'utf8');

function walk(dir: string, filter = /\.(ts|tsx)$/): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, filter) : filter.test(name) ? [path] : [];
  });
}

const BROWSER_OR_DB = /^(wxt\/browser|webextension-polyfill|dexie|wxt\/utils\/storage)$/;
const BROWSER_GLOBAL = /\b(chrome|browser)\.(runtime|storage|tabs|scripting|offscreen|sidePanel|permissions)\b|\bindexedDB\b/;

describe('architecture', () => {
  test('every site adapter file is registered, and every adapter has a fixture or test', () => {
    const support = new Set(['types.ts', 'dom.ts', 'registry.ts']);
    const files = readdirSync(join(ROOT, 'utils/core/sites')).filter((f) => f.endsWith('.ts') && !support.has(f));
    const tests = walk(join(ROOT, 'tests')).map(read).join('\n');
    for (const file of files) {
      const source = read(join(ROOT, 'utils/core/sites', file));
      const exported = [...source.matchAll(/export const (\w+): SiteAdapter/g)].map((m) => m[1]);
      for (const name of exported) {
        const adapter = SITE_ADAPTERS.find((a) => source.includes(`id: siteId('${a.id}')`));
        expect(adapter, `${file} exports ${name} but it is not in SITE_ADAPTERS`).toBeDefined();
        const hasFixture =
          ['', '-new'].some((suffix) => existsSync(join(ROOT, 'tests/fixtures/sites', `${adapter!.id}${suffix}.html`))) || tests.includes(`'${adapter!.id}'`);
        expect(hasFixture, `${adapter!.id} has no fixture or test`).toBe(true);
      }
    }
    expect(new Set(SITE_ADAPTERS.map((a) => a.id)).size).toBe(SITE_ADAPTERS.length);
  });

  test('every provider file is registered and tested', () => {
    // A provider adapter is a file exporting a ChatProvider; the rest (errors, SSE, registry) supports them.
    const files = readdirSync(join(ROOT, 'utils/core/providers')).filter(
      (f) => f.endsWith('.ts') && /export const \w+: ChatProvider\b/.test(read(join(ROOT, 'utils/core/providers', f))),
    );
    const tests = walk(join(ROOT, 'tests')).map(read).join('\n');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const kind = /kind: '([\w-]+)'/.exec(read(join(ROOT, 'utils/core/providers', file)))?.[1];
      expect(
        PROVIDERS.some((p) => p.kind === kind),
        `${file} (${kind}) is not in PROVIDERS`,
      ).toBe(true);
      expect(tests.includes(`providers/${file.replace(/\.ts$/, '')}`) || tests.includes(`'${kind}'`), `${file} has no test`).toBe(true);
    }
  });

  test('utils/ holds two layers and nothing loose: core (runs anywhere) and platform (the extension)', () => {
    const entries = readdirSync(join(ROOT, 'utils')).sort();
    expect(entries).toEqual(['core', 'platform']);
  });

  test('utils/core runs anywhere: no browser API, no Dexie and nothing from utils/platform, directly or through what it imports', () => {
    const entries = walk(join(ROOT, 'utils/core'));
    const { files, packages } = closure(entries);
    for (const [pkg, file] of packages) expect(BROWSER_OR_DB.test(pkg), `${relative(ROOT, file)} imports ${pkg}`).toBe(false);
    for (const file of files) {
      const name = relative(ROOT, file);
      expect(name.startsWith('utils/core/') || name.startsWith('public/'), `utils/core reaches ${name}`).toBe(true);
      expect(BROWSER_GLOBAL.test(read(file)), `${name} uses a browser API`).toBe(false);
    }
  });

  test('one writer: extension pages never write stored comparisons, runs or batches — they ask the background', () => {
    // Pages: everything in components/ and every entrypoint but the background and the runner host it owns.
    const pages = [...walk(join(ROOT, 'components')), ...walk(join(ROOT, 'entrypoints')).filter((f) => !/entrypoints\/(background|offscreen)\//.test(f))];
    const TABLE_WRITE =
      /\.(comparisons|runs|batches|search|trash|translations)\s*\.\s*(add|put|update|delete|clear|bulkAdd|bulkPut|bulkUpdate|bulkDelete)\s*\(|\.modify\s*\(|\btransaction\s*\(\s*['"]rw/;
    const WRITERS =
      /\b(dexieTranslationStore|saveComparison|annotateComparison|deleteComparisons|restoreComparisons|importComparisons|importHistory|createBatch|saveBatch)\b/;
    for (const file of pages) {
      const source = read(file);
      expect(TABLE_WRITE.test(source), `${relative(ROOT, file)} writes the database`).toBe(false);
      expect(WRITERS.test(source), `${relative(ROOT, file)} calls a database writer`).toBe(false);
    }
  });

  test('the content script never reaches IndexedDB, settings or keys', () => {
    const { files, packages } = closure([join(ROOT, 'entrypoints/capture.content/index.ts')]);
    expect([...packages.keys()].filter((p) => /dexie|storage/.test(p))).toEqual([]);
    for (const file of files) expect(relative(ROOT, file)).not.toMatch(/utils\/platform\/(db|storage|background|runner-host)/);
  });

  test('no innerHTML, eval or Function constructor in shipped code', () => {
    const shipped = ['entrypoints', 'components', 'utils'].flatMap((d) => walk(join(ROOT, d)));
    for (const file of shipped) {
      const source = read(file);
      expect(/\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|\beval\(|new Function\(/.test(source), relative(ROOT, file)).toBe(false);
    }
  });

  test('every console.error and console.warn in shipped code starts "[parallax]" (the Firefox run finds them by it)', () => {
    const shipped = ['entrypoints', 'components', 'utils'].flatMap((d) => walk(join(ROOT, d)));
    const unmarked = shipped.flatMap((file) =>
      [...read(file).matchAll(/console\.(?:error|warn)\(\s*(?!['"`]\[parallax\])[^\n]{0,60}/g)].map((m) => `${relative(ROOT, file)}: ${m[0]}`),
    );
    expect(unmarked).toEqual([]);
  });

  test('docs/ARCHITECTURE.md names every folder of utils/core, utils/platform and entrypoints, and every path it gives exists', () => {
    const doc = read(join(ROOT, 'docs/ARCHITECTURE.md'));
    const folders = ['utils/core', 'utils/platform', 'entrypoints'].flatMap((parent) =>
      readdirSync(join(ROOT, parent))
        .filter((name) => statSync(join(ROOT, parent, name)).isDirectory())
        .map((name) => `${parent}/${name}`),
    );
    expect(folders.length).toBeGreaterThan(10);
    const unnamed = folders.filter((folder) => !new RegExp(`${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`).test(doc));
    expect(unnamed, 'folders docs/ARCHITECTURE.md does not name').toEqual([]);
    // Paths in backticks that start at a top-level folder of the repo; `<site>`-style placeholders name a pattern.
    const paths = [...doc.matchAll(/`((?:utils|components|entrypoints|tests|scripts|public|docs)\/[^`\s]*)`/g)].map((m) => m[1]!);
    const concrete = paths.filter((path) => !/[<>*]/.test(path));
    expect(concrete.length).toBeGreaterThan(40);
    const missing = concrete.filter((path) => !existsSync(join(ROOT, path)));
    expect(missing, 'paths in docs/ARCHITECTURE.md that do not exist').toEqual([]);
  });

  test('modules stay small (about 300 lines)', () => {
    const shipped = ['entrypoints', 'components', 'utils', 'scripts'].flatMap((d) => walk(join(ROOT, d)));
    const long = shipped.filter((f) => read(f).split('\n').length > 330).map((f) => relative(ROOT, f));
    expect(long).toEqual([]);
  });
});
