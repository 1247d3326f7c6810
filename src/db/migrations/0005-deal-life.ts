import type { Database } from 'better-sqlite3';

export const version = 5;
export const name = 'deal-life';

/**
 * What a deal's life needs beyond version 4:
 * - deals.cadence: a keep-in-touch rhythm ('2w', '3m', '10d'), NULL for none (salesctl cadence, --every);
 * - followups.contact_at: when the contact really happened (followup done --at), NULL for "at completion";
 * - the undo log, after SQLite's own "Automatic Undo/Redo Using SQLite" page: triggers log each row that
 *   salesctl's commands insert or update into undo_log, and undo reverts them. Each write of salesctl opens
 *   a change (undo_changes, pointed to by undo_current) around its transaction, so a change is exactly one
 *   command's transaction; a row changed outside salesctl is logged with no change (a barrier undo will not
 *   cross). Derived data is not logged: open_deals and the deals' contact columns (migrations 3 and 4) are
 *   recomputed by their own triggers as the reverting statements run.
 *
 * The triggers are kept small, because SQLite parses the whole schema when a connection first prepares a
 * statement, in every command (`due` too): the page's version (the reverting SQL built in each trigger, and
 * a trigger for deletes as well) cost `due` about 3.9M more instructions at start (callgrind); this one logs
 * an updated row's old values as one json_array() and builds the reverting SQL in db/undoLog.ts, and has no
 * delete triggers (salesctl never deletes; a reverting statement on a row deleted by hand changes nothing).
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
      op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'range')),
      row_id INTEGER NOT NULL,
      row_last INTEGER,
      deal_id INTEGER,
      note TEXT,
      old TEXT
    );
    CREATE INDEX undo_log_change ON undo_log (change_id);
  `);
  for (const table of Object.keys(UNDO_TABLES)) db.exec(undoTriggers(table));
}

/**
 * The logged tables: the columns an update restores (rowid aside; an updated row's `old` is a json_array of
 * them, in this order), the column naming a row's deal, and whether updates are logged at all (events,
 * journal lines, post-mortems and their causes are only ever inserted).
 */
export const UNDO_TABLES: Record<string, { columns: string[]; deal: string | null; status: boolean; updates: boolean }> = {
  prospects: {
    columns: ['name', 'company', 'role', 'email', 'phone', 'decision_maker', 'segment', 'tz', 'best_time_start', 'best_time_end', 'channel', 'notes', 'created_at'],
    deal: null,
    status: false,
    updates: true,
  },
  // last_touch_at, last_outcome and previous_outcome are derived (migration 3): never logged, never restored.
  deals: {
    columns: ['prospect_id', 'title', 'value_minor', 'currency', 'status', 'stage', 'created_at', 'closed_at', 'lost_reason', 'cadence'],
    deal: 'id',
    status: true,
    updates: true,
  },
  commitments: {
    columns: ['deal_id', 'kind', 'what', 'given_by', 'promised_at', 'payment', 'status', 'created_at', 'resolved_at'],
    deal: 'deal_id',
    status: true,
    updates: true,
  },
  followups: {
    columns: ['deal_id', 'due_at', 'channel', 'purpose', 'agreed', 'status', 'outcome', 'notes', 'created_at', 'completed_at', 'contact_at'],
    deal: 'deal_id',
    status: true,
    updates: true,
  },
  postmortems: { columns: [], deal: 'deal_id', status: false, updates: false },
  postmortem_causes: { columns: [], deal: null, status: false, updates: false },
  journal: { columns: [], deal: 'deal_id', status: false, updates: false },
  events: { columns: [], deal: 'deal_id', status: false, updates: false },
};

/** The name of the trigger that logs inserts into `table` (import sets it aside and logs a range instead). */
export function undoInsertTrigger(table: string): string {
  return `undo_${table}_insert`;
}

/** The names of every undo trigger, for doctor. */
export function undoTriggerNames(): string[] {
  return Object.entries(UNDO_TABLES).flatMap(([table, t]) => [undoInsertTrigger(table), ...(t.updates ? [`undo_${table}_update`] : [])]);
}

/** The triggers that log every insert (and, where salesctl updates, every update) on `table`. */
export function undoTriggers(table: string): string {
  const { columns, deal, status, updates } = UNDO_TABLES[table]!;
  const log = (row: 'NEW' | 'OLD', op: string, note: string, old: string) =>
    `INSERT INTO undo_log (change_id, tbl, op, row_id, deal_id, note, old)
     VALUES ((SELECT change_id FROM undo_current), '${table}', '${op}', ${row}.rowid, ${deal ? `${row}.${deal}` : 'NULL'}, ${note}, ${old});`;
  const insert = `CREATE TRIGGER ${undoInsertTrigger(table)} AFTER INSERT ON ${table} BEGIN ${log('NEW', 'insert', 'NULL', 'NULL')} END;`;
  if (!updates) return insert;
  const note = status ? `OLD.status || '>' || NEW.status${table === 'deals' ? ` || CASE WHEN OLD.cadence IS NOT NEW.cadence THEN ' rhythm' ELSE '' END` : ''}` : 'NULL';
  return `${insert}
    CREATE TRIGGER undo_${table}_update AFTER UPDATE OF ${columns.join(', ')} ON ${table}
    BEGIN ${log('OLD', 'update', note, `json_array(${columns.map((c) => `OLD.${c}`).join(', ')})`)} END;`;
}
