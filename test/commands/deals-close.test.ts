import { describe, expect, it } from 'vitest';
import { snapshot } from '../helpers.js';
import { book } from './deals-fixture.js';

const followups = (h: Awaited<ReturnType<typeof book>>, deal: number) =>
  h.db.prepare('SELECT id, due_at, channel, purpose, agreed, status, notes, completed_at FROM followups WHERE deal_id = ? ORDER BY id').all(deal);

describe('salesctl close', () => {
  it('won: congratulates, closes, cancels the scheduled follow-ups and leaves an event', async () => {
    const h = await book();
    const r = await h.run(['close', 'fleet', 'won'], { tty: true });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Won #1 Fleet renewal — Budi Santoso (PT Maju) (15,000.00 USD). Congratulations on the sale! 2 scheduled follow-ups cancelled.\n',
    });
    expect(h.db.prepare('SELECT status, closed_at, lost_reason FROM deals WHERE id = 1').get()).toEqual({
      status: 'won', closed_at: '2026-11-22T08:00:00.000Z', lost_reason: null,
    });
    expect(followups(h, 1).map((f: any) => [f.id, f.status])).toEqual([[1, 'cancelled'], [2, 'cancelled'], [3, 'done']]);
    expect(h.db.prepare("SELECT kind, summary FROM events WHERE deal_id = 1 AND kind = 'closed'").all()).toEqual([
      { kind: 'closed', summary: 'closed as won; 2 scheduled follow-ups cancelled' },
    ]);
  });

  it('lost: keeps the reason and hints at the post-mortem', async () => {
    const h = await book();
    const r = await h.run(['close', '2', 'LOST', '--reason', 'went with a competitor']);
    expect(r).toEqual({
      code: 0,
      stdout: 'Lost #2 Acme — Ana Lima (Acme) · reason: went with a competitor. No scheduled follow-ups to cancel.\n',
      stderr: 'hint: write the post-mortem while it is fresh: salesctl postmortem 2\n',
    });
    const json = JSON.parse((await h.run(['show', '2', '--json'])).stdout);
    expect([json.status, json.lost_reason, json.closed_at]).toEqual(['lost', 'went with a competitor', '2026-11-22T15:00:00+07:00']);
  });

  it('not-now: a date alone lands at the start of the prospect\'s best time in their zone, by their channel', async () => {
    const h = await book();
    const r = await h.run(['close', '1', 'not-now', '--revisit', '2027-03-01', '--reason', 'budget frozen until March', '--json']);
    expect(r.code).toBe(0);
    const closed = JSON.parse(r.stdout);
    expect(closed).toMatchObject({ id: 1, status: 'not-now', lost_reason: null, closed_at: '2026-11-22T15:00:00+07:00', cancelled_followups: 2 });
    expect(closed.revisit_followup).toEqual({
      id: 4, deal_id: 1, due_at: '2027-03-01T10:00:00+07:00', channel: 'chat', purpose: 'nurture', closure: false, agreed: true,
      status: 'scheduled', outcome: null, notes: 'budget frozen until March', created_at: '2026-11-22T15:00:00+07:00', completed_at: null,
    });
    expect(followups(h, 1).map((f: any) => [f.id, f.status])).toEqual([[1, 'cancelled'], [2, 'cancelled'], [3, 'done'], [4, 'scheduled']]);
  });

  it('not-now: the text names the revisit in local time and in the prospect\'s', async () => {
    const h = await book();
    const r = await h.run(['close', '1', 'not-now', '--revisit', '2027-03-01'], { tty: true, zone: 'Europe/Paris' });
    expect(r.stdout).toBe(
      'Not now: #1 Fleet renewal — Budi Santoso (PT Maju). "No" means "not now": nurture chat #4 on Mon 1 Mar 2027 04:00 ' +
        '(Mon 1 Mar 2027 10:00 their time). 2 scheduled follow-ups cancelled.\n',
    );
  });

  it.each([
    ['2027-03-01', '2027-03-01T02:00:00.000Z'], // no best time: 09:00 local (Jakarta)
    ['2027-03-01 14:30', '2027-03-01T07:30:00.000Z'],
    ['+3m', '2027-02-22T02:00:00.000Z'],
  ])('not-now --revisit %j for a prospect without a best time → %s, by call', async (revisit, due) => {
    const h = await book();
    expect((await h.run(['close', 'carl', 'not-now', '--revisit', revisit])).code).toBe(0);
    expect(followups(h, 3)).toEqual([
      { id: 4, due_at: due, channel: 'call', purpose: 'nurture', agreed: 1, status: 'scheduled', notes: null, completed_at: null },
    ]);
  });

  it.each([
    [['close', '4', 'lost'], 2, "salesctl: deal #4 is won: it is already closed, and only open deals can be closed; for repeat business add a new deal (salesctl add 'Budi Santoso' --company 'PT Maju' --deal '<what they buy now>'), or if the sale fell through: salesctl reopen 4\n"],
    [['close', '1', 'not-now'], 2, 'salesctl: closing as not-now needs --revisit <when> or --every <rhythm>: when the prospect agreed to hear from you again, e.g. --revisit 2027-03-01, or keep in touch with --every 3m\n'],
    [['close', '1', 'not-now', '--revisit', '2026-11-01'], 2, 'salesctl: --revisit Sun 1 Nov 2026 10:00 is not in the future: give the date the prospect agreed to, e.g. +3m or 2027-02-20\n'],
    [['close', '1', 'not-now', '--revisit', 'now'], 2, 'salesctl: --revisit Sun 22 Nov 2026 15:00 is not in the future: give the date the prospect agreed to, e.g. +3m or 2027-02-20\n'],
    [['close', '1', 'not-now', '--revisit', 'someday'], 2, "salesctl: cannot read the date 'someday' for --revisit: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w\n"],
    [['close', '1', 'won', '--revisit', '+3m'], 2, 'salesctl: --revisit goes with not-now: salesctl close 1 not-now --revisit <when>\n'],
    [['close', '1', 'reopen'], 2, "salesctl: unknown closing status 'reopen': use one of won, lost, not-now\n"],
    [['close', '1', 'lost', '--reason', 'r'.repeat(10_001)], 2, 'salesctl: --reason is 10001 characters long: at most 10000 are allowed\n'],
    [['close', '77', 'won'], 3, "salesctl: no deal with id 77: run 'salesctl list' to see the deals\n"],
    [['close', 'maju', 'won'], 3, "salesctl: 'maju' matches 2 deals: give the deal id\n  #1 Budi Santoso (PT Maju) — Fleet renewal [open]\n  #4 Budi Santoso (PT Maju) — Spare parts [won]\n"],
  ])('%j is refused with exit %i and nothing changes', async (argv, code, stderr) => {
    const h = await book();
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });
});
