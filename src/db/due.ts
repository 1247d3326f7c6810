// The queries behind `salesctl due`, written for a large history: a range scan of followups(status,
// due_at), and open_deals (migration 4: each open deal with its prospect, latest commitment and last
// contact, kept by triggers) for what the morning table says about their deals, scanned whole for the
// deal sections with per-deal lookups of scheduled follow-ups. Nothing reads the completed history of every
// open deal, nor seeks each open deal, its prospect and its commitments among all of them.
import type { Database } from 'better-sqlite3';
import type { Channel, CommitmentKind, Purpose } from '../core/vocab.js';
import { latest } from './dealViews.js';

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
  /** The deal's keep-in-touch rhythm ('3m'), schema 5. */
  cadence?: string | null;
}

/**
 * Every scheduled follow-up due before `end` (overdue ones included), earliest first. An open deal's
 * title, value, prospect and latest commitment come from its open_deals row; a follow-up of a deal that
 * is not open (a not-now deal's nurture call) from the deal, its prospect and its commitments.
 */
export function dueFollowups(db: Database, end: Date): DueRow[] {
  const before = end.toISOString();
  return db
    .prepare(
      `SELECT f.id AS followup_id, f.deal_id, f.due_at, f.channel, f.purpose, f.agreed,
         o.title, o.value_minor, o.currency, o.prospect, o.company, o.tz, o.commitment,
         (SELECT d.cadence FROM deals d WHERE d.id = f.deal_id) AS cadence
       FROM followups f JOIN open_deals o ON o.deal_id = f.deal_id
       WHERE f.status = 'scheduled' AND f.due_at < ?
       UNION ALL
       SELECT f.id, f.deal_id, f.due_at, f.channel, f.purpose, f.agreed, d.title, d.value_minor, d.currency, p.name, p.company, p.tz,
         ${latest('kind')}, d.cadence
       FROM followups f JOIN deals d ON d.id = f.deal_id JOIN prospects p ON p.id = d.prospect_id
       WHERE f.status = 'scheduled' AND f.due_at < ? AND NOT EXISTS (SELECT 1 FROM open_deals o WHERE o.deal_id = f.deal_id)
       ORDER BY due_at, followup_id`,
    )
    .all(before, before) as DueRow[];
}

/** An open deal, named for a section of the morning table. */
export interface OpenDealRow {
  deal_id: number;
  prospect: string;
  company: string;
  title: string;
}

/**
 * Open deals with no scheduled follow-up: no next step. open_deals counts each deal's scheduled follow-ups
 * (migration 6) and a partial index holds the deals at 0, so this reads only the deals it prints: after
 * importing 100,000 leads, each with a next follow-up, none, where a merge of open_deals with the scheduled
 * follow-ups (EXCEPT) read 200,000 index entries (about 10 ms) and one search per open deal 41 ms.
 */
export function dealsWithoutNextStep(db: Database): OpenDealRow[] {
  return db
    .prepare(
      `SELECT o.deal_id, o.prospect, o.company, o.title
       FROM open_deals o INDEXED BY open_deals_stepless
       WHERE o.scheduled = 0
       ORDER BY o.deal_id`,
    )
    .all() as OpenDealRow[];
}

/**
 * An open deal that may have gone quiet, as the row SQLite returns it (an array: at 100k deals a couple of
 * thousand come back, and arrays cost less to build than objects):
 * [deal id, prospect, company, title, last contact (ms since 1970, the latest of its creation, completed
 * follow-ups and commitments, kept by migrations 3 and 4's triggers; SQLite reads the ISO text exactly as
 * Date.parse does, to the millisecond, and saves that parse per row), latest outcome, previous outcome].
 * The two outcomes are given only when both went unanswered, else null.
 */
export type ContactRow = [dealId: number, prospect: string, company: string, title: string, lastContactAt: number, latest: string | null, previous: string | null];

/**
 * Open deals whose last two completed follow-ups went unanswered (`unanswered`: UNANSWERED_OUTCOMES) or that
 * have had no contact since `quietSince`, except those with a scheduled follow-up of a purpose in
 * `answeredBy` (QUIET_ANSWERED_BY). The rule itself is core/quiet.ts; this restates it in SQL, for speed, to
 * narrow the rows to the ones it flags, reading open_deals instead of their history; test/db/quietSql.test.ts
 * holds the two equal. The candidates come from two index ranges (migration 6), so only deals that can be
 * quiet are read: after importing 100,000 leads, 0.2 ms instead of 9 ms for a scan of every open deal (the
 * planner, without statistics, scans unless told which index).
 */
export function quietCandidates(db: Database, quietSince: Date, unanswered: readonly string[], answeredBy: readonly string[]): ContactRow[] {
  const list = sqlList(unanswered);
  const bothUnanswered = `o.last_outcome IN (${list}) AND o.previous_outcome IN (${list})`;
  return db
    .prepare(
      `SELECT o.deal_id, o.prospect, o.company, o.title, CAST(round(unixepoch(o.last_contact_at, 'subsec') * 1000) AS INTEGER),
         CASE WHEN ${bothUnanswered} THEN o.last_outcome END, CASE WHEN ${bothUnanswered} THEN o.previous_outcome END
       FROM open_deals o
       WHERE o.deal_id IN (SELECT deal_id FROM open_deals INDEXED BY open_deals_outcomes WHERE last_outcome IN (${list}) AND previous_outcome IN (${list})
                           UNION SELECT deal_id FROM open_deals INDEXED BY open_deals_last_contact WHERE last_contact_at <= @since)
         AND ((${bothUnanswered}) OR o.last_contact_at <= @since)
         AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.deal_id = o.deal_id AND f.status = 'scheduled'
                         AND f.purpose IN (${sqlList(answeredBy)}))
       ORDER BY o.deal_id`,
    )
    .raw()
    .all({ since: quietSince.toISOString() }) as ContactRow[];
}

/** "'a', 'b'": words of the vocabulary as SQL literals. */
function sqlList(words: readonly string[]): string {
  return words.map((w) => `'${w.replace(/'/g, "''")}'`).join(', ');
}
