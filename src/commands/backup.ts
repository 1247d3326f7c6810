// `salesctl backup <file>`: a consistent copy of the database, safe while another salesctl is writing:
// SQLite's VACUUM INTO reads one snapshot and writes a compact, standalone file (mode 0600).
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { FailureError, UsageError } from '../errors.js';
import { schemaVersion } from '../db/migrate.js';
import { openSqlite } from '../db/sqlite.js';
import type { Result } from '../render/result.js';
import { paint, safe } from '../render/text.js';

export async function run(ctx: Context, [file]: string[]): Promise<Result> {
  if (!file?.trim()) throw new UsageError('give the backup file, e.g. salesctl backup ~/sales-2026-11-22.db');
  const target = resolve(file);
  if (ctx.dbPath !== ':memory:' && resolve(ctx.dbPath) === target) throw new UsageError(`${target} is the database itself: give another file name`);
  const db = ctx.db();
  // Created empty first, owner-only, refusing to replace anything: VACUUM INTO accepts an empty file.
  try {
    closeSync(openSync(target, 'wx', 0o600));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${target} already exists: give a new file name (a backup never replaces a file)`);
    if (code === 'ENOENT') throw new UsageError(`cannot write ${target}: the folder does not exist`);
    throw new FailureError(`cannot write ${target}: ${(error as Error).message}`);
  }
  let version: number;
  try {
    db.prepare('VACUUM INTO ?').run(target);
    version = checkCopy(target);
  } catch (error) {
    rmSync(target, { force: true });
    if (error instanceof FailureError) throw error;
    throw new FailureError(`the backup to ${target} failed: ${(error as Error).message}; no backup was written`);
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
