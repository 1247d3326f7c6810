// Turning exported rows of stored values into CSV lines and JSON objects, fast enough for a million rows:
// instants are formatted through render/instant.ts's per-day text, cells quoted without a per-row library call.
import { instantFormatter } from './instant.js';
import { toDecimalString, toMajor } from '../core/money.js';
import type { ExportColumn } from '../db/exportQueries.js';
import { jsonSafe } from './text.js';

/** RFC 4180 quoting of one cell, as csv-stringify does it (a test holds the two equal). */
export function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV header line of an export. */
export function csvHeader(columns: ExportColumn[]): string {
  return columns.map((column) => quoteCell(column.name)).join(',') + '\r\n';
}

/** A text cell for a spreadsheet: a formula start gets an apostrophe (as `neutraliseFormula`), then quoting. */
export function textCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  const first = text.charCodeAt(0);
  // = + - @ tab CR LF
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 || first === 10) text = `'${text}`;
  return quoteCell(text);
}

type Cell = (value: unknown, row: unknown[]) => string;

function csvCells(columns: ExportColumn[], zone: string): Cell[] {
  const instant = instantFormatter(zone);
  const currencyAt = columns.findIndex((column) => column.name === 'currency');
  return columns.map((column): Cell => {
    switch (column.kind) {
      case 'int':
        return (value) => (value === null ? '' : String(value));
      case 'bool':
        return (value) => (value === null ? '' : value ? 'true' : 'false');
      case 'instant':
        return (value) => (value === null ? '' : instant(value as string));
      case 'cells':
        return (value) => (value === null ? '' : String(value));
      case 'money':
        return (value, row) => (value === null || !row[currencyAt] ? '' : toDecimalString(value as number, row[currencyAt] as string));
      case 'list':
        return (value) => textCell(readList(value).join('; '));
      default:
        return textCell;
    }
  });
}

/**
 * A converter of stored rows to CSV lines (CRLF, as RFC 4180 says): text cells guarded against formula
 * injection, numbers and money as plain numbers, instants with the offset of `zone`, lists joined by '; '.
 * With `names` (see `openExport`) the deal's three name cells are formatted once per deal.
 */
export function csvLines(
  columns: ExportColumn[],
  zone: string,
  names: Map<unknown, unknown> | null = null,
  /** The names hold `csvDealNames` of each deal rather than its stored names. */
  formatted = false,
): (row: unknown[]) => string {
  const cells = csvCells(columns, zone);
  if (!names) {
    return (row) => {
      let line = cells[0]!(row[0], row);
      for (let i = 1; i < cells.length; i++) line += ',' + cells[i]!(row[i], row);
      return line + '\r\n';
    };
  }
  const rest = cells.slice(5);
  if (formatted) {
    return (row) => {
      let line = cells[0]!(row[0], row) + ',' + cells[1]!(row[1], row) + ',' + ((names.get(row[1]) as string | undefined) ?? ',,');
      for (let i = 0; i < rest.length; i++) line += ',' + rest[i]!(row[i + 2], row);
      return line + '\r\n';
    };
  }
  // Formatted deal cells, a bounded number of them (memory stays flat); a deal's rows are often neighbours.
  const byDeal = new Map<unknown, string>();
  let lastId: unknown;
  let last = '';
  return (row) => {
    let deal = row[1] === lastId ? last : byDeal.get(row[1]);
    if (deal === undefined) {
      const name = (names.get(row[1]) as unknown[] | undefined) ?? [];
      deal = `${cells[1]!(row[1], row)},${textCell(name[1] ?? null)},${textCell(name[2] ?? null)},${textCell(name[3] ?? null)}`;
      if (byDeal.size >= 10_000) byDeal.clear();
      byDeal.set(row[1], deal);
    }
    lastId = row[1];
    last = deal;
    let line = cells[0]!(row[0], row) + ',' + deal;
    for (let i = 0; i < rest.length; i++) line += ',' + rest[i]!(row[i + 2], row);
    return line + '\r\n';
  };
}

/** A deal's names ([deal_id, prospect_name, company, deal_title]) as their three CSV cells, one string. */
export function csvDealNames(deal: unknown[]): string {
  const cells = `${textCell(deal[1] ?? null)},${textCell(deal[2] ?? null)},${textCell(deal[3] ?? null)}`;
  // Flattened into one string: kept as joined pieces, 100,000 deals' names would take several times the memory.
  return Buffer.from(cells).toString();
}

/** A converter of stored rows to JSON objects: snake_case keys, instants with offset, booleans, lists. */
export function jsonObjects(columns: ExportColumn[], zone: string, names: Map<unknown, unknown> | null = null): (row: unknown[]) => Record<string, unknown> {
  const instant = instantFormatter(zone);
  const currencyAt = columns.findIndex((column) => column.name === 'currency');
  const convert = (column: ExportColumn, value: unknown, row: unknown[]): unknown => {
    if (value === null || value === undefined) return column.kind === 'list' ? [] : null;
    if (column.kind === 'instant') return instant(value as string);
    if (column.kind === 'bool') return Boolean(value);
    if (column.kind === 'money') return row[currencyAt] ? toMajor(value as number, row[currencyAt] as string) : null;
    if (column.kind === 'list') return readList(value);
    return value;
  };
  return (stored) => {
    let row = stored;
    if (names) {
      const name = (names.get(stored[1]) as unknown[] | undefined) ?? [];
      row = [stored[0], stored[1], name[1] ?? null, name[2] ?? null, name[3] ?? null, ...stored.slice(2)];
    }
    const object: Record<string, unknown> = {};
    columns.forEach((column, i) => (object[column.name] = convert(column, row[i], row)));
    return object;
  };
}

/** A stored JSON list ('["a","b"]'); anything else reads as one item, never as a crash. */
function readList(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  try {
    const parsed = JSON.parse(String(value));
    return Array.isArray(parsed) ? parsed.map(String) : [String(value)];
  } catch {
    return [String(value)];
  }
}

/** One element of a pretty-printed JSON array, indented as `JSON.stringify(_, null, 2)` would nest it. */
export function jsonElement(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + jsonSafe(JSON.stringify(value, null, 2)).replace(/\n/g, `\n${pad}`);
}
