// A file of thousands of rows, read by splitCsv (quoted cells, "" and line breaks in cells) or, when it holds a
// broken quote, by csv-parse: either way all or nothing, and a bad row far down the file is named by its line.
import { describe, expect, it } from 'vitest';
import { insertRows } from '../../src/db/importBatch.js';
import { loadProspects, prospectKey } from '../../src/db/importRows.js';
import { inTransaction } from '../../src/db/transaction.js';
import { harness, snapshot, tempFiles } from '../helpers.js';

const NOW = '2026-11-22T08:00:00Z';
const ZONE = 'Asia/Jakarta';
const { file } = tempFiles('salesctl-import-large-', 'rows');

/** 3,000 rows on lines 2 to 3001; row i on line i + 2 unless `change` replaces it. */
function leads(change: (i: number, row: string) => string = (_, row) => row): string {
  const rows = ['Name,Company,Email,Deal,Amount,Next follow-up'];
  for (let i = 0; i < 3000; i++) {
    const row = `Lead ${i},"Acme ""${i % 7}"", Ltd",l${i}@example.com,Deal ${i},"${1000 + i}.50",${i % 3 ? '2026-12-01' : ''}`;
    rows.push(change(i, row));
  }
  return `${rows.join('\n')}\n`;
}

describe('a large import', () => {
  it('reads quoted cells with commas and "" and writes every row', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Existing']);
    const r = await h.run(['import', file(leads(), 'big.csv'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 3000, deals_created: 3000, prospects_created: 3000, followups_created: 2000, first_deal_id: 2, last_deal_id: 3001 });
    const last = h.db.prepare('SELECT p.id, p.name, p.company, p.email, d.title, d.value_minor FROM deals d JOIN prospects p ON p.id = d.prospect_id WHERE d.id = 3001').get();
    expect(last).toEqual({ id: 3001, name: 'Lead 2999', company: 'Acme "3", Ltd', email: 'l2999@example.com', title: 'Deal 2999', value_minor: 399950 });
  });

  it('--dry-run counts the rows and writes nothing', async () => {
    const h = harness(NOW, ZONE);
    const before = snapshot(h.db);
    const r = await h.run(['import', file(leads(), 'dry.csv'), '--dry-run']);
    expect({ ...r, stdout: r.stdout.split('\n')[0] }).toEqual({
      code: 0, stdout: 'Would import 3,000 deals for 3,000 new prospects, with 2,000 follow-ups from dry.csv; nothing was written (dry run)', stderr: '',
    });
    expect(r.stdout).toContain('  … and 2,995 more rows\n');
    expect(snapshot(h.db)).toBe(before);
  });

  it.each([
    ['a bad value near the end', (i: number, row: string) => (i === 2990 ? row.replace('@example.com', '@') : row),
      "salesctl: late.csv line 2992, column 'Email': 'l2990@' is not an email address: use e.g. budi@example.com; nothing was imported\n"],
    ['two bad rows far apart', (i: number, row: string) => (i === 5 || i === 2995 ? row.replace('.50"', 'x"') : row),
      "salesctl: late.csv line 7, column 'Amount': cannot read the amount '1005x': write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500 (and 1 more bad row); nothing was imported\n"],
    ['a quote inside a bare cell near the end', (i: number, row: string) => (i === 2995 ? row.replace('Deal ', 'Deal "') : row),
      'salesctl: late.csv line 2997: a double quote inside a cell: quote the whole cell and double the quote ("")\n'],
    ['text after a closing quote', (i: number, row: string) => (i === 2500 ? row.replace('.50"', '.50"0') : row),
      'salesctl: late.csv line 2502: a double quote inside a cell: quote the whole cell and double the quote ("")\n'],
    ['a ragged row after a cell holding a line break', (i: number, row: string) => (i === 10 ? row.replace('Deal 10', '"Deal\n10"') : i === 2999 ? 'Lead,x' : row),
      "salesctl: late.csv line 3002: the row has 2 cells, the header has 6 (a cell holding ',' or a line break needs double quotes)\n"],
  ])('%s: exit 2, the line named, nothing written (also with --dry-run)', async (_, change, stderr) => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Existing']);
    const before = snapshot(h.db);
    const path = file(leads(change), 'late.csv');
    expect(await h.run(['import', path])).toEqual({ code: 2, stdout: '', stderr });
    expect(await h.run(['import', path, '--dry-run'])).toEqual({ code: 2, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });
});

describe('loadProspects', () => {
  it('finds nothing, and reads no prospect, when the file names none of them', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Budi', '--company', 'Acme']);
    expect(loadProspects(h.db, new Set([prospectKey('Ana', 'Acme'), prospectKey('Budi', 'Acm')]))).toEqual(new Map());
    expect(loadProspects(h.db, new Set())).toEqual(new Map());
    expect([...loadProspects(h.db, new Set([prospectKey('Ana', 'Acme'), prospectKey('BUDI', 'acme')])).keys()]).toEqual([prospectKey('budi', 'acme')]);
  });
});

describe('insertRows', () => {
  it('rolls the whole write back when a row of a later statement breaks a constraint', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Budi', '--value', '100']);
    const before = snapshot(h.db);
    const columns = ['deal_id', 'due_at', 'channel', 'purpose', 'created_at'];
    expect(() =>
      inTransaction(h.db, () => {
        h.db.prepare("INSERT INTO events (deal_id, at, kind, summary) VALUES (1, 'x', 'note', 'written first')").run();
        insertRows(h.db, 'followups', columns, 1200, (i, out) => out.push(1, 'x', i === 1100 ? 'fax' : 'call', 'follow-up', 'x'));
      }),
    ).toThrow(/CHECK constraint failed/);
    expect(h.db.inTransaction).toBe(false);
    expect(snapshot(h.db)).toBe(before);
    expect((await h.run(['import', file('Name\nAna\n', 'after.csv')])).code).toBe(0);
  });
});
