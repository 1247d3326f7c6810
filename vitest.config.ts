import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/long/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    env: { TZ: 'UTC', NO_COLOR: '' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
