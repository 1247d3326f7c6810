import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { quietCandidates } from '../../src/db/due.js';
import { QUIET_ANSWERED_BY, UNANSWERED_OUTCOMES, quietReason, quietSince } from '../../src/core/quiet.js';
import type { Database } from 'better-sqlite3';

// db/due.ts restates the gone-quiet rule of core/quiet.ts in SQL, reading what the open_deals triggers keep.
// Here a table of deals is judged both ways, and each way must give the expected reason: the SQL (as `due`
// runs it) and the rule applied in JS to the deal's raw history.
const NOW = new Date('2026-11-22T08:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY + ms).toISOString();

/** A deal: its status, age, completed follow-ups (days ago, outcome; latest last), commitments and scheduled purposes. */
interface Deal {
  status?: string;
  created: number;
  createdMs?: number;
  done?: Array<[number, string]>;
  commitments?: number[];
  scheduled?: string[];
}

const DEALS: Array<[string, Deal, string | null]> = [
  ['created 21 days ago, nothing since', { created: 21 }, 'no contact for 21 days'],
  ['created 21 days ago less a millisecond', { created: 21, createdMs: 1 }, null],
  ['created 40 days ago, a reply 3 days ago', { created: 40, done: [[3, 'replied']] }, null],
  ['created 40 days ago, a commitment 2 days ago', { created: 40, commitments: [2] }, null],
  ['last reached 30 days ago', { created: 60, done: [[30, 'reached']] }, 'no contact for 30 days'],
  ['two unanswered, recent', { created: 10, done: [[5, 'no-answer'], [2, 'voicemail']] }, 'the last 2 follow-ups went unanswered (voicemail, no-answer)'],
  ['bounced then no-show', { created: 10, done: [[5, 'bounced'], [1, 'no-show']] }, 'the last 2 follow-ups went unanswered (no-show, bounced)'],
  ['unanswered then replied', { created: 10, done: [[5, 'no-answer'], [2, 'replied']] }, null],
  ['one unanswered only', { created: 10, done: [[2, 'no-answer']] }, null],
  ['silent 30 days with a truth call booked', { created: 30, scheduled: ['truth'] }, null],
  ['silent 30 days with a feedback call booked', { created: 30, scheduled: ['feedback'] }, null],
  ['two unanswered with a truth call booked', { created: 10, done: [[5, 'no-answer'], [2, 'voicemail']], scheduled: ['truth'] }, null],
  ['silent 30 days with a follow-up booked', { created: 30, scheduled: ['follow-up'] }, 'no contact for 30 days'],
  ['silent 30 days with a closure call booked', { created: 30, scheduled: ['closure'] }, 'no contact for 30 days'],
  ['silent 30 days with a nurture call booked', { created: 30, scheduled: ['nurture'] }, 'no contact for 30 days'],
  ['two unanswered with a follow-up booked', { created: 10, done: [[5, 'no-answer'], [2, 'voicemail']], scheduled: ['follow-up'] }, 'the last 2 follow-ups went unanswered (voicemail, no-answer)'],
  ['won 30 days ago', { status: 'won', created: 30 }, null],
  ['lost, two unanswered', { status: 'lost', created: 10, done: [[5, 'no-answer'], [2, 'voicemail']] }, null],
  ['not now, silent 30 days', { status: 'not-now', created: 30 }, null],
];

function book(): Database {
  const db = openDatabase(':memory:');
  db.prepare("INSERT INTO prospects (id, name, created_at) VALUES (1, 'P', ?)").run(ago(100));
  const deal = db.prepare("INSERT INTO deals (id, prospect_id, title, status, created_at) VALUES (?, 1, ?, ?, ?)");
  const followup = db.prepare("INSERT INTO followups (deal_id, due_at, channel, purpose, status, outcome, created_at, completed_at) VALUES (?, ?, 'call', ?, ?, ?, ?, ?)");
  const commitment = db.prepare("INSERT INTO commitments (deal_id, kind, status, created_at) VALUES (?, 'low', 'pending', ?)");
  DEALS.forEach(([what, d], i) => {
    const id = i + 1;
    deal.run(id, what, d.status ?? 'open', ago(d.created, d.createdMs));
    for (const [days, outcome] of d.done ?? []) followup.run(id, ago(days), 'follow-up', 'done', outcome, ago(d.created), ago(days));
    for (const days of d.commitments ?? []) commitment.run(id, ago(days));
    for (const purpose of d.scheduled ?? []) followup.run(id, ago(-3), purpose, 'scheduled', null, ago(d.created), null);
  });
  return db;
}

/** The SQL way, as `due` runs it: the candidates, then core/quiet.ts's reason for each. */
function bySql(db: Database): Map<number, string> {
  const rows = quietCandidates(db, quietSince(NOW), UNANSWERED_OUTCOMES, QUIET_ANSWERED_BY);
  const out = new Map<number, string>();
  for (const r of rows) {
    const reason = quietReason(r[4], r[5], r[6], NOW.getTime());
    if (reason) out.set(r[0], reason);
  }
  return out;
}

/** The rule applied in JS to each deal's raw history. */
function byRule(db: Database): Map<number, string> {
  const out = new Map<number, string>();
  const deals = db.prepare('SELECT id, status, created_at FROM deals').all() as Array<{ id: number; status: string; created_at: string }>;
  for (const d of deals) {
    if (d.status !== 'open') continue;
    const done = db.prepare("SELECT outcome, completed_at FROM followups WHERE deal_id = ? AND status = 'done' ORDER BY completed_at DESC, id DESC").all(d.id) as Array<{ outcome: string; completed_at: string }>;
    const commitments = db.prepare('SELECT created_at FROM commitments WHERE deal_id = ?').pluck().all(d.id) as string[];
    const scheduled = db.prepare("SELECT purpose FROM followups WHERE deal_id = ? AND status = 'scheduled'").pluck().all(d.id) as string[];
    if (scheduled.some((p) => (QUIET_ANSWERED_BY as readonly string[]).includes(p))) continue;
    const lastContact = Math.max(...[d.created_at, ...done.map((f) => f.completed_at), ...commitments].map((t) => Date.parse(t)));
    const reason = quietReason(lastContact, done[0]?.outcome, done[1]?.outcome, NOW.getTime());
    if (reason) out.set(d.id, reason);
  }
  return out;
}

describe("db/due.ts's gone-quiet SQL and core/quiet.ts's rule", () => {
  const db = book();
  const sql = bySql(db);
  const rule = byRule(db);
  it.each(DEALS.map(([what, , expected], i) => [what, i + 1, expected] as const))('%s', (_what, id, expected) => {
    expect(rule.get(id) ?? null).toBe(expected);
    expect(sql.get(id) ?? null).toBe(expected);
  });
  it('flag the same deals', () => {
    expect([...sql].sort()).toEqual([...rule].sort());
  });
});
