import type { Database } from 'better-sqlite3';
import type { CommitmentKind, CommitmentStatus, PaymentForm } from '../core/vocab.js';
import { UsageError } from '../errors.js';
import { expectDealStatus } from './deals.js';

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

export interface NewCommitment {
  deal_id: number;
  kind: CommitmentKind;
  what: string | null;
  given_by: string | null;
  promised_at: Date | null;
  payment: PaymentForm | null;
}

/** Inserts a pending commitment and returns it; call inside the write's transaction. Refused unless the deal is still open. */
export function insertCommitment(db: Database, commitment: NewCommitment, at: Date): CommitmentRow {
  expectDealStatus(db, commitment.deal_id, 'open');
  const info = db
    .prepare(
      `INSERT INTO commitments (deal_id, kind, what, given_by, promised_at, payment, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
    )
    .run(
      commitment.deal_id,
      commitment.kind,
      commitment.what,
      commitment.given_by,
      commitment.promised_at?.toISOString() ?? null,
      commitment.payment,
      at.toISOString(),
    );
  return getCommitment(db, Number(info.lastInsertRowid))!;
}

/** The deal's pending commitments, oldest first. */
export function pendingCommitmentsOfDeal(db: Database, dealId: number): CommitmentRow[] {
  return db
    .prepare("SELECT * FROM commitments WHERE deal_id = ? AND status = 'pending' ORDER BY created_at, id")
    .all(dealId) as CommitmentRow[];
}

/**
 * Ends a pending commitment as kept, broken or superseded at `at`; returns it as it is now. Inside a write:
 * one that is no longer pending (another process resolved it since it was read) refuses the whole write.
 */
export function resolveCommitment(db: Database, id: number, status: Exclude<CommitmentStatus, 'pending'>, at: Date): CommitmentRow {
  const { changes } = db
    .prepare("UPDATE commitments SET status = ?, resolved_at = ? WHERE id = ? AND status = 'pending'")
    .run(status, at.toISOString(), id);
  const row = getCommitment(db, id);
  if (changes !== 1 || !row) throw new UsageError(`commitment #${id} was ${row ? `marked ${row.status}` : 'deleted'} meanwhile: nothing was recorded`);
  return row;
}

/** The statuses of every commitment a prospect gave, across all their deals. */
export function commitmentStatusesOfProspect(db: Database, prospectId: number): CommitmentStatus[] {
  const rows = db
    .prepare('SELECT c.status FROM commitments c JOIN deals d ON d.id = c.deal_id WHERE d.prospect_id = ?')
    .all(prospectId) as Array<{ status: CommitmentStatus }>;
  return rows.map((row) => row.status);
}
