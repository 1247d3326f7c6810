// Files the way CRMs, address books and spreadsheets export them (test/fixtures/README.md): each is imported
// right without flags, or refused with the one line that names the fix. Every field that arrives is read
// back through `export all --format json`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { harness, snapshot, tempFiles } from '../helpers.js';

const NOW = '2026-11-23T08:30:00+07:00';
const ZONE = 'Asia/Jakarta';
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));
const { file } = tempFiles('salesctl-formats-', 'export');

/** The fixture's bytes, re-encoded as the program that writes it does (Outlook and Excel on Windows: Windows-1252). */
const bytes = (name: string, encoding?: string) => (encoding ? iconv.encode(fixture(name).toString('utf8'), encoding) : fixture(name));

async function imported(name: string, options: { encoding?: string; args?: string[]; h?: ReturnType<typeof harness> } = {}) {
  const h = options.h ?? harness(NOW, ZONE);
  const path = file(bytes(name, options.encoding), name);
  const r = await h.run(['import', path, ...(options.args ?? [])]);
  const dump = JSON.parse((await h.run(['export', 'all', '--format', 'json'])).stdout);
  const byId = new Map(dump.prospects.map((p: { id: number; name: string }) => [p.id, p.name]));
  return {
    r,
    h,
    prospects: dump.prospects.map(({ name, company, role, email, phone, tz, notes }: Record<string, unknown>) => ({ name, company, role, email, phone, tz, notes })),
    deals: dump.deals.map(({ id, prospect_id, title, value_minor, currency, stage, status }: Record<string, unknown>) => ({
      id, who: byId.get(prospect_id), title, value_minor, currency, stage, status,
    })),
    followups: dump.followups.map(({ deal_id, due_at, status }: Record<string, unknown>) => ({ deal_id, due_at, status })),
  };
}

const person = (name: string, company: string, more: Partial<Record<'role' | 'email' | 'phone' | 'tz' | 'notes', string>> = {}) => ({
  name, company, role: null, email: null, phone: null, tz: null, notes: null, ...more,
});
const deal = (id: number, who: string, title: string, value_minor: number | null = null, currency: string | null = null, stage: string | null = null) => ({
  id, who, title, value_minor, currency, stage, status: 'open',
});

