// A deal's life end to end on the built binary: "no" means "not now" with a rhythm of nurture touches,
// reopen, commitments that say what was promised, undo of each kind of write, and the refusals.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCli, type Cli } from './helpers.js';

const clis: Cli[] = [];
function cli(now = '2026-11-23T01:30:00Z'): Cli {
  const c = tempCli(now, 'Asia/Jakarta');
  clis.push(c);
  return c;
}
afterEach(() => clis.splice(0).forEach((c) => c.cleanup()));

/** Runs and expects exit 0; returns stdout. */
function ok(c: Cli, args: string[], now?: string): string {
  const r = c.run(args, now ? { SALESCTL_NOW: now } : {});
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Everything stored, as a dump (the undo log and open_deals aside), plus open_deals itself. */
function state(c: Cli): string {
  const dump = JSON.parse(ok(c, ['export', 'all', '--format', 'json']));
  delete dump.exported_at;
  const db = new Database(c.dbPath, { readonly: true });
  const board = db.prepare('SELECT * FROM open_deals ORDER BY deal_id').all();
  db.close();
  return JSON.stringify({ dump, board });
}

describe('no means not now: a rhythm of nurture touches, the yes, reopen, the firm commitment, won', () => {
  it('schedules each touch that long after the contact, in the prospect’s best time, on a weekday', () => {
    const c = cli('2026-11-23T01:30:00Z'); // Mon 23 Nov 08:30 in Jakarta
    ok(c, ['add', 'Hans Müller', '--company', 'Acme GmbH', '--deal', '20 seats', '--value', '24000', '--currency', 'EUR', '--tz', 'Europe/Berlin', '--best-time', '10:00-12:00', '--decision-maker']);
    const closed = c.run(['close', 'Hans', 'no', '--every', '2m', '--reason', 'budget frozen until spring', '--json']);
    expect(closed.code).toBe(0);
    const deal = JSON.parse(closed.stdout);
    expect(deal).toMatchObject({ status: 'not-now', cadence: '2m', revisit_followup: { id: 1, purpose: 'nurture', agreed: false, due_at: '2027-01-25T16:00:00+07:00' } });

    // Three touches, each completed late in the day: the next is two months after the contact, 10:00 in Berlin, weekends skipped.
    const touches: Array<[string, string, string, string]> = [
      ['1', '2027-01-25T09:30:00Z', 'reached', '2027-03-25T16:00:00+07:00'], // 25 Mar is a Thursday
      ['2', '2027-03-25T10:10:00Z', 'voicemail', '2027-05-25T15:00:00+07:00'], // Berlin in summer time now
      ['3', '2027-05-25T09:00:00Z', 'reached', '2027-07-26T15:00:00+07:00'], // 25 Jul is a Sunday → Monday
    ];
    for (const [id, now, outcome, next] of touches) {
      const due = JSON.parse(ok(c, ['due', '--json'], now));
      expect(due.items).toEqual([expect.objectContaining({ followup_id: Number(id), purpose: 'nurture', cadence: '2m' })]);
      const done = c.run(['followup', 'done', id, '--outcome', outcome, '--json'], { SALESCTL_NOW: now });
      expect(done.stderr).toBe('');
      expect(JSON.parse(done.stdout).next).toMatchObject({ purpose: 'nurture', due_at: next, status: 'scheduled' });
    }
    expect(JSON.parse(ok(c, ['list', '--status', 'not-now', '--json']))[0]).toMatchObject({ id: 1, cadence: '2m', next_followup_at: '2027-07-26T15:00:00+07:00' });

    // The yes: a commitment on a not-now deal names the way forward; reopen keeps the history.
    const yes = '2027-05-25T09:05:00Z';
    expect(c.run(['commit', '1', 'firm', '20 seats', '--by', '2027-06-01'], { SALESCTL_NOW: yes })).toEqual({
      code: 2, stdout: '',
      stderr: 'salesctl: deal #1 is not-now: commitments are recorded on open deals only; if the answer is now yes, reopen it first (salesctl reopen 1): its history stays\n',
    });
    expect(c.run(['reopen', '1'], { SALESCTL_NOW: yes })).toEqual({
      code: 0, stderr: '',
      stdout: 'Reopened #1 20 seats — Hans Müller (Acme GmbH) (was not-now). Next step: nurture call #4 on 2027-07-26T15:00:00+07:00. Still keeping in touch every 2 months (salesctl cadence 1 off to stop).\n',
    });
    expect(c.run(['reopen', '1'], { SALESCTL_NOW: yes })).toEqual({ code: 2, stdout: '', stderr: 'salesctl: deal #1 is already open: reopen is for not-now, lost or won deals\n' });
    ok(c, ['commit', '1', 'firm', '20 seats, signed by 1 June', '--by', '2027-06-01', '--payment', 'dp'], yes);
    expect(JSON.parse(ok(c, ['forecast', '--json'], yes))).toEqual([expect.objectContaining({ currency: 'EUR', total: 24000 })]);
    ok(c, ['commit', 'kept', '1'], '2027-06-01T03:00:00Z');
    ok(c, ['close', '1', 'won'], '2027-06-01T03:01:00Z');
    const shown = JSON.parse(ok(c, ['show', '1', '--json']));
    expect(shown.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created', 'closed', 'followup-done', 'followup-scheduled', 'followup-done', 'followup-scheduled', 'followup-done', 'followup-scheduled',
      'reopened', 'commitment', 'commitment-kept', 'closed',
    ]);
    expect(shown.followups).toHaveLength(4);
    // A won deal: repeat business is a new deal, and the error says so.
    expect(c.run(['followup', '1', '--at', 'tomorrow'], { SALESCTL_NOW: '2027-06-02T03:00:00Z' }).stderr).toBe(
      "salesctl: deal #1 is won: follow-ups are scheduled on open or not-now deals; for repeat business add a new deal (salesctl add 'Hans Müller' --company 'Acme GmbH' --deal '<what they buy now>'), or if the sale fell through: salesctl reopen 1\n",
    );
  });

  it('cadence sets, shows and stops a rhythm; followup done --at records when the contact happened', () => {
    const c = cli();
    ok(c, ['add', 'Ann', '--tz', 'Asia/Jakarta', '--best-time', '14:00-16:00']);
    expect(ok(c, ['cadence', '1'])).toBe('#1 Ann — Ann has no rhythm\n');
    expect(c.run(['cadence', '1', '10d'])).toEqual({
      code: 0, stdout: '#1 Ann — Ann keeps in touch every 10 days\n',
      stderr: 'hint: the rhythm starts at the next completed follow-up: schedule the first with salesctl followup 1 --at ...\n',
    });
    ok(c, ['followup', '1', '--at', 'today 15:00']);
    const done = JSON.parse(ok(c, ['followup', 'done', '1', '--outcome', 'reached', '--at', 'today 07:45', '--json'], '2026-11-23T10:00:00Z'));
    // Ten days after the contact (Mon 23 Nov) is Thu 3 Dec, at 14:00 their time.
    expect(done).toMatchObject({ contact_at: '2026-11-23T07:45:00+07:00', completed_at: '2026-11-23T17:00:00+07:00', next: { due_at: '2026-12-03T14:00:00+07:00' } });
    const reach = JSON.parse(ok(c, ['stats', 'reach', '--json']));
    expect(JSON.stringify(reach)).toContain('"hour":7');
    expect(c.run(['followup', 'done', '2', '--outcome', 'reached', '--at', 'tomorrow 10am']).stderr).toBe(
      "salesctl: --at 2026-11-24T10:00:00+07:00 is in the future: --at says when the contact happened, e.g. --at 'today 10:15' or --at 'yesterday 16:00'\n",
    );
    expect(ok(c, ['cadence', '1', 'off'])).toBe('#1 Ann — Ann has no rhythm; next: follow-up call #2 on 2026-12-03T14:00:00+07:00\n');
    expect(c.run(['cadence', '1', 'fortnightly'])).toEqual({ code: 2, stdout: '', stderr: "salesctl: the rhythm 'fortnightly' is not a rhythm: use 10d, 2w, 3m or 1y ('off' to stop)\n" });
  });
});

