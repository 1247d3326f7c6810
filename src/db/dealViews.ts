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

/** How a listing is ordered: by id, or the newest activity first (created, last contact, closed). */
export type DealOrder = 'id' | 'activity';

const ACTIVITY = `max(d.created_at, coalesce(d.last_touch_at, ''), coalesce(d.closed_at, ''))`;

/**
 * Deals with one of `statuses`, by id or newest activity first, at most `limit` of them.
 *
 * Each deal's next follow-up is one search of the scheduled follow-ups' partial index by deal id
 * (INDEXED BY: left to itself, the planner read MIN(due_at) from followups_status_due, walking every
 * scheduled follow-up for each deal: 55-60 s for `list` after importing 20,000 deals). A limit is taken
 * before the per-deal lookups, so a terminal's screenful costs the same at 100 deals as at 100,000.
 */
export function listDeals(db: Database, statuses: readonly DealStatus[], order: DealOrder = 'id', limit?: number): DealListRow[] {
  const { sql, params } = listDealsQuery(statuses, order, limit);
  return db.prepare(sql).all(...params) as DealListRow[];
}

/**
 * A deal as a listing line shows it, as the array SQLite returns (at 100,000 deals arrays of the nine
 * values shown cost a third of what objects of every column do, and their garbage as much):
 * [id, prospect, company, title, value (minor units), currency, status, next follow-up (stored instant), latest commitment kind].
 */
export type DealLine = [id: number, prospect: string, company: string, title: string, valueMinor: number | null, currency: string | null, status: DealStatus, nextFollowupAt: string | null, commitment: CommitmentKind | null];

/** listDeals for a listing's lines. */
export function listDealLines(db: Database, statuses: readonly DealStatus[], order: DealOrder = 'id', limit?: number): DealLine[] {
  const { sql, params } = listDealsQuery(statuses, order, limit, LINE_COLUMNS);
  return db.prepare(sql).raw().all(...params) as DealLine[];
}

/** listDealLines one at a time, for a pipe: each line's values are garbage as soon as it is written. */
export function eachDealLine(db: Database, statuses: readonly DealStatus[], order: DealOrder = 'id', limit?: number): IterableIterator<DealLine> {
  const { sql, params } = listDealsQuery(statuses, order, limit, LINE_COLUMNS);
  return db.prepare(sql).raw().iterate(...params) as IterableIterator<DealLine>;
}

const LINE_COLUMNS = 'd.id, p.name, p.company, d.title, d.value_minor, d.currency, d.status';

/** The SQL and parameters of listDeals (tests read its query plan). */
export function listDealsQuery(statuses: readonly DealStatus[], order: DealOrder = 'id', limit?: number, columns = 'd.*, p.name AS prospect_name, p.company AS company'): { sql: string; params: unknown[] } {
  const marks = statuses.map(() => '?').join(', ');
  const orderBy = order === 'id' ? 'd.id' : `${ACTIVITY} DESC, d.id DESC`;
  const picked = limit === undefined ? '' : `AND d.id IN (SELECT d.id FROM deals d WHERE d.status IN (${marks}) ORDER BY ${orderBy} LIMIT ?)`;
  return {
    sql: `SELECT ${columns},
        (SELECT MIN(f.due_at) FROM followups f INDEXED BY followups_next_step WHERE f.deal_id = d.id AND f.status = 'scheduled') AS next_followup_at,
        ${latest('kind')} AS commitment
       FROM deals d JOIN prospects p ON p.id = d.prospect_id
       WHERE d.status IN (${marks}) ${picked}
       ORDER BY ${orderBy}`,
    params: [...statuses, ...(limit === undefined ? [] : [...statuses, limit])],
  };
}

/** How many deals there are of each status. */
export function dealCounts(db: Database): Record<DealStatus, number> {
  const counts: Record<DealStatus, number> = { open: 0, won: 0, lost: 0, 'not-now': 0 };
  for (const row of db.prepare('SELECT status, COUNT(*) AS n FROM deals GROUP BY status').all() as { status: DealStatus; n: number }[]) {
    counts[row.status] = row.n;
  }
  return counts;
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

/** The deal's follow-ups, by due time. */
export function followupsOfDeal(db: Database, dealId: number): FollowupRow[] {
  return db.prepare('SELECT * FROM followups WHERE deal_id = ? ORDER BY due_at, id').all(dealId) as FollowupRow[];
}

/** A post-mortem with its root causes. */