describe('CRM exports', () => {
  it('HubSpot contacts, then HubSpot deals naming them as "Name (email)": no prospect twice', async () => {
    const contacts = await imported('hubspot-contacts.csv');
    expect(contacts.r.code).toBe(0);
    expect(contacts.r.stdout).toBe('Imported 2 deals for 2 new prospects from hubspot-contacts.csv\n');
    expect(contacts.r.stderr).toBe(
      [
        "warning: hubspot-contacts.csv: column 'Record ID' not imported (keep it with --map 'Record ID=notes')",
        "warning: hubspot-contacts.csv: column 'Lifecycle Stage' not imported (keep it with --map 'Lifecycle Stage=notes')",
        "warning: hubspot-contacts.csv: column 'Contact owner' not imported (keep it with --map 'Contact owner=notes')",
        "warning: hubspot-contacts.csv: column 'Create Date' not imported (keep it with --map 'Create Date=notes')",
        "hint: see them with 'salesctl list', and the follow-ups due with 'salesctl due'",
        '',
      ].join('\n'),
    );
    const deals = await imported('hubspot-deals.csv', { h: contacts.h });
    expect(deals.r.stdout).toBe('Imported 2 deals for 0 new prospects (and 2 existing prospects) from hubspot-deals.csv\n');
    expect(deals.prospects).toEqual([
      person('Budi Santoso', 'PT Maju', { role: 'Procurement Lead', email: 'budi@maju.co.id', phone: '+62 21 555 0101' }),
      person('Ana Lima', 'Acme Corp', { role: 'CFO', email: 'ana@acme.com', notes: 'also: Carlos Ruiz (carlos@acme.com)' }),
    ]);
    expect(deals.deals).toEqual([
      deal(1, 'Budi Santoso', 'PT Maju'),
      deal(2, 'Ana Lima', 'Acme Corp'),
      deal(3, 'Budi Santoso', 'Fleet renewal', 1250000, 'USD', 'Qualified To Buy'),
      deal(4, 'Ana Lima', 'Spare parts', 340050, 'USD', 'Appointment Scheduled'),
    ]);
  });

  it('HubSpot deals alone: the contact and their email come from "Name (email)"', async () => {
    const { prospects } = await imported('hubspot-deals.csv');
    expect(prospects).toEqual([
      person('Budi Santoso', 'PT Maju', { email: 'budi@maju.co.id' }),
      person('Ana Lima', 'Acme Corp', { email: 'ana@acme.com', notes: 'also: Carlos Ruiz (carlos@acme.com)' }),
    ]);
  });

  it('Pipedrive deals: currencies per row, next activity date, two emails in one cell', async () => {
    const { r, prospects, deals, followups } = await imported('pipedrive-deals.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Imported 2 deals for 2 new prospects, with 1 follow-up from pipedrive-deals.csv\n');
    expect(prospects).toEqual([
      person('Jürgen Groß', 'Nordlicht GmbH', { email: 'juergen@nordlicht.de', phone: '+49 30 1234567', notes: 'other email: j.gross@example.org' }),
      person('Ana Lima', 'Acme Corp', { email: 'ana@acme.com' }),
    ]);
    expect(deals).toEqual([
      deal(1, 'Jürgen Groß', 'Warehouse racks', 1500000, 'EUR', 'Proposal Made'),
      deal(2, 'Ana Lima', 'POS terminals', 499999, 'USD', 'Negotiations Started'),
    ]);
    expect(followups).toEqual([{ deal_id: 1, due_at: '2026-12-03T02:00:00.000Z', status: 'scheduled' }]);
  });

  it('Pipedrive persons', async () => {
    const { r, prospects, deals } = await imported('pipedrive-persons.csv');
    expect(r.code).toBe(0);
    expect(prospects).toEqual([
      person('Jürgen Groß', 'Nordlicht GmbH', { email: 'juergen@nordlicht.de', phone: '+49 30 1234567' }),
      person('Li Wei', 'Harbour Trading', { email: 'li.wei@harbour.example' }),
    ]);
    expect(deals).toEqual([deal(1, 'Jürgen Groß', 'Nordlicht GmbH'), deal(2, 'Li Wei', 'Harbour Trading')]);
  });

  it('Pipedrive organizations: refused with the fix, nothing written', async () => {
    const h = harness(NOW, ZONE);
    const before = snapshot(h.db);
    const r = await h.run(['import', file(fixture('pipedrive-organizations.csv'), 'orgs.csv')]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "salesctl: the file lists organisations but no people (no Name, Person - Name or First Name column): import the people export (Pipedrive: Persons), or map a column of people with --map 'Column=name'\n",
    });
    expect(snapshot(h.db)).toBe(before);
  });

  it('Salesforce opportunities report: Amount Currency, Title as the job title, the footer skipped and said', async () => {
    const { r, prospects, deals, followups } = await imported('salesforce-opportunities.csv');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'warning: salesforce-opportunities.csv: skipped 3 lines after the data (a report footer: totals, notices)',
      "warning: salesforce-opportunities.csv: 'Title' read as the person's job title (say --map 'Title=deal' if it is the deal)",
    ]);
    expect(prospects).toEqual([
      person('Marie Dubois', 'Bonjour SARL', { role: 'Directrice achats' }),
      person('Tom Baker', 'Baker & Sons', { role: 'Buyer' }),
    ]);
    expect(deals).toEqual([
      deal(1, 'Marie Dubois', 'Cafe machines', 850000, 'EUR', 'Prospecting'),
      deal(2, 'Tom Baker', 'Office chairs', 230000, 'GBP', 'Qualification'),
    ]);
    expect(followups).toEqual([]);
  });

  it('Salesforce contacts report', async () => {
    const { r, prospects } = await imported('salesforce-contacts.csv');
    expect(r.code).toBe(0);
    expect(prospects).toEqual([
      person('Marie Dubois', 'Bonjour SARL', { role: 'Directrice achats', email: 'marie@bonjour.fr', phone: '+33 1 23 45 67 89' }),
      person('Tom Baker', 'Baker & Sons', { role: 'Buyer', email: 'tom@bakerandsons.co.uk', phone: '+44 20 7946 0000' }),
    ]);
  });
});

