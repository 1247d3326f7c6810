// Restoring an `export all --format json` dump: only into an empty database, all rows in one transaction.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { checkDump, checkDumpRows, isEmptyDatabase, restoreDump } from '../db/dump.js';
import { inTransaction } from '../db/transaction.js';
import { loggedAsRanges } from '../db/undoLog.js';
import { basename } from 'node:path';
import type { Result } from '../render/result.js';
import { paint, safe, table } from '../render/text.js';

/** What a restore fills, in the order it does: undone in the reverse order, the database empty again. */
const RESTORED_TABLES = ['prospects', 'deals', 'commitments', 'followups', 'postmortems', 'postmortem_causes', 'journal', 'events'];

export async function restore(ctx: Context, text: string, file: string, dryRun: boolean): Promise<Result> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}): give a dump made by 'salesctl export all --format json'`);
  }
  const db = ctx.db();
  const dump = checkDump(data, file, db);
  if (!isEmptyDatabase(db)) {
    throw new UsageError(
      `a dump is restored only into an empty database and ${ctx.dbPath} has records: restore into a new file with --db new.db; nothing was restored`,
    );
  }
  if (dryRun) checkDumpRows(db, dump, file);
  const counts = dryRun
    ? Object.fromEntries(Object.entries(dump).filter(([, rows]) => Array.isArray(rows)).map(([t, rows]) => [t, (rows as unknown[]).length]))
    : inTransaction(db, () => loggedAsRanges(db, RESTORED_TABLES, `restore of ${basename(file)} into the empty database`, () => restoreDump(db, dump, file)));
  return {
    json: { file, dry_run: dryRun, schema_version: dump.schema_version, exported_at: dump.exported_at ?? null, restored: counts },
    text(view) {
      const c = paint(view);
      const head = dryRun ? `${c.yellow('Would restore')} ${safe(file)}; nothing was written (dry run)` : `${c.green('Restored')} ${safe(file)}`;
      const rows = Object.entries(counts).map(([t, n]) => [t, n]);
      return `${head}\n${table(view, ['Table', 'Rows'], rows)}`;
    },
  };
}
