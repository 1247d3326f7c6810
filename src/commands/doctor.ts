// `salesctl doctor`: is the database whole (integrity_check, and foreign_key_check, which the first
// ignores), at the schema this program writes, readable by its owner only, its -wal its own, and every
// stored instant and fixed word valid? Opens the file without migrating it, so a damaged or newer file is
// examined as it is. Every check made is listed; exit 1 when something is wrong. The checks on the open
// database are the small functions of CHECKS: one more is one more line there.
import { statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { DoctorFlags } from '../cli.js';
import { viewOf, type Context } from '../context.js';
import { FailureError } from '../errors.js';
import { schemaVersion } from '../db/migrate.js';
import { LATEST_VERSION } from '../db/migrations/index.js';
import { differingOpenDeals } from '../db/openDeals.js';
import { json, paint, safe, shellQuote, table, type View } from '../render/text.js';
import { firstDamagedValue } from '../db/storedRules.js';
import { checkUndoLog } from '../db/undoLog.js';
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
  /** Every check made, in order, with its result. */
  checks: Array<{ check: string; result: string; ok: boolean }>;
}

/** One check of an open database: records its result (and any problem) in the report. */
type Check = (db: Database, report: DoctorReport) => void;

/** The checks on the open database, in order. */
const CHECKS: Check[] = [checkSchema, checkIntegrity, checkForeignKeys, checkOpenDeals, checkUndo, checkStoredValues];

export async function run(ctx: Context, _args: string[], flags: DoctorFlags): Promise<void> {
  const report = await examine(ctx);
  const view = viewOf(ctx);
  ctx.stdout.write(flags.json ? json(report) : describe(report, view));
  if (!report.ok) {
    // The problems are listed above, each once: this line only gives the verdict.
    const n = report.problems.length;
    throw new FailureError(`doctor found ${n} problem${n === 1 ? '' : 's'} with ${report.path}${flags.json ? ' (see "problems")' : ''}`);
  }
}

async function examine(ctx: Context): Promise<DoctorReport> {
  const inMemory = ctx.dbPath === ':memory:';
  const path = inMemory ? ':memory:' : resolve(ctx.dbPath);
  const report: DoctorReport = {
    ok: true, path, exists: true, size_bytes: null, schema_version: null, latest_version: LATEST_VERSION,
    integrity: [], foreign_key_violations: [], permissions: { file: null, folder: null, owner_only: true }, problems: [], warnings: [], checks: [],
  };
  if (!inMemory) {
    let file: Stats;
    try {
      file = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        report.exists = false;
        report.warnings.push(`no database at ${path} yet: the first command that saves something creates it`);
        return report;
      }
      // A database this user cannot reach is not "no database": say so, exit 1.
      fail(report, 'file', `cannot read ${path}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied (check the folder and file permissions)' : (error as Error).message}`);
      report.ok = false;
      return report;
    }
    checkFile(path, file, report);
  }
  let db: Database | undefined;
  let mine = false;
  try {
    if (inMemory) db = ctx.db();
    else {
      const { openDatabase } = await import('../db/open.js');
      // Opening checks the header, the -wal and the schema version before SQLite reads anything.
      db = openDatabase(path, { migrate: false });
      mine = true;
    }
    pass(report, 'header and -wal', 'ok');
    for (const check of CHECKS) check(db, report);
  } catch (error) {
    const { translateSqliteError } = await import('../db/sqliteErrors.js');
    const known = translateSqliteError(error, path);
    fail(report, report.checks.length ? 'database' : 'header and -wal', known instanceof Error ? known.message : String(known));
  } finally {
    if (mine && db?.open) db.close();
  }
  report.ok = report.problems.length === 0;
  return report;
}

function pass(report: DoctorReport, check: string, result: string): void {
  report.checks.push({ check, result, ok: true });
}

function fail(report: DoctorReport, check: string, problem: string, result = problem): void {
  report.checks.push({ check, result, ok: false });
  if (!report.problems.includes(problem)) report.problems.push(problem);
}

function checkFile(path: string, file: Stats, report: DoctorReport): void {
  const folder = statSync(dirname(path));
  report.size_bytes = file.size;
  report.permissions = { file: mode(file.mode), folder: mode(folder.mode), owner_only: (file.mode & 0o077) === 0 && (folder.mode & 0o077) === 0 };
  const perms = `file ${mode(file.mode)}, folder ${mode(folder.mode)}`;
  if (file.mode & 0o044) fail(report, 'permissions', `others can read ${path} (mode ${mode(file.mode)}): run chmod 600 ${shellQuote(path)}`, perms);
  if (folder.mode & 0o044) fail(report, 'permissions', `others can list ${dirname(path)} (mode ${mode(folder.mode)}): run chmod 700 ${shellQuote(dirname(path))}`, perms);
  if (!report.permissions.owner_only && !(file.mode & 0o044) && !(folder.mode & 0o044)) {
    report.warnings.push(`group or others have some access to ${path} or its folder: owner-only (600/700) is safest`);
  }
  if (report.permissions.owner_only) pass(report, 'permissions', perms);
  else if (!(file.mode & 0o044) && !(folder.mode & 0o044)) pass(report, 'permissions', `${perms} (see the note)`);
}

