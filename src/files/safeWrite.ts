// The one way salesctl writes a file (export --out, backup, the backup before a migration): never onto the
// database or its companions, never into a device or a FIFO, never through a link someone planted, and never
// half a file under the name the user gave.
//
// The file is written under a temporary name in the target's own folder, created exclusively (O_EXCL, which
// also refuses a symbolic link in its place), owner-only, with a random part no one can guess; it is
// fsync'ed, then renamed over the target in one step. On a failure, SIGINT or SIGTERM the temporary file is
// removed. `kill -9` cannot be caught: then the temporary file (and, for a backup, SQLite's `-journal` of
// it) stays behind, never under the final name, and the next salesctl that writes into that folder removes
// the ones whose process is gone.
import { closeSync, constants, fstatSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FailureError, UsageError } from '../errors.js';

/** What a written file must never be: the database, its -wal/-shm/-journal and its migration backups. */
export interface Protected {
  /** The database file ('' or ':memory:' for none). */
  database: string;
}

/** A file being written: write to `fd` (or let SQLite write to `temporary`), then `commit()` or `abort()`. */
export interface PendingFile {
  readonly path: string;
  readonly temporary: string;
  readonly fd: number;
  write(text: string | Buffer): void;
  /** fsyncs, closes and renames the temporary file over `path`. */
  commit(): void;
  /** Closes and removes the temporary file; safe to call twice. */
  abort(): void;
}

const TEMPORARY = /^\.(.+)\.salesctl-(\d+)-[0-9a-f]{12}\.tmp(-journal|-wal|-shm)?$/;
const pending = new Set<string>();
let handlersInstalled = false;

/** Removes this process's temporary files; on SIGINT/SIGTERM, then dies of the same signal. */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const clean = () => {
    for (const file of pending) removeTemporary(file);
  };
  process.on('exit', clean);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      clean();
      process.kill(process.pid, signal);
    });
  }
}

/** Deletes a temporary file (and its -journal, when SQLite left one) and forgets it. */
function removeTemporary(file: string): void {
  for (const suffix of ['', '-journal']) {
    try {
      unlinkSync(file + suffix);
    } catch {
      // not there
    }
  }
  pending.delete(file);
}

/** Why `path` may not be written, or null: the database and its companions, by name and by identity. */
function protectedReason(path: string, target: string, guard: Protected): string | null {
  const database = guard.database && guard.database !== ':memory:' ? canonical(resolve(guard.database)) : '';
  if (!database) return null;
  const companions = ['', '-wal', '-shm', '-journal'];
  if (companions.some((suffix) => target === database + suffix)) return `${path} is the database or one of its files: give another file name`;
  if (target.startsWith(`${database}.v`) && /\.v\d+\.bak$/.test(target)) return `${path} is a backup the database keeps: give another file name`;
  // The same file under another name (a hard link, a second path to it).
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return null;
  }
  for (const suffix of companions) {
    try {
      const other = statSync(database + suffix);
      if (other.dev === stat.dev && other.ino === stat.ino) return `${path} is the database or one of its files: give another file name`;
    } catch {
      // not there
    }
  }
  return null;
}

