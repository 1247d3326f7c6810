// `salesctl doctor`: is the database whole (integrity_check, and foreign_key_check, which the first
// ignores), at the schema this program writes, and readable by its owner only? Opens the file without
// migrating it, so a damaged or newer file is examined as it is. Exit 1 when something is wrong.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { viewOf, type Context } from '../context.js';
import { ExitError, FailureError } from '../errors.js';
import { schemaVersion } from '../db/migrate.js';
import { LATEST_VERSION } from '../db/migrations/index.js';
import { differingOpenDeals } from '../db/openDeals.js';
import { checkUndoLog } from '../db/undoLog.js';
import { json, paint, safe, table, type View } from '../render/text.js';
import { formatBytes } from './backup.js';

interface Permissions {
  file: string | null;
  folder: string | null;
  owner_only: boolean;
}

export interface DoctorReport {
  ok: boolean;
  path: string;
  exists: boolean;
  size_bytes: number | null;
  schema_version: number | null;
  latest_version: number;
  integrity: string[];
  foreign_key_violations: Array<{ table: string; rowid: number | null; parent: string }>;
  permissions: Permissions;
  problems: string[];
  warnings: string[];
}

export async function run(ctx: Context, _args: string[], flags: { json?: boolean }): Promise<void> {
  const report = await examine(ctx);
  const view = viewOf(ctx);
  ctx.stdout.write(flags.json ? json(report) : describe(report, view));
  if (!report.ok) {
    const n = report.problems.length;
    throw new FailureError(`${n} problem${n === 1 ? '' : 's'} with the database: ${report.problems[0]}`);
  }
}

async function examine(ctx: Context): Promise<DoctorReport> {
  const inMemory = ctx.dbPath === ':memory:';
  const path = inMemory ? ':memory:' : resolve(ctx.dbPath);
  const report: DoctorReport = {
    ok: true, path, exists: inMemory || existsSync(path), size_bytes: null, schema_version: null, latest_version: LATEST_VERSION,
    integrity: [], foreign_key_violations: [], permissions: { file: null, folder: null, owner_only: true }, problems: [], warnings: [],
  };
  if (!report.exists) {
    report.warnings.push(`no database at ${path} yet: the first command that saves something creates it`);
    return report;
  }
  if (!inMemory) checkFile(path, report);
  let db: Database | undefined;
  let mine = false;
  try {
    if (inMemory) db = ctx.db();
    else {
      const { openDatabase } = await import('../db/open.js');
      db = openDatabase(path, { migrate: false });
      mine = true;
    }
    checkDatabase(db, report);
  } catch (error) {
    const { translateSqliteError } = await import('../db/open.js');
    const known = translateSqliteError(error, path);
    report.problems.push(known instanceof ExitError || known instanceof Error ? (known as Error).message : String(known));
  } finally {
    if (mine && db?.open) db.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}

function checkFile(path: string, report: DoctorReport): void {
  const file = statSync(path);
  const folder = statSync(dirname(path));
  report.size_bytes = file.size;
  report.permissions = { file: mode(file.mode), folder: mode(folder.mode), owner_only: (file.mode & 0o077) === 0 && (folder.mode & 0o077) === 0 };
  if (file.mode & 0o044) report.problems.push(`others can read ${path} (mode ${mode(file.mode)}): run chmod 600 '${path}'`);
  if (folder.mode & 0o044) report.problems.push(`others can list ${dirname(path)} (mode ${mode(folder.mode)}): run chmod 700 '${dirname(path)}'`);
  if (!report.permissions.owner_only && !(file.mode & 0o044) && !(folder.mode & 0o044)) {
    report.warnings.push(`group or others have some access to ${path} or its folder: owner-only (600/700) is safest`);
  }
}

function checkDatabase(db: Database, report: DoctorReport): void {
  const version = schemaVersion(db);
  report.schema_version = version;
  if (version < LATEST_VERSION) report.warnings.push(`schema version ${version} is older than ${LATEST_VERSION}: the next command migrates it (after a backup)`);
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
  report.integrity = integrity;
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    report.problems.push(`the integrity check found ${integrity.length} fault${integrity.length === 1 ? '' : 's'}: restore a backup or a dump`);
  }
  const violations = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  report.foreign_key_violations = violations.map(({ table, rowid, parent }) => ({ table, rowid, parent }));
  if (violations.length) {
    const first = violations[0]!;
    report.problems.push(
      `${violations.length} row${violations.length === 1 ? ' refers' : 's refer'} to missing records (first: ${first.table} row ${first.rowid} → ${first.parent})`,
    );
  }
  if (version >= 5 && report.problems.length === 0) report.problems.push(...checkUndoLog(db));
  if (version >= 4 && report.problems.length === 0) {
    // open_deals is derived (migration 4): its triggers keep it equal to the deals it comes from.
    const differing = differingOpenDeals(db);
    if (differing) {
      report.problems.push(
        `the open-deal list that 'due' reads is wrong for ${differing} deal${differing === 1 ? '' : 's'}: dump with 'salesctl export all --format json' and restore it into a new database`,
      );
    }
  }
}

function mode(bits: number): string {
  return (bits & 0o777).toString(8).padStart(4, '0');
}

function describe(report: DoctorReport, view: View): string {
  const c = paint(view);
  const good = (yes: boolean, text: string) => (yes ? c.green(text) : c.red(text));
  const where = report.path === ':memory:' ? 'in memory' : report.path;
  const file = report.size_bytes === null ? where : `${where} (${formatBytes(report.size_bytes)})`;
  const perms = report.permissions.file ? `file ${report.permissions.file}, folder ${report.permissions.folder}` : '-';
  const rows: string[][] = [['database', safe(file)]];
  if (report.exists) {
    rows.push(['permissions', report.permissions.file ? good(report.permissions.owner_only, perms) : perms]);
    const schema = report.schema_version === null ? 'unknown' : `${report.schema_version} (this salesctl writes ${report.latest_version})`;
    rows.push(['schema version', good(report.schema_version !== null && report.schema_version <= report.latest_version, schema)]);
    const integrity = report.integrity.length ? (report.integrity[0] === 'ok' ? 'ok' : `${report.integrity.length} faults`) : 'not checked';
    rows.push(['integrity', good(integrity === 'ok', integrity)]);
    const fk = report.foreign_key_violations.length ? `${report.foreign_key_violations.length} broken references` : report.integrity.length ? 'ok' : 'not checked';
    rows.push(['foreign keys', good(fk === 'ok', fk)]);
  }
  for (const problem of report.problems) rows.push(['problem', c.red(safe(problem))]);
  for (const warning of report.warnings) rows.push(['note', safe(warning)]);
  const verdict = report.ok ? c.green('no problems found') : c.red(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found`);
  return `${table(view, ['check', 'result'], rows)}${view.isTTY ? `${verdict}\n` : ''}`;
}
