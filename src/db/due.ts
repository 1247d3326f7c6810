// The queries behind `salesctl due`, written for a large history: a range scan of
// followups(status, due_at), the latest commitment through commitments(deal_id, created_at), per-deal
// lookups of scheduled follow-ups, and the contact kept on each deal (migration 3) for the gone-quiet
// rule; nothing reads the completed history of every open deal.
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

/**
 * An open deal that may have gone quiet, as the row SQLite returns it (an array: at 100k deals a couple of
 * thousand come back, and arrays cost less to build than objects):
 * [deal id, prospect, company, title, last contact (ms since 1970, the latest of its creation, completed
 * follow-ups and commitments, kept on the deal by migration 3's triggers; SQLite reads the ISO text exactly
 * as Date.parse does, to the millisecond, and saves that parse per row), latest outcome, previous outcome].
 * The two outcomes are given only when both went unanswered, else null.
 */
export type ContactRow = [dealId: number, prospect: string, company: string, title: string, lastContactAt: number, latest: string | null, previous: string | null];

/**
 * Open deals whose last two completed follow-ups went unanswered or that have had no contact since
 * `quietSince`, except those already given a truth or feedback call. The rule itself is core/quiet.ts;
 * this narrows the rows to the ones it flags, reading the deals table instead of their history.
 */
export function quietCandidates(db: Database, quietSince: Date, unanswered: readonly string[]): ContactRow[] {
  const list = unanswered.map((o) => `'${o.replace(/'/g, "''")}'`).join(', ');
  const bothUnanswered = `d.last_outcome IN (${list}) AND d.previous_outcome IN (${list})`;
  const lastContact = 'max(d.created_at, coalesce(d.last_touch_at, d.created_at))';
  return db
    .prepare(
      `SELECT d.id, p.name, p.company, d.title, CAST(round(unixepoch(${lastContact}, 'subsec') * 1000) AS INTEGER),
         CASE WHEN ${bothUnanswered} THEN d.last_outcome END, CASE WHEN ${bothUnanswered} THEN d.previous_outcome END
       FROM deals d JOIN prospects p ON p.id = d.prospect_id
       WHERE d.status = 'open' AND ((${bothUnanswered}) OR ${lastContact} <= ?)
         AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.deal_id = d.id AND f.status = 'scheduled'
                         AND f.purpose IN ('truth', 'feedback'))
       ORDER BY d.id`,
    )
    .raw()
    .all(quietSince.toISOString()) as ContactRow[];
}
