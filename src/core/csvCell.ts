// One CSV cell, the one rule for every CSV salesctl writes (listings, exports): a text cell that a spreadsheet
// would run as a formula gets a leading apostrophe, then RFC 4180 quoting; numbers stay numbers. The bytes are
// csv-stringify's (test/core/csvCell.test.ts holds them equal), written without a per-cell library call.

/** True when a spreadsheet would read text starting so as a formula: = + - @ tab CR LF. */
export function startsFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 || first === 10;
}

/** RFC 4180 quoting of one cell: in double quotes, a quote doubled, when it holds a comma, quote or line break. */
export function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text cell: the formula guard, then quoting. */
export function textCell(text: string): string {
  return quoteCell(startsFormula(text) ? `'${text}` : text);
}

/** A stored value of a text column (SQLite may hold a number there: it is text all the same), empty for null. */
export function storedTextCell(value: unknown): string {
  return value === null || value === undefined ? '' : textCell(String(value));
}

/** A yes/no (a boolean, or SQLite's 1/0) as true/false; empty for null. */
export function flagCell(value: unknown): string {
  return value === null || value === undefined ? '' : value ? 'true' : 'false';
}

/**
 * Any value as its cell: null and undefined empty, text through `textCell`, a number as JavaScript prints it
 * (never guarded: -5 is a number), a flag as true/false; a date as its milliseconds and anything else as its
 * JSON, as csv-stringify casts them.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'boolean') return flagCell(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value); // digits, '.', '-', 'e', '+': nothing to quote
  if (value instanceof Date) return String(value.getTime());
  return quoteCell(typeof value === 'object' ? JSON.stringify(value) : String(value));
}
