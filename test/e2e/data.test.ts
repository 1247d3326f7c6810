// Data in and out, end to end on the built binary: generated CRM and spreadsheet files, exports checked
// as a spreadsheet and a calendar would read them, and a dump restored into a fresh database.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cliPerTest, type Cli } from './helpers.js';

const NOW = '2026-11-22T08:00:00Z';
const cli = cliPerTest(NOW);

const FIRST = ['山田', 'Ńguyễn', 'Ахмед', 'Budi', 'Zoë', 'O\'Brien', 'José María', 'محمد'];
const LAST = ['太郎', 'Văn An', 'Иванов', 'Santoso', 'Müller', 'Smith-Jones', 'García', 'علي'];

/** A hosted CRM's export: BOM, CRLF, First/Last Name, quoted commas and newlines, a column we do not know. */
function crmExport(rows: number, bad?: { at: number; amount: string }): Buffer {
  const lines = ['First Name,Last Name,Company Name,Email,Phone Number,Deal Name,Amount,Currency,Next Activity Date,Description,Lead Source'];
  for (let i = 1; i <= rows; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 3) % LAST.length]!;
    const currency = ['USD', 'EUR', 'IDR'][i % 3]!;
    const cents = currency === 'IDR' ? '00' : String(i % 100).padStart(2, '0');
    const amount = bad && bad.at === i ? bad.amount : `"${(1000 + i).toLocaleString('en-US')}.${cents}"`;
    const next = i % 3 === 0 ? `2026-12-${String((i % 28) + 1).padStart(2, '0')}` : '';
    const notes = i % 10 === 0 ? `"Met at the fair, ""very"" keen\r\nCall after lunch"` : '';
    lines.push([first, last, `"Firma ${i % 400}, Ltd"`, `p${i}@example.com`, `+62 812 ${String(i).padStart(6, '0')}`, `Deal ${i}`, amount, currency, next, notes, 'web'].join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

function write(c: Cli, name: string, content: string | Buffer): string {
  const path = join(c.dir, name);
  writeFileSync(path, content);
  return path;
}

function ok(c: Cli, args: string[]): string {
  const r = c.run(args);
  if (r.code !== 0) throw new Error(`salesctl ${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return r.stdout;
}

describe('import from a hosted CRM', () => {
  it('imports 1,000 rows with BOM, CRLF, First/Last Name, non-Latin names and quoted newlines', () => {
    const c = cli();
    const path = write(c, 'crm.csv', crmExport(1000));
    const r = c.run(['import', path, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "warning: crm.csv: column 'Lead Source' not imported (keep it with --map 'Lead Source=notes')\n" +
        "hint: see them with 'salesctl list', and the follow-ups due with 'salesctl due'\n",
    );
    // Rows 400 apart name the same person at the same company: one prospect with several deals.
    expect(JSON.parse(r.stdout)).toMatchObject({
      rows: 1000, prospects_created: 400, prospects_reused: 0, deals_created: 1000, followups_created: 333, delimiter: ',', unmapped_columns: ['Lead Source'],
    });
    const prospects = JSON.parse(ok(c, ['export', 'prospects', '--format', 'json']));
    const deals = JSON.parse(ok(c, ['export', 'deals', '--format', 'json']));
    expect(deals).toHaveLength(1000);
    expect(deals[0]).toMatchObject({ id: 1, title: 'Deal 1', prospect_name: 'Ńguyễn Santoso', company: 'Firma 1, Ltd', value: 1001.01, value_minor: 100101, currency: 'EUR' });
    expect(deals[7]).toMatchObject({ prospect_name: '山田 太郎', value: 1008, value_minor: 1008, currency: 'IDR' });
    expect(deals[1]).toMatchObject({ prospect_name: 'Ахмед García', value: 1002, currency: 'IDR' });
    expect(deals[3]).toMatchObject({ value: 1004.04, value_minor: 100404, currency: 'EUR' });
    expect(new Set(deals.map((d: { prospect_name: string }) => d.prospect_name))).toContain('محمد Smith-Jones');
    expect(prospects).toHaveLength(400);
    const tenth = prospects.find((p: { company: string }) => p.company === 'Firma 10, Ltd');
    // The latest row fills in the contact details, as `add` does for a prospect it reuses.
    expect(tenth).toMatchObject({ name: 'Ахмед García', notes: 'Met at the fair, "very" keen\nCall after lunch', email: 'p810@example.com' });
  });

  it('reads UTF-16 with its BOM, as some spreadsheet programs save "Unicode text"', () => {
    const c = cli();
    const text = 'Name\tCompany\tValue\r\n山田太郎\t株式会社テスト\t1500\r\n';
    const path = write(c, 'unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(c.run(['import', path]).code).toBe(0);
    expect(JSON.parse(ok(c, ['export', 'deals', '--format', 'json']))[0]).toMatchObject({ prospect_name: '山田太郎', company: '株式会社テスト', value: 1500 });
  });

  it('reads a spreadsheet saved with ; and decimal commas', () => {
    const c = cli();
    const lines = ['Name;Organization;Value;Currency;Next Follow-up'];
    for (let i = 1; i <= 50; i++) lines.push(`Klant ${i};"Bedrijf; ${i}";${i}.500,${String(i).padStart(2, '0')};EUR;2026-12-01 10:00`);
    const path = write(c, 'nl.csv', lines.join('\r\n'));
    expect(c.run(['import', path]).stdout).toBe('Imported 50 deals for 50 new prospects, with 50 follow-ups from nl.csv\n');
    const deals = JSON.parse(ok(c, ['export', 'deals', '--format', 'json']));
    expect(deals[0]).toMatchObject({ prospect_name: 'Klant 1', company: 'Bedrijf; 1', value: 1500.01, value_minor: 150001, currency: 'EUR' });
    expect(deals[49]).toMatchObject({ value_minor: 5050050 });
    const followups = JSON.parse(ok(c, ['export', 'followups', '--format', 'json']));
    expect(followups[0]).toMatchObject({ due_at: '2026-12-01T10:00:00+07:00', channel: 'call', status: 'scheduled' });
  });

  it('stops at one bad row in the middle: exit 2, the line and the column named, nothing imported', () => {
    const c = cli();
    ok(c, ['add', 'Existing Customer', '--company', 'Old Co']);
    const before = ok(c, ['export', 'all', '--format', 'json']);
    // Row 500 sits on line 501 (the header is line 1; no earlier row spans lines before it… except the
    // quoted newlines every tenth row, 49 of them before row 500).
    const path = write(c, 'crm.csv', crmExport(1000, { at: 500, amount: '12O0' }));
    const r = c.run(['import', path]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "warning: crm.csv: column 'Lead Source' not imported (keep it with --map 'Lead Source=notes')\n" +
        "salesctl: crm.csv line 550, column 'Amount': cannot read the amount '12O0': write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500; nothing was imported\n",
    });
    expect(ok(c, ['export', 'all', '--format', 'json'])).toBe(before);
    expect(c.run(['import', path, '--dry-run']).code).toBe(2);
  });
});

describe('export', () => {
  it('guards every text cell against formula injection and keeps numbers numeric', () => {
    const c = cli();
    const hostile = ['=cmd|\' /C calc\'!A0', '+1 555 0100', '-5', '@SUM(A1:A9)', 'Tabbed', 'Return', 'Line feed'];
    const path = write(c, 'hostile.csv', ['Name,Company,Deal,Value', ...hostile.map((h, i) => `"${h}","${h} Co","Deal ${h}",${100 + i}`)].join('\n'));
    expect(c.run(['import', path]).code).toBe(0);
    // Import trims cells, so names that start with a tab, CR or LF are written straight into the file.
    const db = new Database(c.dbPath);
    db.prepare("UPDATE prospects SET name = char(9) || name WHERE id = 5").run();
    db.prepare("UPDATE prospects SET name = char(13) || name WHERE id = 6").run();
    db.prepare("UPDATE prospects SET name = char(10) || name WHERE id = 7").run();
    db.close();
    for (const what of ['deals', 'prospects']) {
      const table = parse(ok(c, ['export', what])) as string[][];
      const header = table[0]!;
      for (const row of table.slice(1)) {
        row.forEach((cell, i) => {
          if (['id', 'prospect_id', 'value', 'value_minor'].includes(header[i]!)) expect(cell).toMatch(/^\d+(\.\d+)?$/);
          else expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
        });
      }
    }
    const deals = parse(ok(c, ['export', 'deals'])) as string[][];
    expect(deals[1]!.slice(1, 6)).toEqual(["Deal =cmd|' /C calc'!A0", '1', "'=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0 Co", '100.00']);
    expect(deals.slice(5).map((row) => row[3])).toEqual(["'\tTabbed", "'\rReturn", "'\nLine feed"]);
    expect(deals.slice(1).map((row) => row[5])).toEqual(['100.00', '101.00', '102.00', '103.00', '104.00', '105.00', '106.00']);
  });

  it('writes follow-ups as an iCalendar file: structure, stable UIDs, CRLF, lines folded at 75 octets', () => {
    const c = cli();
    const lines = ['Name,Company,Next follow-up,Notes'];
    for (let i = 1; i <= 30; i++) lines.push(`山田太郎 ${i} Ńguyễn Ахмед Santoso-Wijaya,"株式会社テスト, Jakarta ${i}",2026-12-${String(i).padStart(2, '0')} 10:00,"ключевой клиент; 重要 ${'x'.repeat(i * 3)}"`);
    lines.push('No Followup,Acme,,');
    expect(c.run(['import', write(c, 'f.csv', lines.join('\n'))]).code).toBe(0);
    const out = join(c.dir, 'followups.ics');
    expect(ok(c, ['export', 'followups', '--format', 'ics', '--out', out])).toBe(`Exported 30 followups as ICS to ${out}\n`);
    const ics = readFileSync(out, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(unfolded.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(30);
    expect(unfolded.filter((l) => l === 'END:VEVENT')).toHaveLength(30);
    expect(unfolded.filter((l) => l.startsWith('UID:'))).toEqual(Array.from({ length: 30 }, (_, i) => `UID:followup-${i + 1}@salesctl`));
    expect(unfolded).toContain('SUMMARY:Follow-up: 山田太郎 1 Ńguyễn Ахмед Santoso-Wijaya (株式会社テスト\\, Jakarta 1) via call');
    expect(unfolded).toContain('DTSTART:20261201T030000Z');
    expect(unfolded).toContain('DTEND:20261201T031500Z');
    // Exporting again gives the same file: a calendar app updates the events instead of doubling them.
    ok(c, ['export', 'followups', '--format', 'ics', '--out', join(c.dir, 'again.ics')]);
    expect(readFileSync(join(c.dir, 'again.ics'), 'utf8')).toBe(ics);
  });

  it('streams a large export to stdout in a pipe', () => {
    const c = cli();
    expect(c.run(['import', write(c, 'crm.csv', crmExport(3000))]).code).toBe(0);
    const text = ok(c, ['export', 'deals']);
    const table = parse(text) as string[][];
    expect(table).toHaveLength(3001);
    expect(table[3000]![0]).toBe('3000');
  });

  it('writes follow-ups in CSV with the cells of the JSON export, read page after page', () => {
    const c = cli('America/New_York');
    expect(c.run(['import', write(c, 'crm.csv', crmExport(1000))]).code).toBe(0);
    const table = parse(ok(c, ['export', 'followups'])) as string[][];
    const json = JSON.parse(ok(c, ['export', 'followups', '--format', 'json'])) as Record<string, unknown>[];
    expect(json.length).toBeGreaterThan(300);
    expect(table).toHaveLength(json.length + 1);
    const header = table[0]!;
    table.slice(1).forEach((row, i) => {
      expect(row).toEqual(header.map((name) => (json[i]![name] === null ? '' : String(json[i]![name]))));
    });
    expect(new Set(json.map((f) => f.id)).size).toBe(json.length);
  });
});

describe('dump and restore', () => {
  it('restores a dump into a fresh database so that the next dump is the same (apart from exported_at)', () => {
    const a = cli('Asia/Jakarta');
    expect(a.run(['import', write(a, 'crm.csv', crmExport(40))]).code).toBe(0);
    ok(a, ['commit', '1', 'firm', 'sign the contract', '--by', '2026-12-01', '--payment', 'dp']);
    ok(a, ['commit', '2', 'low', 'thinks about it']);
    ok(a, ['log', '3', 'called, "very" keen', '--tag', 'hot', '--tag', 'q4']);
    ok(a, ['close', '4', 'lost', '--reason', 'price']);
    ok(a, ['postmortem', '4', '--what', 'went quiet', '--cause', 'price', '--cause', 'no-follow-up', '--reviewer', 'Rina', '--lesson', 'ask for the budget first']);
    const dump = ok(a, ['export', 'all', '--format', 'json']);
    const path = write(a, 'dump.json', dump);

    const b = cli('America/New_York');
    const restored = b.run(['import', path, '--json']);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout).restored).toMatchObject({ prospects: 40, deals: 40, commitments: 2, journal: 1, postmortems: 1 });
    const again = JSON.parse(ok(b, ['export', 'all', '--format', 'json']));
    const original = JSON.parse(dump);
    expect(again.exported_at).toBe('2026-11-22T03:00:00-05:00');
    expect({ ...again, exported_at: null }).toEqual({ ...original, exported_at: null });
    expect(original.postmortems[0].causes).toEqual(['no-follow-up', 'price']);
    // The restored database works as any other: its exports match too.
    expect(ok(b, ['export', 'deals', '--format', 'json'])).toBe(ok(b, ['export', 'deals', '--json']));
    expect(b.run(['doctor']).code).toBe(0);
    // A second restore is refused: the database is no longer empty.
    expect(b.run(['import', path]).code).toBe(2);
  });
});
