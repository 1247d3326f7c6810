// CSV for spreadsheets: RFC 4180 through csv-stringify, with formula injection neutralised.
import { stringify } from 'csv-stringify/sync';

/** Characters that make a spreadsheet read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers. */
export function neutraliseFormula(cell: unknown): unknown {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One header row and one row per record, CRLF-free (\n) unless asked, every text cell guarded. */
export function csv(columns: string[], rows: Array<Array<unknown>>): string {
  return stringify([columns, ...rows.map((row) => row.map((cell) => neutraliseFormula(cell ?? '')))], {
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
}
