// list, show, log, close and forecast run as a user would: the built binary on a temporary database.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCli, type Cli } from './helpers.js';

let cli: Cli;

beforeAll(() => {
  cli = tempCli('2026-11-22T08:00:00Z', 'Asia/Jakarta');
  for (const argv of [
    ['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal', '--value', '15000', '--currency', 'USD', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00'],
    ['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Spare parts', '--value', '500', '--currency', 'USD'],
    ['add', 'Ana Lima', '--company', 'Acme', '--value', '1200.50', '--currency', 'EUR'],
  ]) expect(cli.run(argv).code).toBe(0);
  // Commitments are written directly so these tests do not depend on `commit`.
  const db = new Database(cli.dbPath);
  db.prepare(
    `INSERT INTO commitments (deal_id, kind, promised_at, status, created_at) VALUES
      (1, 'firm', '2026-12-01T03:00:00.000Z', 'pending', '2026-11-20T00:00:00.000Z'),
      (3, 'low', NULL, 'pending', '2026-11-20T00:00:00.000Z')`,
  ).run();
  db.close();
});
afterAll(() => cli.cleanup());

const deals = () => cli.run(['list', '--status', 'all', '--json']).stdout;

describe('salesctl list / show / log / close / forecast (built binary)', () => {
  it('list: TSV in a pipe, JSON, and exit 2 for a bad status', () => {
    const piped = cli.run(['list']);
    expect(piped.code).toBe(0);
    expect(piped.stdout.split('\n')[0]).toBe('1\tBudi Santoso\tPT Maju\tFleet renewal\t15,000.00 USD\topen\t\tfirm');
    expect(JSON.parse(cli.run(['list', '--search', 'ACME', '--json']).stdout).map((d: { id: number }) => d.id)).toEqual([3]);
    const bad = cli.run(['list', '--status', 'closed']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe("salesctl: unknown status 'closed' for --status: use open, won, lost, not-now or all (comma-separated for several)\n");
  });

  it('show: JSON for one deal; an unknown deal and an ambiguous name exit 3', () => {
    const shown = JSON.parse(cli.run(['show', 'fleet', '--json']).stdout);
    expect(shown).toMatchObject({ id: 1, prospect: { name: 'Budi Santoso', reliability: { kept: 0, broken: 0, pending: 1 } } });
    expect(cli.run(['show', '99'])).toMatchObject({ code: 3, stdout: '' });
    const ambiguous = cli.run(['show', 'budi']);
    expect(ambiguous.code).toBe(3);
    expect(ambiguous.stderr).toBe(
      "salesctl: 'budi' matches 2 deals: give the deal id\n  #1 Budi Santoso (PT Maju) — Fleet renewal [open]\n  #2 Budi Santoso (PT Maju) — Spare parts [open]\n",
    );
  });

  it('log: a journal line on the timeline; an empty one exits 2', () => {
    const logged = JSON.parse(cli.run(['log', 'acme', 'sent', 'the price list', '--tag', 'pricing', '--json']).stdout);
    expect(logged).toEqual({ id: 1, deal_id: 3, at: '2026-11-22T15:00:00+07:00', text: 'sent the price list', tags: ['pricing'] });
    expect(JSON.parse(cli.run(['show', '3', '--json']).stdout).timeline.at(-1)).toEqual({
      at: '2026-11-22T15:00:00+07:00', kind: 'journal', summary: 'sent the price list', tags: ['pricing'],
    });
    expect(cli.run(['log', '3', ' '])).toMatchObject({ code: 2, stdout: '' });
  });

  it('forecast: only the pending firm commitment counts', () => {
    expect(JSON.parse(cli.run(['forecast', '--json']).stdout)).toEqual([
      { currency: 'USD', total: 15000, deals: [{ deal_id: 1, prospect: 'Budi Santoso', company: 'PT Maju', title: 'Fleet renewal', value: 15000, promised_at: '2026-12-01T10:00:00+07:00', kept_by_firm: null }] },
    ]);
    expect(cli.run(['forecast', '--csv']).stdout).toBe(
      'currency,deal_id,prospect,company,title,value,promised_at\nUSD,1,Budi Santoso,PT Maju,Fleet renewal,15000.00,2026-12-01T10:00:00+07:00\n',
    );
  });

  it('close not-now: refused without --revisit (no terminal) or with a past date, and nothing changes', () => {
    const before = deals();
    const missing = cli.run(['close', '1', 'not-now']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^salesctl: closing as not-now needs --revisit <when>/);
    const past = cli.run(['close', '1', 'not-now', '--revisit', '2026-01-05']);
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/is not in the future/);
    expect(deals()).toBe(before);
  });

  it('close not-now schedules the nurture follow-up in the prospect\'s best time; closing again exits 2', () => {
    const closed = JSON.parse(cli.run(['close', '1', 'not-now', '--revisit', '2027-03-01', '--json']).stdout);
    expect(closed.status).toBe('not-now');
    expect(closed.revisit_followup).toMatchObject({ due_at: '2027-03-01T10:00:00+07:00', purpose: 'nurture', agreed: true, channel: 'call' });
    expect(JSON.parse(cli.run(['forecast', '--json']).stdout)).toEqual([]);
    const again = cli.run(['close', '1', 'won']);
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toBe('salesctl: deal #1 is not-now: it is already closed, and only open deals can be closed; if the answer is now yes, reopen it first (salesctl reopen 1): its history stays\n');
  });

  it('close lost hints at the post-mortem; close won congratulates', () => {
    const lost = cli.run(['close', '3', 'lost', '--reason', 'price']);
    expect(lost.code).toBe(0);
    expect(lost.stderr).toBe('hint: write the post-mortem while it is fresh: salesctl postmortem 3\n');
    const won = cli.run(['close', 'spare', 'won']);
    expect(won.stdout).toBe('Won #2 Spare parts — Budi Santoso (PT Maju) (500.00 USD). Congratulations on the sale! No scheduled follow-ups to cancel.\n');
    expect(JSON.parse(cli.run(['list', '--status', 'won,lost', '--json']).stdout).map((d: { id: number; status: string }) => [d.id, d.status])).toEqual([
      [2, 'won'],
      [3, 'lost'],
    ]);
  });
});
