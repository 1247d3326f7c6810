// Turning exported rows of stored values into CSV lines and JSON objects, fast enough for a million rows:
// instants are formatted with an offset cached per day; each cell by core/csvCell.ts, lines ended as
// render/csv.ts ends an export's.
import { formatOffset, isoInZone, offsetMinutes } from '../core/time.js';
import { toDecimalString } from '../core/money.js';
import type { ExportColumn } from '../db/exportQueries.js';
import { jsonSafe } from './text.js';
import { shapedJson, storedList, type Field, type Shape } from './records.js';
import { flagCell, storedTextCell, textCell } from '../core/csvCell.js';
import { EXPORT_LINE_END } from './csv.js';

/**
 * `isoInZone` for many instants, fast: the zone's offset is looked up once per UTC day, and a stored
 * instant ('2026-11-22T08:00:00.000Z') on a day with one whole-hour offset is rewritten as text. A day
 * that holds a change of offset, or an odd offset (+05:30), goes the exact way through `isoInZone`.
 */
export function instantFormatter(zone: string): (stored: string) => string {
  const at = instantsIn(zone);
  return (stored) => at(stored, 0, stored.length);
}

/** `instantFormatter` for the instant stored in `text` from `from` to `to`: no piece of it cut out first. */
export function instantsIn(zone: string): (text: string, from: number, to: number) => string {
  const offsetOf = (ms: number) => offsetMinutes(new Date(ms), zone);
  // Per UTC day: the local 'YYYY-MM-DDTHH' of each of its 24 hours, then the offset text; null: the exact way.
  const days = new Map<string, string[] | null>();
  const read = (key: string): string[] | null => {
    const start = Date.parse(`${key}T00:00:00.000Z`);
    if (Number.isNaN(start)) return null;
    const offset = offsetOf(start);
    if (offset !== offsetOf(start + 86_399_999) || offset % 60 !== 0) return null;
    const hours: string[] = [];
    for (let h = 0; h < 24; h++) hours.push(new Date(start + h * 3_600_000 + offset * 60_000).toISOString().slice(0, 13));
    hours.push(formatOffset(offset));
    return hours;
  };
  // The same days found by numbers (month yyyymm, then day of month) when the date is all digits: no key string
  // to cut and hash per instant.
  const months = new Map<number, (string[] | null | undefined)[]>();
  const digit = (code: number) => (code - 48) >>> 0 > 9;
  return (text, from, to) => {
    if (to - from !== 24 || text.charCodeAt(from + 23) !== 90 /* Z */) return isoInZone(text.slice(from, to), zone);
    let day: string[] | null | undefined;
    const y1 = text.charCodeAt(from), y2 = text.charCodeAt(from + 1), y3 = text.charCodeAt(from + 2), y4 = text.charCodeAt(from + 3);
    const m1 = text.charCodeAt(from + 5), m2 = text.charCodeAt(from + 6), d1 = text.charCodeAt(from + 8), d2 = text.charCodeAt(from + 9);
    if (
      digit(y1) || digit(y2) || digit(y3) || digit(y4) || digit(m1) || digit(m2) || digit(d1) || digit(d2) ||
      text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45
    ) {
      const key = text.slice(from, from + 10);
      day = days.get(key);
      if (day === undefined) days.set(key, (day = read(key)));
    } else {
      const month = ((((y1 * 10 + y2) * 10 + y3) * 10 + y4) * 10 + m1) * 10 + m2 - 5_333_328; // 48 * 111111
      let inMonth = months.get(month);
      if (inMonth === undefined) months.set(month, (inMonth = new Array<string[] | null | undefined>(100).fill(undefined)));
      const at = d1 * 10 + d2 - 528; // 48 * 11
      day = inMonth[at];
      if (day === undefined) inMonth[at] = day = read(text.slice(from, from + 10));
    }
    const tens = text.charCodeAt(from + 11) - 48;
    const units = text.charCodeAt(from + 12) - 48;
    const hour = tens * 10 + units;
    if (!day || text.charCodeAt(from + 10) !== 84 /* T */ || tens < 0 || tens > 2 || units < 0 || units > 9 || hour > 23) {
      return isoInZone(text.slice(from, to), zone);
    }
    return day[hour] + text.slice(from + 13, from + 19) + day[24];
  };
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
        return flagCell;
      case 'instant':
        return (value) => (value === null ? '' : instant(value as string));
      case 'cells':
        return (value) => (value === null ? '' : String(value));
      case 'money':
        return (value, row) => (value === null || !row[currencyAt] ? '' : toDecimalString(value as number, row[currencyAt] as string));
      case 'list':
        return (value) => textCell(storedList(value).join('; '));
      default:
        return storedTextCell;
    }
  });
}

/**
 * A converter of stored rows to CSV lines (CRLF, as RFC 4180 says): text cells guarded against formula
 * injection, numbers and money as plain numbers, instants with the offset of `zone`, lists joined by '; '.
 * With `names` (see `openExport`), holding `csvDealNames` of each deal, rows lack the deal's three name cells
 * and get them from there, formatted once per deal.
 */
export function csvLines(columns: ExportColumn[], zone: string, names: Map<unknown, unknown> | null = null): (row: unknown[]) => string {
  const cells = csvCells(columns, zone);
  if (!names) {
    return (row) => {
      let line = cells[0]!(row[0], row);
      for (let i = 1; i < cells.length; i++) line += ',' + cells[i]!(row[i], row);
      return line + EXPORT_LINE_END;
    };
  }
  const rest = cells.slice(5);
  return (row) => {
    let line = cells[0]!(row[0], row) + ',' + cells[1]!(row[1], row) + ',' + ((names.get(row[1]) as string | undefined) ?? ',,');
    for (let i = 0; i < rest.length; i++) line += ',' + rest[i]!(row[i + 2], row);
    return line + EXPORT_LINE_END;
  };
}

/** A deal's names ([deal_id, prospect_name, company, deal_title]) as their three CSV cells, one string. */
export function csvDealNames(deal: unknown[]): string {
  const cells = `${storedTextCell(deal[1])},${storedTextCell(deal[2])},${storedTextCell(deal[3])}`;
  // Flattened into one string: kept as joined pieces, 100,000 deals' names would take several times the memory.
  return Buffer.from(cells).toString();
}

/** A converter of stored rows to JSON objects in the records' shapes (`shapedJson`), instants by `instantFormatter`. */
export function jsonObjects(columns: ExportColumn[], zone: string, names: Map<unknown, unknown> | null = null): (row: unknown[]) => Record<string, unknown> {
  const instant = instantFormatter(zone);
  const shape: Shape = { fields: columns as Field[], currencyAt: columns.findIndex((column) => column.name === 'currency') };
  return (stored) => {
    let row = stored;
    if (names) {
      const name = (names.get(stored[1]) as unknown[] | undefined) ?? [];
      row = [stored[0], stored[1], name[1] ?? null, name[2] ?? null, name[3] ?? null, ...stored.slice(2)];
    }
    return shapedJson(shape, row, instant);
  };
}

/** One element of a pretty-printed JSON array, indented as `JSON.stringify(_, null, 2)` would nest it. */
export function jsonElement(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + jsonSafe(JSON.stringify(value, null, 2)).replace(/\n/g, `\n${pad}`);
}
