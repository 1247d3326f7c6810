// The undo log (migration 5): every write of salesctl is one change, its row changes logged by triggers as
// the SQL that reverts them (https://www.sqlite.org/undoredo.html). This module opens and closes the change
// around each inTransaction() transaction, names it in the salesperson's words, reverts it, and checks the log.
import type { Database } from 'better-sqlite3';
import { describeChange, type LoggedChange } from '../core/undo.js';
import { NotFoundError, RefusedError } from '../errors.js';
import { UNDO_TABLES, undoInsertTrigger, undoTriggerNames } from './migrations/0005-deal-life.js';

/** How many changes are kept: older ones are pruned, and can no longer be undone. */
export const KEPT_CHANGES = 100;

const hasLog = new WeakMap<Database, boolean>();
const clocks = new WeakMap<Database, Date>();

/** The instant this connection's changes are stamped with ($SALESCTL_NOW in scripts and tests); else the clock. */
export function setChangeClock(db: Database, now: Date | undefined): void {
  if (now) clocks.set(db, now);
}

function logged(db: Database): boolean {
  let known = hasLog.get(db);
  if (known === undefined) {
    known = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'undo_current'").get() !== undefined;
    hasLog.set(db, known);
  }
  return known;
}

/** Opens a change: the triggers log every row change of this transaction under it. Returns its id (0: no log). */
export function beginChange(db: Database): number {
  if (!logged(db)) return 0;
  // An inTransaction() inside another one belongs to the outer change.
  if (currentChange(db) !== null) return 0;
  const id = Number(db.prepare('INSERT INTO undo_changes (at) VALUES (?)').run((clocks.get(db) ?? new Date()).toISOString()).lastInsertRowid);
  db.prepare('UPDATE undo_current SET change_id = ?').run(id);
  return id;
}

/** Closes the change: drops it when nothing was written, else names it; prunes old changes now and then. */
export function endChange(db: Database, id: number): void {
  if (!id) return;
  db.prepare('UPDATE undo_current SET change_id = NULL').run();
  const change = db.prepare('SELECT description FROM undo_changes WHERE id = ?').get(id) as { description: string } | undefined;
  if (!change) return; // an undo discards its own change
  const rows = db.prepare('SELECT tbl, op, row_id, coalesce(row_last, row_id) AS row_last, deal_id, note FROM undo_log WHERE change_id = ? ORDER BY seq LIMIT 5000').all(id) as LoggedChange[];
  if (!rows.length) {
    db.prepare('DELETE FROM undo_changes WHERE id = ?').run(id);
    return;
  }
  if (!change.description) db.prepare('UPDATE undo_changes SET description = ? WHERE id = ?').run(describe(db, rows), id);
  if (id % 20 === 0) prune(db, id - KEPT_CHANGES);
}