/** `path` with its folder's links resolved (the file itself may not exist yet). */
function canonical(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

/**
 * Checks `path` can be written as a file (refusing the database, devices, FIFOs, folders: exit 2) and opens
 * its temporary file. `replace: false` refuses an existing file too (backups never replace one).
 */
export function startFile(path: string, guard: Protected, options: { replace?: boolean } = {}): PendingFile {
  if (!path.trim()) throw new UsageError('the file name is empty: give a file name, e.g. deals.csv');
  const target = canonical(resolve(path));
  const reason = protectedReason(path, target, guard);
  if (reason) throw new UsageError(reason);
  sweepStale(dirname(target), basename(target));
  let existing;
  try {
    // A link is not followed: /dev/stdout is a link to a descriptor, and a planted link could point anywhere.
    existing = lstatSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new UsageError(`cannot write ${path}: a part of the path is a file, not a folder`);
    if (code !== 'ENOENT') throw new FailureError(`cannot write ${path}: ${describeFsError(error)}`);
  }
  if (existing) {
    if (existing.isSymbolicLink()) throw new UsageError(`${path} is a symbolic link: give the file it points to by its own name, or --out - for stdout`);
    if (existing.isDirectory()) throw new UsageError(`${path} is a folder: give a file name`);
    if (!existing.isFile()) throw new UsageError(`${path} is not a regular file (a device, FIFO or socket): give a file name, or --out - for stdout`);
    if (options.replace === false) throw new UsageError(`${path} already exists: give a new file name (a backup never replaces a file)`);
  }
  const folder = dirname(target);
  try {
    if (!statSync(folder).isDirectory()) throw new UsageError(`cannot write ${path}: ${folder} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot write ${path}: the folder ${folder} does not exist`);
    throw new FailureError(`cannot write ${path}: ${describeFsError(error)}`);
  }
  installHandlers();
  const temporary = join(folder, `.${basename(target)}.salesctl-${process.pid}-${randomHex()}.tmp`);
  let fd: number;
  try {
    // O_EXCL: a file or link already there is an error, never followed; O_NOFOLLOW for good measure.
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw writeFailure(path, error);
  }
  pending.add(temporary);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
  const remove = () => removeTemporary(temporary);
  return {
    path,
    temporary,
    fd,
    write(text) {
      try {
        const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
        for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
      } catch (error) {
        throw writeFailure(path, error);
      }
    },
    commit() {
      try {
        // The name still holds the file this process created (nobody swapped it for a link meanwhile).
        const mine = fstatSync(fd);
        const there = lstatSync(temporary);
        if (mine.ino !== there.ino || mine.dev !== there.dev) throw new FailureError(`cannot write ${path}: its temporary file was replaced by another program; nothing was saved`);
        fsyncSync(fd);
        close();
        if (options.replace === false) {
          // link() never replaces: a file that appeared under the name meanwhile is kept, and this one refused.
          linkSync(temporary, target);
          unlinkSync(temporary);
        } else renameSync(temporary, target);
        pending.delete(temporary);
        try {
          unlinkSync(`${temporary}-journal`);
        } catch {
          // none
        }
        syncFolder(folder);
      } catch (error) {
        try {
          close();
        } catch {
          // already closed
        }
        remove();
        if (error instanceof FailureError) throw error;
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path} already exists: give a new file name (a backup never replaces a file)`);
        throw writeFailure(path, error);
      }
    },
    abort() {
      try {
        close();
      } catch {
        // already closed
      }
      remove();
    },
  };
}

/** Makes the rename durable: fsync of the folder (not possible everywhere; then the rename stands as is). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // a folder that cannot be opened or synced: the rename is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes temporary files of `name` that this user's killed (kill -9) salesctl runs left in `folder`. */
function sweepStale(folder: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const entry of entries) {
    const match = TEMPORARY.exec(entry);
    if (!match || match[1] !== name) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    const file = join(folder, entry);
    try {
      const stat = lstatSync(file);
      if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) continue;
      unlinkSync(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** 12 random hex digits. node:crypto is reached only here: open.ts is on every command's start-up path. */
function randomHex(): string {
  return process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file-system error in words, as every message of salesctl says it (opening, reading and writing files). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (isDiskFull(error)) return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOENT') return 'the folder does not exist';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EEXIST') return 'a file of that name appeared meanwhile';
  return ((error as Error)?.message ?? String(error)).split('\n')[0]!;
}

/** A failed write in one line; a full disk says so first. */
export function writeFailure(path: string, error: unknown): FailureError {
  if (error instanceof FailureError) return error;
  if (isDiskFull(error)) return new FailureError(`the disk is full: nothing was saved (writing ${path}); free some space and try again`, { cause: error });
  return new FailureError(`cannot write ${path}: ${describeFsError(error)}; nothing was saved`, { cause: error });
}

/** True when the error is a full disk. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}
