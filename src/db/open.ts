// Opening the salesctl database: the header and folder checks first (db/fileHeader.ts, db/folder.ts), then
// SQLite with its pragmas, and the schema brought up to date (db/migrate.ts, with db/migrationBackup.ts's copy).
// Its neighbours: db/sqliteErrors.ts (errors in the user's words), db/transaction.ts (every write).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as DB } from 'better-sqlite3';
import { ExitError, FailureError, UsageError } from '../errors.js';
import { migrate, migrateOrExplain, refuseNewer, schemaVersion } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { waitSync } from '../waitSync.js';
import { openSqlite } from './sqlite.js';
import { setChangeClock } from './undoLog.js';
import { checkHeader } from './fileHeader.js';
import { canWrite, createEmpty, prepareFolder, readOnlySource } from './folder.js';
import { backupBeforeMigrating } from './migrationBackup.js';
import { openFailure, translateSqliteError } from './sqliteErrors.js';

/** How long a writer waits for another process's lock before giving up with exit 4. */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Create the parent folder (0700) when missing: true for the default data folder only. */
  createFolder?: boolean;
  /** Migrate to the latest schema (default true). */
  migrate?: boolean;
  /** How long to wait for another writer's lock (default BUSY_TIMEOUT_MS, or $SALESCTL_BUSY_TIMEOUT_MS via main). */
  busyTimeoutMs?: number;
  /** The migrations to apply (tests inject fake ones; default: every shipped migration). */
  migrations?: Migration[];
  now?: Date;
}

/** Reads $SALESCTL_BUSY_TIMEOUT_MS (milliseconds, 0-600000), or the default. */
export function busyTimeoutFrom(env: Record<string, string | undefined>): number {
  const text = env.SALESCTL_BUSY_TIMEOUT_MS;
  if (text === undefined || text === '') return BUSY_TIMEOUT_MS;
  if (!/^\d{1,6}$/.test(text) || Number(text) > 600_000) {
    throw new UsageError(`SALESCTL_BUSY_TIMEOUT_MS='${text}' is not a number of milliseconds: use e.g. 5000 (at most 600000)`);
  }
  return Number(text);
}

/**
 * Opens (creating on first use) and migrates the salesctl database. The order matters: the file's header
 * is read with plain file I/O before SQLite touches it, so a newer or foreign file is left byte-for-byte
 * untouched (no -wal or -shm appears beside it).
 */
export function openDatabase(path: string, options: OpenOptions = {}): DB {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (path === ':memory:') {
    const db = openSqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    setChangeClock(db, options.now);
    return db;
  }
  prepareFolder(path, Boolean(options.createFolder));
  let inWal = false;
  let readonly = false;
  if (existsSync(path)) {
    inWal = checkHeader(path, latest);
    // A file or folder this user cannot write (a read-only mount, another owner's file): read-only, so reads
    // work without the -shm SQLite would create, and a write says "read-only".
    readonly = !canWrite(path) || !canWrite(dirname(path));
  } else createEmpty(path);

  let db: DB;
  try {
    db = openSqlite(readonly ? readOnlySource(path) : path, { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS, fileMustExist: true, readonly });
  } catch (error) {
    throw openFailure(error, path);
  }
  try {
    let version: number;
    try {
      version = schemaVersion(db);
    } catch (error) {
      const translated = translateSqliteError(error, path);
      if (translated instanceof ExitError) throw translated;
      throw new FailureError(`${path} is not a salesctl database (${(error as Error).message}); the file was not changed`);
    }
    refuseNewer(db, path, latest);
    // One snapshot for both reads: another first run may commit the schema in between.
    if (version === 0 && db.transaction(() => schemaVersion(db) === 0 && hasForeignTables(db))()) {
      throw new FailureError(`${path} is a SQLite database of another program, not salesctl's; the file was not changed`);
    }
    // A file already in WAL says so in its header, and the mode persists: asking SQLite again costs a lock.
    if (!inWal && !readonly) enableWal(db, options.busyTimeoutMs ?? BUSY_TIMEOUT_MS);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // SQLite's own default page cache (2 MB), not better-sqlite3's 16 MB: a command reads each page about
    // once, and every page the cache grows into is fresh memory the kernel must fault in and zero. `due` at
    // 100k deals ran 6 ms faster (31 runs A/B, both orders). import sets a larger one for its transaction.
    db.pragma('cache_size = -2000');
    if (options.migrate !== false && version < latest && readonly) {
      throw new FailureError(`cannot update ${path} to schema version ${latest}: it is read-only (check the file and folder permissions); nothing was changed`);
    }
    if (options.migrate !== false && version < latest) {
      if (version > 0) backupBeforeMigrating(db, path, version);
      migrateOrExplain(db, path, migrations);
    }
    setChangeClock(db, options.now);
    return db;
  } catch (error) {
    db.close();
    throw translateSqliteError(error, path);
  }
}

/**
 * Switches a new database to WAL. SQLite answers that switch with SQLITE_BUSY at once, without its busy
 * handler, when another first run holds the file at the same moment; so the switch is retried here, for
 * as long as any other lock would be waited for. On a database already in WAL it is a no-op.
 */
function enableWal(db: DB, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      waitSync(pause);
    }
  }
}

function hasForeignTables(db: DB): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1").get());
}
