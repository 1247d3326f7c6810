// `salesctl import <file>`: prospects and deals (and next follow-ups) from a spreadsheet or a hosted CRM's
// CSV export, all or nothing; or the restore of an `export all` JSON dump into an empty database.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Context } from '../context.js';
import { hint, warn } from '../context.js';
import { mapColumns } from '../core/importMapping.js';
import { followupKey, nextFollowupAt, recordReader, type ImportRecord } from '../core/importRecords.js';
import { decimalFor, decodeText, detectDelimiter, sameUtf8 } from '../core/importText.js';
import { checkCurrency } from '../core/money.js';
import { UsageError } from '../errors.js';
import { countImport, loadProspects, prospectKey, writeImport, type PlannedRecord } from '../db/importRows.js';
import { write } from '../db/open.js';
import { loggedAsRanges } from '../db/undoLog.js';
import type { Result } from '../render/result.js';
import { paint, safe } from '../render/text.js';
import { parseCsv } from './importCsv.js';
import { restore } from './importDump.js';
import { startProgress } from './importProgress.js';

export interface ImportFlags {
  map?: string[];
  currency?: string;
  dryRun?: boolean;
}

/** Files longer than this get a progress bar on a terminal. */
const PROGRESS_FROM_ROWS = 2000;

export async function run(ctx: Context, [path]: string[], flags: ImportFlags): Promise<Result> {
  const file = basename(path!);
  const bytes = readInput(path!);
  const text = decodeText(bytes, file);
  if (/\.json$/i.test(path!) || text.trimStart().startsWith('{')) return restore(ctx, text, file, Boolean(flags.dryRun));
  return importCsv(ctx, text, file, flags, bytes);
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no file ${path}: give the path of a CSV export or an 'export all' JSON dump`);
    if (code === 'EISDIR') throw new UsageError(`${path} is a folder: give the path of a CSV file`);
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function importCsv(ctx: Context, raw: string, file: string, flags: ImportFlags, bytes: Buffer): Promise<Result> {
  const currency = checkCurrency(flags.currency ?? ctx.env.SALESCTL_CURRENCY ?? 'USD');
  const text = raw.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  // Without a carriage return to normalise, csv-parse (when needed) reads the file's bytes as they are.
  const { headers, rows, lines } = await parseCsv(text, delimiter, file, raw.includes('\r') ? undefined : sameUtf8(bytes, raw));
  const mapping = mapColumns(headers, flags.map ?? []);
  if (mapping.unmapped.length) {
    const first = mapping.unmapped[0]!;
    warn(ctx, `${file}: not imported, no field for ${mapping.unmapped.map((h) => `'${safe(h)}'`).join(', ')} (map one with --map '${safe(first)}=notes', or --map '${safe(first)}=ignore')`);
  }
  const progress = await startProgress(ctx, rows.length, PROGRESS_FROM_ROWS);

  // Check every row before writing anything: one bad row stops the import with its line and column.
  const read = recordReader({ file, headers, mapping, currency, decimal: decimalFor(delimiter) });
  const records: ImportRecord[] = [];
  const keys: string[] = [];
  let firstError: UsageError | undefined;
  let badRows = 0;
  for (let i = 0; i < rows.length; i++) {
    try {
      const record = read(rows[i]!, lines[i]!);
      records.push(record);
      keys.push(prospectKey(record.prospect.name, record.prospect.company));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      firstError ??= error;
      badRows++;
    }
  }
  const db = ctx.db();
  // Only the prospects the file names: the others are never looked up.
  const existing = loadProspects(db, new Set(keys));
  const planned: PlannedRecord[] = [];
  if (!firstError) {
    const header = headers[mapping.fields.indexOf('next_followup')]?.trim() ?? 'next follow-up';
    const cache = new Map<string, Date>();
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const key = keys[i]!;
      const known = existing.get(key);
      const dateOnly = known?.best_time_start && known.tz ? { time: known.best_time_start, zone: known.tz } : undefined;
      try {
        let followupAt: Date | null = null;
        if (record.nextFollowup) {
          // Looked up before any await: most rows repeat a date already read.
          const dateKey = followupKey(record.nextFollowup, dateOnly);
          followupAt = cache.get(dateKey) ?? null;
          if (!followupAt) {
            followupAt = await nextFollowupAt(record, { file, header, now: ctx.now, zone: ctx.zone, dateOnly });
            if (followupAt) cache.set(dateKey, followupAt);
          }
        }
        planned.push({ record, followupAt, key });
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        firstError ??= error;
        badRows++;
      }
      if (planned.length % 1000 === 0) progress.update(planned.length, 'checking');
    }
  }
  if (firstError) {
    progress.stop();
    const more = badRows > 1 ? ` (and ${badRows - 1} more bad row${badRows > 2 ? 's' : ''})` : '';
    throw new UsageError(`${firstError.message}${more}; nothing was imported`);
  }

  const counts = countImport(planned, existing);
  let ids = { firstDealId: null as number | null, lastDealId: null as number | null };
  if (!flags.dryRun) {
    progress.update(0, 'writing');
    // The statement journals of the multi-row INSERTs (a copy of each page one changes) stay in memory rather
    // than in a temporary file: set outside the transaction, where SQLite allows it.
    db.pragma('temp_store = MEMORY');
    // Undone as one change: one range of ids per table in the undo log, not a log row per imported row.
    const undoAs = `import of ${basename(file)}: ${planned.length.toLocaleString('en-US')} deal${planned.length === 1 ? '' : 's'} added`;
    ids = write(db, () =>
      loggedAsRanges(db, ['prospects', 'deals', 'followups', 'events'], undoAs, () =>
        writeImport(db, planned, existing, { now: ctx.now, source: file, onProgress: (n) => progress.update(n, 'writing') })));
  }
  progress.stop();
  if (!flags.dryRun && counts.deals_created) hint(ctx, "see them with 'salesctl list', and the follow-ups due with 'salesctl due'");

  return {
    json: {
      file,
      dry_run: Boolean(flags.dryRun),
      ...counts,
      first_deal_id: ids.firstDealId,
      last_deal_id: ids.lastDealId,
      currency,
      delimiter,
      unmapped_columns: mapping.unmapped,
    },
    text(view) {
      const c = paint(view);
      const n = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
      const what =
        `${n(counts.deals_created, 'deal')} for ${n(counts.prospects_created, 'new prospect')}` +
        `${counts.prospects_reused ? ` (and ${n(counts.prospects_reused, 'existing prospect')})` : ''}` +
        `${counts.followups_created ? `, with ${n(counts.followups_created, 'follow-up')}` : ''} from ${safe(file)}`;
      return flags.dryRun ? `${c.yellow('Would import')} ${what}; nothing was written (dry run)\n` : `${c.green('Imported')} ${what}\n`;
    },
  };
}
