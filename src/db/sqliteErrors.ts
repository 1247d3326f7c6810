// SQLite's errors in the user's words: each lock, damage, full-disk, read-only and I/O code mapped to the
// documented exit code and one line naming the file (main.ts, doctor and opening the database all use it).
import { ExitError, FailureError, RefusedError } from '../errors.js';
import { describeFsError } from '../files/safeWrite.js';

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

/** Why a database could not be opened, as one line: a SQLite error translated, else the file-system error. */
export function openFailure(error: unknown, path: string): ExitError {
  const translated = translateSqliteError(error, path);
  if (translated instanceof ExitError) return translated;
  return new FailureError(`cannot open the database ${path}: ${describeFsError(error)}`, { cause: error });
}
