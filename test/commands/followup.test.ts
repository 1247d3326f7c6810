import { beforeEach, describe, expect, it } from 'vitest';
import { snapshot, type Harness } from '../helpers.js';
import { harness } from '../helpers.js';
import { NOW, ZONE, ok } from './followups-fixture.js';

let h: Harness;
beforeEach(async () => {
  h = harness(NOW, ZONE); // Sunday 22 Nov 2026, 15:00 in Jakarta
  await ok(h, ['add', 'Budi Santoso', '--company', 'PT Maju', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--channel', 'chat']);
  await ok(h, ['add', 'Ann Lee', '--company', 'Acme', '--tz', 'America/New_York', '--best-time', '09:00-11:00']);
  await ok(h, ['add', 'Carl']);
});

const events = (deal: number) => h.db.prepare('SELECT at, kind, summary FROM events WHERE deal_id = ? AND kind != ? ORDER BY id').all(deal, 'created');

describe('salesctl followup <deal>', () => {
  it('schedules in the prospect\'s day and prints it on a terminal and in a pipe', async () => {
    const tty = await h.run(['followup', 'Budi', '--at', 'tomorrow 10:30'], { tty: true });
    expect(tty).toEqual({ code: 0, stdout: 'Scheduled follow-up #1: chat Budi Santoso (PT Maju) on Mon 23 Nov 2026 10:30\n', stderr: '' });
    const pipe = await h.run(['followup', 'Acme', '--at', '2026-11-23 21:00', '--purpose', 'truth', '--note', 'ask what changed']);
    expect(pipe).toEqual({ code: 0, stdout: 'Scheduled follow-up #2 (truth): call Ann Lee (Acme) on Mon 23 Nov 2026 21:00 · 09:00 EST their time\n', stderr: '' });
    expect(events(2)).toEqual([{ at: '2026-11-22T08:00:00.000Z', kind: 'followup-scheduled', summary: 'truth #2 by call scheduled for 2026-11-23T21:00:00+07:00' }]);
  });

  it('prints the follow-up as JSON', async () => {
    const { stdout, code } = await h.run(['followup', '2', '--at', '2026-11-23 21:00', '--closure', '--channel', 'meeting', '--note', 'decide on the pilot', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      id: 1, deal_id: 2, due_at: '2026-11-23T21:00:00+07:00', channel: 'meeting', purpose: 'closure', closure: true, agreed: true,
      status: 'scheduled', outcome: null, notes: 'decide on the pilot', created_at: '2026-11-22T15:00:00+07:00', completed_at: null,
    });
  });

  it.each([
    // A date alone: the start of the prospect's best time, in their zone.
    ['Budi', '2026-11-25', '2026-11-25T03:00:00.000Z', 'chat'],
    ['Ann', 'tomorrow', '2026-11-23T14:00:00.000Z', 'call'], // 09:00 in New York
    ['Ann', '+1w', '2026-11-29T14:00:00.000Z', 'call'],
    // No window: 09:00 local.
    ['Carl', '2026-11-25', '2026-11-25T02:00:00.000Z', 'call'],
    ['Carl', 'tomorrow 4pm', '2026-11-23T09:00:00.000Z', 'call'],
  ])('%s --at %s is due at %s by %s', async (who, at, due, channel) => {
    expect((await h.run(['followup', who, '--at', at])).code).toBe(0);
    expect(h.db.prepare('SELECT due_at, channel, purpose, agreed FROM followups').get()).toEqual({ due_at: due, channel, purpose: 'follow-up', agreed: 0 });
  });

  it('warns, and still schedules, outside the best time, naming their time and window', async () => {
    const budi = await h.run(['followup', 'Budi', '--at', 'tomorrow 8:30am']);
    expect(budi.code).toBe(0);
    expect(budi.stderr).toBe('warning: 08:30 for Budi Santoso (Asia/Jakarta) is outside their best time 10:00-12:00\n');
    const ann = await h.run(['followup', 'Ann', '--at', 'tomorrow 10am', '--agreed']);
    expect(ann.stderr).toBe('warning: 22:00 for Ann Lee (America/New_York) is outside their best time 09:00-11:00\n');
    expect(h.db.prepare('SELECT count(*) AS n FROM followups').get()).toEqual({ n: 2 });
  });

  it('warns about a time in the past', async () => {
    const r = await h.run(['followup', 'Carl', '--at', '2026-11-20 10:00']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: Fri 20 Nov 2026 10:00 is in the past: it shows as overdue in salesctl due\n');
  });

  it('schedules on a not-now deal and refuses a won or lost one', async () => {
    h.db.prepare("UPDATE deals SET status = 'not-now' WHERE id = 1").run();
    h.db.prepare("UPDATE deals SET status = 'won' WHERE id = 2").run();
    h.db.prepare("UPDATE deals SET status = 'lost' WHERE id = 3").run();
    expect((await h.run(['followup', '1', '--at', '+3m', '--purpose', 'nurture'])).code).toBe(0);
    const before = snapshot(h.db);
    expect(await h.run(['followup', '2', '--at', 'tomorrow'])).toEqual({
      code: 2, stdout: '', stderr: "salesctl: deal #2 is won: follow-ups are scheduled on open or not-now deals; for repeat business add a new deal (salesctl add 'Ann Lee' --company Acme --deal '<what they buy now>'), or if the sale fell through: salesctl reopen 2\n",
    });
    expect((await h.run(['followup', 'Carl', '--at', 'tomorrow'])).stderr).toBe('salesctl: deal #3 is lost: follow-ups are scheduled on open or not-now deals; if the answer is now yes, reopen it first (salesctl reopen 3): its history stays\n');
    expect(snapshot(h.db)).toBe(before);
  });

  it.each([
    [['followup', 'Budi'], 2, "salesctl: missing --at <when>: e.g. --at 'tomorrow 10am'\n"],
    [['followup', 'Budi', '--at', 'someday'], 2, "salesctl: cannot read the date 'someday' for --at: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w\n"],
    [['followup', 'Budi', '--at', 'tomorrow', '--closure', '--purpose', 'truth'], 2, '--closure makes the purpose closure, not truth'],
    [['followup', 'Nobody', '--at', 'tomorrow'], 3, "salesctl: no deal matches 'Nobody'"],
    [['followup', '42', '--at', 'tomorrow'], 3, 'salesctl: no deal with id 42'],
    [['followup', 'Budi', '--at', 'tomorrow', '--channel', 'pigeon'], 2, 'pigeon'],
  ])('refuses %j with exit %d and changes nothing', async (argv, code, message) => {
    const before = snapshot(h.db);
    const r = await h.run(argv);
    expect(r.code).toBe(code);
    expect(r.stderr.startsWith(message) || r.stderr.includes(message)).toBe(true);
    expect(r.stdout).toBe('');
    expect(snapshot(h.db)).toBe(before);
  });
});

describe('salesctl followup done', () => {
  beforeEach(async () => {
    await ok(h, ['followup', 'Budi', '--at', '2026-11-22 10:00']); // #1
  });

  it('completes with the outcome and schedules the next step in the same run', async () => {
    const r = await h.run(['followup', 'done', '1', '--outcome', 'reached', '--next', 'tuesday', '--note', 'wants a quote', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      id: 1, deal_id: 1, due_at: '2026-11-22T10:00:00+07:00', channel: 'chat', purpose: 'follow-up', closure: false, agreed: false,
      status: 'done', outcome: 'reached', notes: 'wants a quote', created_at: '2026-11-22T15:00:00+07:00', completed_at: '2026-11-22T15:00:00+07:00',
      contact_at: '2026-11-22T15:00:00+07:00',
      next: {
        id: 2, deal_id: 1, due_at: '2026-11-24T10:00:00+07:00', channel: 'chat', purpose: 'follow-up', closure: false, agreed: false,
        status: 'scheduled', outcome: null, notes: null, created_at: '2026-11-22T15:00:00+07:00', completed_at: null,
      },
    });
    expect(events(1).map((e: any) => e.summary)).toEqual([
      'follow-up #1 by chat scheduled for 2026-11-22T10:00:00+07:00',
      'follow-up #1 by chat done: reached',
      'follow-up #2 by chat scheduled for 2026-11-24T10:00:00+07:00',
    ]);
  });

  it('prints what was done and the next step; --next-channel and --next-purpose change the next one', async () => {
    const r = await h.run(['followup', 'done', '1', '--outcome', 'replied', '--next', '2026-11-26 11:00', '--next-channel', 'meeting', '--next-purpose', 'closure'], { tty: true });
    expect(r).toEqual({
      code: 0,
      stdout:
        'Done follow-up #1: chat Budi Santoso (PT Maju) on Sun 22 Nov 2026 10:00 → replied\n' +
        'Next follow-up #2 (closure): meeting Budi Santoso (PT Maju) on Thu 26 Nov 2026 11:00\n',
      stderr: '',
    });
    expect(h.db.prepare('SELECT purpose, channel, agreed FROM followups WHERE id = 2').get()).toEqual({ purpose: 'closure', channel: 'meeting', agreed: 1 });
  });

  it('warns when an open deal is left with no next step, and not when another is scheduled', async () => {
    const alone = await h.run(['followup', 'done', '1', '--outcome', 'no-answer']);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe('Done follow-up #1: chat Budi Santoso (PT Maju) on Sun 22 Nov 2026 10:00 → no-answer\n');
    expect(alone.stderr).toBe('warning: deal #1 has no next step: every step should end with a commitment for the next (salesctl followup 1 --at ...)\n');
    await ok(h, ['followup', 'Budi', '--at', '2026-11-23 10:00']); // #2
    await ok(h, ['followup', 'Budi', '--at', '2026-11-24 10:00']); // #3
    // #2 is due tomorrow: said, but no "no next step" warning (#3 is still scheduled).
    expect((await h.run(['followup', 'done', '2', '--outcome', 'voicemail'])).stderr).toBe(
      "warning: follow-up #2 is Budi Santoso (PT Maju)'s, due Mon 23 Nov, not today: check the Id in 'salesctl due' if you meant another\n",
    );
  });

  it('refuses what is not scheduled, naming its status, and unknown ids; nothing changes', async () => {
    await ok(h, ['followup', 'done', '1', '--outcome', 'reached', '--next', 'tomorrow']);
    await ok(h, ['followup', 'cancel', '2']);
    const before = snapshot(h.db);
    const cases: Array<[string[], number, string]> = [
      [['followup', 'done', '1', '--outcome', 'reached'], 2, 'salesctl: follow-up #1 is done, not scheduled: only a scheduled follow-up can be completed\n'],
      [['followup', 'done', '2', '--outcome', 'reached'], 2, 'salesctl: follow-up #2 is cancelled, not scheduled: only a scheduled follow-up can be completed\n'],
      [['followup', 'reschedule', '1', '--at', 'tomorrow'], 2, 'salesctl: follow-up #1 is done, not scheduled: only a scheduled follow-up can be rescheduled\n'],
      [['followup', 'cancel', '2'], 2, 'salesctl: follow-up #2 is cancelled, not scheduled: only a scheduled follow-up can be cancelled\n'],
      [['followup', 'done', '99', '--outcome', 'reached'], 3, "salesctl: no follow-up with id 99: run 'salesctl due' or 'salesctl show <deal>' to see them\n"],
      [['followup', 'cancel', 'abc'], 2, "salesctl: 'abc' is not a follow-up id: give the number in the Id column of salesctl due\n"],
    ];
    for (const [argv, code, stderr] of cases) expect(await h.run(argv)).toEqual({ code, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });

  it.each([
    [['followup', 'done', '1'], 'salesctl: missing --outcome <outcome>: one of reached, no-answer, voicemail, replied, bounced, meeting-held, no-show\n'],
    [['followup', 'done', '1', '--outcome', 'reached', '--next', 'soonish'], "salesctl: cannot read the date 'soonish' for --next: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w\n"],
    [['followup', 'done', '1', '--outcome', 'reached', '--next-channel', 'email'], "salesctl: --next-channel needs --next <when>: e.g. --next 'tomorrow 10am'\n"],
  ])('refuses %j and changes nothing', async (argv, stderr) => {
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code: 2, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });

  it('refuses --next on a won deal, but completes without one', async () => {
    h.db.prepare("UPDATE deals SET status = 'won' WHERE id = 1").run();
    expect((await h.run(['followup', 'done', '1', '--outcome', 'reached', '--next', 'tomorrow'])).code).toBe(2);
    const r = await h.run(['followup', 'done', '1', '--outcome', 'reached']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('salesctl followup reschedule and cancel', () => {
  beforeEach(async () => {
    await ok(h, ['followup', 'Ann', '--at', '2026-11-23 21:00']); // #1, 09:00 in New York
  });

  it('moves a follow-up, warning outside the best time, and leaves an event', async () => {
    const r = await h.run(['followup', 'reschedule', '1', '--at', '2026-11-24 08:00'], { tty: true });
    expect(r).toEqual({
      code: 0,
      stdout: 'Rescheduled follow-up #1: call Ann Lee (Acme) on Tue 24 Nov 2026 08:00 · Mon 20:00 EST their time\n',
      stderr: 'warning: 20:00 for Ann Lee (America/New_York) is outside their best time 09:00-11:00\n',
    });
    expect(events(2).at(-1)).toMatchObject({ kind: 'followup-rescheduled', summary: 'follow-up #1 moved from 2026-11-23T21:00:00+07:00 to 2026-11-24T08:00:00+07:00' });
    const json = JSON.parse((await h.run(['followup', 'reschedule', '1', '--at', '2026-11-24 22:00', '--json'])).stdout);
    expect(json).toMatchObject({ id: 1, due_at: '2026-11-24T22:00:00+07:00', status: 'scheduled' });
  });

  it('refuses a reschedule without --at', async () => {
    const before = snapshot(h.db);
    expect(await h.run(['followup', 'reschedule', '1'])).toEqual({ code: 2, stdout: '', stderr: "salesctl: missing --at <when>: e.g. --at 'tomorrow 10am'\n" });
    expect(snapshot(h.db)).toBe(before);
  });

  it('cancels, leaves an event and warns that the deal has no next step', async () => {
    const r = await h.run(['followup', 'cancel', '1', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 1, status: 'cancelled', completed_at: '2026-11-22T15:00:00+07:00' });
    expect(r.stderr).toBe('warning: deal #2 has no next step: every step should end with a commitment for the next (salesctl followup 2 --at ...)\n');
    expect(events(2).at(-1)).toMatchObject({ kind: 'followup-cancelled', summary: 'follow-up #1 due 2026-11-23T21:00:00+07:00 cancelled' });
  });
});
