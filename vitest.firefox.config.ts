import { defineConfig } from 'vitest/config';

/** Firefox end to end: the built add-on (.output/firefox-mv2) in Debian's Firefox ESR over WebDriver BiDi, and web-ext lint. */
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
