import { execFileSync } from 'node:child_process';

/**
 * End-to-end tests run the built binary: rebuild it from the current sources first (esbuild, ~1 s).
 * SALESCTL_TEST_NO_BUILD=1 uses dist/ as it is (several test runs at once must not rebuild it under each other).
 */
export default function setup(): void {
  if (process.env.SALESCTL_TEST_NO_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
