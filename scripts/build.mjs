// Bundles src/main.ts into dist/ with esbuild, laid out for start-up time (figures on the
// performance page, docs/PERFORMANCE.md; `npm run bench` measures them):
// - dist/main.cjs: our code, commander, chalk, string-width, wrap-ansi, env-paths and better-sqlite3's JavaScript in
//   ONE CommonJS file. One file is one read and one compile, where a graph of ES module chunks costs a
//   resolve, a read, a compile and a link each. The commands are still evaluated lazily: esbuild wraps each `await import('./commands/x.js')` so its
//   module body runs only when that command does.
// - The heavy libraries (prompts, natural-language dates, CSV, iCalendar, progress bars) stay external:
//   node loads them from node_modules, through a real import(), only when a command uses them.
// - dist/load.cjs, from src/loader.cts: a small CommonJS loader (bin/salesctl.js requires it) that compiles
//   main.cjs with V8's code cache, dist/main.cjs.cache, made here by running a few commands once.
// Whitespace and syntax are minified; identifiers are kept so --debug stack traces name our functions.
// The bundle is built beside dist/ and swapped in, so a test run reading dist/ never sees half a build.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// What a plain `salesctl due | …` would load for nothing, made lazy inside the bundle (about 6 ms per start
// together, measured on due at 1k deals in a pipe; without them node loads 6 internal modules, not 47):
// - node:child_process, required at the top of commander for executable subcommands, which salesctl has
//   none of, and node:tty, which main.ts asks only about a character device: both pull in node's stream
//   and net modules. They become objects that require the real module on first use.
// - chalk, used only when colour is on (render/text.ts paint()): its Chalk export loads it on first use.
// - wrap-ansi, which wraps prose for a terminal (render/layout.ts wrap()): loading it builds ansi-styles'
//   styles, which no pipe needs. It becomes a function that loads it on first call.
// - chalk's colour detection (#supports-color), which reads the terminal when chalk loads: salesctl always
//   tells chalk its level (render/text.ts), so the bundle takes chalk's own browser variant, which reads
//   nothing of the process.
const nodeRequire = createRequire(import.meta.url);
const LAZY_BUILTINS = /^node:(child_process|tty)$/;
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: LAZY_BUILTINS }, (args) =>
      args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' });
    build.onResolve({ filter: /^(chalk|wrap-ansi)$/ }, (args) =>
      args.namespace === 'lazy' ? undefined : { path: args.path, namespace: 'lazy' });
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: `${root}node_modules/chalk/source/vendor/supports-color/browser.js` }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      resolveDir: root,
      loader: 'js',
      contents:
        args.path === 'wrap-ansi'
          ? `let real; module.exports = function wrapAnsi(...args) { return (real ??= require('wrap-ansi'))(...args); };`
          : args.path === 'chalk'
          ? `let real; Object.defineProperty(exports, 'Chalk', { enumerable: true, get: () => (real ??= require('chalk')).Chalk });`
          : // a getter per export, so that both require() and esbuild's named imports reach the real module late
            `let real; const load = () => (real ??= require(${JSON.stringify(args.path)}));\n` +
            `for (const key of ${JSON.stringify(Object.keys(nodeRequire(args.path)))}) Object.defineProperty(exports, key, { enumerable: true, get: () => load()[key] });`,
    }));
  },
};
const staging = `${root}dist.${process.pid}`;
// The MCP SDK and zod are loaded by `salesctl mcp` alone.
const heavy = [
  '@inquirer/prompts', 'chrono-node', 'chrono-node/en', 'cli-progress', 'csv-parse', 'csv-parse/sync', 'ical-generator', 'iconv-lite',
  '@modelcontextprotocol/server', '@modelcontextprotocol/server/stdio', 'zod',
];
await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: `${staging}/main.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled too (due at 1k deals: 46.5 -> 41.7 ms, 31 runs A/B, both orders:
  // a dozen files node no longer resolves, reads and compiles without a code cache). Its native addon is
  // loaded by path (db/sqlite.ts, nativeBinding()), so `bindings`, its fallback search, is never reached.
  external: ['bindings', ...heavy],
  plugins: [lazyModules],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});

// chrono-node's English parser, bundled into one CommonJS file that the loader compiles with its own code cache
// (dist/chrono-en.cjs.cache), as main.cjs: through node_modules it is ~90 ES module files, each resolved, read,
// compiled and linked, ~140 ms of a `followup --at tomorrow` on an idle machine (measured A/B in the README's
// performance notes); only the English locale: the package's root entry loads every locale it has.
await build({
  entryPoints: [nodeRequire.resolve('chrono-node/en')],
  outfile: `${staging}/chrono-en.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
