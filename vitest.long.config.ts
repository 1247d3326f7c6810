import { defineConfig } from 'vitest/config';

/** The longer reliability suite: concurrency, crashes, property tests over many inputs. */
export default defineConfig({
  // vite resolves chrono-node's subpath export pattern ('./*') wrongly; node itself reads it as this file.
  resolve: { alias: { 'chrono-node/en': new URL('node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url).pathname } },
  test: {
    include: ['test/long/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
