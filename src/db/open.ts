import { accessSync, readFileSync, closeSync, constants, existsSync, fchmodSync, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as DB } from 'better-sqlite3';
import { ExitError, FailureError, RefusedError, UsageError } from '../errors.js';
import { migrate, refuseNewer, schemaVersion } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { waitSync } from '../waitSync.js';
import { openSqlite } from './sqlite.js';
import { foreignWal } from './walCheck.js';
import { describeFsError, isDiskFull, startFile } from '../files/safeWrite.js';
import { beginChange, endChange, setChangeClock } from './undoLog.js';

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

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

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
    inWal = inspectExisting(path, latest);
    // A file or folder this user cannot write (a read-only mount, another owner's file): read-only, so reads
    // work without the -shm SQLite would create, and a write says "read-only".
    readonly = !canWrite(path) || !canWrite(dirname(path));
  } else createEmpty(path);

  let db: DB;
  try {
    db = openSqlite(readonly ? readOnlySource(path) : path, { timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS, fileMustExist: true, readonly });
  } catch (error) {
    throw asOpenFailure(error, path);
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

function prepareFolder(path: string, create: boolean): void {
  const folder = dirname(path);
  let stat;
  try {
    stat = statSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new FailureError(`cannot open the database ${path}: ${describeFsError(error)}`);
    if (!create) throw new FailureError(`cannot open the database ${path}: the folder ${folder} does not exist (create it first)`);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (mkdirError) {
      throw new FailureError(`cannot create the data folder ${folder}: ${describeFsError(mkdirError)}`);
    }
    return;
  }
  if (!stat.isDirectory()) throw new FailureError(`cannot open the database ${path}: ${folder} is a file, not a folder`);
}

/**
 * Refuses a folder, a device or FIFO, a foreign file, a damaged header, a newer database or a -wal that is
 * not its own by the header alone, before SQLite opens it. Returns whether the header says the file is in
 * WAL mode (bytes 18 and 19 both 2). One open, one fstat and one read of 100 bytes on the usual path.
 */
function inspectExisting(path: string, latest: number): boolean {
  let header: Buffer;
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO given as the database must not wait for a writer; its type is checked first.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new FailureError(`cannot open the database ${path}: it is a folder, not a file`);
    throw new FailureError(`cannot read the database ${path}: ${describeFsError(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FailureError(`cannot open the database ${path}: it is a folder, not a file`);
    if (!stat.isFile()) throw new UsageError(`${path} is not a regular file (a device, FIFO or socket): give the path of a database file with --db`);
    header = Buffer.alloc(100);
    header = header.subarray(0, readSync(fd, header, 0, 100, 0));
    // An empty file becomes a database only owner-only: it will hold personal data.
    if (header.length === 0 && stat.mode & 0o077) fchmodSync(fd, 0o600);
  } catch (error) {
    if (error instanceof ExitError) throw error;
    throw new FailureError(`cannot read the database ${path}: ${describeFsError(error)}`);
  } finally {
    closeSync(fd);
  }
  if (header.length === 0) return false; // created by a first run that has not written yet: SQLite's locks take over.
  if (!header.subarray(0, MAGIC.length).equals(MAGIC.subarray(0, header.length))) {
    throw new FailureError(`${path} is not a salesctl database (not a SQLite file); the file was not changed`);
  }
  if (header.length === 100) {
    // Bytes 21-23 are fixed by the file format, 18-19 are 1 or 2: anything else is a damaged header.
    if (header[21] !== 64 || header[22] !== 32 || header[23] !== 32 || !(header[18]! >= 1 && header[18]! <= 2) || !(header[19]! >= 1 && header[19]! <= 2)) {
      throw new FailureError(`${path} is damaged (its SQLite header is not valid); run 'salesctl doctor' or restore a backup; the file was not changed`);
    }
    const version = header.readUInt32BE(60);
    if (version > latest) {
      throw new RefusedError(
        `${path} has schema version ${version}, newer than this salesctl understands (${latest}): upgrade salesctl; the file was not changed`,
      );
    }
    const inWal = header[18] === 2 && header[19] === 2;
    if (inWal) checkWal(path, header);
    return inWal;
  }
  return false;
}

/**
 * Refuses a -wal that is not this database's (db/walCheck.ts), leaving both files untouched. Usually there is
 * no -wal (the last connection removes it): one failed open. A live WAL that another salesctl is writing can
 * change under the read, so a verdict stands only when the database header and the WAL read the same twice.
 */
function checkWal(path: string, header: Buffer): void {
  const wal = `${path}-wal`;
  // The usual case, and the start-up path of every command: no -wal, one access() and no exception built.
  if (!existsSync(wal)) return;
  for (let attempt = 0; ; attempt++) {
    const reason = foreignWal(wal, header);
    if (!reason) return;
    const again = readHeader(path);
    if (attempt < 3 && (!again || !again.equals(header) || foreignWal(wal, again) !== reason)) {
      if (again?.length === 100) header = again;
      waitSync(2);
      continue;
    }
    throw new FailureError(
      `${wal} does not belong to ${path} (${reason}): SQLite would replay it into the database; move it away if it is not this database's; both files were left untouched`,
    );
  }
}

