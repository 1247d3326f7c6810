import type { Database } from 'better-sqlite3';
import type { Channel, FollowupStatus, Outcome, Purpose } from '../core/vocab.js';
import { UsageError } from '../errors.js';
import { refuseClosedMeanwhile } from './deals.js';

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

/**
 * Inserts a scheduled follow-up and returns it; call inside the write's transaction. A deal won or lost
 * since the command read it (another process) takes no follow-up: the whole write is refused.
 */
export function insertFollowup(db: Database, followup: NewFollowup, at: Date): FollowupRow {
  refuseClosedMeanwhile(db, followup.deal_id, ['won', 'lost']);
  const info = db
    .prepare(
      `INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, notes, created_at)
       VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?)`,
    )
    .run(followup.deal_id, followup.due_at.toISOString(), followup.channel, followup.purpose, followup.agreed ? 1 : 0, followup.notes, at.toISOString());
  return getFollowup(db, Number(info.lastInsertRowid))!;
}

/**
 * Refuses the write when follow-up `id` is no longer scheduled: the command read it as scheduled before
 * its transaction, and another process completed or cancelled it since. Throwing inside the transaction
 * rolls back everything the write did.
 */
function stillScheduled(db: Database, id: number, changes: number): FollowupRow {
  const row = getFollowup(db, id);
  if (changes === 1 && row) return row;
  const what = row ? (row.status === 'done' ? `completed (${row.outcome ?? 'done'})` : row.status) : 'deleted';
  throw new UsageError(`follow-up #${id} was ${what} meanwhile: nothing was recorded`);
}

/** Marks a scheduled follow-up done with its outcome; a note is added to the ones it had. Refused unless still scheduled. */
export function completeFollowup(db: Database, id: number, outcome: Outcome, note: string | null, at: Date): FollowupRow {
  const { changes } = db
    .prepare(
      `UPDATE followups SET status = 'done', outcome = @outcome, completed_at = @at,
         notes = CASE WHEN @note IS NULL THEN notes WHEN notes IS NULL THEN @note ELSE notes || char(10) || @note END
       WHERE id = @id AND status = 'scheduled'`,
    )
    .run({ outcome, at: at.toISOString(), note, id });
  return stillScheduled(db, id, changes);
}

/** Moves a scheduled follow-up to a new time. Refused unless still scheduled. */
export function rescheduleFollowup(db: Database, id: number, dueAt: Date): FollowupRow {
  const { changes } = db.prepare("UPDATE followups SET due_at = ? WHERE id = ? AND status = 'scheduled'").run(dueAt.toISOString(), id);
  return stillScheduled(db, id, changes);
}

/** Cancels a scheduled follow-up; completed_at records when it stopped being scheduled. Refused unless still scheduled. */
export function cancelFollowup(db: Database, id: number, at: Date): FollowupRow {
  const { changes } = db.prepare("UPDATE followups SET status = 'cancelled', completed_at = ? WHERE id = ? AND status = 'scheduled'").run(at.toISOString(), id);
  return stillScheduled(db, id, changes);
}

/** How many follow-ups of the deal are still scheduled (uses the followups(deal_id, status) index). */
export function scheduledCount(db: Database, dealId: number): number {
  return (db.prepare("SELECT count(*) AS n FROM followups WHERE deal_id = ? AND status = 'scheduled'").get(dealId) as { n: number }).n;
}
