// How an import writes: table by table and many rows per statement, yet the rows, ids, events and
// follow-ups are the ones a row-by-row import makes (the expected values below are what it made).
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProspects, prospectKey, writeImport, type PlannedRecord } from '../../src/db/importRows.js';
import { harness, snapshot, tempFiles } from '../helpers.js';

const NOW = '2026-11-22T08:00:00Z';
const ZONE = 'Asia/Jakarta';
const { file } = tempFiles('salesctl-import-write-', 'rows');

describe('a prospect on several rows', () => {
  it('is created by its first row and filled in by the later ones; its follow-ups fall back to the first channel', async () => {
    const h = harness(NOW, ZONE);
    const path = file(
      [
        'Name,Company,Email,Phone,Channel,Notes,Next follow-up',
        'Budi,Maju,budi@maju.id,,,first,2026-11-25',
        'BUDI,maju,,+62 1,,,2026-11-26',
        'budi,MAJU,budi2@maju.id,,email,,2026-11-27',
        'Budi,Maju,,,,,2026-11-28',
      ].join('\n'),
    );
    const r = await h.run(['import', path]);
    expect(r.stdout).toBe('Imported 4 deals for 1 new prospect, with 4 follow-ups from rows1.csv\n');
    expect(h.db.prepare('SELECT id, name, company, email, phone, channel, notes FROM prospects').all()).toEqual([
      { id: 1, name: 'Budi', company: 'Maju', email: 'budi2@maju.id', phone: '+62 1', channel: 'email', notes: 'first' },
    ]);
    // The third row's own channel; the others fall back to the channel the prospect was created with (none).
    expect(h.db.prepare('SELECT id, deal_id, channel FROM followups ORDER BY id').all()).toEqual([
      { id: 1, deal_id: 1, channel: 'call' },
      { id: 2, deal_id: 2, channel: 'call' },
      { id: 3, deal_id: 3, channel: 'email' },
      { id: 4, deal_id: 4, channel: 'call' },
    ]);
  });

  it('fills in an existing prospect, whose own channel the follow-ups fall back to', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Ana', '--company', 'Acme', '--channel', 'chat', '--email', 'ana@acme.co']);
    const r = await h.run(['import', file('Name,Company,Deal,Phone,Role,Channel,Next follow-up\nANA,acme,Renewal,+62 9,,,2026-11-25\nana,ACME,Upsell,,CFO,sms,2026-11-26\n')]);
    expect(r.code).toBe(0);
    expect(h.db.prepare('SELECT id, name, email, phone, role, channel FROM prospects').all()).toEqual([
      { id: 1, name: 'Ana', email: 'ana@acme.co', phone: '+62 9', role: 'CFO', channel: 'sms' },
    ]);
    expect(h.db.prepare('SELECT deal_id, channel FROM followups ORDER BY id').all()).toEqual([
      { deal_id: 2, channel: 'chat' },
      { deal_id: 3, channel: 'sms' },
    ]);
  });
});

describe('ids', () => {
  it('continues after the largest id of each table, as SQLite would, and the events name the right follow-ups', async () => {
    const h = harness(NOW, ZONE);
    for (const name of ['A', 'B', 'C']) await h.run(['add', name, '--company', 'X']);
    await h.run(['followup', '1', '--at', '2026-12-01 10:00']);
    // Deal 3 removed: its id is free again for the next deal, as for any insert without an id.
    h.db.prepare('DELETE FROM events WHERE deal_id = 3').run();
    h.db.prepare('DELETE FROM deals WHERE id = 3').run();
    const rows = Array.from({ length: 1203 }, (_, i) => `P${i},Co${i % 7},${i % 3 === 0 ? '' : '2026-12-0' + ((i % 9) + 1)}`);
    const path = file(['Name,Company,Next follow-up', ...rows].join('\n'));
    const fileName = basename(path);
    const r = await h.run(['import', path, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 1203, deals_created: 1203, followups_created: 802, first_deal_id: 3, last_deal_id: 1205 });
    const deals = h.db.prepare('SELECT id, prospect_id, title FROM deals WHERE id >= 3 ORDER BY id').all() as { id: number; prospect_id: number; title: string }[];
    expect(deals.map((d) => d.id)).toEqual(Array.from({ length: 1203 }, (_, i) => 3 + i));
    expect(deals.map((d) => d.prospect_id)).toEqual(Array.from({ length: 1203 }, (_, i) => 4 + i));
    expect(deals[1202]!.title).toBe('Co5');
    const followups = h.db.prepare('SELECT id, deal_id FROM followups WHERE id > 1 ORDER BY id').all() as { id: number; deal_id: number }[];
    const withFollowup = Array.from({ length: 1203 }, (_, i) => i).filter((i) => i % 3 !== 0);
    expect(followups).toEqual(withFollowup.map((i, k) => ({ id: 2 + k, deal_id: 3 + i })));
    const events = h.db.prepare("SELECT deal_id, summary FROM events WHERE summary LIKE 'deal created by import%' ORDER BY id").all() as { deal_id: number; summary: string }[];
    expect(events).toHaveLength(1203);
    expect(events.slice(0, 3)).toEqual([
      { deal_id: 3, summary: `deal created by import from ${fileName}` },
      { deal_id: 4, summary: `deal created by import from ${fileName}; follow-up #2 scheduled by call` },
      { deal_id: 5, summary: `deal created by import from ${fileName}; follow-up #3 scheduled by call` },
    ]);
    expect(events[1202]).toEqual({ deal_id: 1205, summary: `deal created by import from ${fileName}; follow-up #803 scheduled by call` });
  });
});