function describe(db: Database, rows: LoggedChange[]): string {
  const dealIds = [...new Set(rows.map((r) => r.deal_id).filter((d): d is number => d !== null))].slice(0, 20);
  const prospectIds = [...new Set(rows.filter((r) => r.tbl === 'prospects').map((r) => r.row_id))].slice(0, 20);
  const deals = new Map<number, string>();
  const dealNamed = db.prepare('SELECT d.title, p.name FROM deals d JOIN prospects p ON p.id = d.prospect_id WHERE d.id = ?');
  for (const id of dealIds) {
    const row = dealNamed.get(id) as { title: string; name: string } | undefined;
    if (row) deals.set(id, `#${id} ${row.title}${row.title === row.name ? '' : ` — ${row.name}`}`);
  }
  const prospects = new Map<number, string>();
  const prospectNamed = db.prepare('SELECT name, company FROM prospects WHERE id = ?');
  for (const id of prospectIds) {
    const row = prospectNamed.get(id) as { name: string; company: string } | undefined;
    if (row) prospects.set(id, `${row.name}${row.company ? ` (${row.company})` : ''}`);
  }
  const text = describeChange(rows, deals, prospects);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Forgets the changes up to `last` (and rows changed outside salesctl before the oldest kept one). */
function prune(db: Database, last: number): void {
  if (last <= 0) return;
  const oldestKept = db.prepare('SELECT min(seq) FROM undo_log WHERE change_id > ?').pluck().get(last) as number | null;
  db.prepare('DELETE FROM undo_log WHERE change_id <= ? OR (change_id IS NULL AND seq < ?)').run(last, oldestKept ?? Number.MAX_SAFE_INTEGER);
  db.prepare('DELETE FROM undo_changes WHERE id <= ?').run(last);
}

/** A change that can be undone, newest first in listings. */
export interface ChangeRow {
  id: number;
  at: string;
  description: string;
}

/** The most recent changes, newest first. */
export function recentChanges(db: Database, limit = 20): ChangeRow[] {
  if (!logged(db)) return [];
  return db.prepare('SELECT id, at, description FROM undo_changes ORDER BY id DESC LIMIT ?').all(limit) as ChangeRow[];
}

export function getChange(db: Database, id: number): ChangeRow | undefined {
  return db.prepare('SELECT id, at, description FROM undo_changes WHERE id = ?').get(id) as ChangeRow | undefined;
}

/** A later change that touched what `change` wrote, or undefined. `null` id: a change made outside salesctl. */
export function laterConflict(db: Database, change: number): { id: number | null; description: string | null; tbl: string; row_id: number } | undefined {
  const current = currentChange(db);
  const last = db.prepare('SELECT max(seq) FROM undo_log WHERE change_id = ?').pluck().get(change) as number | null;
  if (last === null) return undefined;
  return db
    .prepare(
      `SELECT l.change_id AS id, c.description, l.tbl, l.row_id
       FROM undo_log e JOIN undo_log l ON l.seq > @last AND l.change_id IS NOT @current AND (
         (l.tbl = e.tbl AND l.row_id <= coalesce(e.row_last, e.row_id) AND coalesce(l.row_last, l.row_id) >= e.row_id)
         OR (e.tbl = 'deals' AND e.op IN ('insert', 'range') AND l.deal_id BETWEEN e.row_id AND coalesce(e.row_last, e.row_id)))
       LEFT JOIN undo_changes c ON c.id = l.change_id
       WHERE e.change_id = @change ORDER BY l.seq LIMIT 1`,
    )
    .get({ last, current, change }) as { id: number | null; description: string | null; tbl: string; row_id: number } | undefined;
}

/**
 * Reverts change `id`; call inside inTransaction(). Refuses (exit 4) when a later change touched the same rows, or
 * when the database refuses the reverting statements (a later row depends on one it would remove). The
 * reverting statements are logged under the undo's own change, which is then discarded with the undone one.
 */
export function revertChange(db: Database, id: number): ChangeRow {
  const change = getChange(db, id);
  if (!change) throw new NotFoundError(`no change #${id} to undo: run 'salesctl undo --list' to see the recent ones`);
  const conflict = laterConflict(db, id);
  if (conflict) {
    const later = conflict.id === null ? 'a change made outside salesctl' : `change #${conflict.id} (${conflict.description})`;
    const how = conflict.id === null ? '' : `: undo that first (salesctl undo ${conflict.id}), or leave it`;
    throw new RefusedError(`cannot undo change #${id} (${change.description}): ${later} later changed ${conflict.tbl.replace(/s$/, '')} #${conflict.row_id}${how}; nothing was changed`);
  }
  const entries = db.prepare('SELECT tbl, op, row_id, row_last, old FROM undo_log WHERE change_id = ? ORDER BY seq DESC').all(id) as LogEntry[];
  try {
    for (const entry of entries) revertEntry(db, entry);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
      throw new RefusedError(`cannot undo change #${id} (${change.description}): later records depend on it (${(error as Error).message}); nothing was changed`);
    }
    throw error;
  }
  const current = currentChange(db);
  db.prepare('DELETE FROM undo_log WHERE change_id IN (?, ?)').run(id, current ?? -1);
  db.prepare('DELETE FROM undo_changes WHERE id IN (?, ?)').run(id, current ?? -1);
  return change;
}

interface LogEntry {
  tbl: string;
  op: 'insert' | 'update' | 'range';
  row_id: number;
  row_last: number | null;
  old: string | null;
}

