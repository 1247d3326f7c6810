// Bundles src/main.ts into dist/ with esbuild. Code splitting keeps every lazily imported command,
// prompt library and CSV/iCalendar module in its own chunk, so `salesctl due` loads only what it uses.
// The bundle is built beside dist/ and swapped in, so a test run reading dist/ never sees half a build.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const staging = `${root}dist.${process.pid}`;
await build({
  entryPoints: [`${root}src/main.ts`],
  outdir: staging,
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
const old = `${root}dist.old.${process.pid}`;
if (existsSync(`${root}dist`)) renameSync(`${root}dist`, old);
renameSync(staging, `${root}dist`);
rmSync(old, { recursive: true, force: true });
