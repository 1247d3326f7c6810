import { defineConfig } from 'vitest/config';

export default defineConfig({
  // vite resolves chrono-node's subpath export pattern ('./*') wrongly; node itself reads it as this file.
  resolve: { alias: { 'chrono-node/en': new URL('node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url).pathname } },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/long/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    env: { TZ: 'UTC', NO_COLOR: '' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
