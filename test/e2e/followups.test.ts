// The follow-up loop as a user runs it: schedule, see it in due, complete it with the next step; bad input refused.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCli, type Cli } from './helpers.js';

let cli: Cli;
/** Every follow-up and event, read straight from the file. */
const rows = () => {
  const db = new Database(cli.dbPath, { readonly: true });
  try {
    return JSON.stringify([db.prepare('SELECT * FROM followups ORDER BY id').all(), db.prepare('SELECT * FROM events ORDER BY id').all()]);
  } finally {
    db.close();
  }
};

beforeAll(() => {
  cli = tempCli('2026-11-22T08:00:00Z', 'Asia/Jakarta');
  expect(cli.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--value', '15000000', '--currency', 'IDR']).code).toBe(0);
  expect(cli.run(['add', 'Ann Lee', '--company', 'Acme', '--tz', 'America/New_York', '--best-time', '09:00-11:00']).code).toBe(0);
});
afterAll(() => cli.cleanup());

describe('the follow-up loop', () => {
  it('schedules, shows in due, completes with the next step', () => {
    const scheduled = cli.run(['followup', 'Budi', '--at', '2026-11-22 08:30', '--closure']);
    expect(scheduled).toEqual({
      code: 0,
      stdout: 'Scheduled follow-up #1 (closure): call Budi Santoso (PT Maju) on Sun 22 Nov 2026 08:30\n',
      stderr:
        'warning: 08:30 for Budi Santoso (Asia/Jakarta) is outside their best time 10:00-12:00\n' +
        'warning: Sun 22 Nov 2026 08:30 is in the past: it shows as overdue in salesctl due\n',
    });
    expect(cli.run(['due'])).toEqual({
      code: 0,
      stdout: 'due\t1\t2026-11-22T08:30:00+07:00\toverdue\tclosure\tBudi Santoso\tPT Maju\tcall\tclosure\t\t15000000\tIDR\nno-next-step\t2\tAnn Lee\tAcme\tAcme\n',
      stderr: '',
    });
    const completed = cli.run(['followup', 'done', '1', '--outcome', 'reached', '--next', 'tomorrow', '--json']);
    expect(completed.code).toBe(0);
    expect(JSON.parse(completed.stdout)).toMatchObject({ id: 1, status: 'done', outcome: 'reached', next: { id: 2, due_at: '2026-11-23T10:00:00+07:00', channel: 'call' } });
    const due = JSON.parse(cli.run(['due', '--until', 'tomorrow', '--json']).stdout);
    expect(due.items.map((i: { followup_id: number }) => i.followup_id)).toEqual([2]);
  });

  it.each([
    [['followup', 'Nobody', '--at', 'tomorrow'], 3, "salesctl: no deal matches 'Nobody': run 'salesctl list --status all' to see the deals\n"],
    [['followup', 'Budi', '--at', 'when pigs fly'], 2, "salesctl: cannot read the date 'when pigs fly' for --at: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w\n"],
    [['followup', 'Budi'], 2, "salesctl: missing --at <when>: e.g. --at 'tomorrow 10am'\n"],
    [['followup', 'done', '1', '--outcome', 'reached'], 2, 'salesctl: follow-up #1 is done, not scheduled: only a scheduled follow-up can be completed\n'],
    [['followup', 'done', '77', '--outcome', 'reached'], 3, "salesctl: no follow-up with id 77: run 'salesctl due' or 'salesctl show <deal>' to see them\n"],
    [['followup', 'done', '2'], 2, 'salesctl: missing --outcome <outcome>: one of reached, no-answer, voicemail, replied, bounced, meeting-held, no-show\n'],
    [['followup', 'reschedule', '2', '--at', '31/02'], 2, "salesctl: cannot read the date '31/02' for --at: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w\n"],
    [['followup', 'cancel', '1'], 2, 'salesctl: follow-up #1 is done, not scheduled: only a scheduled follow-up can be cancelled\n'],
    [['due', '--until', 'eventually'], 2, "salesctl: cannot read the date 'eventually' for --until: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w\n"],
    [['stats', 'reach', '--prospect', 'Nobody'], 3, "salesctl: no prospect matches 'Nobody': run 'salesctl list --status all' to see them\n"],
  ])('refuses %j with exit %d, one line, and no change', (argv, code, stderr) => {
    const before = rows();
    expect(cli.run(argv)).toEqual({ code, stdout: '', stderr });
    expect(rows()).toBe(before);
  });

  it('prints the reach of completed follow-ups', () => {
    expect(cli.run(['stats', 'reach', '--csv']).stdout).toBe('channel,hour,attempts,reached\ncall,15,1,1\n');
  });
});