function checkSchema(db: Database, report: DoctorReport): void {
  const version = schemaVersion(db);
  report.schema_version = version;
  if (version < LATEST_VERSION) report.warnings.push(`schema version ${version} is older than ${LATEST_VERSION}: the next command migrates it (after a backup)`);
  pass(report, 'schema version', `${version} (this salesctl writes ${LATEST_VERSION})`);
}

function checkIntegrity(db: Database, report: DoctorReport): void {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
  report.integrity = integrity;
  if (integrity.length === 1 && integrity[0] === 'ok') pass(report, 'integrity', 'ok');
  else fail(report, 'integrity', `the integrity check found ${integrity.length} fault${integrity.length === 1 ? '' : 's'}: restore a backup or a dump`, `${integrity.length} faults`);
}

function checkForeignKeys(db: Database, report: DoctorReport): void {
  const violations = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number | null; parent: string }>;
  report.foreign_key_violations = violations.map(({ table, rowid, parent }) => ({ table, rowid, parent }));
  if (!violations.length) return pass(report, 'foreign keys', 'ok');
  const first = violations[0]!;
  fail(
    report, 'foreign keys',
    `${violations.length} row${violations.length === 1 ? ' refers' : 's refer'} to missing records (first: ${first.table} row ${first.rowid} → ${first.parent})`,
    `${violations.length} broken references`,
  );
}

/** open_deals is derived (migration 4): its triggers keep it equal to the deals it comes from. */
function checkOpenDeals(db: Database, report: DoctorReport): void {
  if ((report.schema_version ?? 0) < 4) return;
  if (report.problems.length) {
    report.checks.push({ check: 'open-deal list', result: 'not checked (fix the problems above first)', ok: true });
    return;
  }
  const differing = differingOpenDeals(db);
  if (!differing) return pass(report, 'open-deal list', 'ok');
  fail(
    report, 'open-deal list',
    `the open-deal list that 'due' reads is wrong for ${differing} deal${differing === 1 ? '' : 's'}: dump with 'salesctl export all --format json' and restore it into a new database`,
    `wrong for ${differing} deals`,
  );
}

/** The undo log (migration 5): its triggers, its current-change marker and its rows (db/undoLog.ts). */
function checkUndo(db: Database, report: DoctorReport): void {
  if ((report.schema_version ?? 0) < 5) return;
  const problems = checkUndoLog(db);
  if (!problems.length) return pass(report, 'undo log', 'ok');
  for (const problem of problems) fail(report, 'undo log', problem, `${problems.length} problem${problems.length === 1 ? '' : 's'}`);
}

/** Every stored instant, fixed word, text length and id, by the rules the commands write by. */
function checkStoredValues(db: Database, report: DoctorReport): void {
  let checked = 0;
  const damaged = firstDamagedValue(db, () => checked++);
  if (damaged) fail(report, 'stored values', `${damaged}: correct it with the command that owns it, or restore a backup`, 'damaged values');
  else pass(report, 'stored values', `ok (${checked.toLocaleString('en-US')} rows)`);
}

function mode(bits: number): string {
  return (bits & 0o777).toString(8).padStart(4, '0');
}

function describe(report: DoctorReport, view: View): string {
  const c = paint(view);
  const good = (yes: boolean, text: string) => (yes ? c.green(text) : c.red(text));
  const where = report.path === ':memory:' ? 'in memory' : report.path;
  const file = report.size_bytes === null ? where : `${where} (${formatBytes(report.size_bytes)})`;
  const rows: string[][] = [['database', safe(file)]];
  for (const check of report.checks) rows.push([check.check, good(check.ok, safe(check.result))]);
  // Each problem once: as its check's result, or on a line of its own.
  for (const problem of report.problems) if (!report.checks.some((check) => check.result === problem)) rows.push(['problem', c.red(safe(problem))]);
  for (const warning of report.warnings) rows.push(['note', safe(warning)]);
  const verdict = report.ok ? c.green('no problems found') : c.red(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} found`);
  return `${table(view, ['Check', { header: 'Result', cut: 1 }], rows)}${view.isTTY ? `${verdict}\n` : ''}`;
}
