import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXTENSION_DIR, ROOT, TEST_BUILD_DIR } from './harness';

/**
 * What ships is what users run: the production builds carry no test hook (a global any code in the service worker
 * could call to start comparisons), while the test-hook build made for the e2e tests does — so this check can fail.
 */

const FIREFOX_DIR = join(ROOT, '.output/firefox-mv2');
const HOOK = 'parallaxEntryPoints';
const ci = process.env.CI === 'true';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Script files of a build that mention the hook. */
const mentioning = (dir: string) =>
  files(dir)
    .filter((f) => /\.(js|mjs|html)$/.test(f) && readFileSync(f, 'utf8').includes(HOOK))
    .map((f) => relative(dir, f));

const built = (dir: string) => existsSync(join(dir, 'manifest.json'));
for (const [name, dir] of [
  ['Chrome', EXTENSION_DIR],
  ['Firefox', FIREFOX_DIR],
  ['test-hook', TEST_BUILD_DIR],
] as const) {
  if (!built(dir) && !ci) console.warn(`[e2e] production bundle: no ${name} build at ${dir}; its check is skipped (npm run build, npm run build:e2e)`);
}

describe('the production bundle', () => {
  test.skipIf(!built(EXTENSION_DIR) && !ci)('Chrome: no file mentions the test hook', () => {
    expect(mentioning(EXTENSION_DIR)).toEqual([]);
  });

  test.skipIf(!built(FIREFOX_DIR) && !ci)('Firefox: no file mentions the test hook', () => {
    expect(mentioning(FIREFOX_DIR)).toEqual([]);
  });

  test.skipIf(!built(TEST_BUILD_DIR) && !ci)('the test-hook build does (the check finds what it looks for)', () => {
    expect(mentioning(TEST_BUILD_DIR)).toEqual(['background.js']);
  });
});
