// The one place salesctl makes a better-sqlite3 handle. In the built bundle better-sqlite3's JavaScript
// sits in dist/main.cjs, where its own search for the compiled addon (the `bindings` package, external to
// the bundle) cannot work: every handle must name the addon by path. A test holds every other file of src/
// to this function (test/db/sqlite.test.ts).
import Database from 'better-sqlite3';
import type { Database as DB, Options } from 'better-sqlite3';
import { FailureError } from '../errors.js';

/**
 * Opens a SQLite handle on `path` (or ':memory:', or a database image held in memory as a Buffer) with the
 * addon the running program ships.
 */
export function openSqlite(path: string | Buffer, options: Omit<Options, 'nativeBinding'> = {}): DB {
  return new Database(path as string, { ...options, nativeBinding: nativeBinding() });
}

let addonPath: string | null | undefined;

/**
 * better-sqlite3's compiled addon, named by path: without it better-sqlite3 loads the `bindings` package,
 * which searches a dozen folders for the file (~1.5 ms of every start). Only where `require` exists (the
 * CommonJS bundle, which holds better-sqlite3's JavaScript, so `bindings` would search from dist/ and
 * fail); elsewhere (tests on the sources) better-sqlite3 searches as usual.
 */
function nativeBinding(): string | undefined {
  if (addonPath === undefined) {
    if (typeof require !== 'function') addonPath = null;
    else {
      try {
        addonPath = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
      } catch {
        throw new FailureError("better-sqlite3's compiled part is missing (node_modules/better-sqlite3/build/Release): run `npm rebuild better-sqlite3`");
      }
    }
  }
  return addonPath ?? undefined;
}
