import { describe, expect, it } from 'vitest';
import { pagedRows, pageSql, pagesOf, rangeSql } from '../../src/db/pagedRead.js';
import { openSqlite } from '../../src/db/sqlite.js';

describe('pageSql and rangeSql', () => {
  it.each([
    ['SELECT x.id, x.at FROM journal x ORDER BY x.id', 'SELECT x.id, x.at FROM journal x WHERE x.id > ? ORDER BY x.id LIMIT 256'],
    ['SELECT id FROM t ORDER BY id\n  ', 'SELECT id FROM t WHERE id > ? ORDER BY id LIMIT 256'],
  ])('%j pages as %j', (sql, paged) => {
    expect(pageSql(sql, 256)).toBe(paged);
  });

  it.each([['SELECT d.id FROM deals d ORDER BY d.id', 'SELECT d.id FROM deals d WHERE d.id > ? AND d.id <= ? ORDER BY d.id']])('%j ranges as %j', (sql, range) => {
    expect(rangeSql(sql)).toBe(range);
  });
});

function table(rows: number) {
  const db = openSqlite(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
  for (let i = 1; i <= rows; i++) insert.run(i * 3 - 50, `v${i}`);
  return db;
}

describe('pagedRows', () => {
  it.each([0, 1, 4, 5, 9, 10, 11])('reads every one of %i rows in key order, 5 a page', (n) => {
    const db = table(n);
    expect([...pagedRows(db, 'SELECT id, v FROM t ORDER BY id', 5)]).toEqual(db.prepare('SELECT id, v FROM t ORDER BY id').raw(true).all());
    expect(db.inTransaction).toBe(false);
  });
});

describe('pagesOf', () => {
  it('reads all pages in one read transaction, each after the last key of the one before', () => {
    const db = table(11);
    const page = db.prepare('SELECT id FROM t WHERE id > ? ORDER BY id LIMIT 5').pluck();
    const afters: unknown[] = [];
    const inTransaction: boolean[] = [];
    const pages = pagesOf(db, 5, (after) => {
      afters.push(after);
      inTransaction.push(db.inTransaction);
      const ids = page.all(after) as number[];
      return { count: ids.length, last: ids[ids.length - 1], ids };
    });
    expect([...pages].map((p) => p.ids.length)).toEqual([5, 5, 1]);
    expect(afters).toEqual([Number.MIN_SAFE_INTEGER, -35, -20]);
    expect(inTransaction).toEqual([true, true, true]);
    expect(db.inTransaction).toBe(false);
  });

  it('stops after a full page followed by an empty one, and ends its transaction when left early', () => {
    const db = table(10);
    const page = db.prepare('SELECT id FROM t WHERE id > ? ORDER BY id LIMIT 5').pluck();
    const read = (after: unknown) => {
      const ids = page.all(after) as number[];
      return { count: ids.length, last: ids[ids.length - 1] };
    };
    expect([...pagesOf(db, 5, read)].map((p) => p.count)).toEqual([5, 5]);
    for (const first of pagesOf(db, 5, read)) {
      expect(first.count).toBe(5);
      break;
    }
    expect(db.inTransaction).toBe(false);
  });
});
