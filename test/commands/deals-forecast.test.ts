import { describe, expect, it } from 'vitest';
import { harness } from '../helpers.js';
import { book, commitment, NOW, ZONE } from './deals-fixture.js';

/** The book plus: #5 Dewi (2,000.25 USD, firm), #6 Eko (firm then a later low: kept, the firm one is still pending), #7 Fajar (firm, no value). */
async function forecastBook() {
  const h = await book();
  for (const argv of [
    ['Dewi', '--value', '2000.25', '--currency', 'usd'],
    ['Eko', '--value', '999', '--currency', 'USD'],
    ['Fajar'],
  ]) expect((await h.run(['add', ...argv])).code).toBe(0);
  commitment(h.db, 5, 'firm', 'pending', '2026-11-21T02:00:00.000Z', '2026-11-28T03:00:00.000Z');
  commitment(h.db, 6, 'firm', 'pending', '2026-11-18T02:00:00.000Z', '2026-11-26T03:00:00.000Z');
  commitment(h.db, 6, 'low', 'pending', '2026-11-21T02:00:00.000Z');
  commitment(h.db, 7, 'firm', 'pending', '2026-11-21T02:00:00.000Z', '2026-12-05T03:00:00.000Z');
  // Same created_at: the higher id is the latest, so #2 becomes delegate pipeline.
  commitment(h.db, 2, 'delegate', 'pending', '2026-11-20T02:00:00.000Z');
  return h;
}

describe('salesctl forecast', () => {
  it('on a terminal: totals per currency, the deals behind them, then the pipeline', async () => {
    const h = await forecastBook();
    const r = await h.run(['forecast'], { tty: true, width: 100 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Forecast (open deals with a pending firm commitment)
Currency  Total          Deals
USD       17,999.25 USD  3

Currency  Id  Prospect      Company  Deal           Value          Promised
USD       6   Eko                    Eko            999.00 USD     Thu 26 Nov 10:00
USD       5   Dewi                   Dewi           2,000.25 USD   Sat 28 Nov 10:00
USD       1   Budi Santoso  PT Maju  Fleet renewal  15,000.00 USD  Tue 1 Dec 10:00

Kept (a firm commitment still pending under a later, weaker one)
Id  Prospect  Firm        Latest
6   Eko       #5 pending  low

Firm but without a value (not in the totals: set a value)
Id  Prospect  Company  Deal   Promised
7   Fajar              Fajar  Sat 5 Dec 10:00

Pipeline (low and delegate commitments: not counted)
Id  Prospect  Company  Deal  Value         Commitment  Promised
2   Ana Lima  Acme     Acme  1,200.50 EUR  delegate    —
`);
    // 80 columns: the deal title is cut to fit.
    const narrow = (await h.run(['forecast'], { tty: true, width: 80 })).stdout.split('\n');
    expect(narrow[7]).toBe('USD       1   Budi Santoso  PT Maju  Fleet ren…  15,000.00 USD  Tue 1 Dec 10:00');
  });

  it('in a pipe: one row per counted deal', async () => {
    const h = await forecastBook();
    expect((await h.run(['forecast'])).stdout).toBe(
      'USD\t6\tEko\t\tEko\t999.00 USD\t2026-11-26T10:00:00+07:00\n' +
        'USD\t5\tDewi\t\tDewi\t2,000.25 USD\t2026-11-28T10:00:00+07:00\n' +
        'USD\t1\tBudi Santoso\tPT Maju\tFleet renewal\t15,000.00 USD\t2026-12-01T10:00:00+07:00\n',
    );
  });

  it('--json: per currency, the total in major units and the deals', async () => {
    const h = await forecastBook();
    h.db.prepare("UPDATE deals SET value_minor = 10, currency = 'EUR' WHERE id = 3").run();
    commitment(h.db, 3, 'firm', 'pending', '2026-11-21T02:00:00.000Z');
    expect(JSON.parse((await h.run(['forecast', '--json'])).stdout)).toEqual([
      { currency: 'EUR', total: 0.1, deals: [{ deal_id: 3, prospect: 'Carl', company: null, title: 'Carl', value: 0.1, promised_at: null, kept_by_firm: null }] },
      {
        currency: 'USD',
        total: 17999.25,
        deals: [
          { deal_id: 6, prospect: 'Eko', company: null, title: 'Eko', value: 999, promised_at: '2026-11-26T10:00:00+07:00', kept_by_firm: 5 },
          { deal_id: 5, prospect: 'Dewi', company: null, title: 'Dewi', value: 2000.25, promised_at: '2026-11-28T10:00:00+07:00', kept_by_firm: null },
          { deal_id: 1, prospect: 'Budi Santoso', company: 'PT Maju', title: 'Fleet renewal', value: 15000, promised_at: '2026-12-01T10:00:00+07:00', kept_by_firm: null },
        ],
      },
    ]);
  });

  it('--csv: one row per counted deal with exact values', async () => {
    const h = await forecastBook();
    expect((await h.run(['forecast', '--csv'])).stdout).toBe(
      'currency,deal_id,prospect,company,title,value,promised_at\n' +
        'USD,6,Eko,,Eko,999.00,2026-11-26T10:00:00+07:00\n' +
        'USD,5,Dewi,,Dewi,2000.25,2026-11-28T10:00:00+07:00\n' +
        'USD,1,Budi Santoso,PT Maju,Fleet renewal,15000.00,2026-12-01T10:00:00+07:00\n',
    );
  });

  it('adds minor units exactly (0.10 + 0.20 is 0.30)', async () => {
    const h = harness(NOW, ZONE);
    for (const value of ['0.10', '0.20']) await h.run(['add', `P${value}`, '--value', value, '--currency', 'USD']);
    commitment(h.db, 1, 'firm', 'pending', '2026-11-21T02:00:00.000Z');
    commitment(h.db, 2, 'firm', 'pending', '2026-11-21T02:00:00.000Z');
    expect(JSON.parse((await h.run(['forecast', '--json'])).stdout)[0].total).toBe(0.3);
  });

  it('a closed deal and a kept or broken latest commitment do not count', async () => {
    const h = await book();
    await h.run(['close', '1', 'won']);
    commitment(h.db, 2, 'firm', 'broken', '2026-11-21T02:00:00.000Z');
    expect(await h.run(['forecast', '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    expect((await h.run(['forecast'], { tty: true })).stdout).toBe('No firm commitments on open deals: nothing to forecast.\n');
    expect((await h.run(['forecast'])).stdout).toBe('');
  });
});
