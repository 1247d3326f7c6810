// The follow-ups' CSV export reads pages of joined text (db/exportFollowupRows.ts); whatever the values hold,
// its bytes must be the ones the ordinary row-by-row export (`openExport` + `csvLines`) makes.
import { describe, expect, it, vi } from 'vitest';
import { dealNamesByText, followupCsvPages, followupCsvRange } from '../../src/db/exportFollowupRows.js';
import { EXPORTS, openExport } from '../../src/db/exportQueries.js';
import { csvDealNames, csvLines } from '../../src/render/exportCells.js';
import { csvHeader } from '../../src/render/csv.js';
import { followupCsvPage } from '../../src/render/exportFollowupsCsv.js';
import { harness, type Harness } from '../helpers.js';

const ZONE = 'America/New_York';

/** The ordinary export's bytes, row by row. */
function ordinary(h: Harness): string {
  const { rows, names, columns } = openExport(h.db, 'followups', 'csv', csvDealNames);
  const line = csvLines(columns, ZONE, names);
  let text = csvHeader(EXPORTS.followups.columns.map((column) => column.name));
  for (const row of rows) text += line(row);
  return text;
}

/** The paged export's bytes, and the spy on its reads of a page again the ordinary way. */
function paged(h: Harness) {
  const reread = vi.fn(followupCsvRange(h.db));
  const lines = followupCsvPage(EXPORTS.followups.csv!.columns, ZONE, dealNamesByText(h.db, csvDealNames), reread);
  let text = csvHeader(EXPORTS.followups.columns.map((column) => column.name));
  for (const page of followupCsvPages(h.db)) text += lines(page).join('');
  return { text, reread };
}

const HOSTILE: [string, string | null, string | null, string | null][] = [
  // [due_at, outcome, notes, completed_at]
  ['2026-03-08T06:59:59.999Z', 'a\x1fb', 'unit separator in the outcome', null],
  ['2026-03-08T07:00:00.000Z', null, 'record\x1eseparator', '2026-11-01T05:30:00.000Z'],
  ['2026-11-01T06:00:00.000Z', '', '\x1f', '2026-11-01T06:00:00.000Z'],
  ['2026-11-23T03:00:00Z', '=SUM(A1)', 'called, "left" a\r\nvoicemail', null],
  ['2026-11-23T03:00:00.000Z', '-5', '+62 811 🙂 Müller', '2026-11-23T04:00:00.000Z'],
  ['2026-11-23T03:00:00.000Z', '@x', '\tTAB', '2026-11-23T04:00:00.000Z'],
];

async function book(extra: (h: Harness) => void): Promise<Harness> {
  const h = harness('2026-11-22T08:00:00Z', ZONE);
  for (const argv of [
    ['add', 'Budi Santoso', '--company', 'PT Maju, Tbk', '--deal', 'Fleet "XL" renewal'],
    ['add', '=HYPERLINK("http://x")', '--company', '-5', '--deal', '@SUM(A1)'],
  ]) {
    const r = await h.run(argv);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const insert = h.db.prepare(
    'INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, outcome, notes, created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const channels = ['call', 'email', 'sms', 'chat', 'meeting', 'visit'];
  const purposes = ['follow-up', 'closure', 'truth', 'feedback', 'nurture'];
  const statuses = ['scheduled', 'done', 'missed', 'cancelled'];
  // Three pages of ordinary rows (512 a page), across both changes of offset of 2026.
  for (let i = 0; i < 1300; i++) {
    const due = new Date(Date.UTC(2026, 0, 1) + i * 7 * 3_600_000 + i * 61_001).toISOString();
    const created = new Date(Date.parse(due) - 86_400_000).toISOString();
    insert.run((i % 2) + 1, due, channels[i % 6], purposes[i % 5], i % 3 === 0 ? 1 : 0, statuses[i % 4], i % 7 ? 'reached' : null, i % 11 ? null : 'ok', created, i % 4 === 1 ? due : null);
  }
  extra(h);
  return h;
}

describe('export followups as CSV, read page after page of joined text', () => {
  it('writes the bytes of the ordinary export for ordinary rows, without reading any page again', async () => {
    const h = await book(() => {});
    const { text, reread } = paged(h);
    const expected = ordinary(h);
    expect(expected.split('\r\n')).toHaveLength(1302);
    expect(expected).toContain('-05:00'); // winter ...
    expect(expected).toContain('-04:00'); // ... and summer
    expect(text).toBe(expected);
    expect(reread).not.toHaveBeenCalled();
    expect((await h.run(['export', 'followups'])).stdout).toBe(expected);
  });

  it.each(HOSTILE.map((row, i) => [i, row] as const))('writes the same bytes with hostile row %i in the middle page', async (_, row) => {
    const h = await book((h) => {
      h.db.prepare('UPDATE followups SET due_at = ?, outcome = ?, notes = ?, completed_at = ? WHERE id = 700').run(...row);
    });
    const { text, reread } = paged(h);
    expect(text).toBe(ordinary(h));
    // Only a page whose values hold a separator is read again the ordinary way.
    const separators = /[\x1e\x1f]/.test(row.join(''));
    expect(reread.mock.calls).toEqual(separators ? [[512, 1024]] : []);
    expect((await h.run(['export', 'followups'])).stdout).toBe(text);
  });

  it('writes the same bytes for a follow-up of a deal that is gone (names left empty)', async () => {
    const h = await book((h) => {
      h.db.pragma('foreign_keys = OFF');
      h.db.prepare('UPDATE followups SET deal_id = 99 WHERE id = 3').run();
      h.db.pragma('foreign_keys = ON');
    });
    const out = (await h.run(['export', 'followups'])).stdout;
    expect(out.split('\r\n')[3]).toMatch(/^3,99,,,,/);
    expect(out).toBe(ordinary(h));
  });

  it('writes the same bytes when a name holds a separator (its page of deals read the ordinary way)', async () => {
    const h = await book((h) => {
      h.db.prepare("UPDATE prospects SET name = 'Rina\x1fSari', company = 'A\x1eB' WHERE id = 2").run();
    });
    const names = dealNamesByText(h.db, csvDealNames);
    expect([...names]).toEqual([['1', 'Budi Santoso,"PT Maju, Tbk","Fleet ""XL"" renewal"'], ['2', "Rina\x1fSari,A\x1eB,'@SUM(A1)"]]);
    const out = (await h.run(['export', 'followups'])).stdout;
    expect(out).toContain('2,2,Rina\x1fSari,A\x1eB,');
    expect(out).toBe(ordinary(h));
  });
});
