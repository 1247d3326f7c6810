// `salesctl import <file>`: prospects and deals (and next follow-ups) from a spreadsheet or a hosted CRM's
// CSV export, all or nothing; or the restore of an `export all` JSON dump into an empty database.
import { basename } from 'node:path';
import type { ImportFlags } from '../cli.js';
import type { Context } from '../context.js';
import { hint, warn } from '../context.js';
import { dateOnlyRule } from '../core/bestTime.js';
import { columnDateOrder, type DateOrder } from '../core/dates.js';
import { formatWhen } from '../render/instant.js';
import { fieldForHeader, mapColumns, normaliseHeader } from '../core/importMapping.js';
import { followupKey, nextFollowupAt, recordReader, type ImportRecord } from '../core/importRecords.js';
import { decimalFor, decodeFile, detectDelimiter, sameUtf8, type Decoded } from '../core/importText.js';
import { checkCurrency, formatMoney } from '../core/money.js';
import { isoInZone } from '../core/time.js';
import { UsageError } from '../errors.js';
import { readInputFile } from '../files/boundedRead.js';
import { countImport, dataVersion, findOpenDeals, loadProspects, prospectKey, refuseProspectsChangedMeanwhile, updateDeals, writeImport, type PlannedRecord } from '../db/importRows.js';
import { inTransaction } from '../db/transaction.js';
import { loggedAsRanges } from '../db/undoLog.js';
import type { Result } from '../render/result.js';
import { paint, safe, shellQuote } from '../render/text.js';
import { parseCsv } from './importCsv.js';
import { restore } from './importDump.js';
import { startProgress } from './importProgress.js';

/** Files longer than this get a progress bar on a terminal. */
const PROGRESS_FROM_ROWS = 2000;
/** Rows shown by --dry-run, and open-deal matches named one by one. */
const PREVIEW_ROWS = 5;

export async function run(ctx: Context, [path]: string[], flags: ImportFlags): Promise<Result> {
  const file = basename(path!);
  const bytes = readInputFile(path!);
  const decoded = await decodeFile(bytes, file, flags.encoding);
  const text = decoded.text;
  if (/\.json$/i.test(path!) || text.trimStart().startsWith('{')) return restore(ctx, text, file, Boolean(flags.dryRun));
  return importCsv(ctx, decoded, file, flags, bytes);
}

