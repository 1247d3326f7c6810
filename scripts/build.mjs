// Bundles src/main.ts into dist/ with esbuild. Code splitting keeps every lazily imported command,
// prompt library and CSV/iCalendar module in its own chunk, so `salesctl due` loads only what it uses.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // better-sqlite3 loads a native addon by path: it stays a normal dependency.
  external: ['better-sqlite3'],
  // Bundled CommonJS modules (commander, dayjs, cli-table3) call require() for node built-ins.
  banner: { js: "import { createRequire as __salesctlRequire } from 'node:module'; const require = __salesctlRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