/** Runs the statement that reverts one logged row change (or range of inserted rows). */
function revertEntry(db: Database, entry: LogEntry): void {
  const table = UNDO_TABLES[entry.tbl];
  // The table name is checked against our own list: the log is data, never trusted as SQL.
  if (!table) throw new Error(`the undo log names a table salesctl does not log: ${entry.tbl}`);
  if (entry.op === 'insert') db.prepare(`DELETE FROM ${entry.tbl} WHERE rowid = ?`).run(entry.row_id);
  else if (entry.op === 'range') db.prepare(`DELETE FROM ${entry.tbl} WHERE rowid BETWEEN ? AND ?`).run(entry.row_id, entry.row_last ?? entry.row_id);
  else {
    const values = JSON.parse(entry.old ?? 'null') as unknown[];
    if (!Array.isArray(values) || values.length !== table.columns.length) throw new Error(`undo log row of ${entry.tbl} #${entry.row_id} is damaged`);
    db.prepare(`UPDATE ${entry.tbl} SET ${table.columns.map((c) => `${c} = ?`).join(', ')} WHERE rowid = ?`).run(...(values as Array<string | number | null>), entry.row_id);
  }
}

/**
 * Runs an import's inserts with the undo triggers on inserts into these tables set aside (a log row per
 * imported row would cost every row of a 100,000-row file), and logs one range per table instead: the
 * rows an import adds take the next ids of each table, so 'DELETE ... WHERE rowid BETWEEN' reverts them.
 * Call inside inTransaction(); the triggers are back before it commits, so no other connection sees them gone.
 */
export function loggedAsRanges<T>(db: Database, tables: string[], description: string, insert: () => T): T {
  if (!logged(db)) return insert();
  const change = currentChange(db);
  const first = new Map(tables.map((t) => [t, maxRowid(db, t) + 1]));
  const triggers = tables.map(undoInsertTrigger);
  const saved = triggers.map((name) => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined);
  for (const name of triggers) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  const result = insert();
  for (const sql of saved) if (sql) db.exec(sql);
  const log = db.prepare(`INSERT INTO undo_log (change_id, tbl, op, row_id, row_last) VALUES (?, ?, 'range', ?, ?)`);
  for (const table of tables) {
    const from = first.get(table)!;
    const to = maxRowid(db, table);
    if (to >= from) log.run(change, table, from, to);
  }
  if (change !== null) db.prepare('UPDATE undo_changes SET description = ? WHERE id = ?').run(description, change);
  return result;
}

function maxRowid(db: Database, table: string): number {
  if (!(table in UNDO_TABLES)) throw new Error(`not a logged table: ${table}`);
  return (db.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0;
}

/** What doctor reports about the undo log: problems (the log cannot be trusted) as one line each. */
export function checkUndoLog(db: Database): string[] {
  if (!logged(db)) return [];
  const problems: string[] = [];
  const triggers = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'").pluck().all() as string[]);
  const missing = undoTriggerNames().filter((name) => !triggers.has(name));
  if (missing.length) problems.push(`the undo log is incomplete: ${missing.length} of its triggers ${missing.length === 1 ? "is" : "are"} missing (first: ${missing[0]}); 'salesctl undo' may not revert every change`);
  const current = db.prepare('SELECT count(*) AS n, max(change_id) AS open FROM undo_current').get() as { n: number; open: number | null };
  if (current.n !== 1 || current.open !== null) problems.push(`the undo log's current-change marker is wrong (${current.n} rows, change ${current.open ?? 'none'}): it should be one row with no change`);
  const unknown = db.prepare(`SELECT count(*) FROM undo_log WHERE tbl NOT IN (${Object.keys(UNDO_TABLES).map(() => '?').join(', ')})`).pluck().get(...Object.keys(UNDO_TABLES)) as number;
  if (unknown) problems.push(`${unknown} undo log row${unknown === 1 ? ' names' : 's name'} a table salesctl does not log`);
  const orphans = db.prepare('SELECT count(*) FROM undo_log l WHERE l.change_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM undo_changes c WHERE c.id = l.change_id)').pluck().get() as number;
  if (orphans) problems.push(`${orphans} undo log row${orphans === 1 ? ' belongs' : 's belong'} to no change`);
  return problems;
}

/** The change the open transaction belongs to, or null outside one (migration 5's undo_current). */
function currentChange(db: Database): number | null {
  return db.prepare('SELECT change_id FROM undo_current').pluck().get() as number | null;
}
