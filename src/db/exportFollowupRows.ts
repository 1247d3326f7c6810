// The follow-ups' CSV export read fast. Each value better-sqlite3 hands to JavaScript costs more than SQLite
// joining text, so a page of rows arrives as ONE string: rows separated by RS (\x1e), each row's values by US
// (\x1f) in the order 'id,deal_id', due_at, the five word cells, outcome, notes, created_at, completed_at.
// A page whose values hold an RS or US themselves cannot be told apart: it is read again the ordinary way
// (`followupCsvRange`); the reader checks that (see render/exportFollowupsCsv.ts).
import type { Database } from 'better-sqlite3';
import { EXPORTS, FOLLOWUP_WORD_CELLS } from './exportQueries.js';
import { pageSql, pagesOf, rangeSql } from './pagedRead.js';

/** One page: how many rows SQLite joined, the last id, and the joined text (null when no row). */
export interface FollowupCsvPage {
  count: number;
  after: unknown;
  last: unknown;
  text: string | null;
}

const PAGE = 512;
const ROW = `x.id || ',' || x.deal_id || char(31) || x.due_at || char(31) || ${FOLLOWUP_WORD_CELLS}
  || char(31) || ifnull(x.outcome, '') || char(31) || ifnull(x.notes, '') || char(31) || x.created_at
  || char(31) || ifnull(x.completed_at, '')`;

/** The pages of all follow-ups in id order, read in one read transaction so they agree with each other. */
export function followupCsvPages(db: Database): IterableIterator<FollowupCsvPage> {
  // No ORDER BY inside group_concat (a sort per page, measured slower): the reader checks the ids ascend.
  return joinedPages(db, `SELECT x.id, ${ROW} AS r FROM followups x ORDER BY x.id`, PAGE);
}

/**
 * Every row of `rows` (a query of an id and its row's joined text `r`, ORDER BY id), `size` rows to a page
 * joined by RS, read by db/pagedRead.ts.
 */
function joinedPages(db: Database, rows: string, size: number): IterableIterator<FollowupCsvPage> {
  const page = db.prepare(`SELECT count(*), max(id), group_concat(r, char(30)) FROM (${pageSql(rows, size)})`).raw(true);
  return pagesOf(db, size, (after) => {
    const [count, last, text] = page.get(after) as [number, unknown, string | null];
    return { count, after, last, text };
  });
}

/** The follow-ups after `after` up to `last` as the ordinary CSV export reads them (`EXPORTS.followups.csv`). */
export function followupCsvRange(db: Database): (after: unknown, last: unknown) => unknown[][] {
  const range = db.prepare(rangeSql(EXPORTS.followups.csv!.sql)).raw(true);
  return (after, last) => range.all(after, last) as unknown[][];
}

const DEALS = 2048;

/**
 * Every deal's names ([id, name, company or null, title]) kept by `keep`, by the deal id as SQLite writes it in
 * text; read as pages of joined text too, a page holding RS or US in a name read again the ordinary way.
 */
export function dealNamesByText(db: Database, keep: (deal: unknown[]) => string): Map<string, string> {
  const names = new Map<string, string>();
  const from = "FROM deals d JOIN prospects p ON p.id = d.prospect_id";
  const joined = `SELECT d.id, d.id || char(31) || p.name || char(31) || ifnull(p.company, '') || char(31) || d.title AS r
    ${from} ORDER BY d.id`;
  const ordinary = db.prepare(rangeSql(`SELECT d.id, p.name, nullif(p.company, ''), d.title ${from} ORDER BY d.id`)).raw(true);
  const fast = (count: number, after: number, text: string | null): [string, string][] | null => {
    const rows = text?.split('\x1e');
    if (!rows || rows.length !== count) return null;
    const kept: [string, string][] = [];
    let previous = after;
    for (const r of rows) {
      const a = r.indexOf('\x1f');
      const b = r.indexOf('\x1f', a + 1);
      const c = r.indexOf('\x1f', b + 1);
      if (a < 1 || a > 15 || b < 0 || c < 0 || r.indexOf('\x1f', c + 1) >= 0) return null;
      const id = r.slice(0, a);
      if (!(+id > previous)) return null;
      previous = +id;
      kept.push([id, keep([id, r.slice(a + 1, b), r.slice(b + 1, c) || null, r.slice(c + 1)])]);
    }
    return kept;
  };
  for (const { count, after, last, text } of joinedPages(db, joined, DEALS)) {
    const kept = typeof after === 'number' ? fast(count, after, text) : null;
    if (kept) for (const [id, deal] of kept) names.set(id, deal);
    else for (const row of ordinary.iterate(after, last) as IterableIterator<unknown[]>) names.set(String(row[0]), keep(row));
  }
  return names;
}
