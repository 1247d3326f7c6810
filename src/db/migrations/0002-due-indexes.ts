import type { Database } from 'better-sqlite3';

export const version = 2;
export const name = 'due-indexes';

/**
 * Partial indexes for `salesctl due` on a long history. The morning table asks, for every open deal,
 * whether it has a scheduled follow-up (no next step) and what its last completed ones were (gone quiet).
 * followups_deal (deal_id, status) answers both, but it holds every follow-up ever made; these hold only
 * the scheduled ones and only the done ones, so the lookups read a few pages instead of the whole index.
 * Both keep (deal_id, status) as their first columns so SQLite's planner prefers them without stats.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX followups_next_step ON followups (deal_id, status, purpose) WHERE status = 'scheduled';
    CREATE INDEX followups_done ON followups (deal_id, status, completed_at, outcome) WHERE status = 'done';
  `);
}