describe('address books', () => {
  it('Google Contacts: email, phone and job title kept; the second email in notes; empty columns said in one line', async () => {
    const { r, prospects } = await imported('google-contacts.csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: google-contacts.csv: 13 empty columns not imported\n');
    expect(prospects).toEqual([
      person('Dewi Lestari', 'PT Sinar Jaya', {
        role: 'Finance Manager', email: 'dewi@sinarjaya.co.id', phone: '+62 812 3456 7890', notes: 'Met at the Jakarta expo\nE-mail 2 - Value: dewi.l@example.com',
      }),
      person('Kenji Sato', 'Sato Foods', { role: 'Owner', email: 'kenji@satofoods.example', phone: '+81 3 1234 5678' }),
    ]);
  });

  it('Outlook in Windows-1252: Title (Mr., Ms.) is not the deal, the mobile goes to notes or stands in for the phone', async () => {
    const { r, prospects, deals } = await imported('outlook-contacts.csv', { encoding: 'windows-1252' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "warning: outlook-contacts.csv: 'Title' is a courtesy title (Mr., Ms.) beside 'Job Title': not imported (keep it with --map 'Title=notes')\n",
    );
    expect(r.stderr).toContain('warning: outlook-contacts.csv: outlook-contacts.csv is not UTF-8: read as Windows-1252 (Excel and Outlook on Windows); say another with --encoding\n');
    expect(prospects).toEqual([
      person('François Müller', 'Société Générale Équipements', {
        role: 'Acheteur', email: 'francois.muller@sge.example', phone: '+33 1 40 00 00 00', notes: 'Prefers calls – mornings\nMobile Phone: +33 6 12 34 56 78',
      }),
      person('Zoë Ångström', 'Nordic Café AB', { role: 'Inköpschef', email: 'zoe@nordiccafe.example', phone: '+46 70 123 45 67' }),
    ]);
    expect(deals.map((d: { title: string }) => d.title)).toEqual(['Société Générale Équipements', 'Nordic Café AB']);
  });

  it('LinkedIn Connections.csv: the notes before the header skipped and said', async () => {
    const { r, prospects } = await imported('linkedin-connections.csv');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('warning: linkedin-connections.csv: skipped 2 lines of notes before the header row (line 4)');
    expect(prospects).toEqual([
      person('Rina Wijaya', 'PT Kopi Nusantara', { role: 'Head of Purchasing' }),
      person('Arjun Mehta', 'Mehta Textiles', { role: 'Founder', email: 'arjun@mehta.example' }),
    ]);
  });
});

describe('spreadsheets saved in four locales', () => {
  it('United States: $ read as USD (and said), month-first dates decided by the column', async () => {
    const { r, deals, followups } = await imported('spreadsheet-us.csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        "warning: spreadsheet-us.csv: '$' read as USD (the default): say another with --currency",
        "warning: spreadsheet-us.csv: column 'Next Follow-up' read month-first: line 2 has '12/15/2026'",
        "hint: see them with 'salesctl list', and the follow-ups due with 'salesctl due'",
        '',
      ].join('\n'),
    );
    expect(deals).toEqual([deal(1, 'John Carter', 'Truck leasing', 1250000, 'USD'), deal(2, 'Emily Stone', 'Ovens', 349999, 'USD')]);
    expect(followups).toEqual([
      { deal_id: 1, due_at: '2026-12-15T02:00:00.000Z', status: 'scheduled' },
      { deal_id: 2, due_at: '2026-12-03T07:30:00.000Z', status: 'scheduled' },
    ]);
  });

  it('Germany, Windows-1252: 1.500,50 €, 12.000, dotted day-first dates, rows of only separators skipped', async () => {
    const { r, prospects, deals, followups } = await imported('spreadsheet-de.csv', { encoding: 'windows-1252' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: spreadsheet-de.csv: skipped 2 empty rows (only separators)\n');
    expect(prospects).toEqual([
      person('Jürgen Groß', 'Nordlicht GmbH', { email: 'juergen@nordlicht.de', notes: 'Angebot geschickt – wartet auf Freigabe' }),
      person('Anke Schäfer', 'Bäckerei Schäfer', { email: 'anke@baeckerei.example' }),
    ]);
    expect(deals).toEqual([deal(1, 'Jürgen Groß', 'Nordlicht GmbH', 150050, 'EUR'), deal(2, 'Anke Schäfer', 'Bäckerei Schäfer', 1200000, 'EUR')]);
    expect(followups).toEqual([
      { deal_id: 1, due_at: '2026-12-03T02:00:00.000Z', status: 'scheduled' },
      { deal_id: 2, due_at: '2026-12-15T07:30:00.000Z', status: 'scheduled' },
    ]);
  });

  it('France, UTF-8 with BOM: 8 500,00 € with no-break spaces, day-first dates decided by 25/12', async () => {
    const { r, deals, followups } = await imported('spreadsheet-fr.csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: spreadsheet-fr.csv: column 'Prochaine relance' read day-first: line 3 has '25/12/2026'\n");
    expect(deals).toEqual([deal(1, 'Marie Dubois', 'Bonjour SARL', 850000, 'EUR'), deal(2, 'Luc Martin', 'Atelier Martin', 125000, 'EUR')]);
    expect(followups).toEqual([
      { deal_id: 1, due_at: '2026-12-03T02:00:00.000Z', status: 'scheduled' },
      { deal_id: 2, due_at: '2026-12-25T02:00:00.000Z', status: 'scheduled' },
    ]);
  });

  it('Indonesia: dates that never say their order are refused naming --date-order; with it, imported', async () => {
    const h = harness(NOW, ZONE);
    const before = snapshot(h.db);
    const refused = await h.run(['import', file(fixture('spreadsheet-id.csv'), 'spreadsheet-id.csv')]);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "salesctl: spreadsheet-id.csv, column 'Tindak Lanjut': dates such as '05/12/2026' (line 2) could be day-first or month-first and no date in the column says which: say --date-order dmy|mdy; nothing was imported\n",
    });
    expect(snapshot(h.db)).toBe(before);
    const { r, prospects, deals, followups } = await imported('spreadsheet-id.csv', { h, args: ['--date-order', 'dmy'] });
    expect(r.code).toBe(0);
    expect(prospects).toEqual([
      person('Budi Santoso', 'PT Maju', { email: 'budi@maju.co.id', phone: '0812-3456-7890' }),
      person('Siti Rahma', 'CV Berkah', { email: 'siti@berkah.example' }),
    ]);
    expect(deals).toEqual([deal(1, 'Budi Santoso', 'PT Maju', 15000000, 'IDR'), deal(2, 'Siti Rahma', 'CV Berkah', 7500000, 'IDR')]);
    expect(followups).toEqual([
      { deal_id: 1, due_at: '2026-12-05T02:00:00.000Z', status: 'scheduled' },
      { deal_id: 2, due_at: '2026-12-04T02:00:00.000Z', status: 'scheduled' },
    ]);
  });
});
