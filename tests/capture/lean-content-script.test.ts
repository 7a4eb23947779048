import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { stripSelectorLabels } from '../../modules/lean-content-script';

const SITES = resolve(__dirname, '../../utils/core/sites');
const files = readdirSync(SITES).filter((f) => f.endsWith('.ts'));
const cssOf = (source: string) => [...source.matchAll(/css:\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g)].map((m) => m[1]);

describe('the content-script build leaves selector labels out of the adapters', () => {
  test.each(files)('%s: every label gone, every selector kept, still valid TypeScript', (file) => {
    const source = readFileSync(resolve(SITES, file), 'utf8');
    const lean = stripSelectorLabels(source);
    expect(lean).not.toMatch(/\blabel:\s*'/);
    expect(cssOf(lean)).toEqual(cssOf(source));
    expect(() => transformSync(lean, { loader: 'ts' })).not.toThrow();
  });

  test('labels with escaped quotes and odd spacing go too; other strings stay', () => {
    expect(stripSelectorLabels(`[{ css: 'a[b="c"]', label: 'the site\\'s "new" box' }, { css: 'd',\n    label:'e' }]`)).toBe(
      `[{ css: 'a[b="c"]' }, { css: 'd' }]`,
    );
    expect(stripSelectorLabels(`{ name: 'ChatGPT', note: 'label: kept' }`)).toBe(`{ name: 'ChatGPT', note: 'label: kept' }`);
  });
});
