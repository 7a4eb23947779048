import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'vitest';

/** The team's shared fixtures beside the repository (ROOT/../shared): CI has them, a fresh clone may not. */
export const SHARED = resolve(__dirname, '../../../shared');

/**
 * A fixture under ../shared: whether it is there. When it is not, says which tests are skipped and why; under
 * CI=true it registers a failing test instead, so a missing fixture never passes as a silent skip.
 */
export function sharedFixture(relative: string, skipped: string): { path: string; present: boolean } {
  const path = join(SHARED, relative);
  const present = existsSync(path);
  if (!present) {
    if (process.env.CI === 'true')
      test(`the shared fixture ${relative} is present under CI (${skipped} needs it)`, () => {
        throw new Error(`CI=true but ${path} is missing: ${skipped} cannot run`);
      });
    else console.warn(`[shared] skipped ${skipped}: ${path} not found`);
  }
  return { path, present };
}
