// Reading an imported CSV file into checked records: csv-parse does the parsing (quotes, newlines in cells),
// this module finds the line of each record and refuses ragged rows with that line.
import { UsageError } from '../errors.js';
import type { Delimiter } from '../core/importText.js';

/** One record of the file and the line it starts on. */
export interface CsvRow {
  cells: string[];
  line: number;
}

/** Parses the whole text (line breaks already normalised to \n); the first record is the header row. */
export async function parseCsv(text: string, delimiter: Delimiter, file: string): Promise<{ headers: string[]; rows: CsvRow[] }> {
  const { parse } = await import('csv-parse/sync');
  // Each record takes one line plus the line breaks inside its quoted cells; an empty line is a record
  // of one empty cell. Counting them gives every record the line it starts on.
  let next = 1;
  let parsed: CsvRow[];
  try {
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      on_record: (cells: string[]) => {
        const line = next;
        next += 1;
        for (const cell of cells) if (cell.includes('\n')) next += countNewlines(cell);
        return (cells.length === 1 && cells[0] === '' ? null : { cells, line }) as unknown as string[];
      },
    }) as unknown as CsvRow[];
  } catch (error) {
    throw new UsageError(`${file} line ${next}: ${describeParseError(error)}`);
  }
  if (!parsed.length) throw new UsageError(`${file} is empty: it needs a header row (Name, Company, Email, …) and one row per deal`);
  const headers = parsed[0]!.cells;
  const rows = parsed.slice(1);
  for (const { cells, line } of rows) {
    if (cells.length < headers.length || cells.slice(headers.length).some((cell) => cell.trim() !== '')) {
      throw new UsageError(
        `${file} line ${line}: the row has ${cells.length} cells, the header has ${headers.length} (a cell holding '${delimiter === '\t' ? '\\t' : delimiter}' or a line break needs double quotes)`,
      );
    }
  }
  return { headers, rows };
}

function countNewlines(text: string): number {
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
