// `salesctl backup <file>`: a consistent copy of the database, safe while another salesctl is writing:
// SQLite's VACUUM INTO reads one snapshot and writes a compact, standalone file (mode 0600), through
// files/safeWrite.ts: a temporary file renamed into place once the copy passed its check.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitError, FailureError, UsageError } from '../errors.js';
import { isDiskFull, startFile, writeFailure } from '../files/safeWrite.js';
import { schemaVersion } from '../db/migrate.js';
import { openSqlite } from '../db/sqlite.js';
import type { Result } from '../render/result.js';
import { paint, safe } from '../render/text.js';

export async function run(ctx: Context, [file]: string[]): Promise<Result> {
  if (!file?.trim()) throw new UsageError('give the backup file, e.g. salesctl backup ~/sales-2026-11-22.db');
  const target = resolve(file);
  const guard = { database: ctx.dbPath };
  // Refused before the database is opened: a backup never replaces a file, nor lands on the database.
  startFile(file, guard, { replace: false }).abort();
  const db = ctx.db();
  // VACUUM INTO writes a consistent copy into the new, empty, owner-only temporary file; the copy is checked,
  // then renamed into place: a killed backup leaves nothing under the final name, and a retry works.
  const pending = startFile(file, guard, { replace: false });
  let version: number;
  try {
    db.prepare('VACUUM INTO ?').run(pending.temporary);
    version = checkCopy(pending.temporary);
    pending.commit();
  } catch (error) {
    pending.abort();
    if (error instanceof ExitError) throw error;
    if (isDiskFull(error)) throw writeFailure(target, error);
    throw new FailureError(`the backup to ${target} failed: ${(error as Error).message.split('\n')[0]}; no backup was written`);
  }
  const bytes = statSync(target).size;
  return {
    json: { file: target, bytes, schema_version: version, database: ctx.dbPath },
    text(view) {
      return `${paint(view).green('Backed up')} ${safe(ctx.dbPath)} to ${safe(target)} (${formatBytes(bytes)})\n`;
    },
  };
}

/** Opens the copy read-only and checks it: a backup that cannot be restored is worse than none. */
function checkCopy(path: string): number {
  const copy = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    const result = copy.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new FailureError(`the backup at ${path} failed its check (${String(result)}); run 'salesctl doctor'`);
    return schemaVersion(copy);
  } finally {
    copy.close();
  }
}

/** 1536 → '1.5 KB'. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
