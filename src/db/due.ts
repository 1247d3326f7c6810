// The queries behind `salesctl due`, written for a large history: a range scan of
// followups(status, due_at), the latest commitment through commitments(deal_id, created_at), and
// per-deal lookups through followups(deal_id, status); nothing scans every follow-up of every deal.
import type { Database } from 'better-sqlite3';
import type { Channel, CommitmentKind, Purpose } from '../core/vocab.js';

/** A scheduled follow-up with what the morning table shows about its deal and prospect. */
export interface DueRow {
  followup_id: number;
  deal_id: number;
  due_at: string;
  channel: Channel;
  purpose: Purpose;
  agreed: 0 | 1;
  title: string;
  value_minor: number | null;
  currency: string | null;
  prospect: string;
  company: string;
  tz: string | null;
  commitment: CommitmentKind | null;
}

/** Every scheduled follow-up due before `end` (overdue ones included), earliest first. */
export function dueFollowups(db: Database, end: Date): DueRow[] {
  return db
    .prepare(
      `SELECT f.id AS followup_id, f.deal_id, f.due_at, f.channel, f.purpose, f.agreed,
         d.title, d.value_minor, d.currency, p.name AS prospect, p.company, p.tz,
         (SELECT c.kind FROM commitments c WHERE c.deal_id = f.deal_id ORDER BY c.created_at DESC, c.id DESC LIMIT 1) AS commitment
       FROM followups f JOIN deals d ON d.id = f.deal_id JOIN prospects p ON p.id = d.prospect_id
       WHERE f.status = 'scheduled' AND f.due_at < ?
       ORDER BY f.due_at, f.id`,
    )
    .all(end.toISOString()) as DueRow[];
}

/** An open deal, named for a section of the morning table. */
export interface OpenDealRow {
  deal_id: number;
  prospect: string;
  company: string;
  title: string;
}

/** Open deals with no scheduled follow-up: no next step. */
export function dealsWithoutNextStep(db: Database): OpenDealRow[] {
  return db
    .prepare(
      `SELECT d.id AS deal_id, p.name AS prospect, p.company, d.title
       FROM deals d JOIN prospects p ON p.id = d.prospect_id
       WHERE d.status = 'open'
         AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.deal_id = d.id AND f.status = 'scheduled')
       ORDER BY d.id`,
    )
    .all() as OpenDealRow[];
}

/** An open deal with its recent contact, for the gone-quiet rule. */
export interface ContactRow extends OpenDealRow {
  created_at: string;
  /** 'completed_at|outcome' of its last two completed follow-ups, latest first, joined by ','. */
  last_done: string | null;
  last_commitment_at: string | null;
}

/** Open deals with their recent contact, except those already given a truth or feedback call. */
export function openDealContacts(db: Database): ContactRow[] {
  return db
    .prepare(
      `SELECT d.id AS deal_id, p.name AS prospect, p.company, d.title, d.created_at,
         (SELECT group_concat(done, ',') FROM (
            SELECT f.completed_at || '|' || coalesce(f.outcome, '') AS done FROM followups f
            WHERE f.deal_id = d.id AND f.status = 'done' ORDER BY f.completed_at DESC, f.id DESC LIMIT 2)) AS last_done,
         (SELECT max(c.created_at) FROM commitments c WHERE c.deal_id = d.id) AS last_commitment_at
       FROM deals d JOIN prospects p ON p.id = d.prospect_id
       WHERE d.status = 'open'
         AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.deal_id = d.id AND f.status = 'scheduled'
                         AND f.purpose IN ('truth', 'feedback'))
       ORDER BY d.id`,
    )
    .all() as ContactRow[];
}
