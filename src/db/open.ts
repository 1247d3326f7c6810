import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { FailureError, RefusedError } from '../errors.js';
import { migrate, refuseNewer, schemaVersion } from './migrate.js';
import { LATEST_VERSION } from './migrations/index.js';

/** How long a writer waits for another process's lock before giving up with exit 4. */
export const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Create the parent folder (0700) when missing: true for the default data folder only. */
  createFolder?: boolean;
  /** Migrate to the latest schema (default true). */
  migrate?: boolean;
  /** Where a pre-migration backup goes; default `<file>.before-v<N>.bak`. */
  now?: Date;
}

/**
 * Opens (creating on first use) and migrates the salesctl database. The order matters: the file is
 * read (user_version) before anything can write to it, so a newer or foreign file is left untouched.
 */
export function openDatabase(path: string, options: OpenOptions = {}): DB {
  if (path === ':memory:') {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  }
  const folder = dirname(path);
  if (!existsSync(folder)) {
    if (!options.createFolder) throw new FailureError(`cannot open the database ${path}: the folder ${folder} does not exist`);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new FailureError(`cannot create the data folder ${folder}: ${(error as Error).message}`);
    }
  }
  const isNew = !existsSync(path);
  if (isNew) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new FailureError(`cannot create the database ${path}: ${describeFsError(error)}`);
    }
  } else if (statSync(path).isDirectory()) {
    throw new FailureError(`cannot open the database ${path}: it is a folder, not a file`);
  }
  let db: DB;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new FailureError(`cannot open the database ${path}: ${describeFsError(error)}`);
  }
  try {
    let version: number;
    try {
      version = schemaVersion(db);
    } catch (error) {
      throw new FailureError(`${path} is not a salesctl database (${(error as Error).message}); the file was not changed`);
    }
    refuseNewer(db, path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (options.migrate !== false && version < LATEST_VERSION) {
      if (version > 0) backupBeforeMigrating(db, path, version);
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    throw translateSqliteError(error, path);
  }
}

/** Writes `<file>.v<N>.bak` beside an existing database before its schema changes. */
function backupBeforeMigrating(db: DB, path: string, fromVersion: number): void {
  const target = `${path}.v${fromVersion}.bak`;
  if (existsSync(target)) return;
  db.prepare('VACUUM INTO ?').run(target);
  chmodSync(target, 0o600);
}

/** Maps SQLite's lock and file errors to the documented exit codes; anything else passes through. */
export function translateSqliteError(error: unknown, path: string): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new RefusedError(`database busy: another salesctl is writing to ${path}; try again`);
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new FailureError(`${path} is not a salesctl database or is damaged (${(error as Error).message}); run 'salesctl doctor'`);
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR')) {
    return new FailureError(`cannot write to the database ${path}: ${(error as Error).message}`);
  }
  return error;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'the folder does not exist';
  if (code === 'EROFS') return 'the file system is read-only';
  return (error as Error).message;
}

/** Runs `work` in one BEGIN IMMEDIATE transaction: every write in salesctl goes through here. */
export function write<T>(db: DB, work: () => T): T {
  return db.transaction(work).immediate();
}
