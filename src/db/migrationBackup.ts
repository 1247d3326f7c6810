// The copy of a database kept beside it before its schema changes: `<file>.v<N>.bak`.
import { existsSync } from 'node:fs';
import type { Database as DB } from 'better-sqlite3';
import { FailureError } from '../errors.js';
import { describeFsError, isDiskFull, startFile } from '../files/safeWrite.js';
import { schemaVersion } from './migrate.js';
import { openSqlite } from './sqlite.js';

/**
 * Writes `<file>.v<N>.bak` beside an existing database before its schema changes. The copy is made under
 * a temporary name and linked into place only if it really is version N, so a process that finds the
 * backup present can rely on it, even when several first runs of a new salesctl race.
 */
export function backupBeforeMigrating(db: DB, path: string, fromVersion: number): void {
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
