import { describe, expect, it } from 'vitest';
import { snapshot } from '../helpers.js';
import { book, commitment } from './deals-fixture.js';

/** Adds a journal line, a superseded and a broken commitment, and a post-mortem to the book. */
async function fullBook() {
  const h = await book();
  commitment(h.db, 1, 'low', 'superseded', '2026-11-19T02:00:00.000Z');
  commitment(h.db, 4, 'delegate', 'broken', '2026-11-09T02:00:00.000Z');
  const pm = h.db
    .prepare(
      `INSERT INTO postmortems (deal_id, outcome, what_happened, assumption, reviewers, feedback, lesson, created_at)
       VALUES (1, 'stalled', 'went quiet', 'the owner decides alone', '["Rina","Tom"]', null, 'ask who signs', '2026-11-21T04:00:00.000Z')`,
    )
    .run().lastInsertRowid;
  h.db.prepare("INSERT INTO postmortem_causes (postmortem_id, cause) VALUES (?, 'timing'), (?, 'no-decision-maker')").run(pm, pm);
  expect((await h.run(['log', '1', 'asked for the PO', '--tag', 'po'], { now: '2026-11-22T09:00:00Z' })).code).toBe(0);
  return h;
}

describe('salesctl show', () => {
  it('prints the deal sheet on a terminal', async () => {
    const h = await fullBook();
    const r = await h.run(['show', 'fleet'], { tty: true, width: 100 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`#1 Fleet renewal — Budi Santoso (PT Maju) · open · 15,000.00 USD

Prospect: Budi Santoso · PT Maju · Owner · decides
  zone Asia/Jakarta · best 10:00-12:00 · prefers chat
  reliability: kept 1 · broken 1 · pending 1

Commitments
Id  Kind  Status      What         From  Promised         Payment
4   low   superseded                     —
1   firm  pending     sign the PO        Tue 1 Dec 10:00

Follow-ups
Id  Due               Channel  Purpose    Agreed  Status     Outcome  Notes
3   Sat 21 Nov 10:00  call     follow-up  no      done
1   Mon 23 Nov 10:00  call     closure    yes     scheduled
2   Wed 25 Nov 10:00  call     follow-up  no      scheduled

Post-mortems
  #1 stalled · Sat 21 Nov 11:00 · causes: timing, no-decision-maker · reviewed with Rina, Tom
    what happened: went quiet
    failed assumption: the owner decides alone
    lesson: ask who signs

Timeline
When              Kind     What
Sun 22 Nov 15:00  created  deal created (15,000.00 USD)
Sun 22 Nov 16:00  journal  asked for the PO [po]
`);
  });

  it('prints the same sections with tab-separated rows and ISO times in a pipe', async () => {
    const h = await fullBook();
    const r = await h.run(['show', '1']);
    expect(r.stdout).toBe(`#1 Fleet renewal — Budi Santoso (PT Maju) · open · 15,000.00 USD

Prospect: Budi Santoso · PT Maju · Owner · decides
  zone Asia/Jakarta · best 10:00-12:00 · prefers chat
  reliability: kept 1 · broken 1 · pending 1

Commitments
4\tlow\tsuperseded\t\t\t\t
1\tfirm\tpending\tsign the PO\t\t2026-12-01T10:00:00+07:00\t

Follow-ups
3\t2026-11-21T10:00:00+07:00\tcall\tfollow-up\tno\tdone\t\t
1\t2026-11-23T10:00:00+07:00\tcall\tclosure\tyes\tscheduled\t\t
2\t2026-11-25T10:00:00+07:00\tcall\tfollow-up\tno\tscheduled\t\t

Post-mortems
  #1 stalled · 2026-11-21T11:00:00+07:00 · causes: timing, no-decision-maker · reviewed with Rina, Tom
    what happened: went quiet
    failed assumption: the owner decides alone
    lesson: ask who signs

Timeline
2026-11-22T15:00:00+07:00\tcreated\tdeal created (15,000.00 USD)
2026-11-22T16:00:00+07:00\tjournal\tasked for the PO [po]
`);
  });

  it('--json: the deal with prospect and reliability over all their deals, records and the merged timeline', async () => {
    const h = await fullBook();
    const shown = JSON.parse((await h.run(['show', '1', '--json'])).stdout);
    expect(shown.id).toBe(1);
    expect(shown.status).toBe('open');
    expect(shown.prospect).toMatchObject({ id: 1, name: 'Budi Santoso', tz: 'Asia/Jakarta', best_time: '10:00-12:00', channel: 'chat', decision_maker: true });
    // Deal #4 (won, same prospect) brings one kept and one broken; the superseded one is not counted.
    expect(shown.prospect.reliability).toEqual({ kept: 1, broken: 1, pending: 1 });
    expect(shown.commitments.map((c: { id: number }) => c.id)).toEqual([4, 1]);
    expect(shown.commitments[1]).toEqual({
      id: 1, deal_id: 1, kind: 'firm', what: 'sign the PO', given_by: null, promised_at: '2026-12-01T10:00:00+07:00',
      payment: null, status: 'pending', created_at: '2026-11-20T09:00:00+07:00', resolved_at: null,
    });
    expect(shown.followups[1]).toEqual({
      id: 1, deal_id: 1, due_at: '2026-11-23T10:00:00+07:00', channel: 'call', purpose: 'closure', closure: true, agreed: true,
      status: 'scheduled', outcome: null, notes: null, created_at: '2026-11-20T07:00:00+07:00', completed_at: null,
    });
    expect(shown.postmortems).toEqual([
      {
        id: 1, deal_id: 1, outcome: 'stalled', what_happened: 'went quiet', assumption: 'the owner decides alone',
        causes: ['timing', 'no-decision-maker'], reviewers: ['Rina', 'Tom'], feedback: null, lesson: 'ask who signs',
        created_at: '2026-11-21T11:00:00+07:00',
      },
    ]);
    expect(shown.timeline).toEqual([
      { at: '2026-11-22T15:00:00+07:00', kind: 'created', summary: 'deal created (15,000.00 USD)' },
      { at: '2026-11-22T16:00:00+07:00', kind: 'journal', summary: 'asked for the PO', tags: ['po'] },
    ]);
  });

  it('shows a deal with nothing but its creation', async () => {
    const h = await book();
    const r = await h.run(['show', 'carl'], { tty: true });
    expect(r.stdout).toBe(`#3 Carl — Carl · open

Prospect: Carl
  reliability: kept 0 · broken 0 · pending 0

Commitments
  none

Follow-ups
  none

Post-mortems
  none

Timeline
When              Kind     What
Sun 22 Nov 15:00  created  deal created
`);
  });

  it.each([
    [['show', '99'], "salesctl: no deal with id 99: run 'salesctl list' to see the deals\n"],
    [['show', 'nobody'], "salesctl: no deal matches 'nobody': run 'salesctl list --status all' to see the deals\n"],
    [['show', 'budi'], "salesctl: 'budi' matches 2 deals: give the deal id\n  #1 Budi Santoso (PT Maju) — Fleet renewal [open]\n  #4 Budi Santoso (PT Maju) — Spare parts [won]\n"],
  ])('%j is not found (exit 3)', async (argv, stderr) => {
    const h = await book();
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code: 3, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });
});
