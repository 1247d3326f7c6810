// `salesctl export <what>`: CSV for spreadsheets, JSON for scripts, iCalendar for the phone's calendar, and
// `export all --format json`, the complete dump that `import` restores. Rows stream from SQLite to the
// output in chunks, so a million follow-ups export in flat memory.
//
// Without --out the data itself is stdout (and --json means the JSON data); with --out the data goes to
// the file and stdout gets the command's report: a line, or with --json {"what","format","rows","out"}.
import { resolve } from 'node:path';
import type { ExportFlags } from '../cli.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { dumpHeader, dumpTables, iterateDumpRows } from '../db/dump.js';
import { readSnapshot } from '../db/pagedRead.js';
import { EXPORTABLE, EXPORTS, iterateScheduledForCalendar, openExport, type Exportable } from '../db/exportQueries.js';
import { fileOutput, sinkOutput, type ChunkedOutput } from '../render/chunkedOutput.js';
import { dealNamesByText, followupCsvPages, followupCsvRange } from '../db/exportFollowupRows.js';
import { followupCsvPage } from '../render/exportFollowupsCsv.js';
import { csvDealNames, csvLines, jsonElement, jsonObjects } from '../render/exportCells.js';
import { csvHeader } from '../render/csv.js';
import { calendarChunks, type CalendarFollowup } from '../render/ics.js';
import { instant } from '../render/instant.js';
import type { Result } from '../render/result.js';
import { paint, safe, terminalText } from '../render/text.js';
import type { Sink } from '../context.js';

type Format = 'csv' | 'json' | 'ics';

export async function run(ctx: Context, [what]: string[], flags: ExportFlags): Promise<Result | void> {
  const target = checkWhat(what ?? '');
  const toFile = flags.out !== undefined && flags.out !== '-';
  // Without a file, --json asks for the data as JSON; with one, it asks for the report as JSON.
  const format: Format = !toFile && flags.json ? 'json' : (flags.format ?? 'csv');
  if (target === 'all' && format !== 'json') throw new UsageError("'export all' is the complete dump, written as JSON: use --format json");
  if (format === 'ics' && target !== 'followups') throw new UsageError(`--format ics is for follow-ups only: use 'salesctl export followups --format ics'`);
  if (toFile && !flags.out!.trim()) throw new UsageError('--out is empty: give a file name, e.g. --out deals.csv');

  ctx.db(); // opened (or refused) before the output file is made
  const output = toFile ? fileOutput(flags.out!, { database: ctx.dbPath }) : sinkOutput(ctx.isTTY ? terminalSink(ctx.stdout) : ctx.stdout);
  let rows: number;
  try {
    if (target === 'all') rows = await writeDump(ctx, output);
    else if (format === 'ics') rows = await writeCalendar(ctx, output);
    else rows = format === 'csv' ? await writeCsv(ctx, target, output) : await writeJson(ctx, target, output);
    await output.finish();
  } catch (error) {
    output.abort();
    throw error;
  }
  if (!toFile) return;
  const out = resolve(flags.out!);
  const words = target === 'all' ? 'records' : target === 'journal' ? 'journal entries' : target;
  return {
    json: { what: target, format, rows, out },
    text(view) {
      return `${paint(view).green('Exported')} ${rows.toLocaleString('en-US')} ${words} as ${format.toUpperCase()} to ${safe(out)}\n`;
    },
  };
}

/**
 * stdout on a terminal: the data's escape sequences and bidi controls are shown escaped, as tables show them
 * (a file or a pipe gets the exact text). A CR ending a chunk waits for the next: CRLF is the ICS line end.
 */
function terminalSink(sink: Sink): Sink {
  let held = '';
  return {
    write(text: string) {
      const whole = held + text;
      held = whole.endsWith('\r') && text !== '' ? '\r' : '';
      return sink.write(terminalText(held ? whole.slice(0, -1) : whole));
    },
  };
}

function checkWhat(what: string): Exportable | 'all' {
  const lower = what.trim().toLowerCase();
  if (lower === 'all' || (EXPORTABLE as readonly string[]).includes(lower)) return lower as Exportable | 'all';
  throw new UsageError(`cannot export '${what}': use one of ${EXPORTABLE.join(', ')} or all`);
}

async function writeCsv(ctx: Context, what: Exportable, output: ChunkedOutput): Promise<number> {
  if (what === 'followups') return writeFollowupsCsv(ctx, output);
  const { rows: stored, names, columns } = openExport(ctx.db(), what, 'csv', csvDealNames);
  const line = csvLines(columns, ctx.zone, names);
  let rows = 0;
  await output.write(csvHeader(EXPORTS[what].columns.map((column) => column.name)));
  for (const row of stored) {
    const waiting = output.write(line(row));
    if (waiting) await waiting;
    rows++;
  }
  return rows;
}

/** The follow-ups, the export that grows to millions of rows, read a page of joined values at a time. */
async function writeFollowupsCsv(ctx: Context, output: ChunkedOutput): Promise<number> {
  const db = ctx.db();
  const names = dealNamesByText(db, csvDealNames);
  const lines = followupCsvPage(EXPORTS.followups.csv!.columns, ctx.zone, names, followupCsvRange(db));
  let rows = 0;
  await output.write(csvHeader(EXPORTS.followups.columns.map((column) => column.name)));
  for (const page of followupCsvPages(db)) {
    for (const line of lines(page)) {
      const waiting = output.write(line);
      if (waiting) await waiting;
    }
    rows += page.count;
  }
  return rows;
}

async function writeJson(ctx: Context, what: Exportable, output: ChunkedOutput): Promise<number> {
  const { rows: stored, names } = openExport(ctx.db(), what);
  const toObject = jsonObjects(EXPORTS[what].columns, ctx.zone, names);
  let rows = 0;
  for (const row of stored) {
    const waiting = output.write(`${rows ? ',\n' : '[\n'}${jsonElement(toObject(row), 1)}`);
    if (waiting) await waiting;
    rows++;
  }
  await output.write(rows ? '\n]\n' : '[]\n');
  return rows;
}

/** The dump, printed exactly as `JSON.stringify(dump, null, 2)` would print it, one row at a time, from one snapshot. */
async function writeDump(ctx: Context, output: ChunkedOutput): Promise<number> {
  const db = ctx.db();
  return readSnapshot(db, async () => {
    const header = dumpHeader(db, instant(ctx.now.toISOString(), ctx.zone)!);
    await output.write(`{\n${Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')}`);
    let total = 0;
    for (const table of dumpTables(db)) {
      let rows = 0;
      await output.write(`,\n  ${JSON.stringify(table)}: [`);
      for (const row of iterateDumpRows(db, table)) {
        const waiting = output.write(`${rows ? ',' : ''}\n${jsonElement(row, 2)}`);
        if (waiting) await waiting;
        rows++;
      }
      await output.write(rows ? '\n  ]' : ']');
      total += rows;
    }
    await output.write('\n}\n');
    return total;
  });
}

async function writeCalendar(ctx: Context, output: ChunkedOutput): Promise<number> {
  let rows = 0;
  const followups = iterateScheduledForCalendar(ctx.db()) as Iterable<CalendarFollowup>;
  const counted = (function* () {
    for (const f of followups) {
      rows++;
      yield f;
    }
  })();
  for await (const chunk of calendarChunks(counted, { now: ctx.now })) await output.write(chunk);
  return rows;
}