async function importCsv(ctx: Context, decoded: Decoded, file: string, flags: ImportFlags, bytes: Buffer): Promise<Result> {
  const raw = decoded.text;
  const said = flags.currency ?? ctx.env.SALESCTL_CURRENCY;
  const currency = checkCurrency(said ?? 'USD');
  const currencyFrom = said === undefined ? undefined : flags.currency ? '--currency' : 'SALESCTL_CURRENCY';
  const guesses: string[] = [];
  if (decoded.note) guesses.push(decoded.note);
  const text = raw.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const mapped = new Set((flags.map ?? []).map((m) => normaliseHeader(m.slice(0, m.lastIndexOf('=')))));
  // The header row is the first with a known header (or a --map one).
  const isHeader = (cells: string[]) => cells.some((c) => fieldForHeader(c) !== undefined || mapped.has(normaliseHeader(c)));
  // Without a carriage return to normalise, csv-parse (when needed) reads the file's bytes as they are.
  const sameBytes = raw.includes('\r') || decoded.encoding !== 'utf-8' ? undefined : sameUtf8(bytes, raw);
  const { headers, rows, lines, headerLine, preamble, footer, blank } = await parseCsv(text, delimiter, file, sameBytes, isHeader);
  if (preamble) warn(ctx, `${file}: skipped ${preamble} line${preamble === 1 ? '' : 's'} of notes before the header row (line ${headerLine})`);
  if (footer) warn(ctx, `${file}: skipped ${footer} line${footer === 1 ? '' : 's'} after the data (a report footer: totals, notices)`);
  if (blank) warn(ctx, `${file}: skipped ${blank} empty row${blank === 1 ? '' : 's'} (only separators)`);
  const mapping = mapColumns(headers, flags.map ?? []);
  for (const note of mapping.notes) warn(ctx, `${file}: ${note}`);
  // Each column nothing maps: one line, with the --map that keeps it; columns without a value in any row, one line for all.
  const unmappedAt = headers.map((h, i) => (mapping.fields[i] === null && mapping.unmapped.includes(h.trim()) ? i : -1)).filter((i) => i >= 0);
  const emptyColumns = unmappedAt.filter((i) => !rows.some((cells) => (cells[i] ?? '').trim() !== ''));
  for (const i of unmappedAt) {
    if (emptyColumns.includes(i)) continue;
    const h = safe(headers[i]!.trim());
    warn(ctx, `${file}: column '${h}' not imported (keep it with --map ${shellQuote(`${headers[i]!.trim()}=notes`)})`);
  }
  if (emptyColumns.length) warn(ctx, `${file}: ${emptyColumns.length} empty column${emptyColumns.length === 1 ? '' : 's'} not imported`);
  for (const extra of mapping.extras) guesses.push(`'${extra.header}' kept in notes: '${headers[mapping.fields.indexOf(extra.field)]?.trim()}' is the ${extra.field}`);
  const progress = await startProgress(ctx, rows.length, PROGRESS_FROM_ROWS);

  // Check every row before writing anything: one bad row stops the import with its line and column.
  const read = recordReader({ file, headers, mapping, currency, currencyFrom, decimal: decimalFor(delimiter) });
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
  for (const note of read.said) guesses.push(note);
  // Listed by a dry run; a real import keeps its documented default without a word, as before.
  if (flags.dryRun && read.defaulted.value) guesses.push(`amounts without a currency read as ${currency} (the default): say another with --currency`);
  const db = ctx.db();
  // Only the prospects the file names: the others are never looked up.
  const named = new Set(keys);
  const version = dataVersion(db);
  const existing = loadProspects(db, named);
  const planned: PlannedRecord[] = [];
  const header = headers[mapping.fields.indexOf('next_followup')]?.trim() ?? 'next follow-up';
  // Slashed dates: the column decides as a whole (an explicit --date-order or SALESCTL_DATE_ORDER first).
  const given = ctx.dateOrder?.from === 'flag' || ctx.dateOrder?.from === 'env' ? ctx.dateOrder.order : undefined;
  let order: DateOrder | undefined;
  if (!firstError && mapping.fields.includes('next_followup')) {
    const decided = columnDateOrder(records.map((r) => r.nextFollowup), given);
    if ('problem' in decided) {
      const line = (i: number) => records[i]!.line;
      throw new UsageError(`${file}, column '${header}': ${decided.problem(line)}; nothing was imported`);
    }
    order = decided.order;
    if (decided.evidence !== undefined) {
      guesses.push(`column '${header}' read ${order === 'dmy' ? 'day-first' : 'month-first'}: line ${records[decided.evidence]!.line} has '${records[decided.evidence]!.nextFollowup}'`);
    }
  }
  if (!firstError) {
    const cache = new Map<string, Date>();
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const key = keys[i]!;
      const known = existing.get(key);
      try {
        let followupAt: Date | null = null;
        if (record.nextFollowup) {
          const dateOnly = dateOnlyRule({ tz: known?.tz ?? record.prospect.tz, best_time_start: known?.best_time_start ?? null }, ctx.zone);
          // Looked up before any await: most rows repeat a date already read.
          const dateKey = followupKey(record.nextFollowup, dateOnly);
          followupAt = cache.get(dateKey) ?? null;
          if (!followupAt) {
            followupAt = await nextFollowupAt(record, { file, header, now: ctx.now, zone: ctx.zone, dateOnly, order });
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

  // No silent doubles: a row whose prospect already has an open deal of the same title is skipped (or, with
  // --update, updates that deal).
  const matches = findOpenDeals(db, planned, existing);
  const fresh = matches.size ? planned.filter((_, i) => !matches.has(i)) : planned;
  const updates = flags.update ? [...matches].map(([i, deal]) => ({ planned: planned[i]!, deal })) : [];
  let shown = 0;
  for (const [i, deal] of matches) {
    if (shown++ >= PREVIEW_ROWS) break;
    const r = planned[i]!.record;
    warn(ctx, `${file} line ${r.line}: ${safe(r.prospect.name)} already has the open deal #${deal.id} '${safe(r.deal.title)}': ${flags.update ? 'updated' : "skipped (--update updates it)"}`);
  }
  if (matches.size > PREVIEW_ROWS) warn(ctx, `${file}: and ${matches.size - PREVIEW_ROWS} more rows matching open deals ${flags.update ? 'updated' : 'skipped'}`);

  const nowMs = ctx.now.getTime();
  const past = fresh.filter((p) => p.followupAt && p.followupAt.getTime() < nowMs);
  if (past.length) {
    const earliest = past.reduce((a, b) => (a.followupAt! < b.followupAt! ? a : b)).followupAt!;
    warn(ctx, `${file}: ${past.length.toLocaleString('en-US')} follow-up${past.length === 1 ? ' is' : 's are'} in the past (the earliest ${formatWhen(earliest, ctx.zone)}): 'salesctl due' shows ${past.length === 1 ? 'it' : 'them'} as overdue`);
  }

  // A real import says what it had to guess (a dry run lists it below its table).
  if (!flags.dryRun) for (const g of guesses) warn(ctx, `${file}: ${g}`);
  const counts = countImport(fresh, existing);
  let ids = { firstDealId: null as number | null, lastDealId: null as number | null };
  if (!flags.dryRun) {
    progress.update(0, 'writing');
    // The statement journals of the multi-row INSERTs (a copy of each page one changes) stay in memory rather
    // than in a temporary file: set outside the transaction, where SQLite allows it.
    db.pragma('temp_store = MEMORY');
    // Undone as one change: one range of ids per table in the undo log, not a log row per imported row
    // (the deals --update changes are logged row by row, in the same change).
    const undoAs = `import of ${basename(file)}: ${fresh.length.toLocaleString('en-US')} deal${fresh.length === 1 ? '' : 's'} added${updates.length ? `, ${updates.length} updated` : ''}`;
    ids = inTransaction(db, () => {
      refuseProspectsChangedMeanwhile(db, named, existing, version, file);
      // Re-checked inside the transaction: a deal opened since is a double too. Only when another connection
      // committed since `version` (data_version): otherwise the first look, which `fresh` excludes, still holds.
      const again = dataVersion(db) === version ? undefined : findOpenDeals(db, fresh, existing);
      if (again?.size) throw new UsageError(`${file}: ${again.size} row${again.size === 1 ? '' : 's'} now match${again.size === 1 ? 'es' : ''} a deal opened meanwhile; nothing was imported: import again`);
      if (updates.length) updateDeals(db, updates, { now: ctx.now, source: file });
      return loggedAsRanges(db, ['prospects', 'deals', 'followups', 'events'], undoAs, () =>
        writeImport(db, fresh, existing, { now: ctx.now, source: file, onProgress: (n) => progress.update(n, 'writing') }));
    });
  }
  progress.stop();
  if (!flags.dryRun && counts.deals_created) hint(ctx, "see them with 'salesctl list', and the follow-ups due with 'salesctl due'");
  const preview = (flags.dryRun ? fresh.slice(0, PREVIEW_ROWS) : []).map(({ record, followupAt }) => {
    const zone = record.prospect.tz ?? ctx.zone;
    return {
      line: record.line,
      name: record.prospect.name,
      company: record.prospect.company,
      deal: record.deal.title,
      value: record.deal.value_minor !== null ? formatMoney(record.deal.value_minor, record.deal.currency!) : '',
      next_followup: followupAt ? `${formatWhen(followupAt, zone)} ${zone}` : '',
      next_followup_at: followupAt ? isoInZone(followupAt, zone) : null,
    };
  });
  const ignored = [...mapping.unmapped];

  return {
    json: {
      file,
      dry_run: Boolean(flags.dryRun),
      ...counts,
      first_deal_id: ids.firstDealId,
      last_deal_id: ids.lastDealId,
      currency,
      delimiter,
      encoding: decoded.encoding,
      unmapped_columns: mapping.unmapped,
      matching_open_deals: matches.size,
      deals_updated: updates.length && !flags.dryRun ? updates.length : 0,
      rows_skipped: flags.update ? 0 : matches.size,
      past_followups: past.length,
      guesses,
      ...(flags.dryRun ? { preview } : {}),
    },
    text(view) {
      const c = paint(view);
      const n = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
      const what =
        `${n(counts.deals_created, 'deal')} for ${n(counts.prospects_created, 'new prospect')}` +
        `${counts.prospects_reused ? ` (and ${n(counts.prospects_reused, 'existing prospect')})` : ''}` +
        `${counts.followups_created ? `, with ${n(counts.followups_created, 'follow-up')}` : ''} from ${safe(file)}`;
      const also =
        (matches.size ? `; ${n(matches.size, 'row')} matching open deals ${flags.update ? (flags.dryRun ? 'would be updated' : 'updated') : 'skipped'}` : '') +
        (past.length ? `; ${n(past.length, 'follow-up')} in the past` : '');
      if (!flags.dryRun) return `${c.green('Imported')} ${what}${also}\n`;
      const out = [`${c.yellow('Would import')} ${what}${also}; nothing was written (dry run)`];
      if (preview.length) {
        const cols = ['line', 'name', 'company', 'deal', 'value', 'next follow-up'] as const;
        const cells = preview.map((p) => [String(p.line), p.name, p.company, p.deal, p.value, p.next_followup].map((x) => safe(x)));
        const widths = cols.map((h, i) => Math.min(40, Math.max(h.length, ...cells.map((r) => r[i]!.length))));
        const cut = (x: string, w: number) => (x.length > w ? `${x.slice(0, w - 1)}…` : x.padEnd(w));
        out.push('', `  ${cols.map((h, i) => c.bold(cut(h, widths[i]!))).join('  ')}`.trimEnd());
        for (const r of cells) out.push(`  ${r.map((x, i) => cut(x, widths[i]!)).join('  ')}`.trimEnd());
        if (fresh.length > preview.length) out.push(`  … and ${n(fresh.length - preview.length, 'more row')}`);
      }
      out.push('', `Ignored columns: ${ignored.length ? ignored.map((h) => `'${safe(h)}'`).join(', ') : 'none'}`);
      out.push(guesses.length ? 'Guessed:' : 'Guessed: nothing');
      for (const g of guesses) out.push(`  - ${safe(g)}`);
      out.push(`Rows matching open deals already in the database: ${matches.size}${matches.size ? (flags.update ? ' (would be updated)' : ' (would be skipped; --update updates them)') : ''}`);
      return `${out.join('\n')}\n`;
    },
  };
}
