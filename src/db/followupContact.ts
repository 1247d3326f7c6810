import type { Database } from 'better-sqlite3';
import { getFollowup, type FollowupRow } from './followups.js';

/** Records when a completed follow-up's contact really happened (followup done --at; schema 5). */
export function recordContactTime(db: Database, id: number, at: Date): FollowupRow {
  db.prepare("UPDATE followups SET contact_at = ? WHERE id = ? AND status = 'done'").run(at.toISOString(), id);
  return getFollowup(db, id)!;
}
