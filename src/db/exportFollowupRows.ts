// The follow-ups' CSV export read fast. Each value better-sqlite3 hands to JavaScript costs more than SQLite
// joining text, so a page of rows arrives as ONE string: rows separated by RS (\x1e), each row's values by US
// (\x1f) in the order 'id,deal_id', due_at, the five word cells, outcome, notes, created_at, completed_at.
// A page whose values hold an RS or US themselves cannot be told apart: it is read again the ordinary way
// (`followupCsvRange`); the reader checks that (see render/exportFollowupsCsv.ts).
import type { Database } from 'better-sqlite3';
import { EXPORTS } from './exportQueries.js';

/** One page: how many rows SQLite joined, the last id, and the joined text (null when no row). */
export interface FollowupCsvPage {
  count: number;
  after: unknown;
  last: unknown;
  text: string | null;
}

const PAGE = 512;
// `x.purpose = 'closure'` restates isClosure (core/vocab.ts) in SQL: test/commands/exportClosure.test.ts.
const ROW = `x.id || ',' || x.deal_id || char(31) || x.due_at || char(31) || x.channel || ',' || x.purpose || ','
  || CASE WHEN x.purpose = 'closure' THEN 'true' ELSE 'false' END || ',' || CASE WHEN x.agreed THEN 'true' ELSE 'false' END
  || ',' || x.status || char(31) || ifnull(x.outcome, '') || char(31) || ifnull(x.notes, '') || char(31) || x.created_at
  || char(31) || ifnull(x.completed_at, '')`;

/** The pages of all follow-ups in id order, read in one read transaction so they agree with each other. */
export function followupCsvPages(db: Database): IterableIterator<FollowupCsvPage> {
  // No ORDER BY inside group_concat (a sort per page, measured slower): the reader checks the ids ascend.
  return joinedPages(db, `SELECT x.id, ${ROW} AS r FROM followups x WHERE x.id > ? ORDER BY x.id`, PAGE);
}

/**
 * Every row of `rows` (a query of an id and its row's joined text `r`, WHERE `id > ?`, ORDER BY id), `size`
 * rows to a page joined by RS, in one read transaction so that the pages agree with each other.
 */
function* joinedPages(db: Database, rows: string, size: number): IterableIterator<FollowupCsvPage> {
  const page = db.prepare(`SELECT count(*), max(id), group_concat(r, char(30)) FROM (${rows} LIMIT ${size})`).raw(true);
  const own = !db.inTransaction;
  if (own) db.prepare('BEGIN').run();
  try {
    let after: unknown = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const [count, last, text] = page.get(after) as [number, unknown, string | null];
      if (!count) return;
      yield { count, after, last, text };
      if (count < size) return;
      after = last;
    }
  } finally {
    if (own && db.inTransaction) db.prepare('COMMIT').run();
  }
}

/** The follow-ups after `after` up to `last` as the ordinary CSV export reads them (`EXPORTS.followups.csv`). */
export function followupCsvRange(db: Database): (after: unknown, last: unknown) => unknown[][] {
  const sql = EXPORTS.followups.csv!.sql.replace(/ORDER BY x\.id\s*$/, 'WHERE x.id > ? AND x.id <= ? ORDER BY x.id');
  const range = db.prepare(sql).raw(true);
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
    ${from} WHERE d.id > ? ORDER BY d.id`;
  const ordinary = db.prepare(`SELECT d.id, p.name, nullif(p.company, ''), d.title ${from} WHERE d.id > ? AND d.id <= ?`).raw(true);
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