describe('undo', () => {
  it('reverts each kind of write, newest first, leaving exactly the state before it', () => {
    const c = cli();
    const states = [state(c)];
    const csv = join(c.dir, 'leads.csv');
    writeFileSync(csv, 'name,company,deal,next follow-up\nSiti,PT Sinar,Trucks,2026-12-01\nJoko,,Vans,\n');
    const writes = [
      ['add', 'Budi Santoso', '--company', 'PT Maju', '--tz', 'Asia/Jakarta'],
      ['followup', '1', '--at', 'today 10:00'],
      ['commit', '1', 'low', 'maybe in Q1'],
      ['followup', 'done', '1', '--outcome', 'reached', '--next', 'tomorrow 10am'],
      ['commit', '1', 'firm', 'signs', '--by', '2026-12-01', '--supersede'],
      ['import', csv],
      ['close', '1', 'not-now', '--revisit', '+3m', '--every', '3m'],
    ];
    for (const args of writes) {
      ok(c, args);
      states.push(state(c));
    }
    const listed = ok(c, ['undo', '--list']).trim().split('\n');
    expect(listed.map((line) => line.split('\t')[2])).toEqual([
      '#1 PT Maju — Budi Santoso: closed as not-now, follow-up #4 scheduled, rhythm changed, 1 follow-up cancelled',
      'import of leads.csv: 2 deals added',
      '#1 PT Maju — Budi Santoso: commitment #2 recorded, 1 pending commitment superseded',
      '#1 PT Maju — Budi Santoso: follow-up #1 done, follow-up #2 scheduled',
      '#1 PT Maju — Budi Santoso: commitment #1 recorded',
      '#1 PT Maju — Budi Santoso: follow-up #1 scheduled',
      '#1 PT Maju — Budi Santoso: deal added; new prospect Budi Santoso (PT Maju)',
    ]);
    expect(c.run(['undo'])).toEqual({
      code: 2, stdout: '',
      stderr: 'salesctl: undo needs --yes when not on a terminal: salesctl undo --yes would revert change #7 (#1 PT Maju — Budi Santoso: closed as not-now, follow-up #4 scheduled, rhythm changed, 1 follow-up cancelled)\n',
    });
    for (let i = writes.length; i > 0; i--) {
      const r = c.run(['undo', '--yes']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Undone change #${i}: `));
      expect(state(c)).toBe(states[i - 1]);
      expect(c.run(['doctor', '--json']).stdout).toContain('"problems": []');
    }
    expect(c.run(['undo', '--yes'])).toEqual({ code: 2, stdout: '', stderr: 'salesctl: nothing to undo: no change is recorded in this database\n' });
  });

  it('refuses an undo that a later change depends on, naming it, and changes nothing', () => {
    const c = cli();
    ok(c, ['add', 'Budi']); // change 1
    ok(c, ['followup', '1', '--at', 'tomorrow 10am']); // change 2
    ok(c, ['followup', 'reschedule', '1', '--at', 'tomorrow 11am']); // change 3 touches follow-up #1
    const before = state(c);
    expect(c.run(['undo', '2', '--yes'])).toEqual({
      code: 4, stdout: '',
      stderr: "salesctl: cannot undo change #2 (#1 Budi: follow-up #1 scheduled): change #3 (#1 Budi: follow-up #1 moved) later changed followup #1: undo that first (salesctl undo 3), or leave it; nothing was changed\n",
    });
    expect(c.run(['undo', '1', '--yes']).code).toBe(4);
    // A change made outside salesctl is a barrier too.
    const db = new Database(c.dbPath);
    db.prepare("UPDATE followups SET notes = 'by hand' WHERE id = 1").run();
    db.close();
    const handEdited = state(c);
    expect(c.run(['undo', '3', '--yes']).stderr).toBe(
      'salesctl: cannot undo change #3 (#1 Budi: follow-up #1 moved): a change made outside salesctl later changed followup #1; nothing was changed\n',
    );
    expect(state(c)).toBe(handEdited);
    expect(before).not.toBe(handEdited);
    expect(c.run(['undo', '99', '--yes'])).toEqual({ code: 2, stdout: '', stderr: "salesctl: no change #99 can be undone: run 'salesctl undo --list' to see the recent ones\n" });
    expect(c.run(['undo', 'last', '--yes'])).toEqual({ code: 2, stdout: '', stderr: "salesctl: 'last' is not a change id: give a number from salesctl undo --list\n" });
  });
});

describe('the refusals and warnings of a careful salesperson', () => {
  it('add: fills what is empty, names what differs, refuses an exact duplicate in a script', () => {
    const c = cli();
    ok(c, ['add', 'Budi Santoso', '--company', 'PT Maju', '--tz', 'Asia/Jakarta', '--no-decision-maker']);
    const again = c.run(['add', 'budi santoso', '--company', 'pt maju', '--tz', 'Europe/Berlin', '--decision-maker', '--deal', 'Fleet', '--email', 'budi@maju.id', '--json']);
    expect(again.stderr).toBe(
      "warning: Budi Santoso (PT Maju) exists and keeps name spelling 'Budi Santoso' (not 'budi santoso'), company spelling 'PT Maju' (not 'pt maju'), decision maker 'does not decide' (not 'decides'), zone 'Asia/Jakarta' (not 'Europe/Berlin'): add --update to replace\n" +
        "hint: every step ends with a commitment for the next: salesctl followup 2 --at 'tomorrow 10am'\n",
    );
    expect(JSON.parse(again.stdout).prospect).toMatchObject({ name: 'Budi Santoso', company: 'PT Maju', tz: 'Asia/Jakarta', decision_maker: false, email: 'budi@maju.id', reused: true });
    const before = state(c);
    expect(c.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'fleet'])).toEqual({
      code: 2, stdout: '', stderr: "salesctl: Budi Santoso already has open deal #2 'fleet': add --allow-duplicate to add another, or --deal '<another title>'\n",
    });
    expect(state(c)).toBe(before);
    expect(c.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet', '--allow-duplicate']).code).toBe(0);
    const updated = c.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--tz', 'Europe/Berlin', '--update', '--deal', 'Trucks', '--json']);
    expect(JSON.parse(updated.stdout).prospect.tz).toBe('Europe/Berlin');
    expect(updated.stderr).toMatch(/^warning: Budi Santoso \(PT Maju\) exists: replaced zone 'Asia\/Jakarta' → 'Europe\/Berlin' \(--update\), on every deal of theirs\n/);
    expect(c.run(['add', 'X', '--tz', 'Berlin'])).toEqual({ code: 2, stdout: '', stderr: "salesctl: unknown time zone 'Berlin' for --tz: did you mean Europe/Berlin?\n" });
  });

  it('commit: says what was promised; a delegate commitment from a decision maker warns', () => {
    const c = cli();
    ok(c, ['add', 'Dewi', '--decision-maker']);
    const before = state(c);
    expect(c.run(['commit', '1', 'delegate'])).toEqual({
      code: 2, stdout: '', stderr: "salesctl: say what was promised: salesctl commit 1 delegate '<what they promised>', e.g. '20 seats, signed by 1 Feb'\n",
    });
    expect(state(c)).toBe(before);
    expect(c.run(['commit', '1', 'delegate', 'ask my team']).stderr).toBe(
      'warning: Dewi decides the purchase: a decision maker who hands it to someone else is putting you off; ask what would make it a yes, or record it as low\n',
    );
  });

  it('followup done: warns about a follow-up not due today and a --next earlier than it', () => {
    const c = cli();
    ok(c, ['add', 'Hans', '--company', 'Acme']);
    ok(c, ['followup', '1', '--at', '2026-11-27 10:00']);
    const r = c.run(['followup', 'done', '1', '--outcome', 'reached', '--next', 'tomorrow 10am']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "warning: follow-up #1 is Hans (Acme)'s, due Fri 27 Nov, not today: check the Id in 'salesctl due' if you meant another\n" +
        'warning: the next follow-up (2026-11-24T10:00:00+07:00) is earlier than the one completed (#1, due 2026-11-27T10:00:00+07:00): is that the right follow-up?\n',
    );
  });

  it('close no means not-now; a post-mortem outcome must agree with the deal', () => {
    const c = cli();
    ok(c, ['add', 'Eko']);
    expect(c.run(['postmortem', '1', '--outcome', 'won', '--cause', 'timing', '--lesson', 'x'])).toEqual({
      code: 2, stdout: '', stderr: 'salesctl: a won post-mortem is for a won deal, and deal #1 is open: use --outcome stalled, or close it first (salesctl close 1 won)\n',
    });
    expect(JSON.parse(ok(c, ['close', '1', 'no', '--revisit', '+1m', '--json']))).toMatchObject({ status: 'not-now', cadence: null, revisit_followup: { agreed: true } });
    expect(c.run(['close', '1', 'won', '--every', '2w']).stderr).toBe("salesctl: --every goes with not-now: salesctl close 1 not-now --every 3m (a won deal's repeat business is a new deal)\n");
  });
});
