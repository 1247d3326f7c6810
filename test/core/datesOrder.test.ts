// Numeric dates in the user's order, the phrases salespeople write, and the column rule of an import.
import { describe, expect, it } from 'vitest';
import { columnDateOrder, decideDateOrder, parseWhen, readNumericDate, type DateOrder } from '../../src/core/dates.js';
import { isoInZone } from '../../src/core/time.js';

const NOW = '2026-12-01T08:00:00+07:00'; // a Tuesday, 08:00 in Jakarta
const ZONE = 'Asia/Jakarta';

async function read(text: string, order?: DateOrder): Promise<string> {
  try {
    const when = await parseWhen(text, { now: new Date(NOW), zone: ZONE, flag: '--at', order });
    return `${isoInZone(when.at, ZONE)} ${when.hadTime ? 'time' : 'date'}`;
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
}

describe('numeric dates', () => {
  it.each([
    ['03.12.2026', undefined, '2026-12-03T09:00:00+07:00 date'],
    ['03.12.2026', 'mdy', '2026-12-03T09:00:00+07:00 date'],
    ['3.12.', undefined, '2026-12-03T09:00:00+07:00 date'],
    ['03.12.26 14:30', undefined, '2026-12-03T14:30:00+07:00 time'],
    ['13.12.2026', undefined, '2026-12-13T09:00:00+07:00 date'],
    ['5/12', 'dmy', '2026-12-05T09:00:00+07:00 date'],
    ['5/12', 'mdy', '2027-05-12T09:00:00+07:00 date'],
    ['25/12/2026', undefined, '2026-12-25T09:00:00+07:00 date'],
    ['12/25/2026', undefined, '2026-12-25T09:00:00+07:00 date'],
    ['12/3/2026 2:30 PM', 'mdy', '2026-12-03T14:30:00+07:00 time'],
    ['2026/12/03', undefined, '2026-12-03T09:00:00+07:00 date'],
    ['03-12-2026', 'dmy', '2026-12-03T09:00:00+07:00 date'],
    ['1/1/2027', undefined, '2027-01-01T09:00:00+07:00 date'],
    ['5/12', undefined, "refused: the date '5/12' could be 5 Dec or 12 May for --at: say which with --date-order dmy|mdy (or SALESCTL_DATE_ORDER), or write it as YYYY-MM-DD"],
    ['25/12/2026', 'mdy', "refused: the date '25/12/2026' has no month 25 for --at: it reads month/day (--date-order mdy); write it as YYYY-MM-DD"],
    ['31.02.2026', undefined, "refused: cannot read the date '31.02.2026' for --at: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w"],
    ['03.12.2026 25:00', undefined, "refused: cannot read the date '03.12.2026 25:00' for --at: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w"],
    ['friday 5/12', 'dmy', "refused: cannot read the date 'friday 5/12' for --at: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w"],
  ] as Array<[string, DateOrder | undefined, string]>)('%s (%s) → %s', async (text, order, expected) => {
    expect(await read(text, order)).toBe(expected);
  });

  it('leaves 10.30 to the time parser', () => {
    expect(readNumericDate('10.30', 'dmy', '2026-12-01')).toBeUndefined();
  });
});

describe('phrases', () => {
  it.each([
    ['tonight', '2026-12-01T19:00:00+07:00 time'],
    ['this evening', '2026-12-01T19:00:00+07:00 time'],
    ['this afternoon', '2026-12-01T14:00:00+07:00 time'],
    ['tomorrow evening', '2026-12-02T19:00:00+07:00 time'],
    ['tomorrow afternoon', '2026-12-02T14:00:00+07:00 time'],
    ['tomorrow morning', '2026-12-02T09:00:00+07:00 time'],
    ['this morning', '2026-12-01T09:00:00+07:00 time'],
    ['today evening', '2026-12-01T19:00:00+07:00 time'],
    ['friday night', '2026-12-04T19:00:00+07:00 time'],
    ['eod', '2026-12-01T17:00:00+07:00 time'],
    ['EOD', '2026-12-01T17:00:00+07:00 time'],
    ['by end of day', '2026-12-01T17:00:00+07:00 time'],
    ['end of the day', '2026-12-01T17:00:00+07:00 time'],
    ['end of week', '2026-12-04T17:00:00+07:00 time'],
    ['next business day', '2026-12-02T09:00:00+07:00 date'],
    ['10.30', '2026-12-01T10:30:00+07:00 time'],
    ['at 10.30', '2026-12-01T10:30:00+07:00 time'],
    ['tomorrow 10.30', '2026-12-02T10:30:00+07:00 time'],
    ['friday 16.45', '2026-12-04T16:45:00+07:00 time'],
    ['7.15', '2026-12-02T07:15:00+07:00 time'],
    ['tomorrow 10am', '2026-12-02T10:00:00+07:00 time'],
    ['next tuesday', '2026-12-08T09:00:00+07:00 date'],
  ])('%s → %s', async (text, expected) => {
    expect(await read(text)).toBe(expected);
  });

  it.each(['evening', 'morning', 'next week', 'this weekend', 'next month', 'soon', 'later', 'whenever', '25.30', '1.5', 'the 5th or 6th'])('refuses %j, never 09:00', async (text) => {
    expect(await read(text)).toMatch(/^refused: cannot read the date/);
  });

  it('skips the weekend for the next business day', async () => {
    const friday = await parseWhen('next business day', { now: new Date('2026-12-04T10:00:00+07:00'), zone: ZONE });
    expect(isoInZone(friday.at, ZONE)).toBe('2026-12-07T09:00:00+07:00');
    const saturday = await parseWhen('end of week', { now: new Date('2026-12-05T10:00:00+07:00'), zone: ZONE });
    expect(isoInZone(saturday.at, ZONE)).toBe('2026-12-11T17:00:00+07:00');
  });
});

describe('decideDateOrder', () => {
  it.each([
    [undefined, {}, {}],
    ['dmy', { SALESCTL_DATE_ORDER: 'mdy', LANG: 'en_US.UTF-8' }, { order: 'dmy', from: 'flag' }],
    [undefined, { SALESCTL_DATE_ORDER: 'MDY', LANG: 'id_ID.UTF-8' }, { order: 'mdy', from: 'env' }],
    [undefined, { LANG: 'en_US.UTF-8' }, { order: 'mdy', from: 'locale' }],
    [undefined, { LANG: 'en_PH.UTF-8' }, { order: 'mdy', from: 'locale' }],
    [undefined, { LANG: 'en_GB.UTF-8' }, { order: 'dmy', from: 'locale' }],
    [undefined, { LANG: 'id_ID.UTF-8' }, { order: 'dmy', from: 'locale' }],
    [undefined, { LANG: 'de_DE.UTF-8' }, { order: 'dmy', from: 'locale' }],
    [undefined, { LANG: 'en_US.UTF-8', LC_TIME: 'fr_FR.UTF-8' }, { order: 'dmy', from: 'locale' }],
    [undefined, { LC_ALL: 'en_US.UTF-8', LC_TIME: 'fr_FR.UTF-8' }, { order: 'mdy', from: 'locale' }],
    [undefined, { LANG: 'C.UTF-8' }, {}],
    [undefined, { LANG: 'POSIX' }, {}],
    [undefined, { LANG: 'ja_JP.UTF-8' }, {}],
    [undefined, { LANG: 'en_CA.UTF-8' }, {}],
  ])('--date-order %s with %j → %j', (flag, env, expected) => {
    expect(decideDateOrder(flag, env)).toEqual(expected);
  });

  it('refuses an unknown order', () => {
    expect(() => decideDateOrder('ymd', {})).toThrow("unknown date order 'ymd' for --date-order: use dmy (3/12 is 3 December) or mdy (3/12 is 12 March)");
    expect(() => decideDateOrder(undefined, { SALESCTL_DATE_ORDER: 'x' })).toThrow(/for SALESCTL_DATE_ORDER/);
  });
});

describe('columnDateOrder', () => {
  const line = (i: number) => i + 2;
  const problem = (result: ReturnType<typeof columnDateOrder>) => ('problem' in result ? result.problem(line) : result);
  it.each([
    [['2026-12-03', null, '03.12.2026'], undefined, {}],
    [['05/12/2026', '25/12/2026'], undefined, { order: 'dmy', evidence: 1 }],
    [['12/05/2026', '12/25/2026'], undefined, { order: 'mdy', evidence: 1 }],
    [['05/12/2026'], 'mdy', { order: 'mdy' }],
    [['05/05/2026'], undefined, {}],
    [['05/12/2026', '04/12/2026'], undefined, "dates such as '05/12/2026' (line 2) could be day-first or month-first and no date in the column says which: say --date-order dmy|mdy"],
    [['25/12/2026', '12/25/2026'], undefined, "'25/12/2026' (line 2) is day-first but '12/25/2026' (line 3) month-first: write the dates as 2026-12-03"],
    [['25/12/2026'], 'mdy', "'25/12/2026' (line 2) cannot be month-first as --date-order mdy says: use --date-order dmy"],
  ] as Array<[Array<string | null>, DateOrder | undefined, unknown]>)('%j (%s) → %j', (values, given, expected) => {
    expect(problem(columnDateOrder(values, given))).toEqual(expected);
  });
});
