// Typed dates follow --date-order, else SALESCTL_DATE_ORDER, else the locale; an ambiguous one is refused.
// And add --value reads what import reads.
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELD_LIST } from '../../src/cli.js';
import { IMPORT_FIELDS } from '../../src/core/importMapping.js';
import { harness, snapshot } from '../helpers.js';

const NOW = '2026-11-23T08:30:00+07:00';
const ZONE = 'Asia/Jakarta';

async function withDeal() {
  const h = harness(NOW, ZONE);
  await h.run(['add', 'Budi', '--company', 'PT Maju']);
  return h;
}

describe('followup --at 5/12', () => {
  it.each([
    [[], {}, null],
    [['--date-order', 'dmy'], {}, 'Sat 5 Dec 2026 09:00'],
    [['--date-order', 'mdy'], { LANG: 'id_ID.UTF-8' }, 'Wed 12 May 2027 09:00'],
    [[], { SALESCTL_DATE_ORDER: 'dmy', LANG: 'en_US.UTF-8' }, 'Sat 5 Dec 2026 09:00'],
    [[], { LANG: 'en_US.UTF-8' }, 'Wed 12 May 2027 09:00'],
    [[], { LC_ALL: 'id_ID.UTF-8', LANG: 'en_US.UTF-8' }, 'Sat 5 Dec 2026 09:00'],
    [[], { LANG: 'C.UTF-8' }, null],
  ] as Array<[string[], Record<string, string>, string | null]>)('%j with %j → %s', async (flags, env, shown) => {
    const h = await withDeal();
    const before = snapshot(h.db);
    const r = await h.run(['followup', '1', '--at', '5/12', ...flags], { env });
    if (shown === null) {
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: "salesctl: the date '5/12' could be 5 Dec or 12 May for --at: say which with --date-order dmy|mdy (or SALESCTL_DATE_ORDER), or write it as YYYY-MM-DD\n",
      });
      expect(snapshot(h.db)).toBe(before);
    } else {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`Scheduled follow-up #1: call Budi (PT Maju) on ${shown}\n`);
    }
  });

  it('reads a dotted date day-first whatever the order, and --date-order before the command too', async () => {
    const h = await withDeal();
    expect((await h.run(['followup', '1', '--at', '05.12.2026'], { env: { LANG: 'en_US.UTF-8' } })).stdout).toBe(
      'Scheduled follow-up #1: call Budi (PT Maju) on Sat 5 Dec 2026 09:00\n',
    );
    expect((await h.run(['--date-order', 'dmy', 'followup', '1', '--at', '6/12 10.30'])).stdout).toBe(
      'Scheduled follow-up #2: call Budi (PT Maju) on Sun 6 Dec 2026 10:30\n',
    );
  });

  it('followup done --at (when the contact happened) follows --date-order too', async () => {
    const h = await withDeal();
    await h.run(['followup', '1', '--at', '2026-11-20 10:00']);
    await h.run(['followup', '1', '--at', '2026-11-20 11:00']);
    const r = await h.run(['--date-order', 'dmy', 'followup', 'done', '1', '--outcome', 'reached', '--at', '2/11/2026 16:00']);
    expect(r.code).toBe(0);
    expect(h.db.prepare('SELECT contact_at FROM followups WHERE id = 1').pluck().get()).toBe('2026-11-02T09:00:00.000Z');
    const ambiguous = await h.run(['followup', 'done', '2', '--outcome', 'reached', '--at', '2/11/2026'], { env: { LANG: 'C.UTF-8' } });
    expect(ambiguous.stderr).toBe(
      "salesctl: the date '2/11/2026' could be 2 Nov or 11 Feb for --at: say which with --date-order dmy|mdy (or SALESCTL_DATE_ORDER), or write it as YYYY-MM-DD\n",
    );
  });

  it('refuses an unknown order', async () => {
    const h = await withDeal();
    expect(await h.run(['followup', '1', '--at', 'tomorrow', '--date-order', 'ymd'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "salesctl: unknown date order 'ymd' for --date-order: use dmy (3/12 is 3 December) or mdy (3/12 is 12 March)\n",
    });
  });

  it.each([
    ['tonight', 'Mon 23 Nov 2026 19:00'],
    ['tomorrow evening', 'Tue 24 Nov 2026 19:00'],
    ['this afternoon', 'Mon 23 Nov 2026 14:00'],
    ['eod', 'Mon 23 Nov 2026 17:00'],
    ['end of week', 'Fri 27 Nov 2026 17:00'],
    ['next business day', 'Tue 24 Nov 2026 09:00'],
    ['10.30', 'Mon 23 Nov 2026 10:30'],
  ])('--at %j → %s', async (phrase, shown) => {
    const h = await withDeal();
    expect((await h.run(['followup', '1', '--at', phrase])).stdout).toBe(`Scheduled follow-up #1: call Budi (PT Maju) on ${shown}\n`);
  });
});

describe('add --value', () => {
  it.each([
    [['--value', '$3,500'], '3,500.00 USD', "warning: '$' read as USD (the default): say another with --currency\n"],
    [['--value', '8.500,00'], '8,500.00 USD', ''],
    [['--value', '1.500,50 €'], '1,500.50 EUR', ''],
    [['--value', 'EUR 1.500,50'], '1,500.50 EUR', ''],
    [['--value', 'Rp 15.000.000'], '15,000,000 IDR', ''],
    [['--value', '£2,300', '--currency', 'GBP'], '2,300.00 GBP', ''],
  ])('%j → %s', async (flags, shown, stderr) => {
    const h = harness(NOW, ZONE);
    const r = await h.run(['add', 'Budi', '--company', 'PT Maju', ...flags]);
    expect(r.stdout.split('\n')[0]).toBe(`Added deal #1 PT Maju for Budi (PT Maju) · ${shown}`);
    expect(r.stderr.startsWith(stderr)).toBe(true);
  });

  it.each([
    [['--value', '€100', '--currency', 'USD'], "salesctl: cannot read the amount '€100' for --value: '€' is EUR but --currency says USD\n"],
    [['--value', '¥5000'], "salesctl: cannot read the amount '¥5000' for --value: '¥' could be JPY, CNY: say which with --currency (or SALESCTL_CURRENCY)\n"],
    [['--value', '8.500'], "salesctl: cannot read the amount '8.500' for --value: it could be 8500 or 8.5: write 8500 (no separator) or 8.50\n"],
  ])('refuses %j', async (flags, stderr) => {
    const h = harness(NOW, ZONE);
    const before = snapshot(h.db);
    expect(await h.run(['add', 'Budi', ...flags])).toEqual({ code: 2, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });
});

it('import --help lists the fields --map takes', async () => {
  expect(IMPORT_FIELD_LIST).toBe(IMPORT_FIELDS.join(', '));
  const r = await harness(NOW, ZONE).run(['import', '--help']);
  expect(r.stdout).toContain(`Fields for --map 'Column=field': ${IMPORT_FIELDS.join(', ')}\n`);
});
