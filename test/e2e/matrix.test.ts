// Every command and subcommand of salesctl, once at least, through the BUILT bin/salesctl.js: one
// salesperson's week as one story on one temporary database. The binary is the product: its bundle loads
// the SQLite addon by path and the heavy libraries (chrono-node, csv-parse, ical-generator)
// through the loader's __import, none of which the in-process command tests exercise.
// Each step asserts the exit code and what the step is for, not only that it ran.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCli, type Cli } from './helpers.js';

const NOW = '2026-11-23T08:30:00+07:00';
const TZ = 'Asia/Jakarta';

let cli: Cli;
const run = (...args: string[]) => cli.run(args);
const json = (...args: string[]) => {
  const result = cli.run([...args, '--json']);
  expect(result).toMatchObject({ code: 0, stderr: expect.any(String) });
  return JSON.parse(result.stdout);
};
const at = (file: string) => join(cli.dir, file);

beforeAll(() => {
  cli = tempCli(NOW, TZ);
});
afterAll(() => cli?.cleanup());

describe('the built binary, command by command', { timeout: 60_000 }, () => {
  it('add: a deal with its prospect, as text and as JSON', () => {
    expect(
      run('add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal', '--value', '150000000', '--currency', 'IDR',
        '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--decision-maker'),
    ).toMatchObject({ code: 0, stdout: 'Added deal #1 Fleet renewal for Budi Santoso (PT Maju) · 150,000,000 IDR\n' });
    const ana = json('add', 'Ana Lim', '--company', 'Lim, Trading & Co', '--value', '15k', '--tz', 'America/New_York');
    expect(ana).toMatchObject({ id: 2, value: 15000, currency: 'USD', status: 'open', prospect: { name: 'Ana Lim', tz: 'America/New_York', reused: false } });
    expect(run('add', 'Chen Wei', '--company', 'Wei Logistics', '--value', '9,500')).toMatchObject({
      code: 0,
      stdout: 'Added deal #3 Wei Logistics for Chen Wei (Wei Logistics) · 9,500.00 USD\n',
    });
  });

  it('commit, commit kept, commit broken: the next action, then the reliability', () => {
    const firm = run('commit', '1', 'firm', 'sign the contract', '--by', '2026-12-05', '--payment', 'dp');
    expect(firm.code).toBe(0);
    expect(firm.stdout).toContain('Recorded firm commitment #1 on deal #1 Budi Santoso (PT Maju) — Fleet renewal [open]\n');
    expect(firm.stdout).toContain('  by:      2026-12-05T09:00:00+07:00\n  payment: down payment\n');
    expect(firm.stdout).toContain('Next: send the contract and collect the payment');
    expect(json('commit', '2', 'low', 'decide next week')).toMatchObject({ id: 2, kind: 'low', status: 'pending', next_action: expect.stringContaining('follow up') });
    expect(run('commit', '3', 'delegate', 'ask the owner').code).toBe(0);

    const kept = run('commit', 'kept', '2', '--note', 'they decided');
    expect(kept).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Kept: low commitment #2 on deal #2 Ana Lim/) });
    expect(kept.stdout).toContain('Reliability of Ana Lim: kept 1 · broken 0 · pending 0\n');
    expect(json('commit', 'broken', '3')).toMatchObject({ id: 3, status: 'broken', reliability: expect.objectContaining({ broken: 1 }) });
    // resolved once: a second time is refused, nothing changes
    expect(run('commit', 'kept', '3')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesctl: commitment #3 is already broken: only a pending commitment can be marked kept\n',
    });
  });

  it('followup: natural dates through chrono-node, ISO dates, relative offsets, and the prospect\'s time', () => {
    expect(run('followup', '1', '--at', 'tomorrow 10am', '--closure')).toMatchObject({
      code: 0,
      stdout: 'Scheduled follow-up #1 (closure): call Budi Santoso (PT Maju) on Tue 24 Nov 2026 10:00\n',
    });
    // (the label of their zone is the renderer's business: any label, then "their time")
    expect(run('followup', '2', '--at', '2026-11-23 09:00')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Scheduled follow-up #2: call Ana Lim \(Lim, Trading & Co\) on Mon 23 Nov 2026 09:00 · Sun 21:00 \S.* their time\n$/),
    });
    expect(json('followup', '3', '--at', '+2d')).toMatchObject({ id: 3, due_at: '2026-11-25T09:00:00+07:00', status: 'scheduled' });
    expect(run('followup', '1', '--at', 'when pigs fly')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^salesctl: .*\n$/) });
  });

  it('due: the morning, piped (tab-separated), as JSON and as CSV (the comma quoted)', () => {
    expect(run('due')).toMatchObject({
      code: 0,
      stdout: 'due\t2\t2026-11-23T09:00:00+07:00\t\t\tAna Lim\tLim, Trading & Co\tcall\tfollow-up\tlow\t15000.00\tUSD\n',
    });
    const due = json('due', '--until', 'in 3 days');
    expect(due.items.map((i: { followup_id: number; closure: boolean }) => [i.followup_id, i.closure])).toEqual([[2, false], [1, true], [3, false]]);
    expect(due.no_next_step).toEqual([]);
    const csv = run('due', '--csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[1]).toBe(
      '2,2,2026-11-23T09:00:00+07:00,2026-11-22T21:00:00-05:00,false,false,false,Ana Lim,"Lim, Trading & Co","Lim, Trading & Co",call,follow-up,low,15000.00,USD',
    );
  });

  it('followup done (with the next step), reschedule, cancel', () => {
    const done = run('followup', 'done', '2', '--outcome', 'reached', '--next', 'next tuesday', '--note', 'asked for a quote');
    expect(done).toMatchObject({ code: 0 });
    expect(done.stdout).toMatch(
      /^Done follow-up #2: call Ana Lim \(Lim, Trading & Co\) on Mon 23 Nov 2026 09:00 · Sun 21:00 \S.* their time → reached\n/,
    );
    // a date alone means 09:00 in the prospect's zone: 21:00 here in Jakarta
    expect(done.stdout.split('\n')[1]).toMatch(/^Next follow-up #4: call Ana Lim \(Lim, Trading & Co\) on Tue 1 Dec 2026 21:00 · 09:00 \S.* their time$/);
    expect(run('followup', 'reschedule', '3', '--at', '2026-11-27 14:00')).toMatchObject({
      code: 0,
      stdout: 'Rescheduled follow-up #3: call Chen Wei (Wei Logistics) on Fri 27 Nov 2026 14:00\n',
    });
    expect(json('followup', 'cancel', '4')).toMatchObject({ id: 4, status: 'cancelled' });
    expect(run('followup', 'done', '4', '--outcome', 'reached')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesctl: follow-up #4 is cancelled, not scheduled: only a scheduled follow-up can be completed\n',
    });
    expect(run('followup', 'done', '99', '--outcome', 'reached')).toMatchObject({ code: 3, stdout: '' });
  });

  it('log, show, list: the journal line lands on the timeline', () => {
    expect(run('log', '1', 'Called about the fleet size', '--tag', 'call')).toMatchObject({
      code: 0,
      stdout: 'Logged on #1 Fleet renewal — Budi Santoso (PT Maju) at 2026-11-23T08:30:00+07:00: Called about the fleet size #call\n',
    });
    const shown = run('show', '1');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^#1 Fleet renewal — Budi Santoso \(PT Maju\) · open · 150,000,000 IDR\n/);
    expect(shown.stdout).toContain('2026-11-23T08:30:00+07:00\tjournal\tCalled about the fleet size [call]\n');
    const deal = json('show', 'Fleet');
    expect(deal).toMatchObject({ id: 1, prospect: { name: 'Budi Santoso' } });
    expect(deal.commitments.map((c: { id: number }) => c.id)).toEqual([1]);
    expect(deal.followups.map((f: { id: number }) => f.id)).toEqual([1]);
    expect(deal.timeline.length).toBe(4);
    expect(run('show', '42')).toMatchObject({ code: 3, stdout: '', stderr: "salesctl: no deal with id 42: run 'salesctl list' to see the deals\n" });

    expect(run('list')).toMatchObject({
      code: 0,
      stdout:
        '1\tBudi Santoso\tPT Maju\tFleet renewal\t150,000,000 IDR\topen\t2026-11-24T10:00:00+07:00\tfirm\n' +
        '2\tAna Lim\tLim, Trading & Co\tLim, Trading & Co\t15,000.00 USD\topen\t\tlow\n' +
        '3\tChen Wei\tWei Logistics\tWei Logistics\t9,500.00 USD\topen\t2026-11-27T14:00:00+07:00\tdelegate\n',
    });
    expect(run('list', '--csv').stdout.split('\n')[0]).toBe('id,prospect,company,title,value,currency,status,stage,created_at,closed_at,next_followup_at,commitment');
    expect(json('list', '--search', 'lim').map((d: { id: number }) => d.id)).toEqual([2]);
  });

  it('forecast and stats reach: only the firm commitment counts; the reached call is counted by hour', () => {
    expect(run('forecast')).toMatchObject({ code: 0, stdout: 'IDR\t1\tBudi Santoso\tPT Maju\tFleet renewal\t150,000,000 IDR\t2026-12-05T09:00:00+07:00\n' });
    expect(run('stats', 'reach')).toMatchObject({ code: 0, stdout: 'call\t20\t1\t1\n' });
  });

  it('close won, lost, not-now: follow-ups cancelled, the nurture scheduled, the post-mortem asked for', () => {
    const lost = run('close', '3', 'lost', '--reason', 'went with a rival');
    expect(lost).toMatchObject({ code: 0, stdout: 'Lost #3 Wei Logistics — Chen Wei (Wei Logistics) · reason: went with a rival. 1 scheduled follow-up cancelled.\n' });
    expect(lost.stderr).toBe('hint: write the post-mortem while it is fresh: salesctl postmortem 3\n');
    expect(json('close', '2', 'not-now', '--revisit', '2027-03-01')).toMatchObject({
      status: 'not-now',
      // a date alone means 09:00 in the prospect's zone (America/New_York): 21:00 in Jakarta
      revisit_followup: { id: 5, purpose: 'nurture', due_at: '2027-03-01T21:00:00+07:00' },
    });
    expect(run('close', '1', 'won')).toMatchObject({
      code: 0,
      stdout: 'Won #1 Fleet renewal — Budi Santoso (PT Maju) (150,000,000 IDR). Congratulations on the sale! 1 scheduled follow-up cancelled.\n',
    });
    // a closed deal is refused with the way forward: a new deal for repeat business, or reopen
    expect(run('close', '1', 'lost')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "salesctl: deal #1 is won: it is already closed, and only open deals can be closed; for repeat business add a new deal " +
        "(salesctl add 'Budi Santoso' --company 'PT Maju' --deal '<what they buy now>'), or if the sale fell through: salesctl reopen 1\n",
    });
  });

  it('postmortem and postmortem report', () => {
    expect(run('postmortem', '3', '--what', 'chose a rival with a local office', '--cause', 'segment', '--lesson', 'research the segment first')).toMatchObject({
      code: 0,
      stdout:
        'Recorded post-mortem #1 (lost) on deal #3 Chen Wei (Wei Logistics) — Wei Logistics [lost]\n' +
        '  What happened:  chose a rival with a local office\n' +
        "  Root causes:    segment: the prospect's segment was not researched\n" +
        '  Lesson:         research the segment first\n',
    });
    const report = run('postmortem', 'report');
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^Root causes across 1 post-mortem\nsegment +█+ 1\n/);
    expect(report.stdout).toContain('2026-11-23\t#3\tChen Wei\tresearch the segment first\n');
    expect(json('postmortem', 'report').causes).toEqual([{ cause: 'segment', count: 1 }]);
  });

  it('export: CSV, JSON, iCalendar through ical-generator, a file with --out', () => {
    const deals = run('export', 'deals');
    expect(deals.code).toBe(0);
    expect(deals.stdout.split('\n')).toHaveLength(5); // header, 3 deals, end
    expect(deals.stdout).toContain('\r\n2,"Lim, Trading & Co",2,Ana Lim,"Lim, Trading & Co",15000.00,1500000,USD,not-now,');
    for (const what of ['prospects', 'commitments', 'followups', 'postmortems', 'journal']) {
      const exported = run('export', what, '--format', 'json');
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout).length).toBe({ prospects: 3, commitments: 3, followups: 5, postmortems: 1, journal: 1 }[what]);
    }
    expect(run('export', 'journal').stdout).toBe('id,deal_id,prospect_name,company,deal_title,at,text,tags\r\n1,1,Budi Santoso,PT Maju,Fleet renewal,2026-11-23T08:30:00+07:00,Called about the fleet size,call\r\n');
    const ics = run('export', 'followups', '--format', 'ics');
    expect(ics.code).toBe(0);
    expect(ics.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.stdout).toContain('DTSTART:20270301T140000Z\r\n');
    expect(ics.stdout).toContain('SUMMARY:Nurture: Ana Lim (Lim\\, Trading & Co) via call\r\n');
    expect(run('export', 'deals', '--format', 'ics')).toMatchObject({ code: 2, stdout: '', stderr: "salesctl: --format ics is for follow-ups only: use 'salesctl export followups --format ics'\n" });

    expect(run('export', 'all', '--format', 'json', '--out', at('all.json'))).toMatchObject({ code: 0, stdout: `Exported 35 records as JSON to ${at('all.json')}\n` });
    const dump = JSON.parse(readFileSync(at('all.json'), 'utf8'));
    expect(dump).toMatchObject({ format: 'salesctl-dump', schema_version: 6 });
    expect([dump.prospects.length, dump.deals.length, dump.followups.length, dump.events.length]).toEqual([3, 3, 5, 19]);
  });

  it('import: a JSON dump restores into an empty database, the same to the last field', () => {
    const fresh = at('fresh.db');
    const restored = run('--db', fresh, 'import', at('all.json'));
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toContain('Restored all.json\nprospects\t3\ndeals\t3\n');
    expect(run('--db', fresh, 'export', 'all', '--format', 'json').stdout).toBe(readFileSync(at('all.json'), 'utf8'));
    // into a database that has data: refused, nothing written
    expect(run('import', at('all.json'))).toMatchObject({ code: 2, stdout: '' });
  });

  it('import: a CSV file whose quotes are broken goes to csv-parse, which names the line; nothing is written', () => {
    writeFileSync(at('broken.csv'), 'Name,Company,Deal value\nEko Putra,Putra Makmur,8000\n"Dewi Sari,Sari Sons,12000\n');
    expect(run('import', at('broken.csv'))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesctl: broken.csv line 3: a quoted cell opened here is never closed: add the closing double quote\n',
    });
    expect(json('list', '--status', 'all')).toHaveLength(3);
  });

  it('import: a CSV with quoted commas and a line break in a cell; --dry-run writes nothing', () => {
    writeFileSync(
      at('leads.csv'),
      'Name,Company,Deal value,Next follow-up,Notes\n"Dewi Sari","Sari, Sons & Co",12000,2026-12-01,"met at the fair\nwants a demo"\nEko Putra,Putra Makmur,"8,000",,\n',
    );
    expect(run('import', at('leads.csv'), '--dry-run')).toMatchObject({
      code: 0,
      stdout:
        'Would import 2 deals for 2 new prospects, with 1 follow-up from leads.csv; nothing was written (dry run)\n' +
        '\n' +
        '  line  name       company          deal             value          next follow-up\n' +
        '  2     Dewi Sari  Sari, Sons & Co  Sari, Sons & Co  12,000.00 USD  Tue 1 Dec 2026 09:00 Asia/Jakarta\n' +
        '  4     Eko Putra  Putra Makmur     Putra Makmur     8,000.00 USD\n' +
        '\n' +
        'Ignored columns: none\n' +
        'Guessed:\n' +
        '  - amounts without a currency read as USD (the default): say another with --currency\n' +
        'Rows matching open deals already in the database: 0\n',
    });
    expect(json('list', '--status', 'all')).toHaveLength(3);
    expect(run('import', at('leads.csv'))).toMatchObject({ code: 0, stdout: 'Imported 2 deals for 2 new prospects, with 1 follow-up from leads.csv\n' });
    const dewi = json('show', 'Dewi');
    expect(dewi).toMatchObject({ id: 4, company: 'Sari, Sons & Co', value: 12000, prospect: { notes: 'met at the fair\nwants a demo' } });
    expect(dewi.followups[0].due_at).toBe('2026-12-01T09:00:00+07:00');
  });

  it('backup, and a restore from it: the copy opens, holds every row, passes doctor', () => {
    const copy = at('copy.db');
    const backup = run('backup', copy);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^Backed up ${cli.dbPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} to ${copy.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\.\\d KB\\)\n$`));
    const original = run('export', 'all', '--format', 'json');
    const copied = run('--db', copy, 'export', 'all', '--format', 'json');
    expect(copied.code).toBe(0);
    expect(copied.stdout).toBe(original.stdout);
    expect(JSON.parse(copied.stdout).deals).toHaveLength(5);
    const doctor = run('--db', copy, 'doctor');
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toMatch(/^integrity\b.*\bok$/m);
    expect(doctor.stdout).toMatch(/^foreign keys\b.*\bok$/m);
    // the copy is a working database: salesctl writes to it
    expect(run('--db', copy, 'log', '4', 'restored from the backup')).toMatchObject({ code: 0 });
    expect(run('backup', copy)).toMatchObject({ code: 2, stdout: '' }); // never over an existing file
  });

  it('doctor on the database in use', () => {
    const doctor = run('doctor');
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain(cli.dbPath);
    expect(doctor.stdout).toMatch(/^schema version\t6 \(this salesctl writes 6\)$/m);
    expect(doctor.stdout).toMatch(/^integrity\b.*\bok$/m);
    expect(doctor.stdout).toMatch(/^undo log\tok$/m);
  });
});
