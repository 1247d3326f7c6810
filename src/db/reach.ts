// Completed follow-ups for `salesctl stats reach`.
import type { Database } from 'better-sqlite3';
import type { Attempt } from '../core/reach.js';

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
