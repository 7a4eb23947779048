import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { withoutRawHtmlSink } from '../../modules/no-raw-html';

// The file the extension's build bundles for `preact` (its package exports point there).
const preactRuntime = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');

describe("Preact's raw-HTML sink is compiled out of the extension", () => {
  test('the installed Preact has exactly one innerHTML assignment, and the build removes it', () => {
    expect(preactRuntime.match(/\.innerHTML=/g)).toHaveLength(1);
    const built = withoutRawHtmlSink(preactRuntime);
    expect(built).not.toMatch(/\.innerHTML\s*=/);
    expect(built).toContain('Parallax renders no raw HTML');
  });

  test('a Preact whose sink moved, or that has a second one, fails the build instead of shipping it', () => {
    expect(() => withoutRawHtmlSink('export const x = 1;')).toThrow(/found it 0 times/);
    expect(() => withoutRawHtmlSink('(a.innerHTML=b.__html);(c.innerHTML=d.__html)')).toThrow(/found it 2 times/);
  });
});
