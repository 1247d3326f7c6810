// Many rows per INSERT statement: each run of a statement opens the table and every index anew, so rows
// appended together in one multi-row INSERT cost about half as much as one statement run per row.
// OR ROLLBACK: an import is all or nothing, so a failed constraint may end the whole transaction rather than
// undo just its statement; SQLite then keeps no statement journal (a copy of every page the statement
// changes) for a table without foreign keys: for the prospects, whose index takes each row somewhere else,
// that was one 4 KB page written to a temporary file per row.
import type { Database, Statement } from 'better-sqlite3';

/** Rows per statement: well under SQLite's 32,766 parameters for the widest table written this way. */
const BATCH = 500;

/**
 * Inserts `count` rows into `table`, `values(i, out)` pushing the values of row i (one per column, in
 * order) onto `out`. Rows go in in the order of i. Table and column names are ours, never the user's.
 */
export function insertRows(
  db: Database,
  table: string,
  columns: readonly string[],
  count: number,
  values: (i: number, out: unknown[]) => void,
  onRow?: () => void,
): void {
  const statements = new Map<number, Statement>();
  const statement = (rows: number) => {
    let s = statements.get(rows);
    if (!s) {
      const row = `(${columns.map(() => '?').join(', ')})`;
      s = db.prepare(`INSERT OR ROLLBACK INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`);
      statements.set(rows, s);
    }
    return s;
  };
  const out: unknown[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(start + BATCH, count);
    out.length = 0;
    for (let i = start; i < end; i++) values(i, out);
    statement(end - start).run(out);
    if (onRow) for (let i = start; i < end; i++) onRow();
  }
}

/** The id the next row of `table` gets from SQLite without an explicit id: one more than the largest. */
export function nextId(db: Database, table: 'deals' | 'followups' | 'events' | 'prospects'): number {
  return ((db.prepare(`SELECT max(id) AS id FROM ${table}`).get() as { id: number | null }).id ?? 0) + 1;
}
