import { afterEach, describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/core/dates.js';
import { isoInZone } from '../../src/core/time.js';

const NOW = '2026-11-22T08:00:00Z'; // a Sunday

/** The parsed instant, shown in the zone the phrase was read in. */
async function read(text: string, now: string, zone: string, dateOnly?: { time: string; zone: string }): Promise<string> {
  const when = await parseWhen(text, { now: new Date(now), zone, dateOnly, flag: '--at' });
  return `${isoInZone(when.at, zone)} ${when.hadTime ? 'time' : 'date'}`;
}

describe('parseWhen', () => {
  it.each([
    ['2026-12-01 14:30', 'UTC', '2026-12-01T14:30:00+00:00 time'],
    ['2026-12-01T14:30', 'Asia/Jakarta', '2026-12-01T14:30:00+07:00 time'],
    ['2026-12-01T14:30:00Z', 'Asia/Jakarta', '2026-12-01T21:30:00+07:00 time'],
    ['2026-12-01T14:30+02:00', 'UTC', '2026-12-01T12:30:00+00:00 time'],
    ['2026-12-01', 'UTC', '2026-12-01T09:00:00+00:00 date'],
    ['2026-12-01', 'Asia/Jakarta', '2026-12-01T09:00:00+07:00 date'],
    ['+2w', 'UTC', '2026-12-06T09:00:00+00:00 date'],
    ['+3d', 'Asia/Jakarta', '2026-11-25T09:00:00+07:00 date'],
    ['+1m', 'UTC', '2026-12-22T09:00:00+00:00 date'],
    ['+2h', 'UTC', '2026-11-22T10:00:00+00:00 time'],
    ['tomorrow 10am', 'UTC', '2026-11-23T10:00:00+00:00 time'],
    ['tomorrow 10am', 'Asia/Jakarta', '2026-11-23T10:00:00+07:00 time'],
    ['tomorrow at 14:30', 'UTC', '2026-11-23T14:30:00+00:00 time'],
    ['tomorrow', 'UTC', '2026-11-23T09:00:00+00:00 date'],
    ['next tuesday', 'UTC', '2026-11-24T09:00:00+00:00 date'],
    ['in 3 days', 'UTC', '2026-11-25T09:00:00+00:00 date'],
    ['dec 1 3pm', 'UTC', '2026-12-01T15:00:00+00:00 time'],
    ['now', 'UTC', '2026-11-22T08:00:00+00:00 time'],
  ])('%s in %s → %s', async (text, zone, expected) => {
    expect(await read(text, NOW, zone)).toBe(expected);
  });

  it.each([
    // A date alone lands at the start of the prospect's best-time window, in THEIR zone.
    ['2026-12-01', 'UTC', { time: '10:00', zone: 'Asia/Jakarta' }, '2026-12-01T03:00:00+00:00 date'],
    ['tomorrow', 'Asia/Jakarta', { time: '09:30', zone: 'America/New_York' }, '2026-11-23T21:30:00+07:00 date'],
    ['+2w', 'UTC', { time: '10:00', zone: 'Asia/Jakarta' }, '2026-12-06T03:00:00+00:00 date'],
    // A time given by the user is kept as given, in the local zone.
    ['tomorrow 8am', 'UTC', { time: '10:00', zone: 'Asia/Jakarta' }, '2026-11-23T08:00:00+00:00 time'],
  ])('%s in %s with best time %o → %s', async (text, zone, dateOnly, expected) => {
    expect(await read(text, NOW, zone, dateOnly)).toBe(expected);
  });

  it.each([
    // 'tomorrow' is the local tomorrow, not the UTC one.
    ['tomorrow 10am', '2026-11-22T20:00:00Z', 'Asia/Jakarta', '2026-11-24T10:00:00+07:00 time'],
    ['tomorrow 10am', '2026-11-22T02:00:00Z', 'America/New_York', '2026-11-22T10:00:00-05:00 time'],
    // Across daylight-saving changes: 10:00 local after the change, whatever the offset was the day before.
    ['tomorrow 10am', '2026-03-07T15:00:00Z', 'America/New_York', '2026-03-08T10:00:00-04:00 time'],
    ['tomorrow 10am', '2026-10-31T14:00:00Z', 'America/New_York', '2026-11-01T10:00:00-05:00 time'],
    ['tomorrow', '2026-03-07T15:00:00Z', 'America/New_York', '2026-03-08T09:00:00-04:00 date'],
    ['+1d', '2026-10-31T14:00:00Z', 'America/New_York', '2026-11-01T09:00:00-05:00 date'],
    ['in 3 days', '2026-03-07T15:00:00Z', 'America/New_York', '2026-03-10T09:00:00-04:00 date'],
    ['2026-03-08 10:00', '2026-03-07T15:00:00Z', 'America/New_York', '2026-03-08T10:00:00-04:00 time'],
    ['tomorrow 10am', '2026-03-28T10:00:00Z', 'Europe/London', '2026-03-29T10:00:00+01:00 time'],
  ])('%s at %s in %s → %s', async (text, now, zone, expected) => {
    expect(await read(text, now, zone)).toBe(expected);
  });

  it('a time that does not exist on the spring-forward day is moved past the gap', async () => {
    expect(await read('2026-03-08 02:30', '2026-03-07T15:00:00Z', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00 time');
  });

  describe('with the process in another zone than the salesperson', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });
    it.each([
      ['America/New_York', 'tomorrow 10am', '2026-11-22T20:00:00Z', 'Asia/Jakarta', '2026-11-24T10:00:00+07:00 time'],
      ['Asia/Jakarta', 'tomorrow 10am', '2026-03-07T15:00:00Z', 'America/New_York', '2026-03-08T10:00:00-04:00 time'],
      ['Asia/Jakarta', 'next tuesday', '2026-11-23T02:00:00Z', 'America/New_York', '2026-11-24T09:00:00-05:00 date'],
    ])('TZ=%s: %s at %s in %s → %s', async (processZone, text, now, zone, expected) => {
      process.env.TZ = processZone;
      expect(await read(text, now, zone)).toBe(expected);
    });
  });

  it.each(['whenever', 'tomorrow or so', '2026-02-30', '2026-12-01 25:00', '', '   ', 'next blursday', '10am tomorrow and friday'])(
    'refuses %j with an example of what works',
    async (text) => {
      await expect(parseWhen(text, { now: new Date(NOW), zone: 'UTC', flag: '--at' })).rejects.toThrow(
        /cannot read the date .* for --at: try 2026-12-01, .*'tomorrow 10am'/,
      );
    },
  );
});
