import type { Database } from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { DEAL_STATUSES, type DealStatus } from '../core/vocab.js';

/** A deal with the names it is known by. */
export interface DealRow {
  id: number;
  prospect_id: number;
  title: string;
  value_minor: number | null;
  currency: string | null;
  status: DealStatus;
  stage: string | null;
  created_at: string;
  closed_at: string | null;
  lost_reason: string | null;
  /** The keep-in-touch rhythm ('2w', '3m'), schema 5; null or absent for none. */
  cadence?: string | null;
  prospect_name: string;
  company: string;
}

/** Deals with their prospect's name and company, as DealRow holds them. */
export const SELECT_DEAL = `SELECT d.*, p.name AS prospect_name, p.company AS company
  FROM deals d JOIN prospects p ON p.id = d.prospect_id`;

/** The deal with this id, or undefined. */
export function getDeal(db: Database, id: number): DealRow | undefined {
  return db.prepare(`${SELECT_DEAL} WHERE d.id = ?`).get(id) as DealRow | undefined;
}

/** '#12 Budi Santoso (PT Maju) — Fleet renewal [open]'. */
export function describeDeal(deal: DealRow): string {
  return `#${deal.id} ${deal.prospect_name}${deal.company ? ` (${deal.company})` : ''} — ${deal.title} [${deal.status}]`;
}

export interface NewDeal {
  prospect_id: number;
  title: string;
  value_minor: number | null;
  currency: string | null;
  stage: string | null;
}

/** Inserts an open deal and returns it with its names. */
export function insertDeal(db: Database, deal: NewDeal, at: Date): DealRow {
  const info = db
    .prepare(
      `INSERT INTO deals (prospect_id, title, value_minor, currency, stage, status, created_at)
       VALUES (@prospect_id, @title, @value_minor, @currency, @stage, 'open', @created_at)`,
    )
    .run({ ...deal, created_at: at.toISOString() });
  return getDeal(db, Number(info.lastInsertRowid))!;
}

/** Closes an open deal (status, closed_at, lost reason); call inside the write's transaction. */
export function closeDeal(db: Database, id: number, status: Exclude<DealStatus, 'open'>, at: Date, lostReason: string | null): DealRow {
  const { changes } = db
    .prepare("UPDATE deals SET status = ?, closed_at = ?, lost_reason = ? WHERE id = ? AND status = 'open'")
    .run(status, at.toISOString(), lostReason, id);
  // Read as open before the transaction; another process closed it since: refuse the whole write.
  if (changes !== 1) expectDealStatus(db, id, 'open');
  return getDeal(db, id)!;
}

/**
 * Inside a write: refuses it (UsageError, so the transaction rolls back) when deal `id` now has one of the
 * `refused` statuses, set by another process after this one read the deal.
 */
export function refuseClosedMeanwhile(db: Database, id: number, refused: readonly DealStatus[]): void {
  const row = db.prepare('SELECT status FROM deals WHERE id = ?').get(id) as { status: DealStatus } | undefined;
  if (!row) throw new UsageError(`deal #${id} was deleted meanwhile: nothing was recorded`);
  if (refused.includes(row.status)) {
    throw new UsageError(`deal #${id} was ${row.status === 'open' ? 'reopened' : `closed as ${row.status}`} meanwhile: nothing was recorded`);
  }
}

/** Inside a write: refuses it when the deal's status is no longer `status`, the one the command read and acted on. */
export function expectDealStatus(db: Database, id: number, status: DealStatus): void {
  refuseClosedMeanwhile(db, id, DEAL_STATUSES.filter((s) => s !== status));
}

/** Cancels the deal's scheduled follow-ups (a closed deal has no next step) and returns how many. */
export function cancelScheduledFollowups(db: Database, dealId: number, at: Date): number {
  return db
    .prepare("UPDATE followups SET status = 'cancelled', completed_at = ? WHERE deal_id = ? AND status = 'scheduled'")
    .run(at.toISOString(), dealId).changes;
}

/** Brings a closed deal back to open (closed_at and lost reason cleared; the timeline keeps them). */
export function reopenDeal(db: Database, id: number): DealRow {
  db.prepare("UPDATE deals SET status = 'open', closed_at = NULL, lost_reason = NULL WHERE id = ? AND status <> 'open'").run(id);
  return getDeal(db, id)!;
}

/** Sets (or, with null, clears) the deal's keep-in-touch rhythm. */
export function setCadence(db: Database, id: number, every: string | null): DealRow {
  db.prepare('UPDATE deals SET cadence = ? WHERE id = ?').run(every, id);
  return getDeal(db, id)!;
}

/** The next scheduled follow-up of the deal, if any. */
export function nextScheduled(db: Database, dealId: number): { id: number; due_at: string; channel: string; purpose: string } | undefined {
  return db
    .prepare("SELECT id, due_at, channel, purpose FROM followups WHERE deal_id = ? AND status = 'scheduled' ORDER BY due_at, id LIMIT 1")
    .get(dealId) as { id: number; due_at: string; channel: string; purpose: string } | undefined;
}
