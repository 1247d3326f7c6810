import { beforeEach, describe, expect, it } from 'vitest';
import { harness, snapshot, type Harness } from '../helpers.js';

let h: Harness;

beforeEach(async () => {
  h = harness('2026-11-22T08:00:00Z', 'Asia/Jakarta');
  await h.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal', '--no-decision-maker']);
  await h.run(['add', 'Sari Dewi', '--company', 'CV Laut', '--decision-maker']);
});

describe('commit <deal> <kind>', () => {
  it('prints the commitment and the next action in a pipe, stored at 09:00 local for a date-only --by', async () => {
    const r = await h.run(['commit', 'Sari', 'firm', 'sign', 'the', 'contract', '--by', '2026-12-15', '--payment', 'dp']);
    expect(r).toEqual({
      code: 0,
      stdout:
        'Recorded firm commitment #1 on deal #2 Sari Dewi (CV Laut) — CV Laut [open]\n' +
        '  what:    sign the contract\n' +
        '  from:    Sari Dewi\n' +
        '  by:      2026-12-15T09:00:00+07:00\n' +
        '  payment: down payment\n' +
        'Next: send the contract and collect the payment (down payment or full)\n',
      stderr: '',
    });
    expect(h.db.prepare('SELECT promised_at FROM commitments WHERE id = 1').get()).toEqual({ promised_at: '2026-12-15T02:00:00.000Z' });
  });

  it('colours the words on a terminal', async () => {
    const r = await h.run(['commit', '2', 'low', 'will think about it'], { tty: true, color: true });
    expect(r.stdout).toBe(
      '\u001b[32mRecorded\u001b[39m low commitment #1 on deal #2 Sari Dewi (CV Laut) — CV Laut [open]\n' +
        '  what:    will think about it\n' +
        '  from:    Sari Dewi\n' +
        '\u001b[1mNext:\u001b[22m follow up until it is certain: a purchase date or a change of mind\n',
    );
  });

  it('prints the commitment with next_action as JSON', async () => {
    const r = await h.run(['commit', '2', 'firm', '20 seats', '--by', '2026-12-15 14:30', '--payment', 'full', '--from', 'Pak Agus', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 1,
      deal_id: 2,
      kind: 'firm',
      what: '20 seats',
      given_by: 'Pak Agus',
      promised_at: '2026-12-15T14:30:00+07:00',
      payment: 'full',
      status: 'pending',
      created_at: '2026-11-22T15:00:00+07:00',
      resolved_at: null,
      next_action: 'send the contract and collect the payment (down payment or full)',
    });
  });

  it.each([
    ['delegate', 'get to the decision maker: ask to be introduced to whoever approves this'],
    ['low', 'follow up until it is certain: a purchase date or a change of mind'],
  ])('%s suggests: %s', async (kind, next) => {
    const r = await h.run(['commit', '2', kind, 'talk again', '--json']);
    expect(JSON.parse(r.stdout).next_action).toBe(next);
  });

  it('warns, but records, a firm commitment from a prospect who does not decide', async () => {
    const r = await h.run(['commit', 'Budi', 'firm', 'order', '--by', '2026-12-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "warning: Budi Santoso does not decide the purchase: a promise from them only holds with the decision maker's approval; consider kind delegate\n",
    );
    expect(h.db.prepare('SELECT count(*) AS n FROM commitments').get()).toEqual({ n: 1 });
  });

  it('does not warn when --from names somebody else', async () => {
    const r = await h.run(['commit', 'Budi', 'firm', 'order', '--by', '2026-12-01', '--from', 'Ibu Ratna (director)']);
    expect(r.stderr).toBe('');
  });

  it('keeps --payment on a non-firm commitment with a warning', async () => {
    const r = await h.run(['commit', '2', 'low', 'maybe a DP', '--payment', 'dp', '--json']);
    expect(JSON.parse(r.stdout).payment).toBe('dp');
    expect(r.stderr).toBe('warning: --payment dp is kept, but only a firm commitment (a date from the decision maker) is counted as a close\n');
  });

  it('mentions pending commitments, and supersedes them with --supersede', async () => {
    await h.run(['commit', '2', 'delegate', 'ask the boss']);
    await h.run(['commit', '2', 'low', 'maybe']);
    const kept = await h.run(['commit', '2', 'low', 'next month']);
    expect(kept.stderr).toBe(
      "hint: 2 earlier commitments are still pending on deal #2 (#1, #2): resolve with 'salesctl commit kept|broken <id>', or record with --supersede\n",
    );
    const r = await h.run(['commit', '2', 'firm', 'sign', '--by', '+2w', '--supersede'], { now: '2026-11-23T01:00:00Z' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Superseded: #1, #2, #3\n');
    expect(h.db.prepare('SELECT id, status, resolved_at FROM commitments ORDER BY id').all()).toEqual([
      { id: 1, status: 'superseded', resolved_at: '2026-11-23T01:00:00.000Z' },
      { id: 2, status: 'superseded', resolved_at: '2026-11-23T01:00:00.000Z' },
      { id: 3, status: 'superseded', resolved_at: '2026-11-23T01:00:00.000Z' },
      { id: 4, status: 'pending', resolved_at: null },
    ]);
  });

  it('leaves an event on the timeline', async () => {
    await h.run(['commit', '2', 'firm', 'sign', '--by', '2026-12-15', '--payment', 'dp']);
    expect(h.db.prepare("SELECT kind, summary FROM events WHERE kind LIKE 'commitment%'").all()).toEqual([
      { kind: 'commitment', summary: 'firm commitment #1 from Sari Dewi: sign by 2026-12-15T09:00:00+07:00 (down payment)' },
    ]);
  });

  it.each([
    [['commit', '2', 'firm', 'sign'], 2, 'salesctl: a firm commitment needs a date: add --by <when>, e.g. --by 2026-12-15\n'],
    [['commit', '2', 'soft'], 2, "salesctl: unknown commitment kind 'soft': use one of delegate, low, firm\n"],
    [['commit', '9', 'low'], 3, "salesctl: no deal with id 9: run 'salesctl list' to see the deals\n"],
    [['commit', 'Nobody', 'low'], 3, "salesctl: no deal matches 'Nobody': run 'salesctl list --status all' to see the deals\n"],
    [
      ['commit', '2', 'firm', '--by', 'someday'],
      2,
      "salesctl: cannot read the date 'someday' for --by: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w\n",
    ],
  ])('%j is refused (exit %i) and changes nothing', async (argv, code, stderr) => {
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });

  it('refuses a deal that is not open', async () => {
    h.db.prepare("UPDATE deals SET status = 'lost' WHERE id = 2").run();
    const before = snapshot(h.db);
    expect(await h.run(['commit', '2', 'low'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesctl: deal #2 is lost: commitments are recorded on open deals only; if the answer is now yes, reopen it first (salesctl reopen 2): its history stays\n',
    });
    expect(snapshot(h.db)).toBe(before);
  });
});

describe('commit kept|broken <id>', () => {
  beforeEach(async () => {
    await h.run(['commit', '2', 'firm', 'sign', '--by', '2026-12-15', '--payment', 'dp']);
    await h.run(['commit', '2', 'low', 'refer a friend']);
    await h.run(['commit', '1', 'delegate', 'ask the director']);
  });

  it('marks a commitment kept and shows the prospect reliability', async () => {
    const r = await h.run(['commit', 'kept', '1', '--note', 'DP received'], { now: '2026-12-15T03:00:00Z' });
    expect(r).toEqual({
      code: 0,
      stdout:
        'Kept: firm commitment #1 on deal #2 Sari Dewi (CV Laut) — CV Laut [open]\n' +
        '  what:    sign\n' +
        '  from:    Sari Dewi\n' +
        '  by:      2026-12-15T09:00:00+07:00\n' +
        '  payment: down payment\n' +
        'Reliability of Sari Dewi: kept 1 · broken 0 · pending 1\n',
      stderr: '',
    });
    expect(h.db.prepare("SELECT summary FROM events WHERE kind = 'commitment-kept'").all()).toEqual([{ summary: 'commitment #1 kept: DP received' }]);
  });

  it('marks a commitment broken, as JSON with the reliability', async () => {
    await h.run(['commit', 'kept', '1']);
    const r = await h.run(['commit', 'broken', '2', '--json'], { now: '2026-12-20T03:00:00Z' });
    expect(JSON.parse(r.stdout)).toEqual({
      id: 2,
      deal_id: 2,
      kind: 'low',
      what: 'refer a friend',
      given_by: 'Sari Dewi',
      promised_at: null,
      payment: null,
      status: 'broken',
      created_at: '2026-11-22T15:00:00+07:00',
      resolved_at: '2026-12-20T10:00:00+07:00',
      reliability: { kept: 1, broken: 1, pending: 0 },
    });
  });

  it('counts reliability across all the prospect deals, superseded left out', async () => {
    await h.run(['add', 'Sari Dewi', '--company', 'CV Laut', '--deal', 'Second boat']);
    await h.run(['commit', 'Second boat', 'low', 'x']);
    await h.run(['commit', 'Second boat', 'low', 'y', '--supersede']);
    const r = await h.run(['commit', 'broken', '1', '--json']);
    expect(JSON.parse(r.stdout).reliability).toEqual({ kept: 0, broken: 1, pending: 2 });
  });

  it.each([
    [['commit', 'kept', '99'], 3, "salesctl: no commitment with id 99: run 'salesctl show <deal>' to see a deal's commitments\n"],
    [['commit', 'broken', 'abc'], 2, "salesctl: 'abc' is not a commitment id: give the number shown by 'salesctl show <deal>'\n"],
  ])('%j is refused (exit %i)', async (argv, code, stderr) => {
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });

  it('refuses to resolve a commitment that is no longer pending, naming its status', async () => {
    await h.run(['commit', 'broken', '3']);
    const before = snapshot(h.db);
    expect(await h.run(['commit', 'kept', '3'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesctl: commitment #3 is already broken: only a pending commitment can be marked kept\n',
    });
    expect(snapshot(h.db)).toBe(before);
  });
});