describe('lines and bytes', () => {
  it('names the line a bad row starts on, after empty lines and cells holding line breaks', async () => {
    const h = harness(NOW, ZONE);
    const before = snapshot(h.db);
    const text = 'Name,Notes,Amount\n\nBudi,"one\ntwo\nthree",5\n\nAna,x,12x\n';
    const r = await h.run(['import', file(text, 'bad.csv')]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "salesctl: bad.csv line 7, column 'Amount': cannot read the amount '12x': write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500; nothing was imported\n" });
    const unclosed = await h.run(['import', file('Name,Notes\n\nBudi,"one\ntwo"\nAna,"open\nCy,x\n', 'open.csv')]);
    expect(unclosed.stderr).toBe('salesctl: open.csv line 5: a quoted cell opened here is never closed: add the closing double quote\n');
    expect(snapshot(h.db)).toBe(before);
  });

  it('reads the same rows from LF, CRLF and BOM files', async () => {
    const rows = ['Name,Company,Value', 'Jürgen Groß,"Müller, Söhne",1500', '', 'Åsa,"Nord\nAB",200'];
    const results = [];
    for (const content of [rows.join('\n'), rows.join('\r\n'), `\ufeff${rows.join('\n')}`]) {
      const h = harness(NOW, ZONE);
      expect((await h.run(['import', file(content, 'same.csv')])).code).toBe(0);
      results.push(snapshot(h.db));
    }
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    expect(results[0]).toContain('"name":"Åsa","company":"Nord\\nAB"');
  });
});

describe('loadProspects', () => {
  it('matches name and company by nameKey, letters beyond ASCII too, the oldest first, only the keys asked for', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Budi', '--company', 'ACME', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00']);
    await h.run(['add', 'Ärzte', '--company', 'X']);
    h.db.prepare("INSERT INTO prospects (name, company, channel, created_at) VALUES ('BUDI', 'acme', 'sms', 'x'), ('ärzte', 'x', NULL, 'x'), ('Cy', '', NULL, 'x'), ('ÉLISE', 'Ömer AŞ', 'email', 'x'), ('élise', 'ömer aş', NULL, 'x')").run();
    const all = loadProspects(h.db);
    expect([...all.entries()]).toEqual([
      [prospectKey('budi', 'acme'), { id: 1, tz: 'Asia/Jakarta', best_time_start: '10:00', channel: null }],
      [prospectKey('ärzte', 'x'), { id: 2, tz: null, best_time_start: null, channel: null }],
      [prospectKey('cy', ''), { id: 5, tz: null, best_time_start: null, channel: null }],
      [prospectKey('élise', 'ömer aş'), { id: 6, tz: null, best_time_start: null, channel: 'email' }],
    ]);
    expect(prospectKey('Ärzte', 'X')).toBe(prospectKey('ärzte', 'x'));
    expect(prospectKey('ÉLISE', 'ÖMER AŞ')).toBe(prospectKey('élise', 'ömer aş'));
    expect([...loadProspects(h.db, new Set([prospectKey('bUdI', 'Acme')])).values()].map((p) => p.id)).toEqual([1]);
    expect([...loadProspects(h.db, new Set([prospectKey('ÄRZTE', 'x')])).values()].map((p) => p.id)).toEqual([2]);
    expect([...loadProspects(h.db, new Set([prospectKey('Élise', 'Ömer aş')])).values()].map((p) => p.id)).toEqual([6]);
    expect(loadProspects(h.db, new Set([prospectKey('Elise', 'Omer AS')]))).toEqual(new Map());
  });
});

describe('writeImport progress', () => {
  it('reports rows 1,000 at a time up to the last full thousand', () => {
    const h = harness(NOW, ZONE);
    const planned: PlannedRecord[] = Array.from({ length: 2500 }, (_, i) => ({
      key: prospectKey(`P${i % 1700}`, ''),
      followupAt: i % 2 ? new Date('2026-12-01T02:00:00Z') : null,
      record: {
        line: i + 2,
        prospect: { name: `P${i % 1700}`, company: '', email: null, phone: null, role: null, segment: null, tz: null, channel: null, notes: null },
        deal: { title: `D${i}`, value_minor: null, currency: null, stage: null },
        nextFollowup: null,
      },
    }));
    const seen: number[] = [];
    const ids = h.db.transaction(() => writeImport(h.db, planned, new Map(), { now: new Date(NOW), source: 'x.csv', onProgress: (done) => seen.push(done) }))();
    expect(seen).toEqual([1000, 2000]);
    expect(ids).toEqual({ firstDealId: 1, lastDealId: 2500 });
    expect(h.db.prepare('SELECT count(*) AS n FROM prospects').get()).toEqual({ n: 1700 });
  });
});
