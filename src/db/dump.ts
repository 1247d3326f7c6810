// The complete dump (`export all --format json`) and its restore: every table's stored values as they are,
// ids included, so that a restored database exports exactly the same dump.
import type { Database, Statement } from 'better-sqlite3';
import { RefusedError, UsageError } from '../errors.js';
import { schemaVersion } from './migrate.js';
import { rowProblem } from './storedRules.js';

const DUMP_FORMAT = 'salesctl-dump';
const DUMP_VERSION = 1;

/** The tables in the order a restore can insert them; post-mortem causes travel inside their post-mortem. */
const KNOWN_TABLES = ['prospects', 'deals', 'commitments', 'followups', 'postmortems', 'journal', 'events'];
const NESTED = new Set(['postmortem_causes']);
/**
 * Kept by triggers from the other tables (migration 4): a restore rebuilds it, so a dump leaves it out.
 * The undo log (migration 5) is this file's own history of changes, not data: a restored database starts
 * with its restore as the one change it can undo.
 */
const DERIVED = new Set(['open_deals', 'undo_changes', 'undo_current', 'undo_log']);

/** The tables a dump holds: the known ones, then any other table a later migration added. */
export function dumpTables(db: Database): string[] {
  const all = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
  return [...KNOWN_TABLES.filter((t) => all.includes(t)), ...all.filter((t) => !KNOWN_TABLES.includes(t) && !NESTED.has(t) && !DERIVED.has(t))];
}

/** The header fields of a dump, in order. */
export function dumpHeader(db: Database, exportedAt: string) {
  return { format: DUMP_FORMAT, version: DUMP_VERSION, schema_version: schemaVersion(db), exported_at: exportedAt };
}

/** The stored rows of one table, by rowid; a post-mortem carries its `causes`. */
export function iterateDumpRows(db: Database, table: string): IterableIterator<Record<string, unknown>> {
  if (!dumpTables(db).includes(table)) throw new Error(`not a dump table: ${table}`);
  // The table name was checked against sqlite_master above, never taken from input as is.
  const sql =
    table === 'postmortems'
      ? `SELECT t.*, (SELECT json_group_array(cause) FROM (SELECT cause FROM postmortem_causes WHERE postmortem_id = t.id ORDER BY cause)) AS "causes"
         FROM postmortems t ORDER BY t.rowid`
      : `SELECT * FROM "${table}" ORDER BY rowid`;
  const rows = db.prepare(sql).iterate() as IterableIterator<Record<string, unknown>>;
  if (table !== 'postmortems') return rows;
  return (function* () {
    for (const row of rows) yield { ...row, causes: JSON.parse(row.causes as string) as string[] };
  })();
}

/** True when no table holds a row: a restore goes only into an empty database. */
export function isEmptyDatabase(db: Database): boolean {
  return dumpTables(db).every((table) => db.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() === undefined);
}

/** A parsed dump, checked for its format and version. */
export type Dump = Record<string, unknown> & { schema_version: number };

/** Checks the dump's header; refuses a dump from a newer schema (exit 4) and anything not a dump (exit 2). */
export function checkDump(data: unknown, file: string, db: Database): Dump {
  const dump = data as Record<string, unknown>;
  if (!dump || typeof dump !== 'object' || Array.isArray(dump) || dump.format !== DUMP_FORMAT) {
    throw new UsageError(`${file} is not a salesctl dump (no "format": "${DUMP_FORMAT}"): make one with 'salesctl export all --format json'`);
  }
  if (dump.version !== DUMP_VERSION) throw new UsageError(`${file} is a dump of version ${String(dump.version)}: this salesctl reads version ${DUMP_VERSION}`);
  const version = dump.schema_version;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new UsageError(`${file} has no schema_version: it is not a complete dump`);
  if (version > schemaVersion(db)) {
    throw new RefusedError(`${file} was dumped from schema version ${version}, newer than this salesctl (${schemaVersion(db)}): upgrade salesctl`);
  }
  const tables = dumpTables(db);
  for (const key of Object.keys(dump)) {
    if (['format', 'version', 'schema_version', 'exported_at'].includes(key)) continue;
    if (!tables.includes(key)) throw new UsageError(`${file} holds a table '${key}' this database does not have: it is not a salesctl dump`);
    if (!Array.isArray(dump[key])) throw new UsageError(`${file}: "${key}" is not a list of rows`);
  }
  return dump as Dump;
}

