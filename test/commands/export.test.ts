import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getDeal } from '../../src/db/deals.js';
import { getProspect } from '../../src/db/prospects.js';
import { dealJson, prospectJson } from '../../src/render/records.js';
import { harness, snapshot, type Harness } from '../helpers.js';

const NOW = '2026-11-22T08:00:00Z';
const ZONE = 'Asia/Jakarta';

/** #1 Budi (PT Maju, Tbk) 1,500.50 USD with a closure call and a commitment; #2 a hostile name, 10 JPY. */
async function book(): Promise<Harness> {
  const h = harness(NOW, ZONE);
  for (const argv of [
    ['add', 'Budi Santoso', '--company', 'PT Maju, Tbk', '--deal', 'Fleet "XL" renewal', '--value', '1500.50', '--email', 'budi@maju.co.id', '--decision-maker', '--best-time', '10:00-12:00', '--tz', 'Asia/Jakarta'],
    ['add', '=HYPERLINK("http://x")', '--company', '-5', '--deal', '@SUM(A1)', '--value', '10', '--currency', 'JPY', '--note', '\nleading line feed'],
  ]) {
    const r = await h.run(argv);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  h.db.prepare(
    "INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, notes, created_at) VALUES (1, '2026-11-23T03:00:00.000Z', 'call', 'closure', 1, 'scheduled', '+ask, about \"budget\"', '2026-11-22T08:00:00.000Z')",
  ).run();
  h.db.prepare("INSERT INTO commitments (deal_id, kind, what, promised_at, status, created_at) VALUES (1, 'firm', 'sign', '2026-11-30T03:00:00.000Z', 'pending', '2026-11-22T08:00:00.000Z')").run();
  h.db.prepare("INSERT INTO journal (deal_id, at, text, tags) VALUES (2, '2026-11-22T08:00:00.000Z', 'called', '[\"cold\",\"=x\"]')").run();
  const pm = h.db.prepare("INSERT INTO postmortems (deal_id, outcome, what_happened, reviewers, lesson, created_at) VALUES (2, 'lost', 'went quiet', '[\"Rina\"]', 'ask earlier', '2026-11-22T08:00:00.000Z')").run();
  h.db.prepare("INSERT INTO postmortem_causes (postmortem_id, cause) VALUES (?, 'timing'), (?, 'no-follow-up')").run(pm.lastInsertRowid, pm.lastInsertRowid);
  return h;
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('export as CSV', () => {
  it('writes deals as RFC 4180 with formula cells guarded and numbers as numbers', async () => {
    const h = await book();
    const r = await h.run(['export', 'deals']);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'id,title,prospect_id,prospect_name,company,value,value_minor,currency,status,stage,created_at,closed_at,lost_reason\r\n' +
        '1,"Fleet ""XL"" renewal",1,Budi Santoso,"PT Maju, Tbk",1500.50,150050,USD,open,,2026-11-22T15:00:00+07:00,,\r\n' +
        '2,\'@SUM(A1),2,"\'=HYPERLINK(""http://x"")",\'-5,10,10,JPY,open,,2026-11-22T15:00:00+07:00,,\r\n',
    });
    // The same on a terminal: the data is the output.
    expect((await h.run(['export', 'deals'], { tty: true })).stdout).toBe(r.stdout);
  });

  it.each([
    ['prospects', 'id,name,company,role,email,phone,decision_maker,segment,tz,best_time,channel,notes,created_at\r\n' +
      '1,Budi Santoso,"PT Maju, Tbk",,budi@maju.co.id,,true,,Asia/Jakarta,10:00-12:00,,,2026-11-22T15:00:00+07:00\r\n' +
      '2,"\'=HYPERLINK(""http://x"")",\'-5,,,,,,,,,\'leading line feed,2026-11-22T15:00:00+07:00\r\n'],
    ['followups', 'id,deal_id,prospect_name,company,deal_title,due_at,channel,purpose,closure,agreed,status,outcome,notes,created_at,completed_at\r\n' +
      '1,1,Budi Santoso,"PT Maju, Tbk","Fleet ""XL"" renewal",2026-11-23T10:00:00+07:00,call,closure,true,true,scheduled,,"\'+ask, about ""budget""",2026-11-22T15:00:00+07:00,\r\n'],
    ['commitments', 'id,deal_id,prospect_name,company,deal_title,kind,what,given_by,promised_at,payment,status,created_at,resolved_at\r\n' +
      '1,1,Budi Santoso,"PT Maju, Tbk","Fleet ""XL"" renewal",firm,sign,,2026-11-30T10:00:00+07:00,,pending,2026-11-22T15:00:00+07:00,\r\n'],
    ['journal', 'id,deal_id,prospect_name,company,deal_title,at,text,tags\r\n' +
      '1,2,"\'=HYPERLINK(""http://x"")",\'-5,\'@SUM(A1),2026-11-22T15:00:00+07:00,called,cold; =x\r\n'],
    ['postmortems', 'id,deal_id,prospect_name,company,deal_title,outcome,what_happened,assumption,causes,reviewers,feedback,lesson,created_at\r\n' +
      '1,2,"\'=HYPERLINK(""http://x"")",\'-5,\'@SUM(A1),lost,went quiet,,no-follow-up; timing,Rina,,ask earlier,2026-11-22T15:00:00+07:00\r\n'],
  ])('writes %s', async (what, expected) => {
    const h = await book();
    // The note was stored trimmed by add; give prospect 2 a note that starts with a line feed.
    h.db.prepare("UPDATE prospects SET notes = char(10) || 'leading line feed' WHERE id = 2").run();
    const r = await h.run(['export', what]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected.replace("'leading line feed", '"\'\nleading line feed"'));
  });
});

