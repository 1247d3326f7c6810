// Every SQLite handle of the product comes from openSqlite(), which names the compiled addon: in the built
// bundle a handle made any other way cannot find it (the backup of issue 10 failed so, in the binary only).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The places in a source file that make a handle, or import better-sqlite3's class to make one. */
function handleMakers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/new\s+Database\s*\(|import\s+(?!type\b)[^;]*\bfrom\s+['"]better-sqlite3['"]|require\(\s*['"]better-sqlite3['"]\s*\)/g)) {
    found.push(match[0]);
  }
  return found;
}

describe('one way to open SQLite', () => {
  it('finds the ways a handle can be made, so the scan below can fail', () => {
    expect(handleMakers("const db = new Database(':memory:');")).toHaveLength(1);
    expect(handleMakers("import Database from 'better-sqlite3';")).toHaveLength(1);
    expect(handleMakers("import type { Database } from 'better-sqlite3';")).toHaveLength(0);
  });

  it('makes every handle in src/ through db/sqlite.ts', () => {
    const offenders = sources(SRC)
      .filter((file) => relative(SRC, file) !== join('db', 'sqlite.ts'))
      .flatMap((file) => handleMakers(readFileSync(file, 'utf8')).map((what) => `${relative(SRC, file)}: ${what}`));
    expect(offenders).toEqual([]);
  });
});
