import { execFileSync } from 'node:child_process';

/** End-to-end tests run the built binary: rebuild it from the current sources first (esbuild, ~1 s). */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