/**
 * Inserts every row of the dump with its id; call inside `inTransaction()`. Foreign keys are checked at commit,
 * so the order of rows does not matter; a row SQLite refuses names its table and position.
 */
export function restoreDump(db: Database, dump: Dump, file: string): Record<string, number> {
  // Checked empty before the transaction; another process may have written since: refuse the whole restore.
  if (!isEmptyDatabase(db)) throw new UsageError(`the database got records meanwhile (another salesctl wrote to it): nothing of ${file} was restored`);
  checkDumpRows(db, dump, file);
  db.pragma('defer_foreign_keys = ON');
  const counts: Record<string, number> = {};
  const insertCause = db.prepare('INSERT INTO postmortem_causes (postmortem_id, cause) VALUES (?, ?)');
  for (const table of dumpTables(db)) {
    const rows = (dump[table] ?? []) as unknown[];
    const columns = new Set((db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map((c) => c.name));
    const statements = new Map<string, Statement>();
    rows.forEach((row, index) => {
      const where = `${file}: ${table}[${index}]`;
      const { causes, ...values } = row as Record<string, unknown>;
      const keys = Object.keys(values);
      const unknown = keys.find((key) => !columns.has(key));
      if (unknown) throw new UsageError(`${where} has a field '${unknown}' the table does not have; nothing was restored`);
      const signature = keys.join('\u0000');
      let insert = statements.get(signature);
      if (!insert) {
        // Column names were checked against the table's own columns, never used as given.
        insert = db.prepare(`INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`);
        statements.set(signature, insert);
      }
      try {
        const info = insert.run(...keys.map((key) => toSqlValue(values[key], where, key)));
        if (table === 'postmortems' && Array.isArray(causes)) for (const cause of causes) insertCause.run(info.lastInsertRowid, String(cause));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${where} was refused by the database (${(error as Error).message}); nothing was restored`);
      }
    });
    counts[table] = rows.length;
  }
  const broken = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string; fkid: number }>;
  if (broken.length) {
    const first = broken[0]!;
    const field = (db.pragma(`foreign_key_list("${first.table}")`) as Array<{ id: number; from: string }>).find((fk) => fk.id === first.fkid)?.from ?? 'a reference';
    const index = ((dump[first.table] ?? []) as Array<Record<string, unknown>>).findIndex((row) => row?.id === first.rowid);
    const where = index >= 0 ? `${first.table}[${index}]` : `${first.table} row ${first.rowid}`;
    throw new UsageError(
      `${file}: ${where}.${field} refers to a ${first.parent} record the dump does not hold (${broken.length} broken reference${broken.length === 1 ? '' : 's'}); nothing was restored`,
    );
  }
  return counts;
}

/**
 * Checks every row of the dump with the rules the commands write by (db/storedRules.ts: instants, fixed
 * words, text lengths, ids) before anything is written; the first bad field is named by table, row and field.
 */
export function checkDumpRows(db: Database, dump: Dump, file: string): void {
  for (const table of dumpTables(db)) {
    const rows = (dump[table] ?? []) as unknown[];
    rows.forEach((row, index) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) throw new UsageError(`${file}: ${table}[${index}] is not an object; nothing was restored`);
      const problem = rowProblem(table, row as Record<string, unknown>);
      if (problem) throw new UsageError(`${file}: ${table}[${index}].${problem}; nothing was restored`);
    });
  }
}

function toSqlValue(value: unknown, where: string, key: string): string | number | null {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new UsageError(`${where}.${key} is not a stored value (a string, number or null); nothing was restored`);
}
