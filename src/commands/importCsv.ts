// Reading an imported CSV file into checked records: splitCsv reads the common, well-formed file, csv-parse
// any other (and names its error); this module finds the line of each record and refuses ragged rows with it.
import { UsageError } from '../errors.js';
import type { Delimiter } from '../core/importText.js';
import { splitCsv } from './importCsvSplit.js';

/** The records of a file after its header row, each with the line it starts on (`lines[i]` for `rows[i]`). */
export interface CsvRows {
  headers: string[];
  rows: string[][];
  lines: number[];
  /** The line of the header row, and how many records before it were skipped (a preamble of notes). */
  headerLine: number;
  preamble: number;
  /** Rows after the data that are not data (a report's totals and copyright): skipped. */
  footer: number;
  /** Rows of only delimiters (';;;;'), skipped. */
  blank: number;
}

/**
 * Parses the whole text (line breaks already normalised to \n); the first record is the header row. A file
 * `splitCsv` cannot read goes to csv-parse, given `bytes` (the text's own UTF-8 bytes) when there are.
 */
export async function parseCsv(
  text: string,
  delimiter: Delimiter,
  file: string,
  bytes?: Buffer,
  isHeader: (cells: string[]) => boolean = () => true,
): Promise<CsvRows> {
  const records = splitCsv(text, delimiter) ?? (await parseAll(bytes ?? text, delimiter, file));
  // Each record takes one line plus the line breaks inside its quoted cells; an empty line is a record
  // of one empty cell. Counting them gives every record the line it starts on.
  // When every line break of the text ends a record, no cell holds one and the cells need no search.
  const breaks = countNewlines(text);
  const endsWithBreak = text.length > 0 && text[text.length - 1] === '\n';
  const inCells = breaks !== records.length - (endsWithBreak || !records.length ? 0 : 1);
  // Every non-empty record with the line it starts on; a blank one (an empty line, or only delimiters) is
  // skipped, and marks the record after it (a report's footer follows a blank line).
  const kept: string[][] = [];
  const keptLines: number[] = [];
  const afterBlank = new Set<number>();
  let blank = 0;
  let next = 1;
  for (let r = 0; r < records.length; r++) {
    const cells = records[r]!;
    const line = next;
    next += 1;
    if (inCells) for (const cell of cells) if (cell.includes('\n')) next += countNewlines(cell);
    if (cells[0] === '' && isBlank(cells)) {
      if (cells.length > 1) blank++;
      afterBlank.add(kept.length);
      continue;
    }
    kept.push(cells);
    keptLines.push(line);
  }
  if (!kept.length) throw new UsageError(`${file} is empty: it needs a header row (Name, Company, Email, …) and one row per deal`);
  // Notes before the header row (LinkedIn's Connections.csv) are skipped, and said; when no row looks like
  // a header, the first is the header and the mapping says what is missing.
  let at = kept.findIndex(isHeader);
  if (at < 0) at = 0;
  const headers = kept[at]!;
  const headerLine = keptLines[at]!;
  const preamble = at;
  let rows = kept.slice(at + 1);
  let lines = keptLines.slice(at + 1);
  const width = headers.length;
  // A report's footer (Salesforce: totals, 'Confidential Information', copyright): short rows after the data.
  // They follow a blank line: the short rows from there to the end.
  let footer = 0;
  while (footer < 10 && rows.length - footer > 1 && rows[rows.length - 1 - footer]!.length < width && rows[rows.length - 1 - footer]!.length <= 2) footer++;
  while (footer > 0 && !afterBlank.has(at + 1 + rows.length - footer)) footer--;
  if (footer) {
    rows = rows.slice(0, rows.length - footer);
    lines = lines.slice(0, lines.length - footer);
  }
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.length !== width && (cells.length < width || cells.slice(width).some((cell) => cell.trim() !== ''))) {
      throw new UsageError(
        `${file} line ${lines[i]}: the row has ${cells.length} cells, the header has ${width} (a cell holding '${delimiter === '\t' ? '\\t' : delimiter}' or a line break needs double quotes)`,
      );
    }
  }
  return { headers, rows, lines, headerLine, preamble, footer, blank };
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

async function parseAll(text: string | Buffer, delimiter: Delimiter, file: string): Promise<string[][]> {
  const { parse } = await import('csv-parse/sync');
  try {
    // Plain arrays and no per-record callback: an `on_record` makes csv-parse build an info object per record.
    return parse(text, { delimiter, relax_column_count: true }) as string[][];
  } catch {
    throw locateParseError(parse, text, delimiter, file);
  }
}

type Parse = typeof import('csv-parse/sync').parse;

/**
 * csv-parse stops at the first broken record; the file is read again, counting the lines of the records
 * before it, to name the line that record starts on. Only a file that fails takes this second pass.
 */
function locateParseError(parse: Parse, text: string | Buffer, delimiter: Delimiter, file: string): UsageError {
  let next = 1;
  try {
    parse(text, {
      delimiter,
      relax_column_count: true,
      on_record: (cells: string[]) => {
        next += 1;
        for (const cell of cells) if (cell.includes('\n')) next += countNewlines(cell);
        return null;
      },
    });
  } catch (error) {
    return new UsageError(`${file} line ${next}: ${describeParseError(error)}`);
  }
  return new UsageError(`${file}: cannot read the file as CSV`);
}

function countNewlines(text: string | Buffer): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted cell opened here is never closed: add the closing double quote';
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE') {
    return 'a double quote inside a cell: quote the whole cell and double the quote ("")';
  }
  return (error as Error).message;
}
