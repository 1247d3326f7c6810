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
