// Completed follow-ups for `salesctl stats reach`, and finding the prospect a user means.
import type { Database } from 'better-sqlite3';
import type { Attempt } from '../core/reach.js';
import { AmbiguousError, NotFoundError } from '../errors.js';
import type { ProspectRow } from './prospects.js';

/**
 * The completed (done) follow-ups, of one prospect or of all. For all, one pass over the table (`+f.status`
 * keeps SQLite off the status index, whose random row fetches are five times slower for most of the table);
 * for one prospect, in that order (CROSS JOIN) through deals_prospect and followups(deal_id, status).
 */
export function completedAttempts(db: Database, prospectId?: number): Iterable<Attempt> {
  // The hour of the contact: when it happened (followup done --at, schema 5), else when it was completed.
  const columns = 'SELECT f.channel, f.outcome, coalesce(f.contact_at, f.completed_at) AS completedAt, p.tz';
  if (prospectId === undefined) {
    return db
      .prepare(
        `${columns} FROM followups f JOIN deals d ON d.id = f.deal_id JOIN prospects p ON p.id = d.prospect_id
         WHERE +f.status = 'done' AND f.completed_at IS NOT NULL`,
      )
      .iterate() as Iterable<Attempt>;
  }
  return db
    .prepare(
      `${columns} FROM prospects p CROSS JOIN deals d ON d.prospect_id = p.id CROSS JOIN followups f ON f.deal_id = d.id AND f.status = 'done'
       WHERE p.id = ? AND f.completed_at IS NOT NULL`,
    )
    .iterate(prospectId) as Iterable<Attempt>;
}

/**
 * Finds the prospect a user means, as deals are found: an id, or a piece of the name or company
 * (case-insensitive); an exact match wins over partial ones; several matches are ambiguous (exit 3).
 */
export function resolveProspect(db: Database, ref: string): ProspectRow {
  const text = ref.trim();
  if (/^#?\d+$/.test(text)) {
    const prospect = db.prepare('SELECT * FROM prospects WHERE id = ?').get(Number(text.replace('#', ''))) as ProspectRow | undefined;
    if (!prospect) throw new NotFoundError(`no prospect with id ${text.replace('#', '')}: run 'salesctl list --status all' to see them`);
    return prospect;
  }
  const exact = db
    .prepare('SELECT * FROM prospects WHERE name = @text COLLATE NOCASE OR company = @text COLLATE NOCASE ORDER BY id LIMIT 21')
    .all({ text }) as ProspectRow[];
  const matches = exact.length
    ? exact
    : (db
        .prepare("SELECT * FROM prospects WHERE name LIKE @pattern ESCAPE '\\' OR company LIKE @pattern ESCAPE '\\' ORDER BY id LIMIT 21")
        .all({ pattern: `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }) as ProspectRow[]);
  if (!text || matches.length === 0) throw new NotFoundError(`no prospect matches '${ref}': run 'salesctl list --status all' to see them`);
  if (matches.length === 1) return matches[0]!;
  throw new AmbiguousError(
    `'${ref}' matches ${matches.length > 20 ? 'more than 20' : matches.length} prospects: give the prospect id (#N) or more of the name`,
    matches.slice(0, 20).map((p) => `#${p.id} ${p.name}${p.company ? ` (${p.company})` : ''}`),
  );
}
