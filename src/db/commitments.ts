import type { Database } from 'better-sqlite3';
import type { CommitmentKind, CommitmentStatus, PaymentForm } from '../core/vocab.js';

/** A commitment as stored. */
export interface CommitmentRow {
  id: number;
  deal_id: number;
  kind: CommitmentKind;
  what: string | null;
  given_by: string | null;
  promised_at: string | null;
  payment: PaymentForm | null;
  status: CommitmentStatus;
  created_at: string;
  resolved_at: string | null;
}

export function getCommitment(db: Database, id: number): CommitmentRow | undefined {
  return db.prepare('SELECT * FROM commitments WHERE id = ?').get(id) as CommitmentRow | undefined;
}

/** The deal's commitments, oldest first. */
export function commitmentsOfDeal(db: Database, dealId: number): CommitmentRow[] {
  return db.prepare('SELECT * FROM commitments WHERE deal_id = ? ORDER BY created_at, id').all(dealId) as CommitmentRow[];
}