writeFileSync(
  `${staging}/chrono-en.cjs`,
  readFileSync(`${staging}/chrono-en.cjs`, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);

// Code compiled through vm.Script cannot call import() itself (node 20 asks for an experimental loader
// option), so the few import() calls left, all of external packages, go through `__import`, which the
// loader passes in. Anything else would be a surprise: refuse to build rather than ship it.
const bundle = readFileSync(`${staging}/main.cjs`, 'utf8').replace(/\bimport\(("[^"]*")\)/g, (call, specifier) => {
  if (!heavy.includes(JSON.parse(specifier))) throw new Error(`unexpected dynamic import in the bundle: ${call}`);
  return `__import(${specifier})`;
});
if (/\bimport\(/.test(bundle)) throw new Error('the bundle still calls import(): extend the rewrite in scripts/build.mjs');
// ASCII only, so the loader can read it as latin1, a plain copy, instead of decoding UTF-8 (esbuild
// already escapes strings, but leaves a few regular-expression literals as written: `[-–]`, `[$€£¥₹]`).
// \uXXXX means the same character in a string, a template and a regular expression (with the u flag, an
// escaped surrogate pair is still one character).
const ascii = bundle.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(`${staging}/main.cjs`, ascii);

// The loader, src/loader.cts (type-checked with the rest of src/), becomes dist/load.cjs. TypeScript's own
// transpiler writes it: the file is what tsc checked, minus the types (esbuild would add its unused
// interop helpers for the import() the loader keeps). CommonJS, so that a plain `salesctl due` never
// starts node's ES module loader (bin/package.json makes bin/ CommonJS too).
const ts = nodeRequire('typescript');
const loader = ts.transpileModule(readFileSync(`${root}src/loader.cts`, 'utf8'), {
  fileName: 'loader.cts',
  reportDiagnostics: true,
  compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 },
});
if (loader.diagnostics?.length) throw new Error(`src/loader.cts: ${ts.flattenDiagnosticMessageText(loader.diagnostics[0].messageText, '\n')}`);
if (/\bimport\(/.test(loader.outputText) === false || !/^const fs = require\("node:fs"\);$/m.test(loader.outputText)) {
  throw new Error('dist/load.cjs must be CommonJS that keeps its import(): check src/loader.cts and the options above');
}
writeFileSync(`${staging}/load.cjs`, loader.outputText);
// For ES module callers (the warm-up below, scripts).
writeFileSync(
  `${staging}/main.js`,
  "import { createRequire } from 'node:module';\nexport const { main, runCli } = createRequire(import.meta.url)('./load.cjs');\n",
);

const old = `${root}dist.old.${process.pid}`;
if (existsSync(`${root}dist`)) renameSync(`${root}dist`, old);
renameSync(staging, `${root}dist`);
rmSync(old, { recursive: true, force: true });

// The cache holds what V8 compiled while these commands ran, in one process on a throw-away database.
// It is made in place (V8 keeps the file name it was compiled under, for stack traces) and written under
// a temporary name then renamed, so a reader of dist/ sees the whole cache or none.
const entry = `${root}dist/main.js`;
const warmUp = `
  const { runCli } = await import(${JSON.stringify(entry)});
  const sink = { write() {} };
  const options = { env: { ...process.env }, stdout: sink, stderr: sink, isTTY: false, interactive: false };
  for (const argv of [
    ['add', 'Cache Warmer', '--company', 'Build', '--value', '1500', '--tz', 'America/New_York', '--best-time', '10:00-12:00'],
    ['followup', '1', '--at', '2030-01-02 10:00', '--channel', 'call'],
    ['commit', '1', 'low', 'decide next week'],
    ['due'], ['due', '--json'], ['list'], ['show', '1'],
  ]) await runCli(argv, options);
`;
// chrono's cache is made by a second warm-up of its own, so main.cjs's cache holds none of the phrase code.
const warmUpChrono = warmUp.replace("['due'], ['due', '--json'], ['list'], ['show', '1'],", "['followup', '1', '--at', 'tomorrow 10am'], ['followup', '1', '--at', 'friday evening'],");
const scratch = `${root}dist.warm-up.${process.pid}.db`;
const env = { ...process.env, SALESCTL_DB: scratch, SALESCTL_NOW: '2030-01-01T09:00:00Z', TZ: 'Asia/Jakarta', SALESCTL_WRITE_CODE_CACHE: `${root}dist/main.cjs.cache` };
delete env.NODE_OPTIONS;
const warmed = spawnSync(process.execPath, ['--input-type=module', '-e', warmUp], { env, encoding: 'utf8' });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true });
const chronoEnv = { ...env, SALESCTL_WRITE_CODE_CACHE: `${root}dist/chrono-en.cjs.cache` };
const chronoWarmed = spawnSync(process.execPath, ['--input-type=module', '-e', warmUpChrono], { env: chronoEnv, encoding: 'utf8' });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true });
if (chronoWarmed.status !== 0 || !existsSync(`${root}dist/chrono-en.cjs.cache`)) {
  process.stderr.write(`build: no code cache for chrono (${(chronoWarmed.stderr || '').trim().split('\n')[0] || `exit ${chronoWarmed.status}`})\n`);
}
if (warmed.status !== 0 || !existsSync(`${root}dist/main.cjs.cache`)) {
  // Not fatal: without the cache salesctl only starts a little slower.
  process.stderr.write(`build: no code cache (${(warmed.stderr || '').trim().split('\n')[0] || `exit ${warmed.status}`})\n`);
}
