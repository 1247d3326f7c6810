import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harness, snapshot, tempFiles } from '../helpers.js';

const NOW = '2026-11-22T08:00:00Z';
const ZONE = 'Asia/Jakarta';
const { dir, file } = tempFiles('salesctl-import-', 'leads');

const deals = (h: ReturnType<typeof harness>) =>
  h.db
    .prepare('SELECT p.name, p.company, p.email, d.title, d.value_minor, d.currency FROM deals d JOIN prospects p ON p.id = d.prospect_id ORDER BY d.id')
    .all();

describe('import a CSV file', () => {
  const leads = [
    'Full Name,Company,E-mail,Deal Name,Amount,Next Follow-up,Lead Source',
    'Budi Santoso,"PT Maju, Tbk",budi@maju.co.id,Fleet renewal,"1,500.50",2026-11-25,web',
    'Ana Lima,Acme,,,200,,fair',
    'budi santoso,PT MAJU. TBK,,Spare parts,15k,2026-11-26 14:30,',
  ].join('\n');

  it('creates prospects, deals and follow-ups, and reports the columns it did not import', async () => {
    const h = harness(NOW, ZONE);
    const path = file(leads, 'crm.csv');
    const r = await h.run(['import', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Imported 3 deals for 3 new prospects, with 2 follow-ups from crm.csv\n');
    expect(r.stderr).toBe(
      "warning: crm.csv: column 'Lead Source' not imported (keep it with --map 'Lead Source=notes')\n" +
        "hint: see them with 'salesctl list', and the follow-ups due with 'salesctl due'\n",
    );
    expect(deals(h)).toEqual([
      { name: 'Budi Santoso', company: 'PT Maju, Tbk', email: 'budi@maju.co.id', title: 'Fleet renewal', value_minor: 150050, currency: 'USD' },
      { name: 'Ana Lima', company: 'Acme', email: null, title: 'Acme', value_minor: 20000, currency: 'USD' },
      { name: 'budi santoso', company: 'PT MAJU. TBK', email: null, title: 'Spare parts', value_minor: 1500000, currency: 'USD' },
    ]);
    expect(h.db.prepare('SELECT deal_id, due_at, channel, purpose, status FROM followups ORDER BY id').all()).toEqual([
      { deal_id: 1, due_at: '2026-11-25T02:00:00.000Z', channel: 'call', purpose: 'follow-up', status: 'scheduled' },
      { deal_id: 3, due_at: '2026-11-26T07:30:00.000Z', channel: 'call', purpose: 'follow-up', status: 'scheduled' },
    ]);
    expect(h.db.prepare('SELECT deal_id, kind, summary FROM events ORDER BY id').all()).toEqual([
      { deal_id: 1, kind: 'created', summary: 'deal created by import from crm.csv (1,500.50 USD); follow-up #1 scheduled by call' },
      { deal_id: 2, kind: 'created', summary: 'deal created by import from crm.csv (200.00 USD)' },
      { deal_id: 3, kind: 'created', summary: 'deal created by import from crm.csv (15,000.00 USD); follow-up #2 scheduled by call' },
    ]);
  });

  it('reuses a prospect of the same name and company (case-insensitive), as add does', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'BUDI SANTOSO', '--company', 'pt maju, tbk', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--channel', 'chat']);
    const path = file(leads);
    const r = await h.run(['import', path, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      file: basename(path), dry_run: false, rows: 3, prospects_created: 2, prospects_reused: 1, deals_created: 3, followups_created: 2,
      first_deal_id: 2, last_deal_id: 4, currency: 'USD', delimiter: ',', unmapped_columns: ['Lead Source'],
      encoding: 'utf-8', matching_open_deals: 0, deals_updated: 0, rows_skipped: 0, past_followups: 0, guesses: [],
    });
    expect(h.db.prepare('SELECT count(*) AS n FROM prospects').get()).toEqual({ n: 3 });
    // A date without a time lands at the start of the prospect's best-time window, on their channel.
    expect(h.db.prepare('SELECT due_at, channel FROM followups WHERE deal_id = 2').get()).toEqual({ due_at: '2026-11-25T03:00:00.000Z', channel: 'chat' });
    expect(h.db.prepare('SELECT email FROM prospects WHERE id = 1').get()).toEqual({ email: 'budi@maju.co.id' });
  });

  it('--dry-run reports what would be created and writes nothing', async () => {
    const h = harness(NOW, ZONE);
    const before = snapshot(h.db);
    const path = file(leads, 'dry.csv');
    const r = await h.run(['import', path, '--dry-run'], { tty: true });
    expect(r.stdout).toBe(
      [
        'Would import 3 deals for 3 new prospects, with 2 follow-ups from dry.csv; nothing was written (dry run)',
        '',
        '  line  name          company       deal           value          next follow-up',
        '  2     Budi Santoso  PT Maju, Tbk  Fleet renewal  1,500.50 USD   Wed 25 Nov 2026 09:00 Asia/Jakarta',
        '  3     Ana Lima      Acme          Acme           200.00 USD',
        '  4     budi santoso  PT MAJU. TBK  Spare parts    15,000.00 USD  Thu 26 Nov 2026 14:30 Asia/Jakarta',
        '',
        "Ignored columns: 'Lead Source'",
        'Guessed:',
        '  - amounts without a currency read as USD (the default): say another with --currency',
        'Rows matching open deals already in the database: 0',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
    expect(snapshot(h.db)).toBe(before);
  });

  it('reads a ; file with decimal commas, a UTF-8 BOM and CRLF; --map and --currency', async () => {
    const h = harness(NOW, ZONE);
    const text = '\ufeffVorname;Nachname;Firma;Betrag;Währung\r\nJürgen;Groß;"Müller; Söhne";1.500,50;EUR\r\nÅsa;Öberg;Nord AB;200;\r\n';
    const r = await h.run(
      ['import', file(text), '--map', 'Vorname=first_name', '--map', 'Nachname=last_name', '--map', 'Firma=company', '--map', 'Betrag=value', '--map', 'Währung=currency', '--currency', 'sek', '--json'],
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ delimiter: ';', currency: 'SEK', deals_created: 2, unmapped_columns: [] });
    expect(deals(h)).toEqual([
      { name: 'Jürgen Groß', company: 'Müller; Söhne', email: null, title: 'Müller; Söhne', value_minor: 150050, currency: 'EUR' },
      { name: 'Åsa Öberg', company: 'Nord AB', email: null, title: 'Nord AB', value_minor: 20000, currency: 'SEK' },
    ]);
  });

  it('takes the currency from $SALESCTL_CURRENCY when the file has none', async () => {
    const h = harness(NOW, ZONE);
    const r = await h.run(['import', file('Name,Value\nBudi,1500000\n')], { env: { SALESCTL_CURRENCY: 'IDR' } });
    expect(r.code).toBe(0);
    expect(deals(h)).toEqual([{ name: 'Budi', company: '', email: null, title: 'Budi', value_minor: 1500000, currency: 'IDR' }]);
  });
});

describe('import refusals: nothing is written', () => {
  it.each([
    ['Name,Amount\nBudi,100\nAna,12x\nCy,oops\n', 'bad.csv', "salesctl: bad.csv line 3, column 'Amount': cannot read the amount '12x': write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500 (and 1 more bad row); nothing was imported\n"],
    ['Name,Email\nBudi,budi@\n', 'bad.csv', "salesctl: bad.csv line 2, column 'Email': 'budi@' is not an email address: use e.g. budi@example.com; nothing was imported\n"],
    ['Name,Next action date\nBudi,someday\n', 'bad.csv', "salesctl: bad.csv line 2, column 'Next action date': cannot read the date 'someday': try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w; nothing was imported\n"],
    ['Name,Company\nBudi,"PT Maju\nline two"\nAna\n', 'bad.csv', "salesctl: bad.csv line 4: the row has 1 cells, the header has 2 (a cell holding ',' or a line break needs double quotes)\n"],
    ['Name,Company\nBudi,Maju\nAna,"Acme\nCy,Quiet\n', 'bad.csv', 'salesctl: bad.csv line 3: a quoted cell opened here is never closed: add the closing double quote\n'],
    ['First Name,Last Name,Company\n,,Acme\n', 'bad.csv', "salesctl: bad.csv line 2, column 'First Name + Last Name': the prospect's name is empty (and 0 more bad rows); nothing was imported\n".replace(' (and 0 more bad rows)', '')],
    ['Company,Email\nAcme,a@b.c\n', 'bad.csv', "salesctl: the file lists organisations but no people (no Name, Person - Name or First Name column): import the people export (Pipedrive: Persons), or map a column of people with --map 'Column=name'\n"],
    ['Email,Phone\na@b.c,1\n', 'bad.csv', "salesctl: no column holds the prospect's name (Name, Full Name, Contact, or First Name + Last Name): map one with --map 'Column=name'; the columns are 'Email', 'Phone'\n"],
    ['Name,Currency,Value\nBudi,RUPIAH,5\n', 'bad.csv', "salesctl: bad.csv line 2, column 'Currency': unknown currency 'RUPIAH': use an ISO 4217 code such as USD, EUR or IDR; nothing was imported\n"],
    ['', 'empty.csv', "salesctl: empty.csv is empty: it needs a header row (Name, Company, Email, …) and one row per deal\n"],
  ])('%j', async (content, name, stderr) => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Existing']);
    const before = snapshot(h.db);
    const r = await h.run(['import', file(content, name)]);
    expect(r).toEqual({ code: 2, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });

  it('refuses a missing file and a bad --map', async () => {
    const h = harness(NOW, ZONE);
    expect(await h.run(['import', join(dir, 'nope.csv')])).toEqual({
      code: 2, stdout: '', stderr: `salesctl: no file ${join(dir, 'nope.csv')}: give the path of a CSV export or an 'export all' JSON dump\n`,
    });
    const r = await h.run(['import', file('Name\nBudi\n'), '--map', 'Name=nom']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^salesctl: unknown field 'nom' in --map 'Name=nom': use one of name, first_name/);
  });
});

describe('import a dump', () => {
  it('refuses to restore into a database that has records', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Budi']);
    const dump = (await h.run(['export', 'all', '--format', 'json'])).stdout;
    const before = snapshot(h.db);
    const r = await h.run(['import', file(dump, 'dump.json')]);
    expect(r).toEqual({
      code: 2, stdout: '',
      stderr: "salesctl: a dump is restored only into an empty database and :memory: has records: restore into a new file with --db new.db; nothing was restored\n",
    });
    expect(snapshot(h.db)).toBe(before);
  });

  it('restores into an empty database, so that the next dump is the same', async () => {
    const a = harness(NOW, ZONE);
    await a.run(['add', 'Budi', '--company', 'PT Maju', '--value', '1500']);
    await a.run(['add', 'Ana']);
    // A gap in the ids: a restore keeps them as they are.
    a.db.prepare('DELETE FROM events WHERE deal_id = 2').run();
    a.db.prepare('DELETE FROM deals WHERE id = 2').run();
    await a.run(['add', 'Cy']);
    const dump = (await a.run(['export', 'all', '--format', 'json'])).stdout;
    const b = harness(NOW, ZONE);
    const r = await b.run(['import', file(dump, 'dump.json')], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Restored dump.json\nTable        Rows\nprospects    3\ndeals        2\ncommitments  0\nfollowups    0\npostmortems  0\njournal      0\nevents       2\n',
    );
    expect((await b.run(['export', 'all', '--format', 'json'])).stdout).toBe(dump);
  });

  it.each([
    ['{"format":"other"}', /is not a salesctl dump/],
    ['{"format":"salesctl-dump","version":2}', /is a dump of version 2: this salesctl reads version 1/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"budget":[]}', /holds a table 'budget' this database does not have/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"deals":[{"id":1,"prospect_id":9,"title":"x","created_at":"2026-11-22T08:00:00.000Z"}]}', /dump.json: deals\[0\]\.prospect_id refers to a prospects record the dump does not hold \(1 broken reference\); nothing was restored/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"prospects":[{"id":1,"name":"x","created_at":"2026-11-22T08:00:00.000Z","hack; DROP":1}]}', /prospects\[0\] has a field 'hack; DROP' the table does not have/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"deals":[{"id":1,"prospect_id":1,"title":"x","status":"maybe","created_at":"2026-11-22T08:00:00.000Z"}],"prospects":[{"id":1,"name":"x","created_at":"2026-11-22T08:00:00.000Z"}]}', /^salesctl: dump.json: deals\[0\]\.status is not one of open, won, lost, not-now \(found "maybe"\); nothing was restored\n$/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"prospects":[{"id":1,"name":"x","created_at":"x"}]}', /^salesctl: dump.json: prospects\[0\]\.created_at is not an ISO 8601 instant with a zone \(found "x"\); nothing was restored\n$/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"prospects":[{"id":1,"name":"x","created_at":"2026-11-22T08:00:00.000Z"}],"deals":[{"id":1,"prospect_id":1,"title":"x","created_at":"2026-11-22T08:00:00.000Z","closed_at":"zzz"}]}', /^salesctl: dump.json: deals\[0\]\.closed_at is not an ISO 8601 instant with a zone \(found "zzz"\); nothing was restored\n$/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"prospects":[{"id":1,"name":"x","created_at":"2026-11-22T08:00:00.000Z"}],"deals":[{"id":1,"prospect_id":1,"title":"x","created_at":"2026-11-22T08:00:00.000Z","closed_at":9223372036854775808}]}', /deals\[0\]\.closed_at is not an ISO 8601 instant with a zone \(found 9223372036854776000\)/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"prospects":[{"id":1,"name":"x","created_at":"2026-02-30T08:00:00.000Z"}]}', /prospects\[0\]\.created_at is not an ISO 8601 instant/],
    ['{"format":"salesctl-dump","version":1,"schema_version":1,"prospects":[{"id":1,"name":"x","created_at":"2026-11-22T08:00:00.000Z"}],"deals":[{"id":1,"prospect_id":1,"title":"ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt","created_at":"2026-11-22T08:00:00.000Z"}]}', /deals\[0\]\.title is 501 characters long: at most 500 are allowed; nothing was restored/],
    ['{"format": "salesctl-dump", oops', /is not valid JSON/],
  ])('refuses %s', async (content, message) => {
    const h = harness(NOW, ZONE);
    const r = await h.run(['import', file(content, 'dump.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(h.db.prepare('SELECT count(*) AS n FROM prospects').get()).toEqual({ n: 0 });
  });

  it('refuses a dump from a newer schema with exit 4', async () => {
    const h = harness(NOW, ZONE);
    const r = await h.run(['import', file('{"format":"salesctl-dump","version":1,"schema_version":99}', 'dump.json')]);
    expect(r.code).toBe(4);
  });
});
