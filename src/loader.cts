// bin/salesctl.js requires the built copy of this file, dist/load.cjs (scripts/build.mjs compiles it): it runs
// dist/main.cjs, the bundle, compiled with V8's code cache, dist/main.cjs.cache, which the build makes by
// running a few commands once. Node 20 has no module.enableCompileCache(); this is the same mechanism. If
// the cache does not fit the running node (another version), V8 rejects it and compiles as usual: slower,
// never wrong. CommonJS, so that a plain `salesctl due` never starts node's ES module loader (5-9 ms per
// start, measured). chrono-node's English parser is bundled the same way (dist/chrono-en.cjs, its own cache).
import fs = require('node:fs');
import vm = require('node:vm');

/** What the bundle exports (src/main.ts). */
type Main = typeof import('./main.js');

const writeCache = process.env.SALESCTL_WRITE_CODE_CACHE;

/** Compiles a bundled CommonJS file beside this one with its code cache, and runs it. */
function load(name: string, importer: (specifier: string) => Promise<unknown>): unknown {
  const filename = require.resolve('./' + name);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(filename + '.cache');
  } catch {
    // no cache (a build that could not make one): compile as usual
  }
  // The bundles are ASCII (the build makes sure): latin1 reads them without decoding.
  const source = '(function (exports, require, module, __filename, __dirname, __import) {' + fs.readFileSync(filename, 'latin1') + '\n})';
  const script = new vm.Script(source, { filename, cachedData });
  const loaded: { exports: unknown } = { exports: {} };
  // This file's own require: the bundles sit beside it, so all resolve alike (node:module is not loaded for createRequire).
  script.runInThisContext()(loaded.exports, require, loaded, filename, __dirname, importer);
  // The build's warm-ups ask for each cache by its path: each holds only what its own commands compiled.
  if (writeCache === filename + '.cache') {
    process.on('exit', () => {
      fs.writeFileSync(filename + '.cache.' + process.pid, script.createCachedData());
      fs.renameSync(filename + '.cache.' + process.pid, filename + '.cache');
    });
  }
  return loaded.exports;
}

// Code compiled through vm.Script cannot call import() itself (node 20 asks for an experimental loader
// option): the bundle's few import() calls, all of external packages, go through `__import`, this one.
// Heavy packages load through a real import(), except chrono's English parser, bundled beside main.cjs.
const bundled: Record<string, string> = { 'chrono-node/en': 'chrono-en.cjs' };
const importModule = (specifier: string): Promise<unknown> =>
  bundled[specifier] ? Promise.resolve().then(() => load(bundled[specifier]!, importModule)) : import(specifier);

export = load('main.cjs', importModule) as Main;
