// Turning exported rows of stored values into CSV lines and JSON objects, fast enough for a million rows:
// instants are formatted through render/instant.ts's per-day text; each cell by core/csvCell.ts, lines ended as
// render/csv.ts ends an export's.
import { instantFormatter } from './instant.js';
import { toDecimalString } from '../core/money.js';
import type { ExportColumn } from '../db/exportQueries.js';
import { jsonSafe } from './text.js';
import { shapedJson, storedList, type Field, type Shape } from './records.js';
import { flagCell, storedTextCell, textCell } from '../core/csvCell.js';
import { EXPORT_LINE_END } from './csv.js';


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
