// No silent doubles, past follow-ups said, the one date-only rule, and a dry run that shows what it would write.
import { describe, expect, it } from 'vitest';
import { harness, snapshot, tempFiles } from '../helpers.js';

const NOW = '2026-11-23T08:30:00+07:00';
const ZONE = 'Asia/Jakarta';
const { file } = tempFiles('salesctl-doubles-', 'rows');
const rows = (h: ReturnType<typeof harness>) =>
  h.db.prepare('SELECT d.id, p.name, d.title, d.value_minor, d.currency, d.stage FROM deals d JOIN prospects p ON p.id = d.prospect_id ORDER BY d.id').all();

describe('a row matching an open deal', () => {
  const csv = 'Name,Company,Deal,Amount,Stage,Next Follow-up\nBudi,PT Maju,Fleet,"1,000.00",lead,2026-12-03\nAna,Acme,Racks,200,,\n';

  it('is reported and skipped when the same file is imported twice', async () => {
    const h = harness(NOW, ZONE);
    expect((await h.run(['import', file(csv, 'a.csv')])).code).toBe(0);
    const before = snapshot(h.db);
    const r = await h.run(['import', file(csv, 'a.csv')]);
    expect(r).toEqual({
      code: 0,
      stdout: 'Imported 0 deals for 0 new prospects from a.csv; 2 rows matching open deals skipped\n',
      stderr:
        "warning: a.csv line 2: Budi already has the open deal #1 'Fleet': skipped (--update updates it)\n" +
        "warning: a.csv line 3: Ana already has the open deal #2 'Racks': skipped (--update updates it)\n",
    });
    expect(snapshot(h.db)).toBe(before);
  });

  it('updates the deal with --update: value, stage, and a follow-up it did not have', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['import', file(csv, 'b.csv')]);
    const changed = 'Name,Company,Deal,Amount,Stage,Next Follow-up\nbudi,pt maju,FLEET,"1,500.00",proposal,2026-12-03\nAna,Acme,Racks,,,2026-12-04 10:00\nCy,New Co,Fresh,5,,\n';
    const r = await h.run(['import', file(changed, 'c.csv'), '--update']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Imported 1 deal for 1 new prospect from c.csv; 2 rows matching open deals updated\n');
    expect(rows(h)).toEqual([
      { id: 1, name: 'Budi', title: 'Fleet', value_minor: 150000, currency: 'USD', stage: 'proposal' },
      { id: 2, name: 'Ana', title: 'Racks', value_minor: 20000, currency: 'USD', stage: null },
      { id: 3, name: 'Cy', title: 'Fresh', value_minor: 500, currency: 'USD', stage: null },
    ]);
    // Budi's follow-up was already scheduled at that instant: not doubled. Ana's is new.
    expect(h.db.prepare('SELECT deal_id, due_at FROM followups ORDER BY id').all()).toEqual([
      { deal_id: 1, due_at: '2026-12-03T02:00:00.000Z' },
      { deal_id: 2, due_at: '2026-12-04T03:00:00.000Z' },
    ]);
    expect(h.db.prepare("SELECT deal_id, summary FROM events WHERE kind = 'updated' ORDER BY id").all()).toEqual([
      { deal_id: 1, summary: 'deal updated by import from c.csv (1,500.00 USD)' },
      { deal_id: 2, summary: 'deal updated by import from c.csv; follow-up #2 scheduled by call' },
    ]);
  });

  it('a won deal of the same title is no double', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['import', file(csv, 'd.csv')]);
    h.db.prepare("UPDATE deals SET status = 'won', closed_at = '2026-11-20T00:00:00Z' WHERE id = 1").run();
    const r = await h.run(['import', file(csv, 'd.csv')]);
    expect(r.stdout).toBe('Imported 1 deal for 0 new prospects (and 1 existing prospect), with 1 follow-up from d.csv; 1 row matching open deals skipped\n');
  });
});

describe('follow-ups from a file', () => {
  it('in the past are counted and warned about', async () => {
    const h = harness(NOW, ZONE);
    const r = await h.run(['import', file('Name,Next Follow-up\nA,2026-11-01\nB,03.11.2026 10:00\nC,2026-12-01\n', 'past.csv')]);
    expect(r.stdout).toBe('Imported 3 deals for 3 new prospects, with 3 follow-ups from past.csv; 2 follow-ups in the past\n');
    expect(r.stderr).toContain(
      "warning: past.csv: 2 follow-ups are in the past (the earliest Sun 1 Nov 2026 09:00): 'salesctl due' shows them as overdue\n",
    );
    const json = JSON.parse((await h.run(['import', file('Name,Next Follow-up\nD,2026-11-02\n', 'past2.csv'), '--json'])).stdout);
    expect(json.past_followups).toBe(1);
  });

  it('with a date alone land in the prospect\'s best time, else 09:00 in their zone, else 09:00 local', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Win', '--company', 'W', '--tz', 'America/New_York', '--best-time', '10:30-12:00']);
    await h.run(['add', 'Zed', '--company', 'Z', '--tz', 'Europe/Berlin']);
    const r = await h.run(['import', file('Name,Company,Deal,Time zone,Next Follow-up\nWin,W,x,,2026-12-03\nZed,Z,y,,2026-12-03\nNew,N,z,Asia/Tokyo,2026-12-03\nLoc,L,q,,2026-12-03\n', 'rule.csv')]);
    expect(r.code).toBe(0);
    expect(h.db.prepare('SELECT due_at FROM followups ORDER BY id').pluck().all()).toEqual([
      '2026-12-03T15:30:00.000Z', // 10:30 in New York
      '2026-12-03T08:00:00.000Z', // 09:00 in Berlin
      '2026-12-03T00:00:00.000Z', // 09:00 in Tokyo
      '2026-12-03T02:00:00.000Z', // 09:00 in Jakarta, the local zone
    ]);
  });
});

describe('--dry-run', () => {
  it('shows the rows as they would be stored, the columns ignored, every guess and the matches; writes nothing', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'John Carter', '--company', 'Carter Logistics', '--deal', 'Truck leasing']);
    const before = snapshot(h.db);
    const csv = 'Name,Company,Deal,Value,Next Follow-up,Owner\nJohn Carter,Carter Logistics,Truck leasing,"$12,500.00",12/15/2026,Sari\nEmily Stone,Stone Bakery,Ovens,"$3,499.99",12/03/2026 2:30 PM,Sari\n';
    const r = await h.run(['import', file(csv, 'us.csv'), '--dry-run'], { tty: true });
    expect(r.stdout).toBe(
      [
        'Would import 1 deal for 1 new prospect, with 1 follow-up from us.csv; 1 row matching open deals skipped; nothing was written (dry run)',
        '',
        '  line  name         company       deal   value         next follow-up',
        '  3     Emily Stone  Stone Bakery  Ovens  3,499.99 USD  Thu 3 Dec 2026 14:30 Asia/Jakarta',
        '',
        "Ignored columns: 'Owner'",
        'Guessed:',
        "  - '$' read as USD (the default): say another with --currency",
        "  - column 'Next Follow-up' read month-first: line 2 has '12/15/2026'",
        'Rows matching open deals already in the database: 1 (would be skipped; --update updates them)',
        '',
      ].join('\n'),
    );
    expect(snapshot(h.db)).toBe(before);
  });
});
