import type { Database } from 'better-sqlite3';
import type { Channel, FollowupStatus, Outcome, Purpose } from '../core/vocab.js';

/** A follow-up as stored. */
export interface FollowupRow {
  id: number;
  deal_id: number;
  due_at: string;
  channel: Channel;
  purpose: Purpose;
  agreed: 0 | 1;
  status: FollowupStatus;
  outcome: Outcome | null;
  notes: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface NewFollowup {
  deal_id: number;
  due_at: Date;
  channel: Channel;
  purpose: Purpose;
  agreed: boolean;
  notes: string | null;
}

export function getFollowup(db: Database, id: number): FollowupRow | undefined {
  return db.prepare('SELECT * FROM followups WHERE id = ?').get(id) as FollowupRow | undefined;
}

/** Inserts a scheduled follow-up and returns it; call inside the write's transaction. */
export function insertFollowup(db: Database, followup: NewFollowup, at: Date): FollowupRow {
  const info = db
    .prepare(
      `INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, notes, created_at)
       VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?)`,
    )
    .run(followup.deal_id, followup.due_at.toISOString(), followup.channel, followup.purpose, followup.agreed ? 1 : 0, followup.notes, at.toISOString());
  return getFollowup(db, Number(info.lastInsertRowid))!;
}

/** Marks a scheduled follow-up done with its outcome; a note is added to the ones it had. */
export function completeFollowup(db: Database, id: number, outcome: Outcome, note: string | null, at: Date): FollowupRow {
  db.prepare(
    `UPDATE followups SET status = 'done', outcome = @outcome, completed_at = @at,
       notes = CASE WHEN @note IS NULL THEN notes WHEN notes IS NULL THEN @note ELSE notes || char(10) || @note END
     WHERE id = @id`,
  ).run({ outcome, at: at.toISOString(), note, id });
  return getFollowup(db, id)!;
}

/** Moves a follow-up to a new time. */
export function rescheduleFollowup(db: Database, id: number, dueAt: Date): FollowupRow {
  db.prepare('UPDATE followups SET due_at = ? WHERE id = ?').run(dueAt.toISOString(), id);
  return getFollowup(db, id)!;
}

/** Cancels a follow-up; completed_at records when it stopped being scheduled. */
export function cancelFollowup(db: Database, id: number, at: Date): FollowupRow {
  db.prepare("UPDATE followups SET status = 'cancelled', completed_at = ? WHERE id = ?").run(at.toISOString(), id);
  return getFollowup(db, id)!;
}

/** How many follow-ups of the deal are still scheduled (uses the followups(deal_id, status) index). */
export function scheduledCount(db: Database, dealId: number): number {
  return (db.prepare("SELECT count(*) AS n FROM followups WHERE deal_id = ? AND status = 'scheduled'").get(dealId) as { n: number }).n;
}