describe('export as JSON', () => {
  it('prints deals and prospects in the shapes the other commands use', async () => {
    const h = await book();
    const deals = await h.run(['export', 'deals', '--format', 'json']);
    expect(deals.stdout).toBe(JSON.stringify([1, 2].map((id) => dealJson(getDeal(h.db, id)!, ZONE)), null, 2) + '\n');
    const prospects = await h.run(['export', 'prospects', '--json']);
    expect(prospects.stdout).toBe(JSON.stringify([1, 2].map((id) => prospectJson(getProspect(h.db, id)!, ZONE)), null, 2) + '\n');
  });

  it('prints follow-ups with booleans, instants and lists', async () => {
    const h = await book();
    const followups = JSON.parse((await h.run(['export', 'followups', '--format', 'json'])).stdout);
    expect(followups).toEqual([
      {
        id: 1, deal_id: 1, prospect_name: 'Budi Santoso', company: 'PT Maju, Tbk', deal_title: 'Fleet "XL" renewal',
        due_at: '2026-11-23T10:00:00+07:00', channel: 'call', purpose: 'closure', closure: true, agreed: true, status: 'scheduled',
        outcome: null, notes: '+ask, about "budget"', created_at: '2026-11-22T15:00:00+07:00', completed_at: null,
      },
    ]);
    const postmortems = JSON.parse((await h.run(['export', 'postmortems', '--format', 'json'])).stdout);
    expect(postmortems[0]).toMatchObject({ causes: ['no-follow-up', 'timing'], reviewers: ['Rina'], outcome: 'lost' });
  });

  it('prints an empty list as []', async () => {
    const h = harness(NOW, ZONE);
    expect(await h.run(['export', 'journal', '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect((await h.run(['export', 'journal'])).stdout).toBe('id,deal_id,prospect_name,company,deal_title,at,text,tags\r\n');
  });
});

describe('export --out', () => {
  it('writes the file (owner-only) and reports on stdout', async () => {
    const h = await book();
    dir = mkdtempSync(join(tmpdir(), 'salesctl-export-'));
    const out = join(dir, 'deals.csv');
    const r = await h.run(['export', 'deals', '--out', out]);
    expect(r).toEqual({ code: 0, stderr: '', stdout: `Exported 2 deals as CSV to ${out}\n` });
    expect(readFileSync(out, 'utf8')).toBe((await h.run(['export', 'deals'])).stdout);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const again = await h.run(['export', 'followups', '--format', 'ics', '--out', join(dir, 'f.ics'), '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ what: 'followups', format: 'ics', rows: 1, out: join(dir, 'f.ics') });
    expect(readFileSync(join(dir, 'f.ics'), 'utf8')).toContain('UID:followup-1@salesctl\r\n');
  });

  it('fails with exit 2 and no file when the folder does not exist', async () => {
    const h = await book();
    const r = await h.run(['export', 'deals', '--out', '/nonexistent-salesctl/deals.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('salesctl: cannot write /nonexistent-salesctl/deals.csv: the folder /nonexistent-salesctl does not exist\n');
    expect(r.stdout).toBe('');
  });
});

describe('export refusals', () => {
  it.each([
    [['export', 'all'], "salesctl: 'export all' is the complete dump, written as JSON: use --format json\n"],
    [['export', 'deals', '--format', 'ics'], "salesctl: --format ics is for follow-ups only: use 'salesctl export followups --format ics'\n"],
    [['export', 'budget'], "salesctl: cannot export 'budget': use one of deals, prospects, commitments, followups, postmortems, journal or all\n"],
  ])('%j', async (argv, stderr) => {
    const h = await book();
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code: 2, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });
});

describe('export all', () => {
  it('prints the complete versioned dump with stored values', async () => {
    const h = await book();
    const r = await h.run(['export', 'all', '--format', 'json']);
    const dump = JSON.parse(r.stdout);
    expect(r.stdout).toBe(JSON.stringify(dump, null, 2) + '\n');
    expect(Object.keys(dump)).toEqual([
      'format', 'version', 'schema_version', 'exported_at', 'prospects', 'deals', 'commitments', 'followups', 'postmortems', 'journal', 'events',
    ]);
    expect(dump).toMatchObject({ format: 'salesctl-dump', version: 1, schema_version: LATEST_VERSION, exported_at: '2026-11-22T15:00:00+07:00' });
    expect(dump.deals[0]).toEqual(h.db.prepare('SELECT * FROM deals WHERE id = 1').get());
    expect(dump.postmortems[0].causes).toEqual(['no-follow-up', 'timing']);
    expect(dump.events).toHaveLength(2);
  });
});
