import type { Database } from 'better-sqlite3';

export const version = 5;
export const name = 'deal-life';

/**
 * What a deal's life needs beyond version 4:
 * - deals.cadence: a keep-in-touch rhythm ('2w', '3m', '10d'), NULL for none (salesctl cadence, --every);
 * - followups.contact_at: when the contact really happened (followup done --at), NULL for "at completion";
 * - the undo log, as SQLite's own "Automatic Undo/Redo Using SQLite" page describes: triggers on every
 *   stored table write the SQL that reverts each row change into undo_log. Each write of salesctl opens a
 *   change (undo_changes, pointed to by undo_current) around its transaction, so a change is exactly one
 *   command's transaction; a row changed outside salesctl is logged with no change (a barrier undo will not
 *   cross). Derived data is not logged: open_deals and the deals' contact columns (migrations 3 and 4) are
 *   recomputed by their own triggers as the reverting statements run.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE deals ADD COLUMN cadence TEXT;
    ALTER TABLE followups ADD COLUMN contact_at TEXT;
    CREATE TABLE undo_changes (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE undo_current (
      only INTEGER PRIMARY KEY CHECK (only = 1),
      change_id INTEGER
    );
    INSERT INTO undo_current VALUES (1, NULL);
    CREATE TABLE undo_log (
      seq INTEGER PRIMARY KEY,
      change_id INTEGER,
      tbl TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'range')),
      row_id INTEGER NOT NULL,
      row_last INTEGER NOT NULL,
      deal_id INTEGER,
      note TEXT,
      sql TEXT NOT NULL
    );
    CREATE INDEX undo_log_change ON undo_log (change_id);
  `);
  for (const table of Object.keys(UNDO_TABLES)) db.exec(undoTriggers(table));
}

/** The stored columns of each logged table (rowid aside), and the expression naming a row's deal. */
export const UNDO_TABLES: Record<string, { columns: string[]; deal: string | null; status: boolean }> = {
  prospects: {
    columns: ['name', 'company', 'role', 'email', 'phone', 'decision_maker', 'segment', 'tz', 'best_time_start', 'best_time_end', 'channel', 'notes', 'created_at'],
    deal: null,
    status: false,
  },
  // last_touch_at, last_outcome and previous_outcome are derived (migration 3): never logged, never restored.
  deals: {
    columns: ['prospect_id', 'title', 'value_minor', 'currency', 'status', 'stage', 'created_at', 'closed_at', 'lost_reason', 'cadence'],
    deal: 'id',
    status: true,
  },
  commitments: {
    columns: ['deal_id', 'kind', 'what', 'given_by', 'promised_at', 'payment', 'status', 'created_at', 'resolved_at'],
    deal: 'deal_id',
    status: true,
  },
  followups: {
    columns: ['deal_id', 'due_at', 'channel', 'purpose', 'agreed', 'status', 'outcome', 'notes', 'created_at', 'completed_at', 'contact_at'],
    deal: 'deal_id',
    status: true,
  },
  postmortems: {
    columns: ['deal_id', 'outcome', 'what_happened', 'assumption', 'reviewers', 'feedback', 'lesson', 'created_at'],
    deal: 'deal_id',
    status: false,
  },
  postmortem_causes: { columns: ['postmortem_id', 'cause'], deal: null, status: false },
  journal: { columns: ['deal_id', 'at', 'text', 'tags'], deal: 'deal_id', status: false },
  events: { columns: ['deal_id', 'at', 'kind', 'summary'], deal: 'deal_id', status: false },
};

/** The names of the undo triggers of `table`, for doctor and for import, which sets the insert one aside. */
export function undoTriggerNames(table: string): string[] {
  return [`undo_${table}_insert`, `undo_${table}_update`, `undo_${table}_delete`];
}

/** The three triggers that log the reverting SQL of every insert, update and delete on `table`. */
export function undoTriggers(table: string): string {
  const { columns, deal, status } = UNDO_TABLES[table]!;
  const log = (row: 'NEW' | 'OLD', op: string, note: string, sql: string) =>
    `INSERT INTO undo_log (change_id, tbl, op, row_id, row_last, deal_id, note, sql)
     VALUES ((SELECT change_id FROM undo_current), '${table}', '${op}', ${row}.rowid, ${row}.rowid, ${deal ? `${row}.${deal}` : 'NULL'}, ${note}, ${sql});`;
  const values = columns.map((c) => `quote(OLD.${c})`).join(` || ',' || `);
  const assignments = columns.map((c, i) => `'${i ? ',' : ''}${c}=' || quote(OLD.${c})`).join(' || ');
  const [insert, update, remove] = undoTriggerNames(table);
  return `
    CREATE TRIGGER ${insert} AFTER INSERT ON ${table}
    BEGIN ${log('NEW', 'insert', 'NULL', `'DELETE FROM ${table} WHERE rowid=' || NEW.rowid`)} END;
    CREATE TRIGGER ${update} AFTER UPDATE OF ${columns.join(', ')} ON ${table}
    BEGIN ${log('OLD', 'update', status ? `OLD.status || '>' || NEW.status${table === 'deals' ? ` || CASE WHEN OLD.cadence IS NOT NEW.cadence THEN ' rhythm' ELSE '' END` : ''}` : 'NULL', `'UPDATE ${table} SET ' || ${assignments} || ' WHERE rowid=' || OLD.rowid`)} END;
    CREATE TRIGGER ${remove} AFTER DELETE ON ${table}
    BEGIN ${log('OLD', 'delete', 'NULL', `'INSERT INTO ${table} (rowid,${columns.join(',')}) VALUES (' || OLD.rowid || ',' || ${values} || ')'`)} END;
  `;
}
