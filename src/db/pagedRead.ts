// The one way an export reads a large query: page after page by key (`WHERE key > ? ORDER BY key LIMIT n`:
// memory stays flat, and a page of arrays costs less than a step of an iterator per row), all pages in one
// read transaction so that they agree with each other.
import type { Database } from 'better-sqlite3';

/** A page read: how many rows it holds and the key of its last row. */
export interface Page {
  count: number;
  last: unknown;
}

/** The key before the first page: below every id SQLite holds. */
const FIRST = Number.MIN_SAFE_INTEGER;

/** `sql`, a query ending in `ORDER BY key` (with no WHERE of its own), restricted to the keys after `?`, `size` rows. */
export function pageSql(sql: string, size: number): string {
  return sql.replace(/ORDER BY (\S+)\s*$/, (_, key: string) => `WHERE ${key} > ? ORDER BY ${key} LIMIT ${size}`);
}

/** `sql`, a query ending in `ORDER BY key` (with no WHERE of its own), restricted to the keys after `?` up to `?`. */
export function rangeSql(sql: string): string {
  return sql.replace(/ORDER BY (\S+)\s*$/, (_, key: string) => `WHERE ${key} > ? AND ${key} <= ? ORDER BY ${key}`);
}

/**
 * Every page `read(after)` gives, the first after `FIRST`, each next one after the last key of the one before,
 * until a page holds fewer than `size` rows; in one read transaction (unless the caller is already in one).
 */
export function* pagesOf<P extends Page>(db: Database, size: number, read: (after: unknown) => P): IterableIterator<P> {
  const end = beginRead(db);
  try {
    let after: unknown = FIRST;
    for (;;) {
      const page = read(after);
      if (!page.count) return;
      yield page;
      if (page.count < size) return;
      after = page.last;
    }
  } finally {
    end();
  }
}

/** Every row of `sql` (a query ending in `ORDER BY key` whose first value is that key), read `size` rows a page. */
export function* pagedRows(db: Database, sql: string, size: number): IterableIterator<unknown[]> {
  const page = db.prepare(pageSql(sql, size)).raw(true);
  const read = (after: unknown) => {
    const rows = page.all(after) as unknown[][];
    return { count: rows.length, last: rows[rows.length - 1]?.[0], rows };
  };
  for (const { rows } of pagesOf(db, size, read)) for (let i = 0; i < rows.length; i++) yield rows[i]!;
}

/**
 * Runs `read` in one read transaction (unless the caller is already in one): every query it makes sees the
 * database as it was at the first, whatever another salesctl commits meanwhile (`export all`, a backup, reads
 * its tables one after another, with output waits between them).
 */
export async function readSnapshot<T>(db: Database, read: () => Promise<T>): Promise<T> {
  const end = beginRead(db);
  try {
    return await read();
  } finally {
    end();
  }
}

/** Opens a read transaction unless the caller is in one; returns what ends it (nothing, if it was the caller's). */
function beginRead(db: Database): () => void {
  if (db.inTransaction) return () => {};
  db.prepare('BEGIN').run();
  return () => {
    if (db.inTransaction) db.prepare('COMMIT').run();
  };
}
