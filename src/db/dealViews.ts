// Read queries behind `list`, `show` and `forecast`: a deal with what surrounds it.
import type { Database } from 'better-sqlite3';
import type { CommitmentKind, CommitmentStatus, DealStatus } from '../core/vocab.js';
import type { DealRow } from './deals.js';
import type { FollowupRow } from './followups.js';

const LATEST_COMMITMENT = `(SELECT c.%s FROM commitments c WHERE c.deal_id = d.id ORDER BY c.created_at DESC, c.id DESC LIMIT 1)`;
/** A column of the latest commitment of the deal `d` in the surrounding query. */
export const latest = (column: string) => LATEST_COMMITMENT.replace('%s', column);

/** A deal in a listing: its next scheduled follow-up and the kind of its latest commitment. */
export interface DealListRow extends DealRow {
  next_followup_at: string | null;
  commitment: CommitmentKind | null;
}

/** Deals with one of `statuses`, by id. */
export function listDeals(db: Database, statuses: readonly DealStatus[]): DealListRow[] {
  const marks = statuses.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT d.*, p.name AS prospect_name, p.company AS company,
        (SELECT MIN(f.due_at) FROM followups f WHERE f.deal_id = d.id AND f.status = 'scheduled') AS next_followup_at,
        ${latest('kind')} AS commitment
       FROM deals d JOIN prospects p ON p.id = d.prospect_id
       WHERE d.status IN (${marks})
       ORDER BY d.id`,
    )
    .all(...statuses) as DealListRow[];
}

/** An open deal with its latest commitment, for the forecast. */
export interface ForecastRow extends DealRow {
  commitment_kind: CommitmentKind;
  commitment_status: CommitmentStatus;
  promised_at: string | null;
  /** The deal's latest pending firm commitment, when it is not the latest commitment too (else null). */
  pending_firm_id: number | null;
  pending_firm_promised_at: string | null;
}

const PENDING_FIRM = `(SELECT c.%s FROM commitments c WHERE c.deal_id = d.id AND c.kind = 'firm' AND c.status = 'pending' ORDER BY c.created_at DESC, c.id DESC LIMIT 1)`;

/** Open deals that have at least one commitment, each with its latest one; by promised date, then id. */
export function openDealsWithLatestCommitment(db: Database): ForecastRow[] {
  return db
    .prepare(
      `SELECT * FROM (
         SELECT d.*, p.name AS prospect_name, p.company AS company,
           ${latest('kind')} AS commitment_kind, ${latest('status')} AS commitment_status, ${latest('promised_at')} AS promised_at,
           ${PENDING_FIRM.replace('%s', 'id')} AS pending_firm_id, ${PENDING_FIRM.replace('%s', 'promised_at')} AS pending_firm_promised_at
         FROM deals d JOIN prospects p ON p.id = d.prospect_id
         WHERE d.status = 'open')
       WHERE commitment_kind IS NOT NULL
       ORDER BY promised_at IS NULL, promised_at, id`,
    )
    .all() as ForecastRow[];
}

/** The statuses of every commitment the prospect gave, across all their deals. */
export function commitmentStatusesOfProspect(db: Database, prospectId: number): CommitmentStatus[] {
  return (
    db
      .prepare('SELECT c.status FROM commitments c JOIN deals d ON d.id = c.deal_id WHERE d.prospect_id = ?')
      .all(prospectId) as { status: CommitmentStatus }[]
  ).map((row) => row.status);
}

/** The deal's follow-ups, by due time. */
export function followupsOfDeal(db: Database, dealId: number): FollowupRow[] {
  return db.prepare('SELECT * FROM followups WHERE deal_id = ? ORDER BY due_at, id').all(dealId) as FollowupRow[];
}

/** A post-mortem with its root causes. */