function readHeader(path: string): Buffer | undefined {
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const header = Buffer.alloc(100);
      return header.subarray(0, readSync(fd, header, 0, 100, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/**
 * What to open a read-only database from. In a folder nobody can write (a read-only mount) SQLite cannot
 * create the -shm a WAL database needs, and this build of SQLite takes no URI (immutable=1): with no -wal
 * there is nothing to replay and nobody can change the file, so its image is read into memory and opened
 * there (marked as a rollback-journal file in that copy, as SQLite reads WAL files only through a -shm).
 */
function readOnlySource(path: string): string | Buffer {
  if (canWrite(dirname(path)) || existsSync(`${path}-wal`)) return path;
  const image = readFileSync(path);
  if (image.length >= 100) image[18] = image[19] = 1;
  return image;
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function createEmpty(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new FailureError(`cannot create the database ${path}: ${describeFsError(error)}`);
    }
  }
}

function hasForeignTables(db: DB): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 1").get());
}

function migrateOrExplain(db: DB, path: string, migrations: Migration[]): void {
  try {
    migrate(db, migrations);
  } catch (error) {
    const translated = translateSqliteError(error, path);
    if (translated instanceof ExitError) throw translated;
    const now = schemaVersion(db);
    const next = migrations.find((m) => m.version > now);
    throw new FailureError(
      `could not update ${path} to schema version ${next?.version ?? '?'} (${next?.name ?? 'unknown'}): ${(error as Error).message}; ` +
        `it was left unchanged at version ${now}`,
    );
  }
}

/**
 * Writes `<file>.v<N>.bak` beside an existing database before its schema changes. The copy is made under
 * a temporary name and linked into place only if it really is version N, so a process that finds the
 * backup present can rely on it, even when several first runs of a new salesctl race.
 */
function backupBeforeMigrating(db: DB, path: string, fromVersion: number): void {
  const target = `${path}.v${fromVersion}.bak`;
  if (existsSync(target)) return;
  // Through the one file writer: an exclusive owner-only temporary file, linked into place (never replacing).
  const pending = startFile(target, { database: '' }, { replace: false });
  try {
    db.prepare('VACUUM INTO ?').run(pending.temporary);
    const copy = openSqlite(pending.temporary, { readonly: true, fileMustExist: true });
    const copied = schemaVersion(copy);
    copy.close();
    if (copied !== fromVersion) {
      pending.abort();
      return;
    }
    pending.commit();
  } catch (error) {
    pending.abort();
    // Another first run of the new salesctl linked its backup first: that one is as good.
    if (existsSync(target)) return;
    if (isDiskFull(error)) throw new FailureError(`the disk is full: nothing was saved (the backup ${target} before updating the database); free some space and try again`);
    throw new FailureError(`cannot write the backup ${target} before updating the database: ${describeFsError(error)}; nothing was changed`);
  }
}

/** Maps SQLite's lock and file errors to the documented exit codes; anything else passes through. */
export function translateSqliteError(error: unknown, path: string): unknown {
  if (error instanceof ExitError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_')) {
    return new RefusedError(`database busy, try again: another program is writing to ${path} (waited past the timeout; nothing was changed)`, { cause: error });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) {
    return new FailureError(`${path} is not a salesctl database or is damaged (${message}); run 'salesctl doctor'`, { cause: error });
  }
  if (code === 'SQLITE_FULL') return new FailureError(`the disk holding ${path} is full: nothing was saved; free some space and try again`, { cause: error });
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_')) {
    return new FailureError(`cannot write to the database ${path}: it is read-only (check the file and folder permissions); nothing was saved`, { cause: error });
  }
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_CANTOPEN_') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new FailureError(`cannot open the database ${path}: ${message}`, { cause: error });
  }
  if (code.startsWith('SQLITE_IOERR')) return new FailureError(`cannot read or write the database ${path}: ${message} (${code}); nothing was saved`, { cause: error });
  return error;
}

function asOpenFailure(error: unknown, path: string): ExitError {
  const translated = translateSqliteError(error, path);
  if (translated instanceof ExitError) return translated;
  return new FailureError(`cannot open the database ${path}: ${describeFsError(error)}`, { cause: error });
}


/** Runs `work` in one BEGIN IMMEDIATE transaction: every write in salesctl goes through here. */
export function write<T>(db: DB, work: () => T): T {
  return db
    .transaction(() => {
      const change = beginChange(db); // the undo log's change: exactly this transaction (migration 5)
      const result = work();
      endChange(db, change);
      return result;
    })
    .immediate();
}
