// CSV lines of follow-ups from the joined pages `followupCsvPages` reads: the same bytes `csvLines` makes
// from the ordinary rows, a million of them faster.
import type { ExportColumn } from '../db/exportQueries.js';
import type { FollowupCsvPage } from '../db/exportFollowupRows.js';
import { textCell } from '../core/csvCell.js';
import { EXPORT_LINE_END } from './csv.js';
import { csvLines } from './exportCells.js';
import { instantsIn } from './instant.js';

/**
 * A converter of a page to its CSV lines; `names` holds `csvDealNames` by deal id as text. A page that cannot
 * be read unambiguously (a value holding RS or US, a NULL, ids out of order or past 2^53, a deal not known) is
 * read again with `reread` and made by `csvLines` from the ordinary `columns`.
 */
export function followupCsvPage(
  columns: ExportColumn[],
  zone: string,
  names: Map<string, string>,
  reread: (after: unknown, last: unknown) => unknown[][],
): (page: FollowupCsvPage) => string[] {
  const instant = instantsIn(zone);
  const ordinary = csvLines(columns, zone, { get: (id: unknown) => names.get(String(id)) } as Map<unknown, unknown>);
  const fast = (page: FollowupCsvPage): string[] | null => {
    if (page.text === null || typeof page.after !== 'number') return null;
    const rows = page.text.split('\x1e');
    if (rows.length !== page.count) return null;
    const lines: string[] = new Array(rows.length);
    let previous = page.after;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const a = r.indexOf(',');
      const b = r.indexOf('\x1f', a + 1);
      const c = r.indexOf('\x1f', b + 1);
      const d = r.indexOf('\x1f', c + 1);
      const e = r.indexOf('\x1f', d + 1);
      const f = r.indexOf('\x1f', e + 1);
      const g = r.indexOf('\x1f', f + 1);
      // Six separators exactly; ids of at most 15 digits, as JavaScript numbers print them.
      if (a < 1 || a > 15 || b < 0 || c < 0 || d < 0 || e < 0 || f < 0 || g < 0 || r.indexOf('\x1f', g + 1) >= 0) return null;
      const number = +r.slice(0, a);
      if (!(number > previous)) return null;
      previous = number;
      const deal = names.get(r.slice(a + 1, b));
      if (deal === undefined) return null;
      lines[i] =
        `${r.slice(0, b)},${deal},${instant(r, b + 1, c)},${r.slice(c + 1, d)},${textCell(r.slice(d + 1, e))},` +
        `${textCell(r.slice(e + 1, f))},${instant(r, f + 1, g)},${g + 1 === r.length ? '' : instant(r, g + 1, r.length)}${EXPORT_LINE_END}`;
    }
    return lines;
  };
  return (page) => fast(page) ?? reread(page.after, page.last).map(ordinary);
}
